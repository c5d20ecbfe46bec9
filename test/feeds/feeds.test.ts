import { parseAtomFeed, parseFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReaderFixture } from "../support/reader-fixture.js";
import { createTestSite, TEST_NOW, type TestSite } from "../support/test-site.js";
import { parseXmlStrict } from "./xml-tree.js";

const BASE = "https://news.example.org";
const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(TEST_NOW.getTime() - hours * HOUR);

/** What every format must say about a fixture story. */
interface ExpectedStory {
	url: string;
	headline: string;
	summary: string;
	/** A sentence only the whole body has. */
	bodyMarker: string;
	authors: { name: string; url: string }[];
	categories: string[];
	published: Date;
	updated: Date;
}

const farida = { name: "Farida Amiri", url: `${BASE}/author/farida-amiri/` };
const omid = { name: "Omid Rahimi", url: `${BASE}/author/omid-rahimi/` };

const TALKS_END: ExpectedStory = {
	url: `${BASE}/2026/03/14/kunar-talks-end-with-agreement-to-share-river-flow-data/`,
	headline: "Kunar talks end with agreement to share river flow data",
	summary: "Both delegations will exchange daily readings from river gauges.",
	bodyMarker: "<p>Negotiators said a treaty on irrigation could follow next year, and that engineers would meet again",
	authors: [farida, omid],
	categories: ["National News", "Water"],
	published: hoursAgo(26),
	updated: hoursAgo(2),
};
const HERAT: ExpectedStory = {
	url: `${BASE}/2026/03/13/herat-saffron-growers-expect-a-record-harvest/`,
	headline: "Herat saffron growers expect a record harvest",
	// No standfirst: the summary is the body's opening words.
	summary: "Saffron growers around Herat say the autumn harvest will be the largest yet.",
	bodyMarker: "<p>Saffron growers around Herat say the autumn harvest will be the largest yet.</p>",
	authors: [omid],
	categories: ["Provinces", "Agriculture"],
	published: hoursAgo(48),
	updated: hoursAgo(48),
};
const TALKS_OPEN: ExpectedStory = {
	url: `${BASE}/2026/03/12/water-talks-open-in-kabul-on-sharing-the-kunar-river/`,
	headline: "Water talks open in Kabul on sharing the Kunar river",
	summary: "Delegations meet to discuss flow data and irrigation.",
	bodyMarker: "We have waited a long time for this,",
	authors: [farida],
	categories: ["National News", "Water", "Kunar talks"],
	published: hoursAgo(72),
	updated: hoursAgo(72),
};

/** The listings whose feeds are checked, with the stories each must start with (newest first). */
const LISTINGS = [
	{ name: "the whole site", base: "/", title: "Dateline", count: 20, first: [TALKS_END, HERAT, TALKS_OPEN] },
	{
		name: "a section with a subsection",
		base: "/news/",
		title: "Dateline – National News",
		count: 3,
		first: [TALKS_END, HERAT, TALKS_OPEN],
	},
	{ name: "a nested section", base: "/news/provinces/", title: "Dateline – Provinces", count: 1, first: [HERAT] },
	{
		name: "an author",
		base: "/author/farida-amiri/",
		title: "Dateline – Farida Amiri",
		count: 2,
		first: [TALKS_END, TALKS_OPEN],
	},
	{ name: "a tag", base: "/tag/water/", title: "Dateline – Water", count: 2, first: [TALKS_END, TALKS_OPEN] },
	{ name: "a section's own stories", base: "/sport/", title: "Dateline – Sport", count: 20, first: [] },
] as const;

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite();
	await buildReaderFixture(site);
});

afterAll(async () => {
	await site.close();
});

async function get(url: string) {
	return site.app.inject({ method: "GET", url });
}

