import { parseAtomFeed, parseFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../support/test-site.js";
import { childNamed, childrenNamed, NS, parseXmlStrict } from "./xml-tree.js";

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite();
});

afterAll(async () => {
	await site.close();
});

async function get(url: string) {
	const response = await site.app.inject({ method: "GET", url });
	expect(response.statusCode, url).toBe(200);
	return response;
}

describe("a site with no stories", () => {
	it("has a valid, empty RSS feed", async () => {
		const { body } = await get("/feed/");
		const channel = childNamed(parseXmlStrict(body), "", "channel");
		expect(childrenNamed(channel, "", "item")).toEqual([]);
		expect(parseFeed(body).format).toBe("rss");
		const feed = parseRssFeed(body);
		expect(feed.title).toBe("Dateline");
		expect(feed.link).toBe("https://news.example.org/");
		expect(feed.items ?? []).toEqual([]);
	});

	it("has a valid, empty Atom feed that still has an id and an updated instant", async () => {
		const { body } = await get("/feed/atom/");
		expect(childrenNamed(parseXmlStrict(body), NS.atom, "entry")).toEqual([]);
		const feed = parseAtomFeed(body);
		expect(feed.id).toBe("https://news.example.org/feed/atom/");
		expect(feed.updated).toBe("1970-01-01T00:00:00Z");
		expect(feed.entries ?? []).toEqual([]);
	});

	it("has a valid, empty JSON Feed", async () => {
		const { body } = await get("/feed.json");
		expect(parseFeed(body).format).toBe("json");
		expect(parseJsonFeed(body).items ?? []).toEqual([]);
		expect((JSON.parse(body) as { items: unknown[] }).items).toEqual([]);
	});

	it("sends no Last-Modified for a feed with nothing in it, but still an ETag", async () => {
		const response = await get("/feed/");
		expect(response.headers["last-modified"]).toBeUndefined();
		expect(response.headers.etag).toMatch(/^"[^"]+"$/);
	});

	it("has a valid sitemap index that lists only the sections sitemap, which holds the home page", async () => {
		const index = parseXmlStrict((await get("/sitemap.xml")).body);
		const sitemaps = childrenNamed(index, NS.sitemap, "sitemap");
		expect(sitemaps.map((sitemap) => childNamed(sitemap, NS.sitemap, "loc").text)).toEqual([
			"https://news.example.org/sitemaps/sections.xml",
		]);
		const sections = parseXmlStrict((await get("/sitemaps/sections.xml")).body);
		const urls = childrenNamed(sections, NS.sitemap, "url");
		expect(urls.map((url) => childNamed(url, NS.sitemap, "loc").text)).toEqual(["https://news.example.org/"]);
		expect(childrenNamed(urls[0] ?? sections, NS.sitemap, "lastmod")).toEqual([]);
	});

	it.each(["/sitemaps/articles-1.xml", "/sitemaps/authors-1.xml", "/sitemaps/tags-1.xml", "/news-sitemap.xml"])(
		"%s is a valid, empty urlset",
		async (url) => {
			const root = parseXmlStrict((await get(url)).body);
			expect(root.uri).toBe(NS.sitemap);
			expect(root.local).toBe("urlset");
			expect(root.children).toEqual([]);
		},
	);

	it("has valid, empty feeds for a section with no stories yet", async () => {
		await site.services.sections.create({ name: "Culture", description: "Arts & books." });
		const rss = parseRssFeed((await get("/culture/feed/")).body);
		expect(rss.title).toBe("Dateline – Culture");
		expect(rss.description).toBe("Arts & books.");
		expect(rss.items ?? []).toEqual([]);
		parseXmlStrict((await get("/culture/feed/atom/")).body);
		expect(parseJsonFeed((await get("/culture/feed.json")).body).items ?? []).toEqual([]);
	});
});
