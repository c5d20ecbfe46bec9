import { load } from "cheerio";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InjectSession } from "../../../test/support/browser-session.js";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";

const PASSWORD = "correct horse battery staple";
let site: TestSite;

beforeEach(async () => {
	site = await createTestSite();
	await site.newsroom.users.create(null, {
		email: "admin@example.org",
		displayName: "Ad",
		role: "admin",
		password: PASSWORD,
	});
	await site.newsroom.users.create(null, {
		email: "ed@example.org",
		displayName: "Ed",
		role: "editor",
		password: PASSWORD,
	});
});

afterEach(async () => {
	await site.close();
});

async function signedIn(email: string) {
	const browser = new InjectSession(site.app);
	const csrf = await browser.login(email, PASSWORD);
	return { browser, csrf };
}

const auditActions = async () =>
	(await site.db.selectFrom("audit_log").select(["action", "subject_type"]).orderBy("id").execute())
		.filter((row) => row.subject_type !== "user" && row.subject_type !== "session")
		.map((row) => row.action);

describe("sections page", () => {
	it("lets an admin add a nested section that then answers on the public site", async () => {
		const { browser, csrf } = await signedIn("admin@example.org");
		const parent = await browser.post("/admin/sections", { _csrf: csrf, name: "World", slug: "", parentId: "" });
		expect([parent.statusCode, parent.headers.location]).toEqual([303, "/admin/sections?added=%2Fworld%2F"]);
		const listed = load((await browser.get("/admin/sections?added=%2Fworld%2F")).body);
		expect(listed('[role="status"]').text()).toBe("Added the section at /world/.");
		const parentId = listed('#field-parentId option:contains("World")').attr("value") ?? "";
		expect(parentId).toMatch(/^\d+$/);

		const child = await browser.post("/admin/sections", {
			_csrf: csrf,
			name: "Asia Pacific",
			slug: "asia",
			description: "News from Asia and the Pacific.",
			parentId,
		});
		expect([child.statusCode, child.headers.location]).toEqual([303, "/admin/sections?added=%2Fworld%2Fasia%2F"]);
		const tree = load((await browser.get("/admin/sections")).body);
		expect(tree("main ul li li a").attr("href")).toBe("/world/asia/");

		const person = await site.services.people.create({ name: "Farida Amiri" });
		const section = await site.services.sections.getByPath("world/asia");
		const id = await site.services.articles.createDraft({
			headline: "Monsoon arrives early",
			bodySource: "The rains came a week early this year.",
			sectionId: section?.id ?? 0,
			personIds: [person.id],
		});
		await site.services.articles.publish(id);
		const childPage = await site.app.inject("/world/asia/");
		expect(childPage.statusCode).toBe(200);
		const $child = load(childPage.body);
		expect($child("h1").text()).toContain("Asia Pacific");
		expect(childPage.body).toContain("Monsoon arrives early");
		const parentPage = await site.app.inject("/world/");
		expect(parentPage.statusCode).toBe(200);
		expect(parentPage.body).toContain("Monsoon arrives early");
		expect(await auditActions()).toEqual(["section.create", "section.create"]);
	});

	it("shows a reserved slug's error beside the slug field and keeps what was typed", async () => {
		const { browser, csrf } = await signedIn("admin@example.org");
		const response = await browser.post("/admin/sections", {
			_csrf: csrf,
			name: "Our writers",
			slug: "author",
			description: "Everyone who writes for us.",
			parentId: "",
		});
		expect(response.statusCode).toBe(400);
		const $ = load(response.body);
		expect($("#field-slug-error").text()).toContain('"author" is a reserved address');
		expect($("#field-slug").attr("aria-invalid")).toBe("true");
		expect($("#field-slug").attr("value")).toBe("author");
		expect($("#field-name").attr("value")).toBe("Our writers");
		expect($("#field-description").text()).toBe("Everyone who writes for us.");
		expect($("#field-name-error")).toHaveLength(0);
		expect(await site.services.sections.tree()).toEqual([]);
	});

	it("shows a missing name and a taken address beside their fields", async () => {
		const { browser, csrf } = await signedIn("admin@example.org");
		const empty = load((await browser.post("/admin/sections", { _csrf: csrf, name: "  ", slug: "x" })).body);
		expect(empty("#field-name-error").text()).toBe("Give the section a name.");
		await browser.post("/admin/sections", { _csrf: csrf, name: "Sport" });
		const taken = await browser.post("/admin/sections", { _csrf: csrf, name: "Sports", slug: "sport" });
		expect(taken.statusCode).toBe(400);
		expect(load(taken.body)("#field-slug-error").text()).toContain("/sport/");
	});
});