describe.each(LISTINGS)("feeds of $name", (listing) => {
	const home = `${BASE}${listing.base}`;

	it("RSS 2.0 parses with its title, links, items newest first, bylines, categories and dates", async () => {
		const response = await get(`${listing.base}feed/`);
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
		parseXmlStrict(response.body);
		expect(parseFeed(response.body).format).toBe("rss");
		const feed = parseRssFeed(response.body);
		expect(feed.title).toBe(listing.title);
		expect(feed.link).toBe(home);
		expect(feed.language).toBe("en");
		expect(feed.atom?.links?.[0]).toMatchObject({ href: `${home}feed/`, rel: "self" });
		const items = feed.items ?? [];
		expect(items).toHaveLength(listing.count);
		const dates = items.map((item) => Date.parse(item.pubDate ?? ""));
		expect([...dates].sort((a, b) => b - a)).toEqual(dates);
		for (const item of items) {
			expect(item.link).toMatch(/^https:\/\/news\.example\.org\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/);
			expect(item.content?.encoded).toMatch(/^<p>/);
			expect(item.description).not.toBe("");
			expect(item.guid?.isPermaLink).toBe(false);
		}
		listing.first.forEach((story, index) => {
			const item = items[index];
			expect(item?.title).toBe(story.headline);
			expect(item?.link).toBe(story.url);
			expect(item?.description).toBe(story.summary);
			expect(item?.content?.encoded).toContain(story.bodyMarker);
			expect(item?.dc?.creators).toEqual(story.authors.map((author) => author.name));
			expect(item?.categories?.map((category) => category.name)).toEqual(story.categories);
			expect(item?.pubDate).toBe(story.published.toUTCString());
		});
	});

	it("Atom 1.0 parses with its id, links, entries newest first, authors, categories and dates", async () => {
		const response = await get(`${listing.base}feed/atom/`);
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
		expect(parseXmlStrict(response.body).attributes["xml:lang"]).toBe("en");
		expect(parseFeed(response.body).format).toBe("atom");
		const feed = parseAtomFeed(response.body);
		expect(feed.title?.value).toBe(listing.title);
		expect(feed.id).toBe(`${home}feed/atom/`);
		expect(feed.links).toEqual([
			{ href: `${home}feed/atom/`, rel: "self", type: "application/atom+xml" },
			{ href: home, rel: "alternate", type: "text/html" },
		]);
		const entries = feed.entries ?? [];
		expect(entries).toHaveLength(listing.count);
		const newestChange = Math.max(...entries.map((entry) => Date.parse(entry.updated ?? "")));
		expect(Date.parse(feed.updated ?? "")).toBeGreaterThanOrEqual(newestChange);
		for (const entry of entries) {
			expect(entry.links?.[0]?.href).toMatch(/^https:\/\/news\.example\.org\//);
			expect(entry.content?.type).toBe("html");
			expect(entry.id).toMatch(/^tag:news\.example\.org,\d{4}-\d{2}-\d{2}:article\/\d+$/);
		}
		listing.first.forEach((story, index) => {
			const entry = entries[index];
			expect(entry?.title?.value).toBe(story.headline);
			expect(entry?.links?.[0]).toEqual({ href: story.url, rel: "alternate", type: "text/html" });
			expect(entry?.summary?.value).toBe(story.summary);
			expect(entry?.content?.value).toContain(story.bodyMarker);
			expect(entry?.authors).toEqual(story.authors.map((author) => ({ name: author.name, uri: author.url })));
			expect(entry?.categories?.map((category) => category.label)).toEqual(story.categories);
			expect(entry?.published && new Date(entry.published)).toEqual(story.published);
			expect(entry?.updated && new Date(entry.updated)).toEqual(story.updated);
		});
	});

	it("JSON Feed 1.1 parses with its addresses, items newest first, authors, tags and dates", async () => {
		const response = await get(`${listing.base}feed.json`);
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toBe("application/feed+json; charset=utf-8");
		expect(parseFeed(response.body).format).toBe("json");
		expect((JSON.parse(response.body) as { version: string }).version).toBe("https://jsonfeed.org/version/1.1");
		const feed = parseJsonFeed(response.body);
		expect(feed.title).toBe(listing.title);
		expect(feed.home_page_url).toBe(home);
		expect(feed.feed_url).toBe(`${home}feed.json`);
		expect(feed.language).toBe("en");
		const items = feed.items ?? [];
		expect(items).toHaveLength(listing.count);
		const dates = items.map((item) => Date.parse(item.date_published ?? ""));
		expect([...dates].sort((a, b) => b - a)).toEqual(dates);
		for (const item of items) {
			expect(item.url).toMatch(/^https:\/\/news\.example\.org\//);
			expect(item.content_html).toMatch(/^<p>/);
		}
		listing.first.forEach((story, index) => {
			const item = items[index];
			expect(item?.title).toBe(story.headline);
			expect(item?.url).toBe(story.url);
			expect(item?.summary).toBe(story.summary);
			expect(item?.content_html).toContain(story.bodyMarker);
			expect(item?.authors).toEqual(story.authors);
			expect(item?.tags).toEqual(story.categories);
			expect(item?.date_published && new Date(item.date_published)).toEqual(story.published);
			expect(item?.date_modified && new Date(item.date_modified)).toEqual(story.updated);
		});
	});
});

describe("feeds and sitemaps never show a draft", () => {
	it("no feed or sitemap names the fixture's draft", async () => {
		const urls = [
			...LISTINGS.flatMap((listing) => [
				`${listing.base}feed/`,
				`${listing.base}feed/atom/`,
				`${listing.base}feed.json`,
			]),
			"/sitemap.xml",
			"/sitemaps/articles-1.xml",
			"/news-sitemap.xml",
		];
		for (const url of urls) {
			const response = await get(url);
			expect(response.statusCode, url).toBe(200);
			expect(response.body, url).not.toContain("Unpublished draft");
			expect(response.body, url).not.toContain("unpublished-draft-about-the-kunar-river");
		}
	});
});

describe("unknown listings", () => {
	it.each([
		"/nowhere/feed/",
		"/nowhere/feed/atom/",
		"/nowhere/feed.json",
		"/news/nowhere/feed/",
		"/news/provinces/nowhere/feed/atom/",
		"/author/nobody/feed/",
		"/author/nobody/feed.json",
		"/tag/nothing/feed/atom/",
		"/tag/nothing/feed.json",
	])("%s answers 404 in plain text", async (url) => {
		const response = await get(url);
		expect(response.statusCode).toBe(404);
		expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
		expect(response.body.trim()).toMatch(/^No (section|author|tag) has this address\.$/);
	});

	it("a feed address without its trailing slash is sent to the slashed one", async () => {
		const response = await get("/news/feed/atom");
		expect(response.statusCode).toBe(301);
		expect(response.headers.location).toBe("/news/feed/atom/");
	});
});
