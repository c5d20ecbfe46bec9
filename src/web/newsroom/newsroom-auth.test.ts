import { load } from "cheerio";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InjectSession } from "../../../test/support/browser-session.js";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";

const PASSWORD = "correct horse battery staple";
let site: TestSite;

beforeEach(async () => {
	site = await createTestSite();
});

afterEach(async () => {
	await site.close();
});

describe("first-run setup", () => {
	it("exists only while there are no users, and logs the new admin in", async () => {
		const browser = new InjectSession(site.app);
		const login = await browser.get("/admin/login");
		expect([login.statusCode, login.headers.location]).toEqual([303, "/admin/setup"]);
		const page = await browser.get("/admin/setup");
		expect(page.statusCode).toBe(200);
		const weak = await browser.post("/admin/setup", {
			_csrf: InjectSession.csrfFrom(page.body),
			displayName: "Amina",
			email: "amina@example.org",
			password: "password1234",
		});
		expect(weak.statusCode).toBe(400);
		const $ = load(weak.body);
		expect($("#field-password-error").text()).toContain("common passwords");
		expect($("#field-email").attr("value")).toBe("amina@example.org");
		expect($("#field-displayName").attr("value")).toBe("Amina");

		const created = await browser.post("/admin/setup", {
			_csrf: InjectSession.csrfFrom(page.body),
			displayName: "Amina",
			email: "amina@example.org",
			password: PASSWORD,
		});
		expect([created.statusCode, created.headers.location]).toEqual([303, "/admin/"]);
		expect(browser.has("dateline_session")).toBe(true);
		const users = await browser.get("/admin/users");
		expect(users.statusCode).toBe(200);
		expect(users.body).toContain("amina@example.org");

		const again = await new InjectSession(site.app).get("/admin/setup");
		expect([again.statusCode, again.headers.location]).toEqual([303, "/admin/login"]);
	});
});

describe("login", () => {
	beforeEach(async () => {
		await site.newsroom.users.create(null, {
			email: "ed@example.org",
			displayName: "Ed",
			role: "editor",
			password: PASSWORD,
		});
		await site.newsroom.users.create(null, {
			email: "admin@example.org",
			displayName: "Ad",
			role: "admin",
			password: PASSWORD,
		});
	});

	it("sends a logged-out visitor to the login form and back to the page afterwards", async () => {
		const browser = new InjectSession(site.app);
		const users = await browser.get("/admin/users");
		expect([users.statusCode, users.headers.location]).toEqual([303, "/admin/login?next=%2Fadmin%2Fusers"]);
		const form = await browser.get("/admin/login?next=%2Fadmin%2Fusers");
		const response = await browser.post("/admin/login", {
			_csrf: InjectSession.csrfFrom(form.body),
			email: "admin@example.org",
			password: PASSWORD,
			next: "/admin/users",
		});
		expect([response.statusCode, response.headers.location]).toEqual([303, "/admin/users"]);
	});

	it("never redirects off the site after login", async () => {
		const browser = new InjectSession(site.app);
		const form = await browser.get("/admin/login");
		for (const next of [
			"https://evil.example/",
			"//evil.example/",
			"/\\evil.example",
			"/admin",
			"javascript:alert(1)",
		]) {
			const response = await browser.post("/admin/login", {
				_csrf: InjectSession.csrfFrom(form.body),
				email: "ed@example.org",
				password: PASSWORD,
				next,
			});
			expect(response.headers.location, next).toBe("/admin/");
		}
	});

	it("sets an HttpOnly, SameSite=Lax session cookie, Secure behind https", async () => {
		const browser = new InjectSession(site.app);
		const form = await browser.get("/admin/login");
		const plain = await browser.post("/admin/login", {
			_csrf: InjectSession.csrfFrom(form.body),
			email: "ed@example.org",
			password: PASSWORD,
		});
		const cookie = plain.cookies.find((c) => c.name === "dateline_session");
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/admin" });
		expect(cookie?.secure).toBeUndefined();
		const secureBrowser = new InjectSession(site.app);
		const form2 = await secureBrowser.get("/admin/login");
		const https = await secureBrowser.post(
			"/admin/login",
			{ _csrf: InjectSession.csrfFrom(form2.body), email: "ed@example.org", password: PASSWORD },
			{ "x-forwarded-proto": "https" },
		);
		expect(https.cookies.find((c) => c.name === "dateline_session")?.secure).toBe(true);
	});

	it("answers a wrong password with the form again, keeping the email, and locks after five tries", async () => {
		const browser = new InjectSession(site.app);
		const form = await browser.get("/admin/login");
		const csrf = InjectSession.csrfFrom(form.body);
		for (let i = 0; i < 5; i += 1) {
			const wrong = await browser.post("/admin/login", {
				_csrf: csrf,
				email: "ed@example.org",
				password: "not the password at all",
			});
			expect(wrong.statusCode).toBe(401);
			expect(load(wrong.body)("#field-email").attr("value")).toBe("ed@example.org");
		}
		const locked = await browser.post("/admin/login", { _csrf: csrf, email: "ed@example.org", password: PASSWORD });
		expect(locked.statusCode).toBe(429);
		expect(locked.body).toMatch(/Try again after \d\d:\d\d UTC/);
	});

	it("ends every session with log out everywhere", async () => {
		const phone = new InjectSession(site.app);
		const laptop = new InjectSession(site.app);
		const phoneCsrf = await phone.login("admin@example.org", PASSWORD);
		await laptop.login("admin@example.org", PASSWORD);
		expect((await laptop.get("/admin/users")).statusCode).toBe(200);
		const out = await phone.post("/admin/logout-everywhere", { _csrf: phoneCsrf });
		expect(out.statusCode).toBe(303);
		expect((await laptop.get("/admin/users")).statusCode).toBe(303);
		expect((await phone.get("/admin/users")).statusCode).toBe(303);
	});
});

