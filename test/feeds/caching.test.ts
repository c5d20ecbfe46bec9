import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReaderFixture } from "../support/reader-fixture.js";
import { createTestSite, TEST_NOW, type TestSite } from "../support/test-site.js";

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite();
	await buildReaderFixture(site);
});

afterAll(async () => {
	await site.close();
});

async function get(url: string, headers: Record<string, string> = {}) {
	return site.app.inject({ method: "GET", url, headers });
}

/** The fixture's latest change: the talks-end update, two hours before TEST_NOW. */
const LATEST_CHANGE = "Sun, 15 Mar 2026 07:30:00 GMT";

const DOCUMENTS = [
	"/feed/",
	"/feed/atom/",
	"/feed.json",
	"/news/provinces/feed/",
	"/author/omid-rahimi/feed/atom/",
	"/tag/water/feed.json",
	"/sitemap.xml",
	"/sitemaps/articles-1.xml",
	"/sitemaps/tags-1.xml",
	"/news-sitemap.xml",
	"/robots.txt",
];

describe.each(DOCUMENTS)("%s", (url) => {
	it("carries a strong ETag and is cacheable for five minutes", async () => {
		const response = await get(url);
		expect(response.statusCode).toBe(200);
		expect(response.headers.etag).toMatch(/^"[^"]+"$/);
		expect(response.headers["cache-control"]).toBe("public, max-age=300");
		expect((await get(url)).headers.etag).toBe(response.headers.etag);
	});

	it("answers 304 with no body to a matching If-None-Match, and 200 to another", async () => {
		const { headers } = await get(url);
		const etag = String(headers.etag);
		const revalidated = await get(url, { "if-none-match": etag });
		expect(revalidated.statusCode).toBe(304);
		expect(revalidated.body).toBe("");
		expect(revalidated.headers.etag).toBe(etag);
		expect(revalidated.headers["cache-control"]).toBe("public, max-age=300");
		expect((await get(url, { "if-none-match": '"something-else"' })).statusCode).toBe(200);
	});
});

describe("Last-Modified", () => {
	it.each(["/feed/", "/feed/atom/", "/feed.json", "/news/feed/", "/sitemap.xml"])(
		"%s says when its newest story last changed",
		async (url) => {
			expect((await get(url)).headers["last-modified"]).toBe(LATEST_CHANGE);
		},
	);

	it("follows the listing: a nested section's feed dates from its own newest story", async () => {
		expect((await get("/news/provinces/feed/")).headers["last-modified"]).toBe("Fri, 13 Mar 2026 09:30:00 GMT");
	});

	it("answers 304 to an If-Modified-Since not older than the last change, and 200 to an older one", async () => {
		expect((await get("/feed/", { "if-modified-since": LATEST_CHANGE })).statusCode).toBe(304);
		expect((await get("/feed/", { "if-modified-since": "Sun, 15 Mar 2026 09:00:00 GMT" })).statusCode).toBe(304);
		expect((await get("/feed/", { "if-modified-since": "Sun, 15 Mar 2026 07:29:59 GMT" })).statusCode).toBe(200);
		expect((await get("/feed/", { "if-modified-since": "not a date" })).statusCode).toBe(200);
	});

	it("lets a stale If-None-Match win over a fresh If-Modified-Since", async () => {
		const response = await get("/feed/", { "if-none-match": '"stale"', "if-modified-since": LATEST_CHANGE });
		expect(response.statusCode).toBe(200);
	});

	it("is left out of the news sitemap, which changes as time passes, and robots.txt", async () => {
		expect((await get("/news-sitemap.xml")).headers["last-modified"]).toBeUndefined();
		expect((await get("/robots.txt")).headers["last-modified"]).toBeUndefined();
	});

	it("answers HEAD with the same validators and no body", async () => {
		const head = await site.app.inject({ method: "HEAD", url: "/feed/atom/" });
		const full = await get("/feed/atom/");
		expect(head.statusCode).toBe(200);
		expect(head.body).toBe("");
		expect(head.headers.etag).toBe(full.headers.etag);
		expect(head.headers["last-modified"]).toBe(LATEST_CHANGE);
	});
});

describe("a new story", () => {
	it("changes the ETag and Last-Modified, so a client's old copy is refreshed", async () => {
		const before = await get("/tag/water/feed/");
		const etag = String(before.headers.etag);
		const section = await site.services.sections.getByPath("news");
		if (!section) throw new Error("fixture changed");
		const id = await site.services.articles.createDraft({
			headline: "Gauges installed on the Kunar river",
			bodySource: "Engineers fitted the first river gauges.",
			sectionId: section.id,
			personIds: [],
			tagNames: ["Water"],
		});
		await site.services.articles.publish(id, { at: new Date(TEST_NOW.getTime() - 60_000) });
		const after = await get("/tag/water/feed/", { "if-none-match": etag });
		expect(after.statusCode).toBe(200);
		expect(after.headers.etag).not.toBe(etag);
		expect(after.headers["last-modified"]).toBe("Sun, 15 Mar 2026 09:29:00 GMT");
		expect((await get("/tag/water/feed/", { "if-modified-since": LATEST_CHANGE })).statusCode).toBe(200);
	});
});
