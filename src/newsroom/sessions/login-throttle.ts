import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import { AppError } from "../../errors.js";

/** Failures are counted over this window. */
export const WINDOW_MS = 15 * 60_000;
/** Failed logins allowed per account, and per address, within the window. */
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

/**
 * Login throttling per account and per client address. Failures live in the
 * database, so every node counts the same attempts.
 */
export class LoginThrottle {
	constructor(private readonly deps: { db: Db; clock: Clock }) {}

	/** Throws ERR_LOGIN_LOCKED, saying when to retry, if the account or the address is over its limit. */
	async check(email: string, address: string): Promise<void> {
		for (const [key, limit] of [
			[`account:${email.trim().toLowerCase()}`, ACCOUNT_LIMIT],
			[`ip:${address}`, ADDRESS_LIMIT],
		] as const) {
			const retryAt = await this.lockedUntil(key, limit);
			if (retryAt) {
				const detail = `Try again after ${retryAt.toISOString().slice(11, 16)} UTC.`;
				const error = new AppError("ERR_LOGIN_LOCKED", detail);
				throw Object.assign(error, { retryAt });
			}
		}
	}

	async recordFailure(email: string, address: string): Promise<void> {
		const now = this.deps.clock.now().toISOString();
		await this.deps.db
			.insertInto("login_failures")
			.values([
				{ key: `account:${email.trim().toLowerCase()}`, failed_at: now },
				{ key: `ip:${address}`, failed_at: now },
			])
			.execute();
		await this.deps.db
			.deleteFrom("login_failures")
			.where("failed_at", "<", new Date(this.deps.clock.now().getTime() - WINDOW_MS).toISOString())
			.execute();
	}

	/** A successful login clears the account's failures (not the address's). */
	async recordSuccess(email: string): Promise<void> {
		await this.deps.db
			.deleteFrom("login_failures")
			.where("key", "=", `account:${email.trim().toLowerCase()}`)
			.execute();
	}

	private async lockedUntil(key: string, limit: number): Promise<Date | undefined> {
		const since = new Date(this.deps.clock.now().getTime() - WINDOW_MS).toISOString();
		const rows = await this.deps.db
			.selectFrom("login_failures")
			.select("failed_at")
			.where("key", "=", key)
			.where("failed_at", ">=", since)
			.orderBy("failed_at", "desc")
			.limit(limit)
			.execute();
		if (rows.length < limit) return undefined;
		const oldestCounted = rows[rows.length - 1];
		return oldestCounted ? new Date(new Date(oldestCounted.failed_at).getTime() + WINDOW_MS) : undefined;
	}
}
