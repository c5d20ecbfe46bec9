import type { Db } from "../../db/database.js";
import type { Revision, RevisionSummary, StorySnapshot } from "./revision.js";

/** SQL for the revisions table. Every method takes an optional transaction handle. */
export class RevisionRepository {
	constructor(private readonly db: Db) {}

	async insert(
		values: {
			articleId: number;
			number: number;
			snapshot: StorySnapshot;
			createdAt: string;
			createdBy: number | null;
			note: string;
		},
		db: Db = this.db,
	): Promise<void> {
		await db
			.insertInto("revisions")
			.values({
				article_id: values.articleId,
				number: values.number,
				snapshot: JSON.stringify(values.snapshot),
				created_at: values.createdAt,
				created_by: values.createdBy,
				note: values.note,
			})
			.execute();
	}

	/** A story's revisions, newest first, without their snapshots. */
	async list(articleId: number, db: Db = this.db): Promise<RevisionSummary[]> {
		const rows = await db
			.selectFrom("revisions")
			.leftJoin("users", "users.id", "revisions.created_by")
			.select(["revisions.number", "revisions.created_at", "revisions.note", "users.display_name"])
			.where("revisions.article_id", "=", articleId)
			.orderBy("revisions.number", "desc")
			.execute();
		return rows.map((row) => ({
			number: row.number,
			createdAt: new Date(row.created_at),
			createdBy: row.display_name ?? "system",
			note: row.note,
		}));
	}

	async find(articleId: number, number: number, db: Db = this.db): Promise<Revision | undefined> {
		const row = await db
			.selectFrom("revisions")
			.leftJoin("users", "users.id", "revisions.created_by")
			.select([
				"revisions.number",
				"revisions.created_at",
				"revisions.note",
				"revisions.snapshot",
				"users.display_name",
			])
			.where("revisions.article_id", "=", articleId)
			.where("revisions.number", "=", number)
			.executeTakeFirst();
		if (!row) return undefined;
		return {
			number: row.number,
			createdAt: new Date(row.created_at),
			createdBy: row.display_name ?? "system",
			note: row.note,
			snapshot: JSON.parse(row.snapshot) as StorySnapshot,
		};
	}

	/** The newest revision's number and time, if the story has any. */
	async latest(articleId: number, db: Db = this.db): Promise<{ number: number; createdAt: Date } | undefined> {
		const row = await db
			.selectFrom("revisions")
			.select(["number", "created_at"])
			.where("article_id", "=", articleId)
			.orderBy("number", "desc")
			.limit(1)
			.executeTakeFirst();
		return row && { number: row.number, createdAt: new Date(row.created_at) };
	}
}
