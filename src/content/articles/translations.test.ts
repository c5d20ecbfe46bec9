import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outcome } from "../../../test/support/newsroom-fixture.js";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";
import { hreflangAlternates } from "./article.js";

let site: TestSite;
let sectionId: number;
let personId: number;

beforeEach(async () => {
	site = await createTestSite();
	sectionId = (await site.services.sections.create({ name: "News", slug: "news" })).id;
	personId = (await site.services.people.create({ name: "Farida Amiri" })).id;
});

afterEach(async () => {
	await site.close();
});

async function story(headline: string, language: string, options: { publish?: boolean } = {}): Promise<number> {
	const id = await site.services.articles.createDraft({
		headline,
		bodySource: `${headline}.`,
		language,
		sectionId,
		personIds: [personId],
	});
	if (options.publish !== false) await site.services.articles.publish(id);
	return id;
}

async function groupOf(id: number): Promise<number | null> {
	const row = await site.db
		.selectFrom("articles")
		.select("translation_group")
		.where("id", "=", id)
		.executeTakeFirstOrThrow();
	return row.translation_group;
}

describe("translation groups", () => {
	it("link stories into one group, and each names the others with language, headline and public path", async () => {
		const english = await story("Road to Faizabad reopens", "en");
		const dari = await story("سرک فیض‌آباد دوباره باز شد", "fa-AF");
		const group = await site.services.articles.linkTranslations([dari, english]);
		expect(group).toBe(english);
		expect(await groupOf(english)).toBe(group);
		expect(await groupOf(dari)).toBe(group);

		const fromEnglish = await site.services.articles.translations(english);
		expect(fromEnglish.map(({ id, language, headline }) => ({ id, language, headline }))).toEqual([
			{ id: dari, language: "fa-AF", headline: "سرک فیض‌آباد دوباره باز شد" },
		]);
		expect(fromEnglish[0]?.path).toMatch(/^\/2026\/03\/15\/%D8%B3.*\/$/);
		expect((await site.services.articles.translations(dari)).map((t) => t.id)).toEqual([english]);
	});

	it("name only published translations", async () => {
		const english = await story("Dialysis ward opens", "en");
		const pashto = await story("د ډیالیز څانګه پرانیستل شوه", "ps", { publish: false });
		await site.services.articles.linkTranslations([english, pashto]);
		expect(await site.services.articles.translations(english)).toEqual([]);
		await site.services.articles.publish(pashto);
		expect((await site.services.articles.translations(english)).map((t) => t.language)).toEqual(["ps"]);
		await site.services.articles.unpublish(pashto);
		expect(await site.services.articles.translations(english)).toEqual([]);
	});

	it("merge groups: a story is in at most one, and a translation of a translation joins it", async () => {
		const english = await story("Library reopens", "en");
		const dari = await story("کتابخانه باز شد", "fa-AF");
		const arabic = await story("إعادة افتتاح المكتبة", "ar");
		await site.services.articles.linkTranslations([english, dari]);
		const group = await site.services.articles.linkTranslations([arabic, dari]);
		expect(group).toBe(english);
		expect([await groupOf(english), await groupOf(dari), await groupOf(arabic)]).toEqual([group, group, group]);
		expect((await site.services.articles.translations(arabic)).map((t) => t.language)).toEqual(["en", "fa-AF"]);
	});

	it("hold one story per language, need two stories, and refuse an unknown story", async () => {
		const english = await story("Water talks open", "en");
		const alsoEnglish = await story("Water talks begin", "en");
		const dari = await story("گفتگوهای آب آغاز شد", "fa-AF");
		expect(await outcome(site.services.articles.linkTranslations([english, alsoEnglish]))).toBe("ERR_VALIDATION");
		await site.services.articles.linkTranslations([english, dari]);
		expect(await outcome(site.services.articles.linkTranslations([dari, alsoEnglish]))).toBe("ERR_VALIDATION");
		expect(await groupOf(alsoEnglish)).toBeNull();
		expect(await outcome(site.services.articles.linkTranslations([english]))).toBe("ERR_VALIDATION");
		expect(await outcome(site.services.articles.linkTranslations([english, english]))).toBe("ERR_VALIDATION");
		expect(await outcome(site.services.articles.linkTranslations([english, 9999]))).toBe("ERR_ARTICLE_NOT_FOUND");
	});

	it("unlink a story; a group left with one story is dissolved", async () => {
		const english = await story("Bus timetable agreed", "en");
		const dari = await story("جدول زمانی بس‌ها", "fa-AF");
		const pashto = await story("د بسونو مهالویش", "ps");
		await site.services.articles.linkTranslations([english, dari, pashto]);
		await site.services.articles.unlinkTranslation(english);
		expect(await groupOf(english)).toBeNull();
		expect(await groupOf(dari)).toBe(await groupOf(pashto));
		expect((await site.services.articles.translations(dari)).map((t) => t.id)).toEqual([pashto]);
		await site.services.articles.unlinkTranslation(dari);
		expect([await groupOf(dari), await groupOf(pashto)]).toEqual([null, null]);
	});

	it("purge every story page of the group when linking, and a translation's page when a story changes", async () => {
		const english = await story("Flood warning issued", "en");
		const dari = await story("هشدار سیلاب صادر شد", "fa-AF");
		const purged: string[][] = [];
		site.purge.subscribe((keys) => purged.push([...keys]));
		await site.services.articles.linkTranslations([english, dari]);
		expect(purged.at(-1)).toEqual(expect.arrayContaining([`article:${english}`, `article:${dari}`]));
		expect(await site.services.articles.cacheKeys(dari)).toContain(`article:${english}`);
		expect(await site.services.articles.cacheKeys(english)).toContain(`article:${dari}`);
	});

	it("list whole published groups for sitemaps, only for stories that have a translation", async () => {
		const english = await story("Cotton gin reopens", "en");
		const dari = await story("کارخانهٔ پنبه دوباره باز شد", "fa-AF");
		const alone = await story("Kite festival", "en");
		await site.services.articles.linkTranslations([english, dari]);
		const groups = await site.services.articles.translationGroupsOf([english, dari, alone]);
		expect([...groups.keys()].sort()).toEqual([english, dari].sort());
		expect(groups.get(dari)?.map((version) => version.id)).toEqual([english, dari]);
		// A sitemap page names 50,000 stories, more than one statement may bind on SQLite (32,766).
		const many = Array.from({ length: 40_000 }, (_, index) => 1_000_000 + index);
		const fromMany = await site.services.articles.translationGroupsOf([...many, english, alone, dari]);
		expect([...fromMany.keys()].sort()).toEqual([english, dari].sort());
	});
});

