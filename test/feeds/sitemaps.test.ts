import { XMLParser } from "fast-xml-parser";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedsPlugin } from "../../src/web/feeds/feeds-plugin.js";
import { buildReaderFixture } from "../support/reader-fixture.js";
import { createTestSite, type TestSite } from "../support/test-site.js";
import { childNamed, childrenNamed, NS, parseXmlStrict, RFC3339, type XmlElement } from "./xml-tree.js";

const BASE = "https://news.example.org";
const TALKS_END = `${BASE}/2026/03/14/kunar-talks-end-with-agreement-to-share-river-flow-data/`;
const HERAT = `${BASE}/2026/03/13/herat-saffron-growers-expect-a-record-harvest/`;
const TALKS_OPEN = `${BASE}/2026/03/12/water-talks-open-in-kabul-on-sharing-the-kunar-river/`;

let site: TestSite;
/**
 * The feeds plugin alone, with ten URLs to an article sitemap, so the fixture's 24 stories need three,
 * and three to an authors' or tags' sitemap, so its four tags need two.
 */
let paged: FastifyInstance;

beforeAll(async () => {
	site = await createTestSite();
	await buildReaderFixture(site);
	paged = Fastify();
	await paged.register(feedsPlugin, {
		services: site.services,
		config: site.config,
		sitemapPageSize: 10,
		listingSitemapPageSize: 3,
	});
	await paged.ready();
});

afterAll(async () => {
	await paged.close();
	await site.close();
});

/** Fetches an XML document, checks its content type, and parses it strictly (saxes throws on any error). */
async function xml(url: string, app: FastifyInstance = site.app): Promise<{ root: XmlElement; body: string }> {
	const response = await app.inject({ method: "GET", url });
	expect(response.statusCode, url).toBe(200);
	expect(response.headers["content-type"], url).toBe("application/xml; charset=utf-8");
	return { root: parseXmlStrict(response.body), body: response.body };
}

/** `loc` and `lastmod` of each `<url>` (or `<sitemap>`), read with fast-xml-parser as a second, independent reading. */
function entries(body: string, kind: "url" | "sitemap"): { loc: string; lastmod?: string }[] {
	const parser = new XMLParser({ isArray: (name) => name === kind, parseTagValue: false });
	const document = parser.parse(body) as Record<string, Record<string, { loc: string; lastmod?: string }[]>>;
	const root = kind === "url" ? document.urlset : document.sitemapindex;
	return root?.[kind] ?? [];
}

function locs(root: XmlElement, kind: "url" | "sitemap"): string[] {
	return childrenNamed(root, NS.sitemap, kind).map((entry) => childNamed(entry, NS.sitemap, "loc").text);
}

describe("sitemap index", () => {
	it("lists one article sitemap per 50,000 stories, then sections, authors and tags, with absolute locs", async () => {
		const { root, body } = await xml("/sitemap.xml");
		expect(root.uri).toBe(NS.sitemap);
		expect(root.local).toBe("sitemapindex");
		expect(locs(root, "sitemap")).toEqual([
			`${BASE}/sitemaps/articles-1.xml`,
			`${BASE}/sitemaps/sections.xml`,
			`${BASE}/sitemaps/authors-1.xml`,
			`${BASE}/sitemaps/tags-1.xml`,
		]);
		const listed = entries(body, "sitemap");
		expect(listed.map((entry) => entry.lastmod)).toEqual([
			"2026-03-15T07:30:00Z",
			"2026-03-15T07:30:00Z",
			"2026-03-15T07:30:00Z",
			"2026-03-15T07:30:00Z",
		]);
	});

	it("pages at the configured sizes: 24 stories at 10 a page make three sitemaps, four tags at 3 make two", async () => {
		const { root } = await xml("/sitemap.xml", paged);
		expect(locs(root, "sitemap")).toEqual([
			`${BASE}/sitemaps/articles-1.xml`,
			`${BASE}/sitemaps/articles-2.xml`,
			`${BASE}/sitemaps/articles-3.xml`,
			`${BASE}/sitemaps/sections.xml`,
			`${BASE}/sitemaps/authors-1.xml`,
			`${BASE}/sitemaps/tags-1.xml`,
			`${BASE}/sitemaps/tags-2.xml`,
		]);
		for (const entry of childrenNamed(root, NS.sitemap, "sitemap")) {
			expect(childNamed(entry, NS.sitemap, "lastmod").text).toMatch(RFC3339);
		}
	});
});

