import { type CheerioAPI, load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReaderFixture } from "../../../test/support/reader-fixture.js";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";

const BASE = "https://news.example.org";
const TALKS_END = "/2026/03/14/kunar-talks-end-with-agreement-to-share-river-flow-data/";
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite();
	await buildReaderFixture(site);
	await site.services.settings.updateSite({
		name: "Dateline News",
		logoUrl: "/assets/logo.png",
		logoWidth: 600,
		logoHeight: 60,
	});
});

afterAll(async () => {
	await site.close();
});

async function page(url: string): Promise<CheerioAPI> {
	const response = await site.app.inject(url);
	return load(response.body);
}

function jsonLd($: CheerioAPI, type: string): Record<string, unknown> {
	const found = $('script[type="application/ld+json"]')
		.toArray()
		.map((element) => JSON.parse($(element).text()) as Record<string, unknown>)
		.find((data) => data["@type"] === type);
	if (!found) throw new Error(`no ${type} JSON-LD`);
	return found;
}

const meta = ($: CheerioAPI, property: string) =>
	$(`meta[property="${property}"]`)
		.toArray()
		.map((m) => $(m).attr("content"));

describe("NewsArticle JSON-LD", () => {
	it("has every field search engines require, with absolute URLs and dates with a time zone", async () => {
		const $ = await page(TALKS_END);
		const article = jsonLd($, "NewsArticle") as {
			headline: string;
			image: string[];
			datePublished: string;
			dateModified: string;
			author: { "@type": string; name: string; url: string }[];
			publisher: {
				"@type": string;
				name: string;
				logo: { "@type": string; url: string; width: number; height: number };
			};
			articleSection: string;
			inLanguage: string;
			mainEntityOfPage: { "@id": string };
		};
		expect(article["@context" as keyof typeof article]).toBe("https://schema.org");
		expect(article.headline).toBe("Kunar talks end with agreement to share river flow data");
		expect(article.headline.length).toBeLessThanOrEqual(110);
		expect(article.image).toEqual([`${BASE}/assets/logo.png`]);
		expect(article.datePublished).toMatch(ISO_WITH_ZONE);
		expect(article.dateModified).toMatch(ISO_WITH_ZONE);
		expect(Date.parse(article.dateModified)).toBeGreaterThan(Date.parse(article.datePublished));
		expect(article.author).toEqual([
			{ "@type": "Person", name: "Farida Amiri", url: `${BASE}/author/farida-amiri/` },
			{ "@type": "Person", name: "Omid Rahimi", url: `${BASE}/author/omid-rahimi/` },
		]);
		expect(article.publisher).toEqual({
			"@type": "NewsMediaOrganization",
			name: "Dateline News",
			url: `${BASE}/`,
			logo: { "@type": "ImageObject", url: `${BASE}/assets/logo.png`, width: 600, height: 60 },
		});
		expect(article.articleSection).toBe("National News");
		expect(article.inLanguage).toBe("en");
		expect(article.mainEntityOfPage["@id"]).toBe(`${BASE}${TALKS_END}`);
	});

	it("serves the logo it names", async () => {
		const logo = await site.app.inject("/assets/logo.png");
		expect(logo.statusCode).toBe(200);
		expect(logo.headers["content-type"]).toBe("image/png");
		expect(logo.rawPayload.subarray(1, 4).toString()).toBe("PNG");
	});
});

describe("sharing metadata", () => {
	it("gives an article Open Graph, a Twitter card, a canonical URL and a description from the standfirst", async () => {
		const $ = await page(TALKS_END);
		expect(meta($, "og:type")).toEqual(["article"]);
		expect(meta($, "og:url")).toEqual([`${BASE}${TALKS_END}`]);
		expect(meta($, "og:image")).toEqual([`${BASE}/assets/logo.png`]);
		expect(meta($, "article:published_time")).toEqual(["2026-03-14T07:30:00.000Z"]);
		expect(meta($, "article:modified_time")).toEqual(["2026-03-15T07:30:00.000Z"]);
		expect(meta($, "article:author")).toEqual([`${BASE}/author/farida-amiri/`, `${BASE}/author/omid-rahimi/`]);
		expect(meta($, "article:section")).toEqual(["National News"]);
		expect(meta($, "article:tag")).toEqual(["Water"]);
		expect($('meta[name="twitter:card"]').attr("content")).toBe("summary");
		expect($('meta[name="twitter:title"]').attr("content")).toBe(
			"Kunar talks end with agreement to share river flow data",
		);
		expect($('link[rel="canonical"]').attr("href")).toBe(`${BASE}${TALKS_END}`);
		expect($('meta[name="description"]').attr("content")).toBe(
			"Both delegations will exchange daily readings from river gauges.",
		);
	});

	it("falls back to the body's opening words when a story has no standfirst", async () => {
		const $ = await page("/2026/03/13/herat-saffron-growers-expect-a-record-harvest/");
		expect($('meta[name="description"]').attr("content")).toBe(
			"Saffron growers around Herat say the autumn harvest will be the largest yet.",
		);
	});

	it("describes the home page as a WebSite with a search action and its publisher", async () => {
		const $ = await page("/");
		const website = jsonLd($, "WebSite") as { url: string; potentialAction: { target: { urlTemplate: string } } };
		expect(website.url).toBe(`${BASE}/`);
		expect(website.potentialAction.target.urlTemplate).toBe(`${BASE}/search?q={search_term_string}`);
		expect(meta($, "og:type")).toEqual(["website"]);
	});
});

describe("feed autodiscovery", () => {
	it("links the site's RSS, Atom and JSON feeds from every kind of page", async () => {
		for (const url of [
			"/",
			TALKS_END,
			"/news/",
			"/news/provinces/",
			"/author/farida-amiri/",
			"/tag/water/",
			"/search?q=kunar",
			"/no-such-page/",
		]) {
			const $ = await page(url);
			const links = $('link[rel="alternate"]')
				.toArray()
				.map((l) => [$(l).attr("type"), $(l).attr("href")]);
			expect(links, url).toEqual(
				expect.arrayContaining([
					["application/rss+xml", `${BASE}/feed/`],
					["application/atom+xml", `${BASE}/feed/atom/`],
					["application/feed+json", `${BASE}/feed.json`],
				]),
			);
		}
	});

	it("adds the listing's own feeds on section, author and tag pages, and the section's on an article", async () => {
		const cases: [string, string][] = [
			["/news/provinces/", "/news/provinces/feed/"],
			["/author/farida-amiri/", "/author/farida-amiri/feed/"],
			["/tag/water/", "/tag/water/feed/"],
			[TALKS_END, "/news/feed/"],
		];
		for (const [url, feed] of cases) {
			const $ = await page(url);
			expect($(`link[rel="alternate"][href="${BASE}${feed}"]`).attr("type"), url).toBe("application/rss+xml");
		}
	});
});
