import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";

/** One line of the audit log: who did what to which thing, and when. */
export interface AuditEntry {
	userId: number | null;
	action: string;
	subjectType: "article" | "user" | "section" | "settings" | "media" | "session";
	subjectId: number | null;
	detail?: Record<string, unknown>;
}

/** Writes audit entries; call it with the transaction of the change it records, so both land or neither does. */
export class AuditLog {
	constructor(private readonly deps: { db: Db; clock: Clock }) {}

	async record(entry: AuditEntry, db: Db = this.deps.db): Promise<void> {
		await db
			.insertInto("audit_log")
			.values({
				at: this.deps.clock.now().toISOString(),
				user_id: entry.userId,
				action: entry.action,
				subject_type: entry.subjectType,
				subject_id: entry.subjectId,
				detail: JSON.stringify(entry.detail ?? {}),
			})
			.execute();
	}

	/** The newest entries about one thing, newest first. */
	async forSubject(subjectType: AuditEntry["subjectType"], subjectId: number, limit = 50) {
		const rows = await this.deps.db
			.selectFrom("audit_log")
			.leftJoin("users", "users.id", "audit_log.user_id")
			.select(["audit_log.id", "audit_log.at", "audit_log.action", "audit_log.detail", "users.display_name"])
			.where("audit_log.subject_type", "=", subjectType)
			.where("audit_log.subject_id", "=", subjectId)
			.orderBy("audit_log.id", "desc")
			.limit(limit)
			.execute();
		return rows.map((row) => ({
			id: row.id,
			at: new Date(row.at),
			action: row.action,
			who: row.display_name ?? "system",
			detail: JSON.parse(row.detail) as Record<string, unknown>,
		}));
	}
}
