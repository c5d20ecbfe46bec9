import type { AddressInfo } from "node:net";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReaderFixture, type ReaderFixture } from "../../../test/support/reader-fixture.js";
import { createTestSite, TEST_NOW, type TestSite } from "../../../test/support/test-site.js";
import type { ArticleJson, ArticleSummaryJson, SectionTreeJson } from "./api-json.js";

const BASE = "https://news.example.org";
const TALKS_END = "kunar-talks-end-with-agreement-to-share-river-flow-data";

let site: TestSite;
let fixture: ReaderFixture;
let base: string;
let photo: { id: number; slug: string };
let dari: { id: number; slug: string };

beforeAll(async () => {
	site = await createTestSite();
	fixture = await buildReaderFixture(site);
	const { services } = site;
	// A story with a featured image, a note under it, and a translation.
	const section = await services.sections.getByPath("news");
	const [person] = await services.people.listAll();
	if (!section || !person) throw new Error("the fixture has no news section or no people");
	const bytes = await sharp({ create: { width: 1280, height: 720, channels: 3, background: "#336699" } })
		.jpeg()
		.toBuffer();
	const media = await services.media.upload({ bytes, originalName: "dam.jpg", userId: null, alt: "The Kajaki dam" });
	const id = await services.articles.createDraft({
		headline: "Engineers inspect the Kajaki dam",
		bodySource: 'The gates are in good order.\n\n<script>alert("x")</script><img src=x onerror=alert(1)>',
		datelinePlace: "Kajaki",
		sectionId: section.id,
		personIds: [person.id],
		tagNames: ["Water"],
		featuredMediaId: media.id,
	});
	await services.articles.publish(id, { at: new Date(TEST_NOW.getTime() - 1000) });
	await services.articles.addCorrection(id, { kind: "correction", body: "An earlier version misnamed the dam." });
	const dariId = await services.articles.createDraft({
		headline: "مهندسان بند کجکی را بررسی کردند",
		slug: "kajaki-dam-fa",
		bodySource: "دروازه‌ها سالم اند.",
		language: "fa",
		sectionId: section.id,
		personIds: [person.id],
	});
	await services.articles.publish(dariId, { at: new Date(TEST_NOW.getTime() - 500) });
	await services.articles.linkTranslations([id, dariId]);
	photo = { id, slug: "engineers-inspect-the-kajaki-dam" };
	dari = { id: dariId, slug: "kajaki-dam-fa" };
	await site.app.listen({ port: 0, host: "127.0.0.1" });
	base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await site.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(`${base}${path}`, { headers });
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
	};
}

type List = { articles: ArticleSummaryJson[]; meta: Record<string, unknown> };
type ErrorDocument = { error: { code: string; message: string; detail?: string } };

