import type { Expression } from "kysely";
import type { CorrectionKind, Db } from "../../db/database.js";
import { preparedQuery } from "../../db/prepared-query.js";
import type { Correction } from "./correction.js";

/** A story's notes, oldest first: read for every story page, so prepared once. */
export const notesOfStory = preparedQuery((db: Db, params: { articleId: number }) => notesQuery(db, params.articleId));

/**
 * A story's notes, oldest first: a query of its own, or part of the story
 * page's read, where `articleId` is the story row's column.
 */
export function notesQuery(db: Db, articleId: number | Expression<number>) {
	return db
		.selectFrom("corrections")
		.select(["corrections.id", "corrections.kind", "corrections.body", "corrections.created_at"])
		.where("corrections.article_id", "=", articleId)
		.orderBy("corrections.created_at")
		.orderBy("corrections.id");
}

export function toCorrection(row: { id: number; kind: CorrectionKind; body: string; created_at: string }): Correction {
	return { id: row.id, kind: row.kind, body: row.body, createdAt: new Date(row.created_at) };
}

/** SQL for the corrections table. Every method takes an optional transaction handle. */
export class CorrectionRepository {
	constructor(private readonly db: Db) {}

	async insert(
		values: { articleId: number; kind: CorrectionKind; body: string; createdAt: string; createdBy: number | null },
		db: Db = this.db,
	): Promise<number> {
		const row = await db
			.insertInto("corrections")
			.values({
				article_id: values.articleId,
				kind: values.kind,
				body: values.body,
				created_at: values.createdAt,
				created_by: values.createdBy,
			})
			.returning("id")
			.executeTakeFirstOrThrow();
		return row.id;
	}

	/** A story's notes, oldest first: the order a reader follows them in. */
	async listFor(articleId: number, db: Db = this.db): Promise<Correction[]> {
		const rows = await notesOfStory(db, { articleId });
		return rows.map(toCorrection);
	}
}
