import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestSite, TEST_NOW, type TestSite } from "../../../test/support/test-site.js";
import { isAppError } from "../../errors.js";
import type { User } from "./user-service.js";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "kunar river runs cold in spring";
const HOUR = 60 * 60 * 1000;

describe("one-time password links", () => {
	let site: TestSite;
	let admin: User;
	let movedIn: number;

	beforeEach(async () => {
		site = await createTestSite();
		admin = await site.newsroom.users.create(null, {
			email: "admin@example.org",
			displayName: "Amina",
			role: "admin",
			password: PASSWORD,
		});
		// An account as the WordPress import makes it: no password, told to set one.
		const row = await site.db
			.insertInto("users")
			.values({
				email: "farid@example.org",
				display_name: "Farid",
				role: "author",
				password_hash: null,
				must_reset_password: 1,
				person_id: null,
				created_at: TEST_NOW.toISOString(),
			})
			.returning("id")
			.executeTakeFirstOrThrow();
		movedIn = row.id;
	});

	afterEach(async () => site.close());

	const code = async (work: Promise<unknown>) =>
		work.then(
			() => "ok",
			(error: unknown) => (isAppError(error) ? error.code : String(error)),
		);

	it("lets an account moved in without a password set one, once, and log in with it", async () => {
		const links = site.newsroom.passwordLinks;
		expect(await site.newsroom.users.verifyCredentials("farid@example.org", NEW_PASSWORD)).toBeUndefined();
		const { token, expiresAt } = await links.issue(admin, movedIn);
		expect(expiresAt.getTime() - TEST_NOW.getTime()).toBe(72 * HOUR);
		expect(await links.check(token)).toEqual({ email: "farid@example.org" });

		expect(await links.setPassword(token, NEW_PASSWORD)).toEqual({ email: "farid@example.org" });
		const user = await site.newsroom.users.verifyCredentials("farid@example.org", NEW_PASSWORD);
		expect(user?.id).toBe(movedIn);
		expect(user?.mustResetPassword).toBe(false);
		expect(await code(links.setPassword(token, "another long pass phrase"))).toBe("ERR_PASSWORD_LINK_INVALID");
		// Only the hash of the token is stored.
		const stored = await site.db.selectFrom("password_links").select("token_hash").execute();
		expect(stored).toEqual([]);
		const actions = await site.db.selectFrom("audit_log").select("action").where("subject_id", "=", movedIn).execute();
		expect(actions.map((a) => a.action)).toEqual(["user.password_link", "user.password_set"]);
	});

	it("refuses a weak password and keeps the link usable", async () => {
		const { token } = await site.newsroom.passwordLinks.issue(admin, movedIn);
		expect(await code(site.newsroom.passwordLinks.setPassword(token, "short"))).toBe("ERR_WEAK_PASSWORD");
		expect(await code(site.newsroom.passwordLinks.setPassword(token, NEW_PASSWORD))).toBe("ok");
	});

	it("is made by admins only", async () => {
		const editor = await site.newsroom.users.create(null, {
			email: "ed@example.org",
			displayName: "Ed",
			role: "editor",
			password: PASSWORD,
		});
		expect(await code(site.newsroom.passwordLinks.issue(editor, movedIn))).toBe("ERR_FORBIDDEN");
	});

	it("expires after 72 hours, and a newer link replaces an older one", async () => {
		const links = site.newsroom.passwordLinks;
		const first = await links.issue(admin, movedIn);
		const second = await links.issue(admin, movedIn);
		expect(await code(links.check(first.token))).toBe("ERR_PASSWORD_LINK_INVALID");
		site.clock.set(new Date(TEST_NOW.getTime() + 72 * HOUR - 1000));
		expect(await code(links.check(second.token))).toBe("ok");
		site.clock.set(new Date(TEST_NOW.getTime() + 72 * HOUR));
		expect(await code(links.check(second.token))).toBe("ERR_PASSWORD_LINK_INVALID");
		expect(await code(links.check("not-a-token"))).toBe("ERR_PASSWORD_LINK_INVALID");
	});

	it("ends the account's sessions when the password is replaced, and never serves a disabled account", async () => {
		const links = site.newsroom.passwordLinks;
		await site.newsroom.auth.login({
			email: "admin@example.org",
			password: PASSWORD,
			address: "10.0.0.1",
			userAgent: "t",
		});
		expect(await site.newsroom.sessions.countFor(admin.id)).toBe(1);
		const { token } = await links.issue(null, admin.id);
		await links.setPassword(token, NEW_PASSWORD);
		expect(await site.newsroom.sessions.countFor(admin.id)).toBe(0);

		const again = await links.issue(admin, movedIn);
		await site.db.updateTable("users").set({ disabled_at: TEST_NOW.toISOString() }).where("id", "=", movedIn).execute();
		expect(await code(links.check(again.token))).toBe("ERR_PASSWORD_LINK_INVALID");
		expect(await code(links.issue(null, movedIn))).toBe("ERR_VALIDATION");
	});
});