describe("the content API's story list", () => {
	it("lists published stories newest first, 20 to a page, with the page's place in the list", async () => {
		const first = await get("/api/v1/articles");
		expect(first.status).toBe(200);
		expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
		const list = first.json as List;
		expect(list.articles).toHaveLength(20);
		const times = list.articles.map((story) => Date.parse(story.publishedAt));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(list.articles.map((story) => story.slug).slice(0, 2)).toEqual([dari.slug, photo.slug]);
		expect(list.meta).toEqual({ page: 1, limit: 20, next: `${BASE}/api/v1/articles?page=2`, prev: null });
		// Following `next` to its end reaches every published story once, and no draft.
		const seen: number[] = [];
		let next: string | null = `${BASE}/api/v1/articles`;
		let pages = 0;
		while (next) {
			const page = (await get(next.slice(BASE.length))).json as List;
			seen.push(...page.articles.map((story) => story.id));
			expect(page.meta.prev).toBe(pages === 0 ? null : pages === 1 ? `${BASE}/api/v1/articles` : expect.any(String));
			next = page.meta.next as string | null;
			pages += 1;
		}
		const { total } = await site.services.articles.listPublished({}, { limit: 1, offset: 0 });
		expect(seen).toHaveLength(total);
		expect(new Set(seen).size).toBe(total);
		expect(seen).not.toContain(fixture.draft);
		expect(pages).toBe(Math.ceil(total / 20));
		// A page that ends the list exactly has no `next`.
		const whole = (await get(`/api/v1/articles?limit=${total}`)).json as List;
		expect([whole.articles.length, whole.meta.next]).toEqual([total, null]);
	});

	it("gives each story its address on the site, section, bylines and dates", async () => {
		const list = (await get("/api/v1/articles?limit=100")).json as List;
		const talksEnd = list.articles.find((story) => story.slug === TALKS_END);
		expect(talksEnd).toEqual({
			id: fixture.talksEnd,
			slug: TALKS_END,
			url: `${BASE}/2026/03/14/${TALKS_END}/`,
			headline: "Kunar talks end with agreement to share river flow data",
			standfirst: expect.any(String),
			language: "en",
			publishedAt: "2026-03-14T07:30:00.000Z",
			updatedAt: "2026-03-15T07:30:00.000Z",
			section: { slug: "news", path: "news", name: "National News", url: `${BASE}/news/` },
			bylines: [
				{
					slug: "farida-amiri",
					name: "Farida Amiri",
					jobTitle: "Senior Correspondent",
					url: `${BASE}/author/farida-amiri/`,
				},
				{ slug: "omid-rahimi", name: "Omid Rahimi", jobTitle: "Reporter", url: `${BASE}/author/omid-rahimi/` },
			],
		});
	});

	it("narrows to a section with its subsections, an author or a tag, and pages by limit", async () => {
		const news = (await get("/api/v1/articles?section=news&limit=100")).json as List;
		expect(news.articles.every((story) => story.section.path.split("/")[0] === "news")).toBe(true);
		expect(news.articles.map((story) => story.section.path)).toContain("news/provinces");
		const sport = (await get("/api/v1/articles?section=sport&limit=5")).json as List;
		expect(sport.meta).toMatchObject({ limit: 5, next: `${BASE}/api/v1/articles?section=sport&limit=5&page=2` });
		const sportPages = Math.ceil(fixture.sportCount / 5);
		const last = (await get(`/api/v1/articles?section=sport&limit=5&page=${sportPages}`)).json as List;
		expect(last.articles.length).toBe(fixture.sportCount - 5 * (sportPages - 1));
		expect(last.meta.next).toBeNull();
		const omid = (await get("/api/v1/articles?author=omid-rahimi")).json as List;
		expect(omid.articles.map((story) => story.slug)).toContain(TALKS_END);
		expect(omid.articles.every((story) => story.bylines.some((person) => person.slug === "omid-rahimi"))).toBe(true);
		const water = (await get("/api/v1/articles?tag=water")).json as List;
		expect(water.articles.map((story) => story.slug)).toEqual(expect.arrayContaining([photo.slug, TALKS_END]));
		const both = (await get("/api/v1/articles?tag=water&author=omid-rahimi")).json as List;
		expect(both.articles.map((story) => story.slug)).toEqual([TALKS_END]);
	});

	it("answers a bad parameter with 400 and an unknown section, author or tag with 404, in JSON", async () => {
		for (const query of ["limit=0", "limit=101", "page=0", "page=two", "sort=oldest"]) {
			const response = await get(`/api/v1/articles?${query}`);
			expect(response.status, query).toBe(400);
			expect((response.json as ErrorDocument).error.code, query).toBe("ERR_BAD_REQUEST");
		}
		expect(((await get("/api/v1/articles?limit=0")).json as ErrorDocument).error.detail).toMatch(/^limit: /);
		const cases = [
			["section=nowhere", "ERR_SECTION_NOT_FOUND"],
			["author=nobody", "ERR_PERSON_NOT_FOUND"],
			["tag=nothing", "ERR_TAG_NOT_FOUND"],
			["page=99", "ERR_PAGE_OUT_OF_RANGE"],
		];
		for (const [query, code] of cases) {
			const response = await get(`/api/v1/articles?${query}`);
			expect(response.status, query).toBe(404);
			expect(response.headers.get("access-control-allow-origin")).toBe("*");
			expect((response.json as ErrorDocument).error.code, query).toBe(code);
		}
	});
});

