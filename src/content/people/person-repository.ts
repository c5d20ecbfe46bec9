import type { Expression } from "kysely";
import type { Db } from "../../db/database.js";
import { preparedQuery } from "../../db/prepared-query.js";
import type { Byline } from "../articles/article.js";

const columns = ["id", "slug", "name", "job_title", "bio"] as const;

/** The bylines of one story, in order: on every story page, so prepared once. */
/**
 * A story's bylines in order: a query of its own, or part of the story page's
 * read, where `articleId` is the story row's column.
 */
export function bylinesQuery(db: Db, articleId: number | Expression<number>) {
	return db
		.selectFrom("article_people")
		.innerJoin("people", "people.id", "article_people.person_id")
		.select(["people.id", "people.slug", "people.name", "people.job_title", "people.bio", "article_people.position"])
		.where("article_people.article_id", "=", articleId)
		.orderBy("article_people.position");
}

export const bylinesOfStory = preparedQuery((db: Db, params: { articleId: number }) =>
	bylinesQuery(db, params.articleId),
);

export function toByline(row: { id: number; slug: string; name: string; job_title: string; bio: string }): Byline {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		jobTitle: row.job_title,
		bio: row.bio,
	};
}

/** SQL for people: the names that appear in bylines. */
export class PersonRepository {
	constructor(private readonly db: Db) {}

	async insert(
		input: {
			slug: string;
			name: string;
			jobTitle: string;
			bio: string;
			createdAt: string;
		},
		db: Db = this.db,
	): Promise<Byline> {
		const row = await db
			.insertInto("people")
			.values({
				slug: input.slug,
				name: input.name,
				job_title: input.jobTitle,
				bio: input.bio,
				created_at: input.createdAt,
			})
			.returning(columns)
			.executeTakeFirstOrThrow();
		return toByline(row);
	}

	async findBySlug(slug: string): Promise<Byline | undefined> {
		const row = await this.db.selectFrom("people").select(columns).where("slug", "=", slug).executeTakeFirst();
		return row && toByline(row);
	}

	async listAll(): Promise<Byline[]> {
		const rows = await this.db.selectFrom("people").select(columns).orderBy("name").execute();
		return rows.map(toByline);
	}

	async findByIds(ids: readonly number[], db: Db = this.db): Promise<Byline[]> {
		if (ids.length === 0) return [];
		const rows = await db.selectFrom("people").select(columns).where("id", "in", ids).execute();
		return rows.map(toByline);
	}

	/** Bylines of each article, in byline order. */
	async bylinesFor(articleIds: readonly number[]): Promise<Map<number, Byline[]>> {
		const result = new Map<number, Byline[]>();
		if (articleIds.length === 0) return result;
		const rows = await this.db
			.selectFrom("article_people")
			.innerJoin("people", "people.id", "article_people.person_id")
			.select([
				"article_people.article_id",
				"people.id",
				"people.slug",
				"people.name",
				"people.job_title",
				"people.bio",
			])
			.where("article_people.article_id", "in", articleIds)
			.orderBy("article_people.article_id")
			.orderBy("article_people.position")
			.execute();
		for (const row of rows) {
			const list = result.get(row.article_id) ?? [];
			list.push(toByline(row));
			result.set(row.article_id, list);
		}
		return result;
	}
}
