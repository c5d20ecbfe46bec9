import { type CheerioAPI, load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";

const BASE = "https://news.example.org";
const ENGLISH_HEADLINE = "Road to Faizabad reopens after landslide";
const DARI_HEADLINE = "سرک فیض‌آباد پس از لغزش زمین دوباره باز شد";

let site: TestSite;
let englishId: number;
let dariId: number;
let loneId: number;
let englishPath: string;
let dariPath: string;
let lonePath: string;
let dariSectionId: number;
let newsSectionId: number;
let personId: number;

beforeAll(async () => {
	site = await createTestSite();
	const { services } = site;
	await services.settings.updateSite({ language: "en" });
	newsSectionId = (await services.sections.create({ name: "National News", slug: "news", position: 0 })).id;
	dariSectionId = (await services.sections.create({ name: "Dari", slug: "dari", position: 1 })).id;
	await services.sections.setName({ sectionId: dariSectionId, language: "fa-AF", name: "دری" });
	await services.sections.setName({ sectionId: newsSectionId, language: "fa-af", name: "اخبار ملی" });
	personId = (await services.people.create({ name: "Farid Noori", bio: "Farid Noori reports on roads." })).id;

	englishId = await services.articles.createDraft({
		headline: ENGLISH_HEADLINE,
		slug: "road-to-faizabad-reopens",
		bodySource: "The main road into Faizabad reopened on Monday.",
		datelinePlace: "Faizabad",
		language: "en",
		sectionId: newsSectionId,
		personIds: [personId],
		tagNames: ["Roads", "Trade"],
	});
	await services.articles.publish(englishId, { at: new Date("2026-03-14T06:00:00.000Z") });
	dariId = await services.articles.createDraft({
		headline: DARI_HEADLINE,
		slug: "faizabad-road-reopens-dari",
		bodySource: "سرک اصلی فیض‌آباد روز دوشنبه دوباره باز شد.",
		datelinePlace: "فیض‌آباد",
		language: "fa-AF",
		sectionId: dariSectionId,
		personIds: [personId],
		tagNames: ["Roads", "Trade"],
	});
	await services.articles.publish(dariId, { at: new Date("2026-03-14T07:00:00.000Z") });
	loneId = await services.articles.createDraft({
		headline: "Kite festival fills the hills above Kabul",
		slug: "kite-festival",
		bodySource: "Hundreds of kites flew over the city on Friday.",
		language: "en",
		sectionId: newsSectionId,
		personIds: [personId],
	});
	await services.articles.publish(loneId, { at: new Date("2026-03-14T08:00:00.000Z") });
	await services.articles.linkTranslations([englishId, dariId]);
	const roads = await services.tags.getBySlug("roads");
	if (!roads) throw new Error("no Roads tag");
	await services.tags.setName({ tagId: roads.id, language: "fa-AF", name: "سرک‌ها" });

	englishPath = "/2026/03/14/road-to-faizabad-reopens/";
	dariPath = "/2026/03/14/faizabad-road-reopens-dari/";
	lonePath = "/2026/03/14/kite-festival/";
});

afterAll(async () => {
	await site.close();
});

async function get(url: string) {
	const response = await site.app.inject({ method: "GET", url });
	expect(response.statusCode, url).toBe(200);
	return { response, $: load(response.body) };
}

function alternates($: CheerioAPI): Record<string, string> {
	return Object.fromEntries(
		$('head link[rel="alternate"][hreflang]')
			.toArray()
			.map((link) => [$(link).attr("hreflang") ?? "", $(link).attr("href") ?? ""]),
	);
}

describe("a translated story's pages", () => {
	it("name themselves and each other as hreflang alternates, with the English story as x-default", async () => {
		const expected = {
			en: `${BASE}${englishPath}`,
			"fa-AF": `${BASE}${dariPath}`,
			"x-default": `${BASE}${englishPath}`,
		};
		const english = await get(englishPath);
		const dari = await get(dariPath);
		expect(alternates(english.$)).toEqual(expected);
		expect(alternates(dari.$)).toEqual(expected);
		expect(english.$('meta[property="og:locale:alternate"]').attr("content")).toBe("fa_AF");
	});

	it("show a language switcher under the headline naming the other language in itself, marked and isolated", async () => {
		const { $ } = await get(englishPath);
		const switcher = $("article.story header p.translations");
		expect(switcher.prev().is("h1")).toBe(true);
		expect(switcher.text()).toContain("Read this story in: دری");
		const link = switcher.find("a");
		expect(link.attr("href")).toBe(dariPath);
		expect(link.attr("hreflang")).toBe("fa-AF");
		expect(link.attr("lang")).toBe("fa-AF");
		expect(link.find("bdi").text()).toBe("دری");
		const headline = switcher.children("bdi");
		expect(headline.text()).toBe(DARI_HEADLINE);
		expect(headline.attr("lang")).toBe("fa-AF");
	});

	it("render the Dari story right to left with a switcher back to English", async () => {
		const { $ } = await get(dariPath);
		expect($("html").attr("lang")).toBe("fa-AF");
		expect($("html").attr("dir")).toBe("rtl");
		const link = $("p.translations a");
		expect(link.attr("href")).toBe(englishPath);
		expect(link.attr("hreflang")).toBe("en");
		expect(link.attr("lang")).toBe("en");
		expect(link.text()).toBe("English");
		expect($("p.translations > bdi").attr("lang")).toBe("en");
		expect($("p.translations > bdi").text()).toBe(ENGLISH_HEADLINE);
	});

	it("carry the translation's surrogate key, so a change to either story purges the other's page", async () => {
		const { response } = await get(englishPath);
		expect(String(response.headers["surrogate-key"]).split(" ")).toContain(`article:${dariId}`);
		await get(dariPath);
		expect(site.cache?.get(englishPath)).toBeDefined();
		expect(site.cache?.get(dariPath)).toBeDefined();

		await site.services.articles.update(dariId, {
			headline: "سرک فیض‌آباد باز شد",
			bodySource: "سرک اصلی فیض‌آباد روز دوشنبه دوباره باز شد.",
			language: "fa-AF",
			sectionId: dariSectionId,
			personIds: [personId],
			tagNames: ["Roads", "Trade"],
		});
		expect(site.cache?.get(englishPath)).toBeUndefined();
		const again = await get(englishPath);
		expect(again.response.headers["x-cache"]).toBe("MISS");
		expect(again.$("p.translations > bdi").text()).toBe("سرک فیض‌آباد باز شد");
	});

	it("stop naming a translation once it is unpublished, and name it again when it is republished", async () => {
		await get(englishPath);
		await site.services.articles.unpublish(dariId);
		expect(site.cache?.get(englishPath)).toBeUndefined();
		const without = await get(englishPath);
		expect(without.$("p.translations")).toHaveLength(0);
		expect(Object.keys(alternates(without.$))).toEqual(["en", "x-default"]);

		await site.services.articles.publish(dariId, { at: new Date("2026-03-14T07:00:00.000Z") });
		expect(site.cache?.get(englishPath)).toBeUndefined();
		expect((await get(englishPath)).$("p.translations a").attr("hreflang")).toBe("fa-AF");
	});
});

describe("a story without translations", () => {
	it("names itself as its hreflang alternate and x-default, and shows no switcher", async () => {
		const { $ } = await get(lonePath);
		expect(alternates($)).toEqual({ en: `${BASE}${lonePath}`, "x-default": `${BASE}${lonePath}` });
		expect($("p.translations")).toHaveLength(0);
	});
});

describe("names per language", () => {
	it("show the Dari section and tag names on the Dari story's page, in breadcrumbs and structured data", async () => {
		const { $ } = await get(dariPath);
		const crumbs = $("nav.crumbs li")
			.toArray()
			.map((li) => $(li).text());
		expect(crumbs[1]).toBe("دری");
		expect(crumbs[2]).toBe($("h1").text());
		expect($("section.tags a").first().text()).toBe("سرک‌ها");
		expect($("section.tags a bdi").last().text()).toBe("Trade");
		const data = $('script[type="application/ld+json"]')
			.toArray()
			.map((script) => JSON.parse($(script).text()) as Record<string, unknown>);
		const article = data.find((item) => item["@type"] === "NewsArticle");
		expect(article?.articleSection).toBe("دری");
		expect(article?.keywords).toEqual(["سرک‌ها", "Trade"]);
		const breadcrumbList = data.find((item) => item["@type"] === "BreadcrumbList") as
			| { itemListElement: { name: string }[] }
			| undefined;
		expect(breadcrumbList?.itemListElement[1]?.name).toBe("دری");
	});

	it("keep the English names on English pages and listings, which are in the site's language", async () => {
		const english = await get(englishPath);
		expect(english.$("nav.crumbs li").eq(1).text()).toBe("National News");
		expect(english.$("section.tags a").first().text()).toBe("Roads");
		const listing = await get("/dari/");
		expect(listing.$("h1").text()).toBe("Dari");
		expect(listing.$("nav.crumbs li").last().text()).toBe("Dari");
		expect((await get("/tag/roads/")).$("h1").text()).toBe("Tag: Roads");
	});

	it("show the site-language name in listings once one is set, and purge every page when a name changes", async () => {
		await get("/dari/");
		await site.services.sections.setName({ sectionId: dariSectionId, language: "en", name: "Dari desk" });
		expect(site.cache?.get("/dari/")).toBeUndefined();
		const listing = await get("/dari/");
		expect(listing.$("h1").text()).toBe("Dari desk");
		const home = await get("/");
		expect(
			home
				.$("a.kicker")
				.toArray()
				.some((a) => home.$(a).text() === "Dari desk"),
		).toBe(true);
		expect((await get(dariPath)).$("nav.crumbs li").eq(1).text()).toBe("دری");
		await site.services.sections.setName({ sectionId: dariSectionId, language: "en", name: "" });
		expect((await get("/dari/")).$("h1").text()).toBe("Dari");
	});

	it("refuse a name in something that is not a language tag", async () => {
		await expect(
			site.services.sections.setName({ sectionId: dariSectionId, language: "dari!", name: "x" }),
		).rejects.toMatchObject({ code: "ERR_VALIDATION" });
		await expect(site.services.tags.setName({ tagId: 9999, language: "fa-AF", name: "x" })).rejects.toMatchObject({
			code: "ERR_VALIDATION",
		});
	});
});

describe("mixed-direction isolation on the story page", () => {
	it("sets bylines, author names and the source line apart from the text around them", async () => {
		const { $ } = await get(dariPath);
		expect($("p.byline a bdi").text()).toBe("Farid Noori");
		expect($(".author-box h2 bdi").text()).toBe("Farid Noori");
		expect($(".author-box p[dir='auto']").text()).toBe("Farid Noori reports on roads.");
		expect($("p.source bdi")).toHaveLength(1);
	});
});