describe("the content API's story", () => {
	it("carries the sanitized body, bylines with bios, tags, image copies, notes and translations", async () => {
		const response = await get(`/api/v1/articles/${photo.slug}`);
		expect(response.status).toBe(200);
		const { article } = response.json as { article: ArticleJson };
		expect(article).toMatchObject({
			id: photo.id,
			url: `${BASE}/2026/03/15/${photo.slug}/`,
			headline: "Engineers inspect the Kajaki dam",
			datelinePlace: "Kajaki",
			tags: [{ slug: "water", name: "Water", url: `${BASE}/tag/water/` }],
			translations: [
				{ language: "fa", headline: "مهندسان بند کجکی را بررسی کردند", url: `${BASE}/2026/03/15/${dari.slug}/` },
			],
		});
		expect(article.bodyHtml).toContain("<p>The gates are in good order.</p>");
		// Raw HTML in the Markdown stays text: no element, no handler.
		expect(article.bodyHtml).toContain("&lt;script&gt;");
		expect(article.bodyHtml).not.toMatch(/<script|<img/i);
		expect(article.bylines[0]?.bio).toEqual(expect.any(String));
		expect(article.corrections).toEqual([
			{ kind: "correction", text: "An earlier version misnamed the dam.", at: TEST_NOW.toISOString() },
		]);
		expect(article.updatedAt).toBe(TEST_NOW.toISOString());
		// The copy the story page shows by default, with its own size: the 1280×720 upload's proportions.
		expect(article.image?.alt).toBe("The Kajaki dam");
		expect(article.image?.width).toBeLessThanOrEqual(1280);
		expect((article.image?.width ?? 0) / (article.image?.height ?? 1)).toBeCloseTo(16 / 9, 2);
		expect(article.image?.url).toMatch(new RegExp(`^${BASE}/media/`));
		expect(article.image?.variants.length).toBeGreaterThan(0);
		for (const variant of article.image?.variants ?? []) {
			expect(variant.url).toMatch(new RegExp(`^${BASE}/media/`));
			expect(variant.width).toBeGreaterThan(0);
		}
		expect(article.image?.variants.map((variant) => variant.type)).toContain("image/webp");
		// The translation names this story back.
		const other = (await get(`/api/v1/articles/${dari.slug}`)).json as { article: ArticleJson };
		expect(other.article.language).toBe("fa");
		expect(other.article.translations.map((version) => version.language)).toEqual(["en"]);
		expect(other.article.image).toBeNull();
	});

	it("finds a story by a slug in another script, and never a draft", async () => {
		const draft = await get(`/api/v1/articles/${encodeURIComponent("unpublished-draft")}`);
		expect(draft.status).toBe(404);
		expect((draft.json as ErrorDocument).error.code).toBe("ERR_ARTICLE_NOT_FOUND");
		const { services } = site;
		const section = await services.sections.getByPath("news");
		if (!section) throw new Error("no news section");
		const id = await services.articles.createDraft({
			headline: "کابل",
			slug: "کابل-امروز",
			bodySource: "متن.",
			language: "fa",
			sectionId: section.id,
			personIds: [],
		});
		await services.articles.publish(id, { at: TEST_NOW });
		const found = await get(`/api/v1/articles/${encodeURIComponent("کابل-امروز")}`);
		expect(found.status).toBe(200);
		expect((found.json as { article: ArticleJson }).article.id).toBe(id);
	});
});

describe("the content API's search", () => {
	type Found = {
		results: (ArticleSummaryJson & { snippet: { text: string; match: boolean }[] })[];
		meta: Record<string, unknown>;
	};

	it("finds published stories with every word, each with a snippet that marks the matches", async () => {
		const response = await get(`/api/v1/search?q=${encodeURIComponent("Kunar flow")}`);
		expect(response.status).toBe(200);
		const found = response.json as Found;
		expect(found.results.map((story) => story.slug)).toContain(TALKS_END);
		expect(found.results.map((story) => story.id)).not.toContain(fixture.draft);
		const talksEnd = found.results.find((story) => story.slug === TALKS_END);
		expect(talksEnd?.url).toBe(`${BASE}/2026/03/14/${TALKS_END}/`);
		const marked = talksEnd?.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase());
		expect(marked).toEqual(expect.arrayContaining(["kunar"]));
		expect(found.meta).toMatchObject({ query: "Kunar flow", page: 1, total: found.results.length, more: false });
		expect(found.meta.next).toBeNull();
		// Not kept in the page cache: the search service keeps its own result pages.
		expect(response.headers.get("x-cache")).toBeNull();
	});

	it("pages its results, and answers an empty query with none and a bad one with 400", async () => {
		const cricket = (await get("/api/v1/search?q=cricket")).json as Found;
		const total = cricket.meta.total as number;
		expect(total).toBeGreaterThan(10);
		expect(cricket.results).toHaveLength(10);
		expect(cricket.meta.next).toBe(`${BASE}/api/v1/search?q=cricket&page=2`);
		const second = (await get("/api/v1/search?q=cricket&page=2")).json as Found;
		expect(second.meta.prev).toBe(`${BASE}/api/v1/search?q=cricket`);
		const ids = [...cricket.results, ...second.results].map((story) => story.id);
		expect(new Set(ids).size).toBe(ids.length);
		const empty = await get("/api/v1/search?q=");
		expect([empty.status, (empty.json as Found).results]).toEqual([200, []]);
		for (const query of ["", "q=x&page=0", `q=${"a".repeat(201)}`, "q=x&sort=new"]) {
			const response = await get(`/api/v1/search?${query}`);
			expect(response.status, query).toBe(400);
			expect((response.json as ErrorDocument).error.code, query).toBe("ERR_BAD_REQUEST");
		}
		expect((await get("/api/v1/search?q=cricket&page=50")).status).toBe(404);
	});
});

