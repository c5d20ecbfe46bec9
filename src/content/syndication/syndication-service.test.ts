import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReaderFixture, type ReaderFixture } from "../../../test/support/reader-fixture.js";
import { createTestSite, TEST_NOW, type TestSite } from "../../../test/support/test-site.js";

const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(TEST_NOW.getTime() - hours * HOUR);

describe("syndication service on the reader fixture", () => {
	let site: TestSite;
	let fixture: ReaderFixture;
	let ids: { news: number; provinces: number; sport: number; farida: number; water: number };

	beforeAll(async () => {
		site = await createTestSite();
		fixture = await buildReaderFixture(site);
		const { services } = site;
		const [news, provinces, sport, farida, water] = await Promise.all([
			services.sections.getByPath("news"),
			services.sections.getByPath("news/provinces"),
			services.sections.getByPath("sport"),
			services.people.getBySlug("farida-amiri"),
			services.tags.getBySlug("water"),
		]);
		if (!news || !provinces || !sport || !farida || !water) throw new Error("fixture changed");
		ids = { news: news.id, provinces: provinces.id, sport: sport.id, farida: farida.id, water: water.id };
	});

	afterAll(async () => {
		await site.close();
	});

	it("lists the newest published stories of the site first, 20 by default, never a draft", async () => {
		const stories = await site.services.syndication.newest({ kind: "site" });
		expect(stories).toHaveLength(20);
		expect(stories.slice(0, 3).map((story) => story.id)).toEqual([fixture.talksEnd, fixture.herat, fixture.talksOpen]);
		expect(stories[3]?.headline).toBe("Cricket league round 1: Balkh and Nangarhar trade wins");
		expect(stories.map((story) => story.id)).not.toContain(fixture.draft);
		const times = stories.map((story) => story.publishedAt.getTime());
		expect([...times].sort((a, b) => b - a)).toEqual(times);
	});

	it("returns whole stories: body, text, language, section, bylines in order and tags", async () => {
		const [talksEnd] = await site.services.syndication.newest({ kind: "site" }, 1);
		expect(talksEnd).toMatchObject({
			id: fixture.talksEnd,
			slug: "kunar-talks-end-with-agreement-to-share-river-flow-data",
			standfirst: "Both delegations will exchange daily readings from river gauges.",
			language: "en",
			publishedAt: hoursAgo(26),
			updatedAt: hoursAgo(2),
			section: { slug: "news", name: "National News", path: "news", parentId: null },
		});
		expect(talksEnd?.bodyHtml).toContain("<p>Negotiators said a treaty on irrigation could follow next year");
		expect(talksEnd?.bodyText).toContain("engineers would meet again in the spring");
		expect(talksEnd?.bylines.map((byline) => byline.name)).toEqual(["Farida Amiri", "Omid Rahimi"]);
		expect(talksEnd?.tags.map((tag) => tag.name)).toEqual(["Water"]);
	});

	it("includes a section's subsections, and filters by author and by tag", async () => {
		const { syndication } = site.services;
		const inNews = await syndication.newest({ kind: "section", sectionId: ids.news });
		expect(inNews.map((story) => story.id)).toEqual([fixture.talksEnd, fixture.herat, fixture.talksOpen]);
		const inProvinces = await syndication.newest({ kind: "section", sectionId: ids.provinces });
		expect(inProvinces.map((story) => story.id)).toEqual([fixture.herat]);
		const byFarida = await syndication.newest({ kind: "person", personId: ids.farida });
		expect(byFarida.map((story) => story.id)).toEqual([fixture.talksEnd, fixture.talksOpen]);
		const water = await syndication.newest({ kind: "tag", tagId: ids.water });
		expect(water.map((story) => story.id)).toEqual([fixture.talksEnd, fixture.talksOpen]);
		expect(await syndication.newest({ kind: "section", sectionId: ids.sport }, 5)).toHaveLength(5);
	});

	it("dates a listing by the latest publication or update in it", async () => {
		const { syndication } = site.services;
		expect(await syndication.lastModified({ kind: "site" })).toEqual(hoursAgo(2));
		expect(await syndication.lastModified({ kind: "section", sectionId: ids.news })).toEqual(hoursAgo(2));
		expect(await syndication.lastModified({ kind: "section", sectionId: ids.provinces })).toEqual(hoursAgo(48));
		expect(await syndication.lastModified({ kind: "section", sectionId: ids.sport })).toEqual(hoursAgo(201));
		expect(await syndication.lastModified({ kind: "tag", tagId: -1 })).toBeNull();
	});

	it("gives a feed its stories and its listing's last change together", async () => {
		const feed = await site.services.syndication.feed({ kind: "section", sectionId: ids.provinces }, 5);
		expect(feed.stories.map((story) => story.id)).toEqual([fixture.herat]);
		expect(feed.lastModified).toEqual(hoursAgo(48));
	});

	it("pages every published story for the sitemaps in a stable order", async () => {
		const { syndication } = site.services;
		const pages = await syndication.articleSitemapPages(10);
		expect(pages.map((page) => page.page)).toEqual([1, 2, 3]);
		const all = [];
		for (const page of pages) all.push(...(await syndication.articleSitemapPage(page.page, 10)));
		expect(all).toHaveLength(24);
		expect(new Set(all.map((story) => story.id)).size).toBe(24);
		expect(all.map((story) => story.id)).not.toContain(fixture.draft);
		expect(all.map((story) => story.id)).toEqual([...all.map((story) => story.id)].sort((a, b) => a - b));
		expect(await syndication.articleSitemapPage(4, 10)).toEqual([]);
		const talksEnd = all.find((story) => story.id === fixture.talksEnd);
		expect(talksEnd?.lastModified).toEqual(hoursAgo(2));
		expect(pages[2]?.lastModified).toEqual(hoursAgo(2));
		expect(pages[0]?.lastModified).toEqual(hoursAgo(48));
	});

	it("lists every section with its subsections' latest change, and only authors and tags with stories", async () => {
		const { syndication } = site.services;
		expect(await syndication.sections()).toEqual([
			{ slug: "news", path: "news", name: "National News", lastModified: hoursAgo(2) },
			{ slug: "provinces", path: "news/provinces", name: "Provinces", lastModified: hoursAgo(48) },
			{ slug: "sport", path: "sport", name: "Sport", lastModified: hoursAgo(201) },
		]);
		expect(
			(await syndication.listingSitemapPage("authors", 1, 100)).map((person) => [person.slug, person.lastModified]),
		).toEqual([
			["farida-amiri", hoursAgo(2)],
			["omid-rahimi", hoursAgo(2)],
		]);
		// In the order they were created, so a page keeps its entries as new ones arrive.
		expect((await syndication.listingSitemapPage("tags", 1, 100)).map((tag) => tag.slug)).toEqual([
			"water",
			"kunar-talks",
			"agriculture",
			"cricket",
		]);
		// The sitemap index dates the authors' and the tags' sitemaps by their newest entry, read without grouping.
		const newest = (listings: { lastModified: Date | null }[]) =>
			Math.max(...listings.map((listing) => listing.lastModified?.getTime() ?? 0));
		expect(await syndication.listingLastModified("authors")).toEqual(
			new Date(newest(await syndication.listingSitemapPage("authors", 1, 100))),
		);
		expect(await syndication.listingLastModified("tags")).toEqual(
			new Date(newest(await syndication.listingSitemapPage("tags", 1, 100))),
		);
	});

	it("pages the authors and the tags past the page size, each page dated by its own newest story", async () => {
		const { syndication } = site.services;
		for (const kind of ["authors", "tags"] as const) {
			const whole = await syndication.listingSitemapPage(kind, 1, 100);
			// One page while there are no more people or tags than a page holds: dated without grouping.
			expect(await syndication.listingSitemapPages(kind, 100)).toEqual([
				{ page: 1, lastModified: await syndication.listingLastModified(kind) },
			]);
			const chunks = [whole.slice(0, 1), whole.slice(1, 2), whole.slice(2, 3), whole.slice(3, 4)].filter(
				(chunk) => chunk.length > 0,
			);
			expect(await syndication.listingSitemapPages(kind, 1)).toEqual(
				chunks.map((chunk, index) => ({ page: index + 1, lastModified: chunk[0]?.lastModified })),
			);
			for (const [index, chunk] of chunks.entries()) {
				expect(await syndication.listingSitemapPage(kind, index + 1, 1)).toEqual(chunk);
			}
			expect(await syndication.listingSitemapPage(kind, chunks.length + 1, 1)).toEqual([]);
		}
		// The tags' pages of two: water and the Kunar talks; agriculture and cricket.
		expect(await syndication.listingSitemapPages("tags", 2)).toEqual([
			{ page: 1, lastModified: hoursAgo(2) },
			{ page: 2, lastModified: hoursAgo(48) },
		]);
	});

	it("offers the news sitemap only stories from the last 48 hours, the boundary included", async () => {
		const { syndication } = site.services;
		const recent = await syndication.recentNews();
		expect(recent.map((story) => story.id)).toEqual([fixture.talksEnd, fixture.herat]);
		expect(recent[0]).toMatchObject({ language: "en", publishedAt: hoursAgo(26) });
		site.clock.set(new Date(TEST_NOW.getTime() + 1000));
		try {
			expect((await syndication.recentNews()).map((story) => story.id)).toEqual([fixture.talksEnd]);
		} finally {
			site.clock.set(TEST_NOW);
		}
	});
});

