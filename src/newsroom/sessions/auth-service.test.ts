import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestSite, TEST_NOW, type TestSite } from "../../../test/support/test-site.js";
import { isAppError } from "../../errors.js";
import { AuditLog } from "../audit/audit-log.js";
import { UserService } from "../users/user-service.js";
import { AuthService } from "./auth-service.js";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, LoginThrottle, WINDOW_MS } from "./login-throttle.js";
import { SESSION_DAYS, SessionService } from "./session-service.js";

let site: TestSite;
let users: UserService;
let sessions: SessionService;
let auth: AuthService;
const PASSWORD = "correct horse battery staple";

beforeEach(async () => {
	site = await createTestSite();
	const audit = new AuditLog({ db: site.db, clock: site.clock });
	users = new UserService({ db: site.db, clock: site.clock, audit, passwordCost: 2 ** 10 });
	sessions = new SessionService({ db: site.db, clock: site.clock });
	auth = new AuthService({ users, sessions, throttle: new LoginThrottle({ db: site.db, clock: site.clock }), audit });
	await users.create(null, { email: "Editor@Example.org", displayName: "Ed", role: "editor", password: PASSWORD });
});

afterEach(async () => {
	await site.close();
});

async function code(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		if (isAppError(error)) return error.code;
		throw error;
	}
	return "ok";
}

const login = (password: string, address = "10.0.0.1", email = "editor@example.org", previousToken?: string) =>
	auth.login({ email, password, address, userAgent: "test", ...(previousToken ? { previousToken } : {}) });

describe("accounts", () => {
	it("stores emails lower-cased, refuses duplicates and weak passwords", async () => {
		expect(
			await code(
				users.create(null, { email: "editor@example.org", displayName: "", role: "author", password: PASSWORD }),
			),
		).toBe("ERR_VALIDATION");
		expect(
			await code(
				users.create(null, { email: "a@example.org", displayName: "", role: "author", password: "password1234" }),
			),
		).toBe("ERR_WEAK_PASSWORD");
		expect(
			await code(users.create(null, { email: "not-an-email", displayName: "", role: "author", password: PASSWORD })),
		).toBe("ERR_VALIDATION");
		const row = await site.db.selectFrom("users").select(["email", "password_hash"]).executeTakeFirstOrThrow();
		expect(row.email).toBe("editor@example.org");
		expect(row.password_hash).not.toContain(PASSWORD);
	});

	it("lets only an admin create accounts", async () => {
		const editor = await users.verifyCredentials("editor@example.org", PASSWORD);
		if (!editor) throw new Error("editor missing");
		expect(
			await code(users.create(editor, { email: "x@example.org", displayName: "", role: "author", password: PASSWORD })),
		).toBe("ERR_FORBIDDEN");
	});
});

describe("login and sessions", () => {
	it("logs in with the right password, storing only a hash of the token", async () => {
		const { user, session } = await login(PASSWORD);
		expect(user.role).toBe("editor");
		const stored = await site.db.selectFrom("sessions").selectAll().executeTakeFirstOrThrow();
		expect(stored.token_hash).not.toBe(session.token);
		expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect((await sessions.find(session.token))?.userId).toBe(user.id);
		expect(await sessions.find("forged")).toBeUndefined();
	});

	it("refuses a wrong password without saying which part was wrong", async () => {
		expect(await code(login("wrong password entirely"))).toBe("ERR_LOGIN_FAILED");
		expect(await code(login(PASSWORD, "10.0.0.1", "nobody@example.org"))).toBe("ERR_LOGIN_FAILED");
	});

	it("renews the session on login: the token presented before is ended", async () => {
		const first = await login(PASSWORD);
		const second = await login(PASSWORD, "10.0.0.1", "editor@example.org", first.session.token);
		expect(await sessions.find(first.session.token)).toBeUndefined();
		expect(await sessions.find(second.session.token)).toBeDefined();
	});

	it("expires sessions after their lifetime", async () => {
		const { session } = await login(PASSWORD);
		site.clock.set(new Date(TEST_NOW.getTime() + SESSION_DAYS * 86_400_000 + 1000));
		expect(await sessions.find(session.token)).toBeUndefined();
	});

	it("logs out everywhere", async () => {
		const a = await login(PASSWORD);
		const b = await login(PASSWORD);
		expect(await auth.logoutEverywhere(a.user.id)).toBe(2);
		expect(await sessions.find(a.session.token)).toBeUndefined();
		expect(await sessions.find(b.session.token)).toBeUndefined();
	});
});

describe("login throttling", () => {
	it("locks an account after repeated failures, says when to retry, and lets it in after the window", async () => {
		for (let i = 0; i < ACCOUNT_LIMIT; i += 1)
			expect(await code(login("wrong password entirely", `10.0.1.${i}`))).toBe("ERR_LOGIN_FAILED");
		let message = "";
		try {
			await login(PASSWORD, "10.0.2.1");
		} catch (error) {
			if (!isAppError(error, "ERR_LOGIN_LOCKED")) throw error;
			message = error.message;
		}
		const retryAt = new Date(TEST_NOW.getTime() + WINDOW_MS).toISOString().slice(11, 16);
		expect(message).toContain(`Try again after ${retryAt} UTC`);
		site.clock.set(new Date(TEST_NOW.getTime() + WINDOW_MS + 1000));
		expect((await login(PASSWORD, "10.0.2.1")).user.email).toBe("editor@example.org");
	});

	it("locks an address that tries many accounts", async () => {
		for (let i = 0; i < ADDRESS_LIMIT; i += 1)
			await code(login("wrong password entirely", "10.9.9.9", `user${i}@example.org`));
		expect(await code(login(PASSWORD, "10.9.9.9"))).toBe("ERR_LOGIN_LOCKED");
		expect((await login(PASSWORD, "10.9.9.10")).user.email).toBe("editor@example.org");
	});
});