describe("site settings page", () => {
	it("saves the settings and the public home page shows the new name", async () => {
		const { browser, csrf } = await signedIn("admin@example.org");
		const form = load((await browser.get("/admin/site")).body);
		expect(form("#field-name").attr("value")).toBe("Dateline");
		const saved = await browser.post("/admin/site", {
			_csrf: csrf,
			name: "Kabul Evening Post",
			tagline: "The day's news by nightfall",
			language: "en",
			sourceLine: "Kabul Evening Post",
			logoUrl: "/media/logo.png",
		});
		expect([saved.statusCode, saved.headers.location]).toEqual([303, "/admin/site?saved=1"]);
		const again = load((await browser.get("/admin/site?saved=1")).body);
		expect(again('[role="status"]').text()).toContain("Saved.");
		expect(again("#field-tagline").attr("value")).toBe("The day's news by nightfall");

		const home = load((await site.app.inject("/")).body);
		expect(home(".masthead .brand").text()).toBe("Kabul Evening Post");
		expect(home(".masthead .tagline").text()).toBe("The day's news by nightfall");
		expect((await site.services.settings.site()).logoUrl).toBe("/media/logo.png");
		expect(await auditActions()).toEqual(["settings.site"]);
	});

	it("keeps the typed values and names each bad field", async () => {
		const { browser, csrf } = await signedIn("admin@example.org");
		const response = await browser.post("/admin/site", {
			_csrf: csrf,
			name: "",
			tagline: "Still here",
			language: "English please",
			sourceLine: "",
			logoUrl: "javascript:alert(1)",
		});
		expect(response.statusCode).toBe(400);
		const $ = load(response.body);
		expect($("#field-name-error").text()).toBe("Give the site a name.");
		expect($("#field-language-error").text()).toContain("language tag");
		expect($("#field-logoUrl-error").text()).toContain("site path");
		expect($("#field-language").attr("value")).toBe("English please");
		expect($("#field-tagline").attr("value")).toBe("Still here");
		expect((await site.services.settings.site()).name).toBe("Dateline");
	});
});

describe("access", () => {
	it("refuses an editor both pages and both forms with 403", async () => {
		const { browser, csrf } = await signedIn("ed@example.org");
		expect((await browser.get("/admin/sections")).statusCode).toBe(403);
		expect((await browser.get("/admin/site")).statusCode).toBe(403);
		expect((await browser.post("/admin/sections", { _csrf: csrf, name: "Opinion" })).statusCode).toBe(403);
		const settings = { _csrf: csrf, name: "Taken over", language: "en" };
		expect((await browser.post("/admin/site", settings)).statusCode).toBe(403);
		expect(await site.services.sections.tree()).toEqual([]);
		expect((await site.services.settings.site()).name).toBe("Dateline");
		const stories = load((await browser.get("/admin/")).body);
		expect(stories('a[href="/admin/site"]')).toHaveLength(0);
	});

	it("shows admins the site link", async () => {
		const { browser } = await signedIn("admin@example.org");
		const page = load((await browser.get("/admin/users")).body);
		expect(page('header a[href="/admin/site"]').text()).toBe("Site");
	});

	it("sends a visitor who is not logged in to the login page", async () => {
		const response = await site.app.inject("/admin/site");
		expect([response.statusCode, response.headers.location]).toEqual([303, "/admin/login?next=%2Fadmin%2Fsite"]);
	});

	it("refuses forms without the CSRF token with 403 and changes nothing", async () => {
		const { browser } = await signedIn("admin@example.org");
		expect((await browser.post("/admin/sections", { name: "Opinion" })).statusCode).toBe(403);
		expect((await browser.post("/admin/site", { name: "Forged", language: "en" })).statusCode).toBe(403);
		expect((await browser.post("/admin/site", { _csrf: "forged", name: "Forged", language: "en" })).statusCode).toBe(
			403,
		);
		expect(await site.services.sections.tree()).toEqual([]);
		expect((await site.services.settings.site()).name).toBe("Dateline");
	});
});
