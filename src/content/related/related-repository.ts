import type { Db } from "../../db/database.js";

/** SQL for the stored "Check Also" lists. */
export class RelatedRepository {
	constructor(private readonly db: Db) {}

	async replace(articleId: number, related: readonly { id: number; score: number }[], db: Db = this.db): Promise<void> {
		await db.deleteFrom("related").where("article_id", "=", articleId).execute();
		if (related.length === 0) return;
		await db
			.insertInto("related")
			.values(
				related.map((entry, rank) => ({
					article_id: articleId,
					related_id: entry.id,
					rank,
					score: entry.score,
				})),
			)
			.execute();
	}

	/** The stored related stories of `articleId` that are still published, best first. */
	async publishedRelatedIds(articleId: number, limit: number): Promise<number[]> {
		const rows = await this.db
			.selectFrom("related")
			.innerJoin("articles", "articles.id", "related.related_id")
			.select("related.related_id")
			.where("related.article_id", "=", articleId)
			.where("articles.status", "=", "published")
			.orderBy("related.rank")
			.limit(limit)
			.execute();
		return rows.map((row) => row.related_id);
	}

	/** Stories whose stored list names `relatedId`. */
	async articlesPointingTo(relatedId: number, db: Db = this.db): Promise<number[]> {
		const rows = await db.selectFrom("related").select("article_id").where("related_id", "=", relatedId).execute();
		return rows.map((row) => row.article_id);
	}
}
