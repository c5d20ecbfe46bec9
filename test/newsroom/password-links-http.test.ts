import { load } from "cheerio";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InjectSession } from "../support/browser-session.js";
import { createTestSite, type TestSite } from "../support/test-site.js";
import { importFixture } from "../support/wordpress.js";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "saffron fields of herat in autumn";

describe("setting a password from a link, after moving in from WordPress", () => {
	let site: TestSite;

	beforeEach(async () => {
		site = await createTestSite();
		await site.newsroom.users.create(null, {
			email: "admin@example.org",
			displayName: "Amina",
			role: "admin",
			password: PASSWORD,
		});
		await importFixture(site, "small-export.xml");
	});

	afterEach(async () => site.close());

	it("an admin makes a link on the Users page; the author sets a password with it and is logged in", async () => {
		const admin = new InjectSession(site.app);
		const csrf = await admin.login("admin@example.org", PASSWORD);
		const users = load((await admin.get("/admin/users")).body);
		const imported = users("tbody tr").filter((_, row) => users(row).text().includes("Not set yet"));
		expect(imported.length).toBeGreaterThan(0);
		const action = imported.first().find("form").attr("action") ?? "";
		expect(action).toMatch(/^\/admin\/users\/\d+\/password-link$/);

		const made = load((await admin.post(action, { _csrf: csrf })).body);
		const url = made("code.password-link").text();
		expect(url).toMatch(/^https:\/\/news\.example\.org\/admin\/password\/[\w-]{43}$/);
		const path = new URL(url).pathname;

		const author = new InjectSession(site.app);
		const form = load((await author.get(path)).body);
		const email = form('input[name="email"]').attr("value") ?? "";
		expect(form("h1").text()).toBe("Set your password");
		const token = InjectSession.csrfFrom(form.html());

		const weak = await author.post(path, { _csrf: token, password: "short" });
		expect(weak.statusCode).toBe(400);
		expect(load(weak.body)("#field-password-error").text()).not.toBe("");

		const set = await author.post(path, { _csrf: token, password: NEW_PASSWORD });
		expect(set.statusCode).toBe(303);
		expect(set.headers.location).toBe("/admin/");
		expect((await author.get("/admin/")).statusCode).toBe(200);

		// The link is spent; the new password works at the login form.
		expect((await new InjectSession(site.app).get(path)).statusCode).toBe(410);
		await expect(new InjectSession(site.app).login(email, NEW_PASSWORD)).resolves.toBeTruthy();
	});

	it("refuses a link forged or guessed, and a request without the form's token", async () => {
		const visitor = new InjectSession(site.app);
		expect((await visitor.get("/admin/password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).statusCode).toBe(410);
		const admin = await site.newsroom.users.verifyCredentials("admin@example.org", PASSWORD);
		const { token } = await site.newsroom.passwordLinks.issue(null, admin?.id ?? 0);
		const noCsrf = await visitor.post(`/admin/password/${token}`, { password: NEW_PASSWORD });
		expect(noCsrf.statusCode).toBe(403);
		expect(await site.newsroom.users.verifyCredentials("admin@example.org", PASSWORD)).toBeDefined();
	});
});