describe("syndication service as stories change", () => {
	let site: TestSite;

	beforeAll(async () => {
		site = await createTestSite();
	});

	afterAll(async () => {
		await site.close();
	});

	it("has nothing to offer on an empty site", async () => {
		const { syndication } = site.services;
		expect(await syndication.newest({ kind: "site" })).toEqual([]);
		expect(await syndication.lastModified({ kind: "site" })).toBeNull();
		expect(await syndication.articleSitemapPages(10)).toEqual([]);
		expect(await syndication.articleSitemapPage(1, 10)).toEqual([]);
		expect(await syndication.sections()).toEqual([]);
		expect(await syndication.listingSitemapPage("authors", 1, 100)).toEqual([]);
		expect(await syndication.listingSitemapPage("tags", 1, 100)).toEqual([]);
		expect(await syndication.listingLastModified("authors")).toBeNull();
		expect(await syndication.listingLastModified("tags")).toBeNull();
		expect(await syndication.recentNews()).toEqual([]);
	});

	it("leaves out people and tags whose only stories are drafts, and moves Last-Modified when a story is taken off", async () => {
		const { services, clock } = site;
		const section = await services.sections.create({ name: "World" });
		const nadia = await services.people.create({ name: "Nadia Karimi" });
		const sami = await services.people.create({ name: "Sami Noori" });
		await services.articles.createDraft({
			headline: "Draft only",
			bodySource: "Not yet.",
			sectionId: section.id,
			personIds: [sami.id],
			tagNames: ["Secret"],
		});
		const published = await services.articles.createDraft({
			headline: "Out in the world",
			bodySource: "Published.",
			sectionId: section.id,
			personIds: [nadia.id],
			tagNames: ["Open"],
		});
		await services.articles.publish(published, { at: hoursAgo(10) });
		expect((await services.syndication.listingSitemapPage("authors", 1, 100)).map((person) => person.name)).toEqual([
			"Nadia Karimi",
		]);
		expect((await services.syndication.listingSitemapPage("tags", 1, 100)).map((tag) => tag.name)).toEqual(["Open"]);
		expect(await services.syndication.lastModified({ kind: "site" })).toEqual(hoursAgo(10));

		clock.set(hoursAgo(1));
		try {
			await services.articles.unpublish(published);
		} finally {
			clock.set(TEST_NOW);
		}
		expect(await services.syndication.newest({ kind: "site" })).toEqual([]);
		expect(await services.syndication.lastModified({ kind: "site" })).toEqual(hoursAgo(1));
		expect(await services.syndication.lastModified({ kind: "section", sectionId: section.id })).toEqual(hoursAgo(1));
		expect(await services.syndication.listingSitemapPage("authors", 1, 100)).toEqual([]);
	});

	it("dates the authors' and tags' sitemaps by stories with a byline or a tag only", async () => {
		const { services } = site;
		const section = await services.sections.create({ name: "Briefs" });
		const rana = await services.people.create({ name: "Rana Sadat" });
		const bylined = await services.articles.createDraft({
			headline: "Bylined, untagged",
			bodySource: "By Rana.",
			sectionId: section.id,
			personIds: [rana.id],
		});
		await services.articles.publish(bylined, { at: hoursAgo(0.5) });
		const tagged = await services.articles.createDraft({
			headline: "Tagged, no byline",
			bodySource: "A brief.",
			sectionId: section.id,
			personIds: [],
			tagNames: ["Briefs"],
		});
		await services.articles.publish(tagged, { at: hoursAgo(0.4) });
		const bare = await services.articles.createDraft({
			headline: "Neither byline nor tag",
			bodySource: "Newest of all.",
			sectionId: section.id,
			personIds: [],
		});
		await services.articles.publish(bare, { at: hoursAgo(0.3) });
		// Newer than every story of the fixture: each date below comes from these three stories.
		expect(await services.syndication.lastModified({ kind: "site" })).toEqual(hoursAgo(0.3));
		expect(await services.syndication.listingLastModified("authors")).toEqual(hoursAgo(0.5));
		expect(await services.syndication.listingLastModified("tags")).toEqual(hoursAgo(0.4));
	});
});
