import { parseFeed, parseJsonFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { fakeFeed, HOSTILE_BODY, HOSTILE_HEADLINE_CLEAN } from "../../../test/feeds/fake-feed.js";
import { renderJsonFeed } from "./json-feed.js";

describe("renderJsonFeed", () => {
	const body = renderJsonFeed(fakeFeed());
	const raw = JSON.parse(body) as { version: string; items: Record<string, unknown>[] };

	it("is JSON Feed 1.1 that a feed parser detects as JSON Feed", () => {
		expect(raw.version).toBe("https://jsonfeed.org/version/1.1");
		expect(parseFeed(body).format).toBe("json");
	});

	it("describes the feed with its addresses, language and publisher", () => {
		const feed = parseJsonFeed(body);
		expect(feed.title).toBe("Dateline News – National News");
		expect(feed.home_page_url).toBe("https://news.example.org/news/");
		expect(feed.feed_url).toBe("https://news.example.org/news/feed.json");
		expect(feed.description).toBe("News & views from across the country.");
		expect(feed.language).toBe("en");
		expect(feed.authors).toEqual([{ name: "Dateline News", url: "https://news.example.org/" }]);
	});

	it("gives each item HTML content, a summary, dates, authors in order, tags and the image", () => {
		const [item] = parseJsonFeed(body).items ?? [];
		expect(item).toMatchObject({
			id: "tag:news.example.org,2026-03-14:article/7",
			url: "https://news.example.org/2026/03/14/tea-and-trade/",
			title: HOSTILE_HEADLINE_CLEAN,
			content_html: HOSTILE_BODY,
			summary: "Summary with <b>angle</b> brackets & an ampersand.",
			image: "https://news.example.org/media/tea.jpg",
			date_published: "2026-03-14T07:30:00Z",
			date_modified: "2026-03-15T07:30:00Z",
			tags: ["National News", "Water"],
			authors: [
				{ name: "Farida Amiri", url: "https://news.example.org/author/farida-amiri/" },
				{ name: "Omid Rahimi", url: "https://news.example.org/author/omid-rahimi/" },
			],
		});
	});

	it("names an item's language only when it differs from the feed's, and leaves out a missing image", () => {
		expect(raw.items.map((item) => item.language)).toEqual([undefined, "fa-AF"]);
		expect(raw.items.map((item) => "image" in item)).toEqual([true, false]);
	});

	it("is still a valid feed with no items", () => {
		const empty = renderJsonFeed(fakeFeed({ items: [], updated: null }));
		expect(parseJsonFeed(empty).items ?? []).toEqual([]);
		expect((JSON.parse(empty) as { items: unknown[] }).items).toEqual([]);
	});
});
