import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, TEST_NOW, type TestSite } from "../../../test/support/test-site.js";

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite();
	const news = await site.services.sections.create({ name: "National News", slug: "news" });
	const dari = await site.services.sections.create({ name: "Dari", slug: "dari" });
	const english = await site.services.articles.createDraft({
		headline: "Kabul municipality opens new water points",
		bodySource: "The municipality opened new water points in western Kabul.",
		sectionId: news.id,
		personIds: [],
	});
	await site.services.articles.publish(english, { at: new Date(TEST_NOW.getTime() - 3_600_000) });
	const dariStory = await site.services.articles.createDraft({
		headline: "شاروالی کابل نقاط تازهٔ آب آشامیدنی را گشود",
		standfirst: "باشندگان غرب کابل می‌گویند آب پاک نزدیک‌تر شده است.",
		bodySource: "شاروالی کابل نقاط تازهٔ آب آشامیدنی را در غرب شهر گشود. آب پاک.",
		sectionId: dari.id,
		personIds: [],
		language: "fa-AF",
	});
	await site.services.articles.publish(dariStory);
});

afterAll(async () => {
	await site.close();
});

describe("language of parts", () => {
	it("marks a Dari story's headline and standfirst with lang on an English page, and leaves English ones unmarked", async () => {
		const $ = load((await site.app.inject("/")).body);
		expect($("html").attr("lang")).toBe("en");
		const dariHeadline = $('a:contains("شاروالی کابل")').first().closest("[lang]");
		expect(dariHeadline.attr("lang")).toBe("fa-AF");
		const englishHeadline = $('a:contains("Kabul municipality")').first().parent();
		expect(englishHeadline.attr("lang")).toBeUndefined();
	});
});
