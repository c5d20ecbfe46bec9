import type { Expression } from "kysely";
import type { Db } from "../../db/database.js";
import { preparedQuery } from "../../db/prepared-query.js";
import { openingOf } from "../articles/opening.js";

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
 * The best stored related story of an article still published, with the
 * opening of its text: a query of its own, or part of the story page's read,
 * where `articleId` is the story row's column. The story is chosen first,
 * reading only the short columns; then one row is read whole. Its tables are
 * aliased so that `articleId` can name the outer "articles".
 */
export function checkAlsoQuery(db: Db, articleId: number | Expression<number>) {
	return db
		.selectFrom("articles as check_also")
		.select([
			"check_also.id",
			"check_also.slug",
			"check_also.headline",
			"check_also.language",
			"check_also.published_at",
			openingOf("check_also"),
		])
		.where("check_also.id", "=", (eb) =>
			eb
				.selectFrom("related")
				.innerJoin("articles as candidate", "candidate.id", "related.related_id")
				.select("related.related_id")
				.where("related.article_id", "=", articleId)
				.where("candidate.status", "=", "published")
				.orderBy("related.rank")
				.limit(1),
		);
}

export const firstPublishedRelated = preparedQuery((db: Db, params: { articleId: number }) =>
	checkAlsoQuery(db, params.articleId),
);

/** A row of `checkAlsoQuery` as the "Check Also" box takes it; undefined for a story with no date. */
export function toFirstRelated(row: {
	id: number;
	slug: string;
	headline: string;
	language: string;
	published_at: string | null;
	opening: string;
}): FirstRelated | undefined {
	if (!row.published_at) return undefined;
	return {
		id: row.id,
		slug: row.slug,
		headline: row.headline,
		language: row.language,
		publishedAt: row.published_at,
		bodyText: row.opening,
	};
}

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
