import { type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from "kysely";
import type { ArticleStatus } from "../../content/articles/article.js";
import type { BodyFormat, Database, Db } from "../../db/database.js";
import type { StorySnapshot } from "../revisions/revision.js";

/** A story with what the access rules and the editor need. */
export interface StoryRecord {
	id: number;
	status: ArticleStatus;
	revision: number;
	createdBy: number | null;
	bylinePersonIds: number[];
	snapshot: StorySnapshot;
	bodyFormat: BodyFormat;
	publishedAt: string | null;
	updatedAt: string | null;
	scheduledAt: string | null;
	modifiedAt: string;
}

/** A row of the story list before bylines are attached. */
export interface StoryListRow {
	id: number;
	headline: string;
	slug: string;
	status: ArticleStatus;
	section_name: string;
	modified_at: string;
	published_at: string | null;
	scheduled_at: string | null;
	revision: number;
}

export interface StoryListQuery {
	/** Only stories this user created or is in the byline of; null for every story. */
	ownedBy: { userId: number; personId: number | null } | null;
	status?: ArticleStatus | undefined;
	sectionId?: number | undefined;
	personId?: number | undefined;
	text?: string | undefined;
	sort: "newest" | "oldest";
	limit: number;
	offset: number;
}

/** `text` for a LIKE pattern: its wildcards and the escape character match themselves. */
export function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** SQL for stories as the newsroom sees them. Every method takes an optional transaction handle. */
export class StoryRepository {
	constructor(private readonly db: Db) {}

	async find(id: number, db: Db = this.db): Promise<StoryRecord | undefined> {
		const row = await db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
		if (!row) return undefined;
		const people = await db
			.selectFrom("article_people")
			.select("person_id")
			.where("article_id", "=", id)
			.orderBy("position")
			.execute();
		const tags = await db
			.selectFrom("article_tags")
			.innerJoin("tags", "tags.id", "article_tags.tag_id")
			.select("tags.name")
			.where("article_tags.article_id", "=", id)
			.orderBy("article_tags.position")
			.execute();
		const personIds = people.map((person) => person.person_id);
		return {
			id: row.id,
			status: row.status,
			revision: row.revision,
			createdBy: row.created_by,
			bylinePersonIds: personIds,
			bodyFormat: row.body_format,
			snapshot: {
				headline: row.headline,
				slug: row.slug,
				standfirst: row.standfirst,
				datelinePlace: row.dateline_place,
				sourceLine: row.source_line,
				language: row.language,
				sectionId: row.section_id,
				personIds,
				tagNames: tags.map((tag) => tag.name),
				featuredMediaId: row.featured_media_id,
				bodySource: row.body_source,
			},
			publishedAt: row.published_at,
			updatedAt: row.updated_at,
			scheduledAt: row.scheduled_at,
			modifiedAt: row.modified_at,
		};
	}

	async list(query: StoryListQuery, db: Db = this.db): Promise<{ rows: StoryListRow[]; total: number }> {
		const filtered = this.filtered(query, db);
		const direction = query.sort === "oldest" ? "asc" : "desc";
		const rows = await filtered
			.select([
				"articles.id",
				"articles.headline",
				"articles.slug",
				"articles.status",
				"sections.name as section_name",
				"articles.modified_at",
				"articles.published_at",
				"articles.scheduled_at",
				"articles.revision",
			])
			.orderBy("articles.modified_at", direction)
			.orderBy("articles.id", direction)
			.limit(query.limit)
			.offset(query.offset)
			.execute();
		const count = await filtered.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
		return { rows, total: Number(count.count) };
	}

	/** The names in each story's byline, in byline order. */
	async bylineNames(articleIds: readonly number[], db: Db = this.db): Promise<Map<number, string[]>> {
		const names = new Map<number, string[]>();
		if (articleIds.length === 0) return names;
		const rows = await db
			.selectFrom("article_people")
			.innerJoin("people", "people.id", "article_people.person_id")
			.select(["article_people.article_id", "people.name"])
			.where("article_people.article_id", "in", articleIds)
			.orderBy("article_people.article_id")
			.orderBy("article_people.position")
			.execute();
		for (const row of rows) names.set(row.article_id, [...(names.get(row.article_id) ?? []), row.name]);
		return names;
	}

	/** Names of people, sections and images by id, for showing a revision diff. */
	async names(
		ids: { people: readonly number[]; sections: readonly number[]; media: readonly number[] },
		db: Db = this.db,
	): Promise<{ people: Map<number, string>; sections: Map<number, string>; media: Map<number, string> }> {
		const people =
			ids.people.length === 0
				? []
				: await db.selectFrom("people").select(["id", "name"]).where("id", "in", ids.people).execute();
		const sections =
			ids.sections.length === 0
				? []
				: await db.selectFrom("sections").select(["id", "name"]).where("id", "in", ids.sections).execute();
		const media =
			ids.media.length === 0
				? []
				: await db.selectFrom("media").select(["id", "original_name", "alt"]).where("id", "in", ids.media).execute();
		return {
			people: new Map(people.map((row) => [row.id, row.name])),
			sections: new Map(sections.map((row) => [row.id, row.name])),
			media: new Map(media.map((row) => [row.id, row.alt || row.original_name])),
		};
	}

	private filtered(query: StoryListQuery, db: Db): SelectQueryBuilder<Database, "articles" | "sections", object> {
		let builder = db.selectFrom("articles").innerJoin("sections", "sections.id", "articles.section_id");
		const owner = query.ownedBy;
		if (owner) {
			builder = builder.where((eb) => {
				const mine = [eb("articles.created_by", "=", owner.userId)];
				if (owner.personId !== null) mine.push(this.hasByline(eb, owner.personId));
				return eb.or(mine);
			});
		}
		if (query.status !== undefined) builder = builder.where("articles.status", "=", query.status);
		if (query.sectionId !== undefined) builder = builder.where("articles.section_id", "=", query.sectionId);
		const personId = query.personId;
		if (personId !== undefined) builder = builder.where((eb) => this.hasByline(eb, personId));
		const text = query.text?.trim();
		if (text) {
			const pattern = `%${escapeLike(text.toLowerCase())}%`;
			builder = builder.where((eb) =>
				eb.or([
					sql<SqlBool>`lower(${eb.ref("articles.headline")}) like ${pattern} escape '\\'`,
					sql<SqlBool>`lower(${eb.ref("articles.body_text")}) like ${pattern} escape '\\'`,
				]),
			);
		}
		return builder;
	}

	private hasByline(eb: ExpressionBuilder<Database, "articles" | "sections">, personId: number) {
		return eb.exists(
			eb
				.selectFrom("article_people")
				.select("article_people.article_id")
				.whereRef("article_people.article_id", "=", "articles.id")
				.where("article_people.person_id", "=", personId),
		);
	}
}
