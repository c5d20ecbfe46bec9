import type { Db } from "../../db/database.js";
import { preparedQuery } from "../../db/prepared-query.js";
import { openingColumn } from "../articles/article-repository.js";

/** A related story as the "Check Also" box needs it; `bodyText` is its opening only. */
export interface FirstRelated {
	id: number;
	slug: string;
	headline: string;
	language: string;
	publishedAt: string;
	bodyText: string;
}

/**
 * The best stored related story of an article still published, with the opening of its
 * text. The story is chosen first, reading only the short columns; then one row is read whole.
 */
const firstPublishedRelated = preparedQuery((db: Db, params: { articleId: number }) =>
	db
		.selectFrom("articles")
		.select([
			"articles.id",
			"articles.slug",
			"articles.headline",
			"articles.language",
			"articles.published_at",
			openingColumn,
		])
		.where("articles.id", "=", (eb) =>
			eb
				.selectFrom("related")
				.innerJoin("articles as candidate", "candidate.id", "related.related_id")
				.select("related.related_id")
				.where("related.article_id", "=", params.articleId)
				.where("candidate.status", "=", "published")
				.orderBy("related.rank")
				.limit(1),
		),
);

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

	/**
	 * The best stored related story of `articleId` still published, with the
	 * opening of its text (enough for an excerpt), in one query.
	 */
	async firstPublished(articleId: number): Promise<FirstRelated | undefined> {
		const [row] = await firstPublishedRelated(this.db, { articleId });
		if (!row?.published_at) return undefined;
		return {
			id: row.id,
			slug: row.slug,
			headline: row.headline,
			language: row.language,
			publishedAt: row.published_at,
			bodyText: row.opening,
		};
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
