import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";

/** How long a session lasts without a new login. */
export const SESSION_DAYS = 14;
/** last_seen_at is written at most this often, so reading a session is not a write each time. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export interface SessionTokens {
	/** Goes in the cookie; only its sha256 is stored. */
	token: string;
	csrfToken: string;
	expiresAt: Date;
}

export interface ActiveSession {
	userId: number;
	csrfToken: string;
	expiresAt: Date;
}

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** Database-backed sessions, so every server node knows every session. */
export class SessionService {
	constructor(private readonly deps: { db: Db; clock: Clock }) {}

	async create(userId: number, userAgent: string): Promise<SessionTokens> {
		const token = randomBytes(32).toString("base64url");
		const csrfToken = randomBytes(32).toString("base64url");
		const now = this.deps.clock.now();
		const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
		await this.deps.db
			.insertInto("sessions")
			.values({
				token_hash: sha256(token),
				user_id: userId,
				csrf_token: csrfToken,
				created_at: now.toISOString(),
				expires_at: expiresAt.toISOString(),
				last_seen_at: now.toISOString(),
				user_agent: userAgent.slice(0, 300),
			})
			.execute();
		return { token, csrfToken, expiresAt };
	}

	/** The live session for a cookie token, or undefined when unknown or expired (an expired one is removed). */
	async find(token: string): Promise<ActiveSession | undefined> {
		if (!token || token.length > 200) return undefined;
		const hash = sha256(token);
		const row = await this.deps.db
			.selectFrom("sessions")
			.select(["user_id", "csrf_token", "expires_at", "last_seen_at"])
			.where("token_hash", "=", hash)
			.executeTakeFirst();
		if (!row) return undefined;
		const now = this.deps.clock.now();
		if (new Date(row.expires_at) <= now) {
			await this.deps.db.deleteFrom("sessions").where("token_hash", "=", hash).execute();
			return undefined;
		}
		if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
			await this.deps.db
				.updateTable("sessions")
				.set({ last_seen_at: now.toISOString() })
				.where("token_hash", "=", hash)
				.execute();
		}
		return { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at) };
	}

	async end(token: string): Promise<void> {
		await this.deps.db.deleteFrom("sessions").where("token_hash", "=", sha256(token)).execute();
	}

	/** "Log out everywhere": ends every session of the user. */
	async endAll(userId: number): Promise<number> {
		const result = await this.deps.db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
		return Number(result.numDeletedRows);
	}

	async countFor(userId: number): Promise<number> {
		const row = await this.deps.db
			.selectFrom("sessions")
			.select((eb) => eb.fn.countAll<number>().as("count"))
			.where("user_id", "=", userId)
			.executeTakeFirstOrThrow();
		return Number(row.count);
	}
}
