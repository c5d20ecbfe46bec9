import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";

/** Noon in Kabul on 14 March 2026: 23 Hut 1404. */
const PUBLISHED = new Date("2026-03-14T07:30:00.000Z");
const DARI_STORY = "/2026/03/14/kabul-flour-prices-fall/";
const ENGLISH_STORY = "/2026/03/14/kabul-flour-prices-fall-en/";
const HOUR = 3_600_000;

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite();
	const { services } = site;
	const dari = await services.sections.create({ name: "خبرهای کابل", slug: "kabul" });
	const news = await services.sections.create({ name: "National News", slug: "news" });
	const reporter = await services.people.create({ name: "فریده امیری", jobTitle: "خبرنگار" });

	const dariStory = await services.articles.createDraft({
		headline: "نرخ آرد گندم در بازارهای کابل کاهش یافت",
		slug: "kabul-flour-prices-fall",
		standfirst: "نانوایی‌ها می‌گویند اندازهٔ نان به‌زودی به حالت پیش برمی‌گردد.",
		bodySource: "قیمت یک بوری آرد گندم در بازارهای کابل پس از رسیدن محموله‌های تازه کاهش یافته است.",
		datelinePlace: "کابل",
		language: "fa-AF",
		sectionId: dari.id,
		personIds: [reporter.id],
	});
	await services.articles.publish(dariStory, { at: PUBLISHED });

	const englishStory = await services.articles.createDraft({
		headline: "Flour prices fall in Kabul markets",
		slug: "kabul-flour-prices-fall-en",
		bodySource: "The price of a sack of wheat flour fell in Kabul after new shipments arrived.",
		datelinePlace: "Kabul",
		language: "en",
		sectionId: news.id,
		personIds: [reporter.id],
	});
	await services.articles.publish(englishStory, { at: PUBLISHED });

	// Enough Dari stories for two pages of the section (15 to a page).
	for (let i = 1; i <= 15; i += 1) {
		const id = await services.articles.createDraft({
			headline: `دور ${i} لیگ کرکت در مزارشریف برگزار شد`,
			bodySource: "تیم‌های بلخ و ننگرهار در ورزشگاه مزارشریف با هم رقابت کردند.",
			language: "fa-AF",
			sectionId: dari.id,
			personIds: [reporter.id],
		});
		await services.articles.publish(id, { at: new Date(PUBLISHED.getTime() - (i + 1) * HOUR) });
	}
});

afterAll(async () => {
	await site.close();
});

async function get(url: string) {
	const response = await site.app.inject({ method: "GET", url });
	expect(response.statusCode, url).toBe(200);
	return load(response.body);
}

describe("a Dari story", () => {
	it("is a right-to-left page in Dari, whatever the site's language", async () => {
		const $ = await get(DARI_STORY);
		expect($("html").attr("lang")).toBe("fa-AF");
		expect($("html").attr("dir")).toBe("rtl");
		expect($('nav[aria-label="مسیر صفحه"] li').first().text()).toBe("صفحهٔ اصلی");
		expect($("a.skip, a[href='#main']").first().text()).toBe("رفتن به محتوای اصلی");
		expect($("p.byline").text()).toContain("نوشتهٔ");
	});

	it("dates itself in Solar Hijri with Afghan month names and Persian digits; datetime stays ISO", async () => {
		const $ = await get(DARI_STORY);
		const time = $("p.byline time, article.story time").first();
		expect(time.text()).toBe("۲۳ حوت ۱۴۰۴ ساعت ۱۲:۰۰");
		expect(time.attr("datetime")).toBe("2026-03-14T07:30:00.000Z");
		for (const element of $("time").toArray()) {
			expect($(element).text()).not.toMatch(/[0-9]/);
			expect($(element).attr("datetime")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		}
	});

	it("keeps Latin digits in its addresses", async () => {
		const $ = await get(DARI_STORY);
		expect($('link[rel="canonical"]').attr("href")).toBe(`https://news.example.org${DARI_STORY}`);
		const hrefs = $("a[href]")
			.toArray()
			.map((a) => $(a).attr("href") ?? "");
		expect(hrefs.filter((href) => /[۰-۹٠-٩]/.test(href))).toEqual([]);
	});
});

describe("an English story on the same site", () => {
	it("keeps English, left to right, and the Gregorian date", async () => {
		const $ = await get(ENGLISH_STORY);
		expect($("html").attr("lang")).toBe("en");
		expect($("html").attr("dir")).toBe("ltr");
		expect($("p.byline time, article.story time").first().text()).toBe("14 March 2026 at 12:00");
	});
});

describe("calendar settings", () => {
	afterAll(async () => {
		await site.services.settings.updateSite({ calendar: "gregorian", calendarByLanguage: { "fa-AF": "persian" } });
	});

	it("show both calendars side by side, per site and per language", async () => {
		await site.services.settings.updateSite({
			calendar: "gregorian+persian",
			calendarByLanguage: { "fa-AF": "persian+gregorian" },
		});
		const english = await get(ENGLISH_STORY);
		expect(english("p.byline time, article.story time").first().text()).toBe("14 March 2026 at 12:00 · 23 Hut 1404");
		const dari = await get(DARI_STORY);
		expect(dari("p.byline time, article.story time").first().text()).toBe("۲۳ حوت ۱۴۰۴ ساعت ۱۲:۰۰ · ۱۴ مارچ ۲۰۲۶");
	});

	it("default to Gregorian, with Solar Hijri for Dari and Pashto", async () => {
		const fresh = await createTestSite();
		try {
			const settings = await fresh.services.settings.site();
			expect(settings.calendar).toBe("gregorian");
			expect(settings.calendarByLanguage).toEqual({ "fa-AF": "persian", ps: "persian" });
		} finally {
			await fresh.close();
		}
	});

	it("refuse a calendar Dateline does not know", async () => {
		await expect(site.services.settings.updateSite({ calendar: "julian" as unknown as "gregorian" })).rejects.toThrow();
	});
});

describe("a Dari site's listings", () => {
	beforeAll(async () => {
		await site.services.settings.updateSite({ language: "fa-AF" });
	});
	afterAll(async () => {
		await site.services.settings.updateSite({ language: "en" });
	});

	it("count stories and pages in Dari with Persian digits, and link pages with Latin ones", async () => {
		const $ = await get("/kabul/");
		expect($("html").attr("dir")).toBe("rtl");
		expect($(".listing-head .when").text()).toBe("۱۶ گزارش");
		expect($('nav[aria-label="صفحه‌ها"] span').text()).toContain("صفحهٔ ۱ از ۲");
		expect($('a[rel="next"]').attr("href")).toBe("/kabul/page/2/");
		expect($('a[rel="next"]').text()).toBe("گزارش‌های قدیمی‌تر ←");

		const second = await get("/kabul/page/2/");
		expect(second("title").text()).toContain("صفحهٔ ۲ از ۲");
	});
});
