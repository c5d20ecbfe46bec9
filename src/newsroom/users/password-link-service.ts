import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import { AppError } from "../../errors.js";
import type { AuditLog } from "../audit/audit-log.js";
import { type Actor, canManageUsers } from "../roles/access.js";
import { DEFAULT_COST, hashPassword, passwordProblem } from "./passwords.js";

/** How long a link stays good: long enough to reach someone by phone or message across time zones. */
const LINK_LIFETIME_MS = 72 * 60 * 60 * 1000;

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** Where a link may be opened: `/admin/password/{token}`. */
export function passwordLinkPath(token: string): string {
	return `/admin/password/${token}`;
}

/**
 * One-time links to set a password. Dateline sends no email: an admin makes
 * the link (Users page, or `dateline user password-link`) and hands it over
 * however the newsroom reaches its people. It is how accounts moved in from
 * WordPress, which arrive without passwords, get one, and how a forgotten
 * password is replaced. A link works once, for 72 hours; setting the password
 * ends the account's sessions everywhere.
 */
export class PasswordLinkService {
	constructor(private readonly deps: { db: Db; clock: Clock; audit: AuditLog; passwordCost?: number }) {}

	/**
	 * A new link for `userId`, replacing any earlier one. `actor` is the admin
	 * making it, or null for the command line.
	 */
	async issue(actor: Actor | null, userId: number): Promise<{ token: string; expiresAt: Date }> {
		if (actor && !canManageUsers(actor)) throw new AppError("ERR_FORBIDDEN", "Only an admin can make password links.");
		const token = randomBytes(32).toString("base64url");
		const now = this.deps.clock.now();
		const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS);
		await this.deps.db.transaction().execute(async (trx) => {
			const user = await trx
				.selectFrom("users")
				.select(["id", "disabled_at"])
				.where("id", "=", userId)
				.executeTakeFirst();
			if (!user || user.disabled_at) throw new AppError("ERR_VALIDATION", "user: no active account has this id.");
			await trx.deleteFrom("password_links").where("user_id", "=", userId).execute();
			await trx
				.insertInto("password_links")
				.values({
					token_hash: sha256(token),
					user_id: userId,
					created_at: now.toISOString(),
					expires_at: expiresAt.toISOString(),
				})
				.execute();
			await this.deps.audit.record(
				{ userId: actor?.id ?? null, action: "user.password_link", subjectType: "user", subjectId: userId },
				trx,
			);
		});
		return { token, expiresAt };
	}

	/** The email of the account a link is good for, or ERR_PASSWORD_LINK_INVALID. */
	async check(token: string): Promise<{ email: string }> {
		const found = await this.find(token, this.deps.db);
		return { email: found.email };
	}

	/**
	 * Sets the account's password from a link, which is then used up, and ends
	 * the account's sessions. Returns the email, so the caller can log them in.
	 */
	async setPassword(token: string, password: string): Promise<{ email: string }> {
		const { email } = await this.check(token);
		const problem = passwordProblem(password, { email });
		if (problem) throw new AppError("ERR_WEAK_PASSWORD", problem);
		const passwordHash = await hashPassword(password, this.deps.passwordCost ?? DEFAULT_COST);
		return this.deps.db.transaction().execute(async (trx) => {
			// Checked again inside the transaction: two tabs submitting one link set one password.
			const found = await this.find(token, trx);
			await trx
				.updateTable("users")
				.set({ password_hash: passwordHash, must_reset_password: 0 })
				.where("id", "=", found.userId)
				.execute();
			await trx.deleteFrom("password_links").where("user_id", "=", found.userId).execute();
			await trx.deleteFrom("sessions").where("user_id", "=", found.userId).execute();
			await this.deps.audit.record(
				{ userId: found.userId, action: "user.password_set", subjectType: "user", subjectId: found.userId },
				trx,
			);
			return { email: found.email };
		});
	}

	private async find(token: string, db: Db): Promise<{ userId: number; email: string }> {
		const row = await db
			.selectFrom("password_links")
			.innerJoin("users", "users.id", "password_links.user_id")
			.select(["users.id", "users.email", "users.disabled_at", "password_links.expires_at"])
			.where("password_links.token_hash", "=", sha256(token))
			.executeTakeFirst();
		if (!row || row.disabled_at || new Date(row.expires_at).getTime() <= this.deps.clock.now().getTime())
			throw new AppError("ERR_PASSWORD_LINK_INVALID");
		return { userId: row.id, email: row.email };
	}
}
