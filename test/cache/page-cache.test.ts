import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReaderFixture, type ReaderFixture } from "../support/reader-fixture.js";
import { createTestSite, type TestSite } from "../support/test-site.js";

const TALKS_END = "/2026/03/14/kunar-talks-end-with-agreement-to-share-river-flow-data/";
const TALKS_OPEN = "/2026/03/12/water-talks-open-in-kabul-on-sharing-the-kunar-river/";
const HERAT = "/2026/03/13/herat-saffron-growers-expect-a-record-harvest/";
const CRICKET = "/sport/";

let site: TestSite;
let fixture: ReaderFixture;
let base: string;

beforeAll(async () => {
	site = await createTestSite();
	fixture = await buildReaderFixture(site);
	await site.app.listen({ port: 0, host: "127.0.0.1" });
	base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await site.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(`${base}${path}`, { headers: { "accept-encoding": "identity", ...headers } });
	return {
		status: response.status,
		cache: response.headers.get("x-cache"),
		headers: response.headers,
		body: await response.text(),
	};
}

describe("page cache over real HTTP", () => {
	it("answers the second request for a page from memory, with the same bytes and validators", async () => {
		const first = await get(HERAT);
		const second = await get(HERAT);
		expect([first.status, first.cache]).toEqual([200, "MISS"]);
		expect([second.status, second.cache]).toEqual([200, "HIT"]);
		expect(second.body).toBe(first.body);
		expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
		expect(second.headers.get("etag")).toMatch(/^"[\w-]{27}"$/);
		expect(second.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=86400");
		expect(second.headers.get("surrogate-key")).toContain(`article:${fixture.herat}`);
		expect(second.headers.get("vary")).toBe("accept-encoding");
	});

	it("serves brotli and gzip bodies computed once, by Accept-Encoding", async () => {
		await get(TALKS_OPEN);
		const br = await fetch(`${base}${TALKS_OPEN}`, { headers: { "accept-encoding": "br" } });
		expect(br.headers.get("content-encoding")).toBe("br");
		expect(await br.text()).toContain("Water talks open in Kabul");
		const raw = await new Promise<Buffer>((resolve, reject) => {
			import("node:http").then(({ get: httpGet }) => {
				httpGet(`${base}${TALKS_OPEN}`, { headers: { "accept-encoding": "gzip" } }, (response) => {
					expect(response.headers["content-encoding"]).toBe("gzip");
					const chunks: Buffer[] = [];
					response.on("data", (chunk: Buffer) => chunks.push(chunk));
					response.on("end", () => resolve(Buffer.concat(chunks)));
				}).on("error", reject);
			}, reject);
		});
		expect(gunzipSync(raw).toString()).toContain("Water talks open in Kabul");
	});

	it("answers If-None-Match with 304, cached or not", async () => {
		const page = await get(HERAT);
		const etag = page.headers.get("etag") ?? "";
		const notModified = await get(HERAT, { "if-none-match": etag });
		expect(notModified.status).toBe(304);
		expect(notModified.body).toBe("");
		const uncachedUrl = "/news/?from=test";
		const uncached = await get(uncachedUrl);
		expect(uncached.cache).toBeNull();
		expect((await get(uncachedUrl, { "if-none-match": uncached.headers.get("etag") ?? "" })).status).toBe(304);
	});

	it("shows an edited headline at once on the article, its section, home, author and tag pages and the feeds, and keeps unrelated pages", async () => {
		const pages = [
			TALKS_END,
			"/",
			"/news/",
			"/author/farida-amiri/",
			"/tag/water/",
			TALKS_OPEN,
			"/feed/",
			"/news/feed/atom/",
		];
		for (const path of [...pages, HERAT, CRICKET]) await get(path);
		for (const path of [...pages, HERAT, CRICKET]) expect((await get(path)).cache, path).toBe("HIT");

		const story = await site.services.articles.getPublished("kunar-talks-end-with-agreement-to-share-river-flow-data");
		if (!story) throw new Error("story missing");
		await site.services.articles.update(story.id, {
			headline: "Kunar talks close with a deal on river data",
			bodySource: "The water-sharing talks on the Kunar river ended in Kabul with a deal on flow data.",
			datelinePlace: "Kabul",
			sectionId: story.section.id,
			personIds: story.bylines.map((person) => person.id),
			tagNames: story.tags.map((tag) => tag.name),
		});

		for (const path of pages) {
			const after = await get(path);
			expect(after.cache, path).toBe("MISS");
			expect(after.body, path).toContain("Kunar talks close with a deal on river data");
		}
		for (const feed of ["/feed/", "/news/feed/atom/", "/author/farida-amiri/feed.json", "/tag/water/feed/"]) {
			expect((await get(feed)).body, feed).toContain("Kunar talks close with a deal on river data");
		}
		expect((await get(HERAT)).cache).toBe("HIT");
		expect((await get(CRICKET)).cache).toBe("HIT");
	});

	it("keeps sitemaps until a story changes, then lists the new story", async () => {
		const sitemaps = ["/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/tags-1.xml", "/sitemaps/sections.xml"];
		for (const path of sitemaps) await get(path);
		for (const path of sitemaps) expect((await get(path)).cache, path).toBe("HIT");
		const section = await site.services.sections.getByPath("news");
		if (!section) throw new Error("fixture changed");
		const id = await site.services.articles.createDraft({
			headline: "Gauges installed on the Kunar river",
			bodySource: "Engineers fitted the first river gauges.",
			sectionId: section.id,
			personIds: [],
			tagNames: ["Rivers"],
		});
		await site.services.articles.publish(id);
		for (const path of sitemaps) expect((await get(path)).cache, path).toBe("MISS");
		expect((await get("/sitemaps/articles-1.xml")).body).toContain("gauges-installed-on-the-kunar-river");
		expect((await get("/sitemaps/tags-1.xml")).body).toContain("/tag/rivers/");
	});

	it("sends a feed or sitemap with the same ETag on the miss that stores it as on every hit, so revalidating gets 304", async () => {
		await site.services.settings.updateSite({ name: "Kabul Dateline" });
		for (const path of ["/feed/", "/sitemap.xml", "/sitemaps/articles-1.xml"]) {
			const miss = await get(path);
			const hit = await get(path);
			expect([miss.cache, hit.cache], path).toEqual(["MISS", "HIT"]);
			expect(hit.headers.get("etag"), path).toBe(miss.headers.get("etag"));
			expect((await get(path, { "if-none-match": String(miss.headers.get("etag")) })).status, path).toBe(304);
		}
	});

	it("drops every page when site settings change", async () => {
		await get(HERAT);
		expect((await get(HERAT)).cache).toBe("HIT");
		await site.services.settings.updateSite({ name: "Kabul Dateline" });
		const after = await get(HERAT);
		expect(after.cache).toBe("MISS");
		expect(after.body).toContain("Kabul Dateline");
	});

	it("never caches the newsroom, searches or error pages", async () => {
		for (const path of ["/admin/login", "/search?q=kunar", "/no-such-page/"]) {
			await get(path);
			const again = await get(path);
			expect(again.cache, path).not.toBe("HIT");
		}
		expect((await get("/admin/login")).headers.get("cache-control")).toBe("private, no-store");
	});
});

describe("page cache bounds", () => {
	it("keeps total bytes under its budget, dropping the least recently used", async () => {
		const { PageCache, cachedPage } = await import("../../src/cache/page-cache.js");
		const cache = new PageCache(200_000);
		const body = (n: number) => `<p>${"x".repeat(10_000)}${n}</p>`;
		for (let i = 0; i < 50; i += 1)
			cache.set(`/p${i}/`, cachedPage({ body: body(i), contentType: "text/html", keys: [`k${i}`] }));
		expect(cache.bytes).toBeLessThanOrEqual(200_000);
		expect(cache.get("/p49/")).toBeDefined();
		expect(cache.get("/p0/")).toBeUndefined();
		expect(cache.purge(["k49"])).toBe(1);
		expect(cache.get("/p49/")).toBeUndefined();
	});
});
