import { load } from "cheerio";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InjectSession } from "../support/browser-session.js";
import { createTestSite, TEST_NOW, type TestSite } from "../support/test-site.js";

const PASSWORD = "correct horse battery staple";
const HOUR = 3_600_000;
let site: TestSite;
const ids: number[] = [];

beforeEach(async () => {
	site = await createTestSite();
	const news = await site.services.sections.create({ name: "National News", slug: "news" });
	ids.length = 0;
	for (const [index, headline] of ["Oldest story", "Middle story", "Newest story"].entries()) {
		const id = await site.services.articles.createDraft({
			headline,
			bodySource: `${headline} text.`,
			sectionId: news.id,
			personIds: [],
		});
		await site.services.articles.publish(id, { at: new Date(TEST_NOW.getTime() - (10 - index) * HOUR) });
		ids.push(id);
	}
	await site.newsroom.users.create(null, {
		email: "ed@example.org",
		displayName: "Ed",
		role: "editor",
		password: PASSWORD,
	});
	await site.newsroom.users.create(null, {
		email: "au@example.org",
		displayName: "Au",
		role: "author",
		password: PASSWORD,
	});
});

afterEach(async () => {
	await site.close();
});

describe("front page curation and breaking news", () => {
	it("lets an editor pin the lead and featured stories, which the home page then shows", async () => {
		const browser = new InjectSession(site.app);
		const csrf = await browser.login("ed@example.org", PASSWORD);
		const saved = await browser.post("/admin/front-page", {
			_csrf: csrf,
			lead: String(ids[0]),
			featured: [String(ids[1]), ""],
		});
		expect([saved.statusCode, saved.headers.location]).toEqual([303, "/admin/front-page?saved=1"]);
		const $ = load((await site.app.inject("/")).body);
		expect($(".lead h2 a").first().text()).toBe("Oldest story");
		expect($("#featured-title").next().find("h3 a").text()).toBe("Middle story");
		expect(
			$(".river h3 a")
				.toArray()
				.map((a) => $(a).text()),
		).toEqual(["Newest story"]);
	});

	it("shows a breaking-news banner on every page until it expires", async () => {
		const browser = new InjectSession(site.app);
		const csrf = await browser.login("ed@example.org", PASSWORD);
		const shown = await browser.post("/admin/front-page/breaking", {
			_csrf: csrf,
			text: "Quake felt across the north",
			url: "/news/",
			// 16:00 in Kabul (UTC+4:30) on the test day is 11:30 UTC.
			expires: "2026-03-15T16:00",
		});
		expect(shown.statusCode).toBe(303);
		for (const url of ["/", "/news/", "/2026/03/15/newest-story/"]) {
			const $ = load((await site.app.inject(url)).body);
			expect($(".breaking a").text(), url).toBe("Quake felt across the north");
			expect($(".breaking a").attr("href")).toBe("/news/");
		}
		site.clock.set(new Date("2026-03-15T11:31:00.000Z"));
		expect(load((await site.app.inject("/")).body)(".breaking").length).toBe(0);
	});

	it("keeps the typed banner and names the field when the input is bad", async () => {
		const browser = new InjectSession(site.app);
		const csrf = await browser.login("ed@example.org", PASSWORD);
		const response = await browser.post("/admin/front-page/breaking", {
			_csrf: csrf,
			text: "Roads closed",
			url: "javascript:alert(1)",
			expires: "2026-03-15T16:00",
		});
		expect(response.statusCode).toBe(400);
		const $ = load(response.body);
		expect($("#field-url-error").text()).toContain("site path");
		expect($("#field-text").attr("value")).toBe("Roads closed");
	});

	it("refuses authors and stories that are not published", async () => {
		const author = new InjectSession(site.app);
		const csrf = await author.login("au@example.org", PASSWORD);
		expect((await author.get("/admin/front-page")).statusCode).toBe(403);
		expect((await author.post("/admin/front-page", { _csrf: csrf, lead: String(ids[0]) })).statusCode).toBe(403);

		await site.services.articles.unpublish(ids[2] ?? 0);
		const editor = new InjectSession(site.app);
		const editorCsrf = await editor.login("ed@example.org", PASSWORD);
		const refused = await editor.post("/admin/front-page", { _csrf: editorCsrf, lead: String(ids[2]) });
		expect(refused.statusCode).toBe(400);
		expect(refused.body).toContain("Only published stories can be pinned.");
	});
});
