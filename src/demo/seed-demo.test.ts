import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../test/support/test-site.js";
import { articlePath } from "../content/articles/article.js";
import { seedDemo } from "./seed-demo.js";

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite({ demo: true });
});

afterAll(async () => {
	await site.close();
});

async function dariStories() {
	return site.db
		.selectFrom("articles")
		.innerJoin("sections", "sections.id", "articles.section_id")
		.select([
			"articles.id",
			"articles.slug",
			"articles.language",
			"articles.status",
			"articles.body_text",
			"articles.dateline_place",
			"articles.translation_group",
		])
		.where("sections.slug", "=", "dari")
		.orderBy("articles.id")
		.execute();
}

/** Words Iranian Persian uses where Afghan Dari has its own. */
const IRANIAN_WORDS = ["شهرداری", "استان", "بیمارستان", "پرستار", "مغازه", "سیب‌زمینی", "گوجه‌فرنگی", "ساکنان", "کنتور"];

describe("the demo's Dari desk", () => {
	it("has at least five published Dari stories of 150 to 300 words, each with a dateline", async () => {
		const stories = await dariStories();
		expect(stories.length).toBeGreaterThanOrEqual(5);
		for (const story of stories) {
			expect(story.language, story.slug).toBe("fa-AF");
			expect(story.status, story.slug).toBe("published");
			expect(story.dateline_place, story.slug).not.toBe("");
			const words = story.body_text.split(/\s+/u).filter((word) => word !== "").length;
			expect(words, story.slug).toBeGreaterThanOrEqual(150);
			expect(words, story.slug).toBeLessThanOrEqual(300);
			for (const word of IRANIAN_WORDS) expect(story.body_text, `${story.slug}: ${word}`).not.toContain(word);
		}
	});

	it("links one English story and its Dari translation, both published", async () => {
		const groups = await site.db
			.selectFrom("articles")
			.select(["id", "language", "status", "translation_group"])
			.where("translation_group", "is not", null)
			.orderBy("id")
			.execute();
		expect(groups.map((row) => [row.language, row.status])).toEqual([
			["en", "published"],
			["fa-AF", "published"],
		]);
		expect(groups[0]?.translation_group).toBe(groups[1]?.translation_group);
		const [english] = groups;
		const translations = await site.services.articles.translations(english?.id ?? 0);
		expect(translations.map((t) => t.language)).toEqual(["fa-AF"]);
	});

	it("names the Dari and news sections in English and Dari", async () => {
		const dari = await site.services.sections.getByPath("dari");
		const news = await site.services.sections.getByPath("news");
		expect(dari?.name).toBe("دری");
		expect(await site.services.sections.names(dari?.id ?? 0)).toEqual([
			{ language: "en", name: "Dari" },
			{ language: "fa-AF", name: "دری" },
		]);
		expect((await site.services.sections.namesIn("fa-AF")).get(news?.id ?? 0)).toBe("اخبار ملی");
	});

	it("serves the translated pair with switchers both ways, and the Dari desk in the site's language", async () => {
		const [english] = await site.db
			.selectFrom("articles")
			.select("id")
			.where("translation_group", "is not", null)
			.where("language", "=", "en")
			.execute();
		const [translation] = await site.services.articles.translations(english?.id ?? 0);
		if (!translation) throw new Error("the demo has no translation");
		const dariPage = load((await site.app.inject(translation.path)).body);
		expect(dariPage("html").attr("dir")).toBe("rtl");
		expect(dariPage("nav.crumbs li").eq(1).text()).toBe("دری");
		expect(dariPage("p.translations a").attr("hreflang")).toBe("en");
		const englishPath = dariPage("p.translations a").attr("href") ?? "";
		const englishPage = load((await site.app.inject(englishPath)).body);
		expect(englishPage("p.translations a").attr("href")).toBe(translation.path);
		expect(englishPage("p.translations a").text()).toBe("دری");
		const desk = load((await site.app.inject("/dari/")).body);
		expect(desk("h1").text()).toBe("Dari");
		expect(desk("article.card").length).toBeGreaterThanOrEqual(5);
	});

	it("is dated relative to the moment it loads and loads only into an empty site", async () => {
		const stories = await dariStories();
		const first = await site.services.articles.getPublished(stories[0]?.slug ?? "");
		expect(first && articlePath(first, site.config.timeZone)).toMatch(/^\/2026\/03\/1\d\//);
		expect(await seedDemo(site.services, site.clock)).toBe(0);
	});
});
