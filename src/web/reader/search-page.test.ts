import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, TEST_NOW, type TestSite } from "../../../test/support/test-site.js";

const DAY = 86_400_000;
let site: TestSite;

/** Stories for search: English ones, twins that differ only in age, and one in Dari. */
beforeAll(async () => {
	site = await createTestSite();
	const { services } = site;
	const news = await services.sections.create({ name: "National News", slug: "news" });
	const dari = await services.sections.create({ name: "دری", slug: "dari" });
	const reporter = await services.people.create({ name: "Farida Amiri" });
	const publish = async (input: {
		headline: string;
		body: string;
		daysAgo: number;
		sectionId?: number;
		language?: string;
	}) => {
		const id = await services.articles.createDraft({
			headline: input.headline,
			bodySource: input.body,
			sectionId: input.sectionId ?? news.id,
			personIds: [reporter.id],
			...(input.language ? { language: input.language } : {}),
		});
		await services.articles.publish(id, { at: new Date(TEST_NOW.getTime() - input.daysAgo * DAY) });
		return id;
	};
	await publish({
		headline: "Kunar river talks open in Kabul",
		body: "Delegations discussed the Kunar river and how to share its water during the dry months.",
		daysAgo: 10,
	});
	await publish({
		headline: "Snow closes the Salang pass",
		body: "Heavy snow closed the pass for two days.",
		daysAgo: 3,
	});
	await publish({
		headline: "Bakers cut bread size",
		body: "Bakers in Herat cut the size of bread as flour prices rose.",
		daysAgo: 200,
	});
	await publish({
		headline: "Bakers cut bread size",
		body: "Bakers in Herat cut the size of bread as flour prices rose.",
		daysAgo: 1,
	});
	for (let i = 1; i <= 12; i += 1) {
		await publish({
			headline: `Cricket round ${i}`,
			body: `Cricket league round ${i} in Mazar-i-Sharif.`,
			daysAgo: 20 + i,
		});
	}
	await publish({
		headline: "نرخ آرد گندم در بازارهای کابل کاهش یافت",
		body: "قیمت یک بوری آرد گندم در بازارهای کابل پس از رسیدن محموله‌های تازه در سال ۱۴۰۵ کاهش یافته است. نانوایی‌ها می‌گویند که اندازهٔ نان به‌زودی به حالت پیش برمی‌گردد.",
		daysAgo: 2,
		sectionId: dari.id,
		language: "fa-AF",
	});
	const draft = await services.articles.createDraft({
		headline: "Secret Kunar draft",
		bodySource: "Kunar river plans not yet public.",
		sectionId: news.id,
		personIds: [reporter.id],
	});
	expect(draft).toBeGreaterThan(0);
});

afterAll(async () => {
	await site.close();
});

async function search(query: string) {
	const response = await site.app.inject({ method: "GET", url: `/search?${query}` });
	const $ = load(response.body);
	return {
		status: response.statusCode,
		$,
		headlines: $(".card h2 a")
			.toArray()
			.map((a) => $(a).text()),
		count: $('[role="status"]').text(),
	};
}

describe("reader search", () => {
	it("shows the form and no count for an empty query", async () => {
		for (const query of ["", "q=", "q=%20%20"]) {
			const { status, $ } = await search(query);
			expect(status, query).toBe(200);
			expect($("form.search-form input[name=q]").length).toBe(1);
			expect($('[role="status"]').length).toBe(0);
			expect($(".card").length).toBe(0);
			expect($('meta[name="robots"]').attr("content")).toBe("noindex");
		}
	});

	it("finds stories by their words, highlights them, counts them and leaves drafts out", async () => {
		const { status, headlines, count, $ } = await search("q=kunar+river");
		expect(status).toBe(200);
		expect(headlines).toEqual(["Kunar river talks open in Kabul"]);
		expect(count).toBe("1 result for “kunar river”");
		expect(
			$(".snippet mark")
				.toArray()
				.map((m) => $(m).text()),
		).toEqual(["Kunar", "river"]);
		expect($("form.search-form input[name=q]").attr("value")).toBe("kunar river");
	});

	it("nudges the more recent of two equally relevant stories to the top", async () => {
		const { headlines, count } = await search("q=bakers+bread");
		expect(count).toBe("2 results for “bakers bread”");
		const { $ } = await search("q=bakers+bread");
		const dates = $(".card time")
			.toArray()
			.map((t) => $(t).attr("datetime") ?? "");
		expect(headlines).toEqual(["Bakers cut bread size", "Bakers cut bread size"]);
		expect(dates[0] && dates[1] && dates[0] > dates[1]).toBe(true);
	});

	it("paginates ten to a page with the query kept in the links", async () => {
		const first = await search("q=cricket");
		expect(first.count).toBe("12 results for “cricket”");
		expect(first.headlines).toHaveLength(10);
		expect(first.$('a[rel="next"]').attr("href")).toBe("/search?q=cricket&page=2");
		const second = await search("q=cricket&page=2");
		expect(second.headlines).toHaveLength(2);
		expect(second.$('a[rel="prev"]').attr("href")).toBe("/search?q=cricket");
		expect((await search("q=cricket&page=3")).status).toBe(404);
		expect((await search("q=cricket&page=abc")).status).toBe(400);
		expect((await search("q=cricket&page=0")).status).toBe(400);
	});

	it("never fails on query syntax: quotes, NEAR, stars, minus, parentheses, lone operators", async () => {
		for (const q of [
			'"',
			'"kunar',
			"kunar*",
			"-kunar",
			"NEAR(kunar river)",
			"((kunar",
			"AND",
			"OR",
			"NOT",
			"kunar OR",
			"^",
			"col:kunar",
			"'; DROP TABLE articles; --",
		]) {
			const { status } = await search(`q=${encodeURIComponent(q)}`);
			expect(status, q).toBe(200);
		}
		expect((await search(`q=${encodeURIComponent("NEAR(kunar river)")}`)).headlines).toEqual([]);
		expect((await search(`q=${encodeURIComponent('"kunar')}`)).headlines).toEqual(["Kunar river talks open in Kabul"]);
	});

	it("trims a query over 200 characters and says so", async () => {
		const long = `kunar ${"x".repeat(300)}`;
		const { status, $ } = await search(`q=${long}`);
		expect(status).toBe(200);
		expect([...($("form.search-form input[name=q]").attr("value") ?? "")].length).toBeLessThanOrEqual(200);
		expect($(".narrow").text()).toContain("Searches are limited to 200 characters");
	});

	it("finds a Dari story whatever the spelling of yeh and kaf, with tatweel, without the non-joiner, or with Persian digits", async () => {
		const headline = "نرخ آرد گندم در بازارهای کابل کاهش یافت";
		for (const q of ["کابل", "كابل", "كـابل", "ميگويند", "می‌گویند", "1405", "۱۴۰۵", "نانوایی‌ها"]) {
			const { headlines } = await search(`q=${encodeURIComponent(q)}`);
			expect(headlines, q).toEqual([headline]);
		}
		const { $ } = await search(`q=${encodeURIComponent("كابل")}`);
		expect($(".snippet mark").first().text()).toBe("کابل");
	});

	it("answers repeated q parameters with the first", async () => {
		const { status, headlines } = await search("q=salang&q=kunar");
		expect(status).toBe(200);
		expect(headlines).toEqual(["Snow closes the Salang pass"]);
	});
});