describe("hreflangAlternates", () => {
	const english = { id: 1, language: "en", path: "/2026/03/14/road/" };
	const dari = { id: 2, language: "fa-AF", path: "/2026/03/14/sarak/" };
	const pashto = { id: 3, language: "ps", path: "/2026/03/14/sarak-ps/" };

	it("names every language once, ordered by tag, and x-default is the version in the site's language", () => {
		expect(hreflangAlternates([dari, english, pashto], "en")).toEqual([
			{ hreflang: "en", path: english.path },
			{ hreflang: "fa-AF", path: dari.path },
			{ hreflang: "ps", path: pashto.path },
			{ hreflang: "x-default", path: english.path },
		]);
		expect(hreflangAlternates([english, dari], "fa-AF").at(-1)).toEqual({ hreflang: "x-default", path: dari.path });
	});

	it("matches the site's language by its primary subtag, else falls back to the oldest story", () => {
		expect(hreflangAlternates([english, dari], "fa").at(-1)?.path).toBe(dari.path);
		expect(hreflangAlternates([pashto, dari], "en").at(-1)?.path).toBe(dari.path);
	});

	it("gives a story without translations itself as its only alternate and x-default", () => {
		expect(hreflangAlternates([dari], "en")).toEqual([
			{ hreflang: "fa-AF", path: dari.path },
			{ hreflang: "x-default", path: dari.path },
		]);
	});
});
