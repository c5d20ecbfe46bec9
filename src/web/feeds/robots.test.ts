import { describe, expect, it } from "vitest";
import { renderRobots } from "./robots.js";

describe("renderRobots", () => {
	it("writes one group for every crawler, then the sitemaps", () => {
		expect(
			renderRobots({
				disallow: ["/admin/", "/search$"],
				sitemaps: ["https://news.example.org/sitemap.xml", "https://news.example.org/news-sitemap.xml"],
			}),
		).toBe(
			[
				"User-agent: *",
				"Disallow: /admin/",
				"Disallow: /search$",
				"",
				"Sitemap: https://news.example.org/sitemap.xml",
				"Sitemap: https://news.example.org/news-sitemap.xml",
				"",
			].join("\n"),
		);
	});
});