describe("the content API's sections", () => {
	it("gives the section tree with addresses and descriptions", async () => {
		const { sections } = (await get("/api/v1/sections")).json as { sections: SectionTreeJson[] };
		expect(sections.map((section) => section.slug)).toEqual(["news", "sport"]);
		expect(sections[0]).toEqual({
			slug: "news",
			path: "news",
			name: "National News",
			url: `${BASE}/news/`,
			description: "News from across the country.",
			children: [
				{
					slug: "provinces",
					path: "news/provinces",
					name: "Provinces",
					url: `${BASE}/news/provinces/`,
					description: "Stories from the provinces.",
					children: [],
				},
			],
		});
	});
});

describe("the content API over HTTP", () => {
	it("names its lists at its root", async () => {
		for (const path of ["/api/v1/", "/api/v1"]) {
			const response = await get(path);
			expect(response.status, path).toBe(200);
			expect(response.json).toEqual({
				articles: `${BASE}/api/v1/articles`,
				article: `${BASE}/api/v1/articles/{slug}`,
				sections: `${BASE}/api/v1/sections`,
				search: `${BASE}/api/v1/search?q={words}`,
			});
		}
	});

	it("answers an unknown address under /api/v1/ in JSON, not with the reader's page", async () => {
		const response = await get("/api/v1/stories");
		expect(response.status).toBe(404);
		expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
		expect((response.json as ErrorDocument).error).toEqual({ code: "ERR_NOT_FOUND", message: expect.any(String) });
	});

	it("is readable from any site's scripts, from the cache too, and revalidates with its ETag", async () => {
		const path = `/api/v1/articles/${TALKS_END}`;
		const miss = await get(path);
		const hit = await get(path);
		expect([miss.headers.get("x-cache"), hit.headers.get("x-cache")]).toEqual(["MISS", "HIT"]);
		for (const response of [miss, hit]) {
			expect(response.headers.get("access-control-allow-origin")).toBe("*");
			expect(response.headers.get("surrogate-key")).toContain(`article:${fixture.talksEnd}`);
		}
		expect(hit.text).toBe(miss.text);
		const etag = miss.headers.get("etag") ?? "";
		expect((await get(path, { "if-none-match": etag })).status).toBe(304);
		// A list is kept at the address its own links use; another spelling is answered, not kept, and revalidates.
		const canonical = "/api/v1/articles?section=sport&limit=5&page=2";
		expect((await get(canonical)).headers.get("x-cache")).toBe("MISS");
		expect((await get(canonical)).headers.get("x-cache")).toBe("HIT");
		const respelled = "/api/v1/articles?page=2&limit=5&section=sport";
		const listed = await get(respelled);
		expect((await get(respelled)).headers.get("x-cache")).toBeNull();
		expect(listed.text).toBe((await get(canonical)).text);
		expect((await get(respelled, { "if-none-match": listed.headers.get("etag") ?? "" })).status).toBe(304);
	});

	it("drops a cached story list and story when the newsroom publishes or edits", async () => {
		await get("/api/v1/articles");
		expect((await get("/api/v1/articles")).headers.get("x-cache")).toBe("HIT");
		await get(`/api/v1/articles/${TALKS_END}`);
		const { services } = site;
		const section = await services.sections.getByPath("sport");
		if (!section) throw new Error("no sport section");
		const id = await services.articles.createDraft({
			headline: "Late result from the stadium",
			bodySource: "A late goal.",
			sectionId: section.id,
			personIds: [],
		});
		await services.articles.publish(id, { at: TEST_NOW });
		const after = await get("/api/v1/articles");
		expect(after.headers.get("x-cache")).toBe("MISS");
		expect((after.json as List).articles[0]?.id).toBe(id);
		await services.articles.addCorrection(fixture.talksEnd, { kind: "update", body: "Both sides signed." });
		const story = await get(`/api/v1/articles/${TALKS_END}`);
		expect(story.headers.get("x-cache")).toBe("MISS");
		expect((story.json as { article: ArticleJson }).article.corrections.map((note) => note.text)).toContain(
			"Both sides signed.",
		);
	});
});