describe("article sitemaps", () => {
	it("list every published story once with an absolute loc and its last change, and no draft", async () => {
		const { root, body } = await xml("/sitemaps/articles-1.xml");
		expect(root.local).toBe("urlset");
		const urls = entries(body, "url");
		expect(urls).toHaveLength(24);
		expect(new Set(urls.map((url) => url.loc)).size).toBe(24);
		for (const url of urls) {
			expect(url.loc).toMatch(/^https:\/\/news\.example\.org\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
			expect(url.lastmod).toMatch(RFC3339);
		}
		const lastmodOf = new Map(urls.map((url) => [url.loc, url.lastmod]));
		expect(lastmodOf.get(TALKS_END)).toBe("2026-03-15T07:30:00Z");
		expect(lastmodOf.get(HERAT)).toBe("2026-03-13T09:30:00Z");
		expect(lastmodOf.get(TALKS_OPEN)).toBe("2026-03-12T09:30:00Z");
		expect(body).not.toContain("unpublished-draft");
	});

	it("split across pages without losing or repeating a story, and a page past the end is 404", async () => {
		const pages = await Promise.all([1, 2, 3].map((page) => xml(`/sitemaps/articles-${page}.xml`, paged)));
		const counts = pages.map(({ root }) => locs(root, "url").length);
		expect(counts).toEqual([10, 10, 4]);
		const all = pages.flatMap(({ root }) => locs(root, "url"));
		const whole = locs((await xml("/sitemaps/articles-1.xml")).root, "url");
		expect([...all].sort()).toEqual([...whole].sort());
		expect((await paged.inject("/sitemaps/articles-4.xml")).statusCode).toBe(404);
		expect((await paged.inject("/sitemaps/articles-0.xml")).statusCode).toBe(404);
		expect((await paged.inject("/sitemaps/elsewhere.xml")).statusCode).toBe(404);
	});
});

describe("listing sitemaps", () => {
	it("list the home page and every section, nested ones included", async () => {
		const { root, body } = await xml("/sitemaps/sections.xml");
		expect(locs(root, "url")).toEqual([`${BASE}/`, `${BASE}/news/`, `${BASE}/news/provinces/`, `${BASE}/sport/`]);
		expect(entries(body, "url").map((url) => url.lastmod)).toEqual([
			"2026-03-15T07:30:00Z",
			"2026-03-15T07:30:00Z",
			"2026-03-13T09:30:00Z",
			"2026-03-07T00:30:00Z",
		]);
	});

	it("list the authors and the tags that have published stories, in the order they were created", async () => {
		expect(locs((await xml("/sitemaps/authors-1.xml")).root, "url")).toEqual([
			`${BASE}/author/farida-amiri/`,
			`${BASE}/author/omid-rahimi/`,
		]);
		expect(locs((await xml("/sitemaps/tags-1.xml")).root, "url")).toEqual([
			`${BASE}/tag/water/`,
			`${BASE}/tag/kunar-talks/`,
			`${BASE}/tag/agriculture/`,
			`${BASE}/tag/cricket/`,
		]);
	});

	it("split the tags across pages past the page size, each dated in the index by its own newest story", async () => {
		const pages = await Promise.all(
			[1, 2].map(async (page) => locs((await xml(`/sitemaps/tags-${page}.xml`, paged)).root, "url")),
		);
		expect(pages).toEqual([
			[`${BASE}/tag/water/`, `${BASE}/tag/kunar-talks/`, `${BASE}/tag/agriculture/`],
			[`${BASE}/tag/cricket/`],
		]);
		const index = entries((await xml("/sitemap.xml", paged)).body, "sitemap");
		const lastmodOf = new Map(index.map((entry) => [entry.loc, entry.lastmod]));
		// Water and the Kunar talks carry the newest story; cricket's newest is the sport story, days older.
		expect(lastmodOf.get(`${BASE}/sitemaps/tags-1.xml`)).toBe("2026-03-15T07:30:00Z");
		expect(lastmodOf.get(`${BASE}/sitemaps/tags-2.xml`)).toBe(
			entries((await xml("/sitemaps/tags-2.xml", paged)).body, "url")[0]?.lastmod,
		);
		expect(lastmodOf.get(`${BASE}/sitemaps/tags-2.xml`)).not.toBe("2026-03-15T07:30:00Z");
		expect((await paged.inject("/sitemaps/tags-3.xml")).statusCode).toBe(404);
		expect((await paged.inject("/sitemaps/authors-2.xml")).statusCode).toBe(404);
		expect((await paged.inject("/sitemaps/tags-0.xml")).statusCode).toBe(404);
	});

	it("send a crawler that kept the one-file addresses of the listings to their first page", async () => {
		for (const kind of ["authors", "tags"]) {
			const response = await site.app.inject(`/sitemaps/${kind}.xml`);
			expect(response.statusCode).toBe(301);
			expect(response.headers.location).toBe(`${BASE}/sitemaps/${kind}-1.xml`);
		}
	});
});

describe("news sitemap", () => {
	it("holds only the stories of the last 48 hours, with publication, language, date and title", async () => {
		const { root } = await xml("/news-sitemap.xml");
		expect(root.uri).toBe(NS.sitemap);
		expect(root.attributes["xmlns:news"]).toBe(NS.news);
		// Talks-end is 26 hours old and Herat exactly 48; talks-open, 72 hours old, has aged out.
		expect(locs(root, "url")).toEqual([TALKS_END, HERAT]);
		const [first] = childrenNamed(root, NS.sitemap, "url");
		if (!first) throw new Error("no url");
		const news = childNamed(first, NS.news, "news");
		const publication = childNamed(news, NS.news, "publication");
		expect(childNamed(publication, NS.news, "name").text).toBe("Dateline");
		expect(childNamed(publication, NS.news, "language").text).toBe("en");
		expect(childNamed(news, NS.news, "publication_date").text).toBe("2026-03-14T07:30:00Z");
		expect(childNamed(news, NS.news, "publication_date").text).toMatch(RFC3339);
		expect(childNamed(news, NS.news, "title").text).toBe("Kunar talks end with agreement to share river flow data");
	});

	it("follows the app's clock as stories age out", async () => {
		site.clock.set(new Date(Date.parse("2026-03-15T09:30:00Z") + 60_000));
		try {
			expect(locs((await xml("/news-sitemap.xml")).root, "url")).toEqual([TALKS_END]);
		} finally {
			site.clock.set(new Date("2026-03-15T09:30:00Z"));
		}
	});
});

describe("robots.txt", () => {
	it("names both sitemaps by absolute URL and keeps crawlers out of the newsroom and search", async () => {
		const response = await site.app.inject("/robots.txt");
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
		const lines = response.body.split("\n");
		expect(lines[0]).toBe("User-agent: *");
		expect(lines).toContain("Disallow: /admin/");
		expect(lines).toContain("Disallow: /search$");
		expect(lines).toContain("Disallow: /search?");
		expect(lines).toContain(`Sitemap: ${BASE}/sitemap.xml`);
		expect(lines).toContain(`Sitemap: ${BASE}/news-sitemap.xml`);
	});
});