describe("CSRF", () => {
	it("refuses state changes without the session's token, or from another origin, with 403", async () => {
		await site.newsroom.users.create(null, {
			email: "admin@example.org",
			displayName: "Ad",
			role: "admin",
			password: PASSWORD,
		});
		const browser = new InjectSession(site.app);
		const csrf = await browser.login("admin@example.org", PASSWORD);
		const form = { email: "new@example.org", displayName: "New", role: "author", password: PASSWORD };
		expect((await browser.post("/admin/users", form)).statusCode).toBe(403);
		expect((await browser.post("/admin/users", { ...form, _csrf: "forged" })).statusCode).toBe(403);
		expect(
			(await browser.post("/admin/users", { ...form, _csrf: csrf }, { origin: "https://evil.example" })).statusCode,
		).toBe(403);
		const ok = await browser.post("/admin/users", { ...form, _csrf: csrf });
		expect([ok.statusCode, ok.headers.location]).toEqual([303, "/admin/users?added=new%40example.org"]);
	});

	it("refuses a login form posted without the pre-session token", async () => {
		await site.newsroom.users.create(null, {
			email: "ed@example.org",
			displayName: "Ed",
			role: "editor",
			password: PASSWORD,
		});
		const browser = new InjectSession(site.app);
		await browser.get("/admin/login");
		expect((await browser.post("/admin/login", { email: "ed@example.org", password: PASSWORD })).statusCode).toBe(403);
	});
});

describe("roles on account pages", () => {
	it("lets only admins see and add users", async () => {
		await site.newsroom.users.create(null, {
			email: "ed@example.org",
			displayName: "Ed",
			role: "editor",
			password: PASSWORD,
		});
		const browser = new InjectSession(site.app);
		const csrf = await browser.login("ed@example.org", PASSWORD);
		expect((await browser.get("/admin/users")).statusCode).toBe(403);
		const add = await browser.post("/admin/users", {
			_csrf: csrf,
			email: "x@example.org",
			displayName: "X",
			role: "admin",
			password: PASSWORD,
		});
		expect(add.statusCode).toBe(403);
	});

	it("never caches newsroom pages", async () => {
		const response = await site.app.inject("/admin/login");
		expect(response.headers["cache-control"]).toBe("private, no-store");
		expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
	});
});
