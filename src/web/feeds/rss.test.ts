import { parseFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { fakeFeed, HOSTILE_BODY, HOSTILE_HEADLINE_CLEAN } from "../../../test/feeds/fake-feed.js";
import { childNamed, childrenNamed, NS, parseXmlStrict } from "../../../test/feeds/xml-tree.js";
import { renderRss } from "./rss.js";

describe("renderRss", () => {
	const xml = renderRss(fakeFeed());

	it("is well-formed, namespace-correct RSS 2.0 that a feed parser detects as RSS", () => {
		const root = parseXmlStrict(xml);
		expect(root.local).toBe("rss");
		expect(root.attributes.version).toBe("2.0");
		expect(parseFeed(xml).format).toBe("rss");
	});

	it("describes the channel and links to itself with atom:link", () => {
		const feed = parseRssFeed(xml);
		expect(feed.title).toBe("Dateline News – National News");
		expect(feed.link).toBe("https://news.example.org/news/");
		expect(feed.description).toBe("News & views from across the country.");
		expect(feed.language).toBe("en");
		expect(feed.lastBuildDate).toBe("Sun, 15 Mar 2026 07:30:00 GMT");
		expect(feed.atom?.links).toEqual([
			{ href: "https://news.example.org/news/feed/", rel: "self", type: "application/rss+xml" },
		]);
	});

	it("carries a hostile headline and body through intact, minus the characters XML forbids", () => {
		const [item] = parseRssFeed(xml).items ?? [];
		expect(item?.title).toBe(HOSTILE_HEADLINE_CLEAN);
		expect(item?.content?.encoded).toBe(HOSTILE_BODY);
		expect(item?.description).toBe("Summary with <b>angle</b> brackets & an ampersand.");
	});

	it("gives each item a permanent guid, an RFC 822 date, bylines in order and categories", () => {
		const [item] = parseRssFeed(xml).items ?? [];
		expect(item?.guid).toEqual({ value: "tag:news.example.org,2026-03-14:article/7", isPermaLink: false });
		expect(item?.link).toBe("https://news.example.org/2026/03/14/tea-and-trade/");
		expect(item?.pubDate).toBe("Sat, 14 Mar 2026 07:30:00 GMT");
		expect(item?.dc?.creators).toEqual(["Farida Amiri", "Omid Rahimi"]);
		expect(item?.categories).toEqual([
			{ name: "National News", domain: "https://news.example.org/" },
			{ name: "Water", domain: "https://news.example.org/tag/" },
		]);
	});

	it("renders the featured image as an enclosure with URL, size and type", () => {
		const [withImage, withoutImage] = parseRssFeed(xml).items ?? [];
		expect(withImage?.enclosures).toEqual([
			{ url: "https://news.example.org/media/tea.jpg", length: 48213, type: "image/jpeg" },
		]);
		expect(withoutImage?.enclosures).toBeUndefined();
	});

	it("names an item's language with dc:language only when it differs from the channel's", () => {
		const channel = childNamed(parseXmlStrict(xml), "", "channel");
		const [english, dari] = childrenNamed(channel, "", "item");
		expect(english && childrenNamed(english, NS.dc, "language")).toEqual([]);
		expect(dari && childNamed(dari, NS.dc, "language").text).toBe("fa-AF");
	});

	it("is still a valid channel with no items and no build date", () => {
		const empty = renderRss(fakeFeed({ items: [], updated: null }));
		const channel = childNamed(parseXmlStrict(empty), "", "channel");
		expect(childrenNamed(channel, "", "item")).toEqual([]);
		expect(childrenNamed(channel, "", "lastBuildDate")).toEqual([]);
		expect(parseRssFeed(empty).title).toBe("Dateline News – National News");
	});
});
