import {
	type Expression,
	type ExpressionBuilder,
	type Insertable,
	type Selectable,
	type SelectQueryBuilder,
	type SqlBool,
	sql,
	type Updateable,
} from "kysely";
import type { ArticleStatus, ArticleTable, Database, Db } from "../../db/database.js";
import { type DialectAdapter, fromJson } from "../../db/dialects/dialect.js";
import { preparedQuery } from "../../db/prepared-query.js";
import type { Correction } from "../corrections/correction.js";
import { notesOfStory, notesQuery, toCorrection } from "../corrections/correction-repository.js";
import { bylinesOfStory, bylinesQuery, toByline } from "../people/person-repository.js";
import {
	checkAlsoQuery,
	type FirstRelated,
	firstPublishedRelated,
	toFirstRelated,
} from "../related/related-repository.js";
import { tagsOfStory, tagsQuery } from "../tags/tag-repository.js";
import type { Byline, TagRef } from "./article.js";
import { openingColumn } from "./opening.js";

/** Filters for lists of published stories; all given filters must hold. */
export interface PublishedFilter {
	sectionIds?: readonly number[];
	personId?: number;
	tagId?: number;
}

/** A published story row with its section, before bylines are attached. */
export interface SummaryRow {
	id: number;
	slug: string;
	headline: string;
	standfirst: string;
	published_at: string;
	updated_at: string | null;
	section_id: number;
	section_slug: string;
	section_name: string;
	section_path: string;
	section_parent_id: number | null;
	language: string;
}

/** A published story as its page shows it, with its section. */
export interface PublishedRow {
	id: number;
	slug: string;
	status: ArticleStatus;
	headline: string;
	standfirst: string;
	body_html: string;
	/** The opening of the story's text (`openingColumn`), for its description. */
	opening: string;
	dateline_place: string;
	source_line: string;
	language: string;
	published_at: string | null;
	updated_at: string | null;
	revision: number;
	featured_media_id: number | null;
	translation_group: number | null;
	section_id: number;
	section_slug: string;
	section_name: string;
	section_path: string;
	section_parent_id: number | null;
}

/** A published story as its page shows it, with what its page shows beside it. */
export interface PublishedStoryRow extends PublishedRow {
	bylines: Byline[];
	tags: TagRef[];
	/** Corrections, updates and clarifications, oldest first. */
	notes: Correction[];
	checkAlso: FirstRelated | undefined;
}

/** The columns of a story card: the story and its section. */
const summaryColumns = [
	"articles.id",
	"articles.slug",
	"articles.headline",
	"articles.standfirst",
	"articles.published_at",
	"articles.updated_at",
	"articles.section_id",
	"sections.slug as section_slug",
	"sections.name as section_name",
	"sections.path as section_path",
	"sections.parent_id as section_parent_id",
	"articles.language",
] as const;

export type ArticleRow = Selectable<ArticleTable>;

/** A published story by slug with its section: the row of every story page. */
function storyRow(db: Db, slug: string) {
	return db
		.selectFrom("articles")
		.innerJoin("sections", "sections.id", "articles.section_id")
		.select([
			"articles.id",
			"articles.slug",
			"articles.status",
			"articles.headline",
			"articles.standfirst",
			"articles.body_html",
			openingColumn,
			"articles.dateline_place",
			"articles.source_line",
			"articles.language",
			"articles.published_at",
			"articles.updated_at",
			"articles.revision",
			"articles.featured_media_id",
			"articles.translation_group",
			"sections.id as section_id",
			"sections.slug as section_slug",
			"sections.name as section_name",
			"sections.path as section_path",
			"sections.parent_id as section_parent_id",
		])
		.where("articles.slug", "=", slug)
		.where("articles.status", "=", "published");
}

const storyBySlug = preparedQuery((db: Db, params: { slug: string }) => storyRow(db, params.slug));

/**
 * The story row with, as JSON columns, its bylines, its tags (with their
 * names in every language), its notes and its "Check Also": one statement
 * where there were six, five of them one after another. Prepared once per
 * dialect, whose JSON functions it uses.
 */
function foldedStoryBySlug(adapter: DialectAdapter) {
	return preparedQuery((db: Db, params: { slug: string }) =>
		storyRow(db, params.slug).select((eb) => [
			adapter.jsonArrayFrom(bylinesQuery(db, eb.ref("articles.id"))).as("bylines"),
			adapter
				.jsonArrayFrom(
					tagsQuery(db, eb.ref("articles.id")).select((tag) => [
						"tags.id",
						"tags.slug",
						"tags.name",
						"article_tags.position",
						adapter
							.jsonArrayFrom(
								tag
									.selectFrom("tag_names")
									.select(["tag_names.language", "tag_names.name"])
									.whereRef("tag_names.tag_id", "=", "tags.id"),
							)
							.as("names"),
					]),
				)
				.as("tags"),
			adapter.jsonArrayFrom(notesQuery(db, eb.ref("articles.id"))).as("notes"),
			adapter.jsonObjectFrom(checkAlsoQuery(db, eb.ref("articles.id"))).as("check_also"),
		]),
	);
}

/** Rows of a JSON list column in the order of their `position` (JSON aggregation is not bound to keep the subquery's order). */
function inPosition<T extends { position: number }>(rows: T[]): T[] {
	return rows.sort((a, b) => a.position - b.position);
}

/** SQL for articles and their byline and tag links. */
export class ArticleRepository {
	/** The story page's read as one statement, where statements are round trips (`foldsPageReads`). */
	private readonly foldedStoryBySlug: ReturnType<typeof foldedStoryBySlug> | undefined;

	constructor(
		private readonly db: Db,
		adapter: DialectAdapter,
	) {
		this.foldedStoryBySlug = adapter.foldsPageReads ? foldedStoryBySlug(adapter) : undefined;
	}

	async insert(values: Insertable<ArticleTable>, db: Db = this.db): Promise<number> {
		const row = await db.insertInto("articles").values(values).returning("id").executeTakeFirstOrThrow();
		return row.id;
	}

	async update(id: number, values: Updateable<ArticleTable>, db: Db = this.db): Promise<void> {
		await db.updateTable("articles").set(values).where("id", "=", id).execute();
	}

	/**
	 * Updates a story only if it is still at `revision`; false when another save got there
	 * first. The check and the write are one statement, so it holds across processes.
	 */
	async updateAtRevision(
		id: number,
		revision: number,
		values: Updateable<ArticleTable>,
		db: Db = this.db,
	): Promise<boolean> {
		const result = await db
			.updateTable("articles")
			.set(values)
			.where("id", "=", id)
			.where("revision", "=", revision)
			.executeTakeFirst();
		return Number(result.numUpdatedRows) === 1;
	}

	/**
	 * Moves every scheduled story due at `now` to published in ONE statement and returns
	 * their ids. A concurrent claim on another connection or node finds those rows no longer
	 * scheduled, so each story is claimed exactly once. A story published before (and since
	 * unpublished) keeps its first publication time, so its address does not change.
	 */
	async claimDueScheduled(now: string, db: Db = this.db): Promise<number[]> {
		const rows = await db
			.updateTable("articles")
			.set((eb) => ({
				status: "published",
				published_at: eb.fn.coalesce("published_at", "scheduled_at"),
				updated_at: sql<string | null>`case when published_at is null then null else ${now} end`,
				scheduled_at: null,
				modified_at: now,
			}))
			.where("status", "=", "scheduled")
			.where("scheduled_at", "<=", now)
			.returning("id")
			.execute();
		return rows.map((row) => row.id).sort((a, b) => a - b);
	}

	/** The alt text of an image, or undefined when no image has that id. */
	async mediaAlt(mediaId: number, db: Db = this.db): Promise<string | undefined> {
		const row = await db.selectFrom("media").select("alt").where("id", "=", mediaId).executeTakeFirst();
		return row?.alt;
	}

	async findById(id: number, db: Db = this.db): Promise<ArticleRow | undefined> {
		return db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
	}

	/**
	 * A published story with its section, bylines, tags, notes (oldest first)
	 * and "Check Also", for its public page: every column the page shows, and
	 * not the Markdown source, the largest. On PostgreSQL, where every
	 * statement is a round trip, in one statement: uncached story pages at
	 * 100,000 stories went from 2,289 and 2,459 a second to 2,855 and 2,885,
	 * and to 3,467 and 3,097 once the tag names came with it too (runs
	 * alternated with the code before). On SQLite a statement is a function call: the folded one
	 * spent on building and parsing JSON what it saved in statements (50 µs
	 * against 59 µs of SQL, and no more pages a second), so there the five
	 * small prepared statements run.
	 */
	async findPublishedBySlug(slug: string): Promise<PublishedStoryRow | undefined> {
		if (this.foldedStoryBySlug) {
			const [row] = await this.foldedStoryBySlug(this.db, { slug });
			if (!row) return undefined;
			const { bylines, tags, notes, check_also, ...story } = row;
			const checkAlso = fromJson(check_also);
			return {
				...story,
				bylines: inPosition(fromJson(bylines)).map(toByline),
				tags: inPosition(fromJson(tags)).map(({ id, slug, name, names }) => ({
					id,
					slug,
					name,
					names: Object.fromEntries(names.map((named) => [named.language, named.name])),
				})),
				notes: fromJson(notes)
					.map(toCorrection)
					.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id),
				checkAlso: checkAlso ? toFirstRelated(checkAlso) : undefined,
			};
		}
		const [story] = await storyBySlug(this.db, { slug });
		if (!story) return undefined;
		const articleId = story.id;
		const [bylines, tags, notes, [checkAlso]] = await Promise.all([
			bylinesOfStory(this.db, { articleId }),
			tagsOfStory(this.db, { articleId }),
			notesOfStory(this.db, { articleId }),
			firstPublishedRelated(this.db, { articleId }),
		]);
		return {
			...story,
			bylines: bylines.map(toByline),
			tags,
			notes: notes.map(toCorrection),
			checkAlso: checkAlso && toFirstRelated(checkAlso),
		};
	}

	async slugExists(slug: string, options: { exceptId?: number; db?: Db } = {}): Promise<boolean> {
		const exceptId = options.exceptId;
		let query = (options.db ?? this.db).selectFrom("articles").select("id").where("slug", "=", slug);
		if (exceptId !== undefined) query = query.where("id", "<>", exceptId);
		return (await query.executeTakeFirst()) !== undefined;
	}

	async replaceBylines(articleId: number, personIds: readonly number[], db: Db = this.db): Promise<void> {
		await db.deleteFrom("article_people").where("article_id", "=", articleId).execute();
		if (personIds.length === 0) return;
		await db
			.insertInto("article_people")
			.values(
				personIds.map((personId, position) => ({
					article_id: articleId,
					person_id: personId,
					position,
				})),
			)
			.execute();
	}

	async replaceTags(articleId: number, tagIds: readonly number[], db: Db = this.db): Promise<void> {
		await db.deleteFrom("article_tags").where("article_id", "=", articleId).execute();
		if (tagIds.length === 0) return;
		await db
			.insertInto("article_tags")
			.values(
				tagIds.map((tagId, position) => ({
					article_id: articleId,
					tag_id: tagId,
					position,
				})),
			)
			.execute();
	}

	/** Stories in any of `groups`, each with its language and status. */
	async groupMembers(
		groups: readonly number[],
		db: Db = this.db,
	): Promise<{ id: number; language: string; status: ArticleTable["status"]; translation_group: number }[]> {
		if (groups.length === 0) return [];
		const rows = await db
			.selectFrom("articles")
			.select(["id", "language", "status", "translation_group"])
			.where("translation_group", "in", groups)
			.orderBy("id")
			.execute();
		return rows.flatMap((row) =>
			row.translation_group === null ? [] : [{ ...row, translation_group: row.translation_group }],
		);
	}

	/** Puts `ids` in translation group `group` (null: in none). */
	async setTranslationGroup(ids: readonly number[], group: number | null, db: Db = this.db): Promise<void> {
		if (ids.length === 0) return;
		await db.updateTable("articles").set({ translation_group: group }).where("id", "in", ids).execute();
	}

	/** The published stories of `groups`, oldest first, with what a language switcher shows. */
	async publishedInGroups(
		groups: readonly number[],
		db: Db = this.db,
	): Promise<
		{ id: number; slug: string; headline: string; language: string; published_at: string; translation_group: number }[]
	> {
		if (groups.length === 0) return [];
		const rows = await db
			.selectFrom("articles")
			.select(["id", "slug", "headline", "language", "published_at", "translation_group"])
			.where("translation_group", "in", groups)
			.where("status", "=", "published")
			.where("published_at", "is not", null)
			.orderBy("id")
			.execute();
		return rows.flatMap((row) =>
			row.translation_group === null || row.published_at === null
				? []
				: [{ ...row, published_at: row.published_at, translation_group: row.translation_group }],
		);
	}

	/** Published stories matching `filter`, newest first. */
	async listPublished(filter: PublishedFilter, page: { limit: number; offset: number }): Promise<SummaryRow[]> {
		return this.published(filter)
			.select(summaryColumns)
			.orderBy("articles.published_at", "desc")
			.orderBy("articles.id", "desc")
			.limit(page.limit)
			.offset(page.offset)
			.execute() as Promise<SummaryRow[]>;
	}

	/**
	 * How many published stories match. Counted from `articles` alone: every
	 * story has a section (a foreign key), and joining `sections` made SQLite
	 * read each story's row for its `section_id`, stored past the bodies, instead
	 * of counting the status index: 110 ms instead of 0.5 ms at 20,000 stories.
	 */
	async countPublished(filter: PublishedFilter): Promise<number> {
		const row = await this.db
			.selectFrom("articles")
			.select((eb) => eb.fn.countAll<number>().as("count"))
			.where("articles.status", "=", "published")
			.where((eb) => matchesFilter(eb, filter, { counting: true }))
			.executeTakeFirstOrThrow();
		return Number(row.count);
	}

	/** Published stories by id, in no particular order. */
	async summariesByIds(ids: readonly number[]): Promise<SummaryRow[]> {
		if (ids.length === 0) return [];
		return this.published({}).select(summaryColumns).where("articles.id", "in", ids).execute() as Promise<SummaryRow[]>;
	}

	async bodyTexts(ids: readonly number[]): Promise<Map<number, string>> {
		if (ids.length === 0) return new Map();
		const rows = await this.db.selectFrom("articles").select(["id", "body_text"]).where("id", "in", ids).execute();
		return new Map(rows.map((row) => [row.id, row.body_text]));
	}

	/** Ids and dates of every published story, oldest first. */
	async publishedIds(db: Db = this.db): Promise<{ id: number; published_at: string }[]> {
		return db
			.selectFrom("articles")
			.select(["id", "published_at"])
			.where("status", "=", "published")
			.orderBy("published_at")
			.execute() as Promise<{ id: number; published_at: string }[]>;
	}

	async countAll(): Promise<number> {
		const row = await this.db
			.selectFrom("articles")
			.select((eb) => eb.fn.countAll<number>().as("count"))
			.executeTakeFirstOrThrow();
		return Number(row.count);
	}

	private published(filter: PublishedFilter): SelectQueryBuilder<Database, "articles" | "sections", object> {
		return this.db
			.selectFrom("articles")
			.innerJoin("sections", "sections.id", "articles.section_id")
			.where("articles.status", "=", "published")
			.where((eb) => matchesFilter(eb, filter));
	}
}

/**
 * The condition a story must meet to be in a listing: in one of the sections,
 * with the person in its byline, carrying the tag. An empty section list
 * matches nothing; an absent filter matches everything.
 */
export function matchesFilter(
	eb: ExpressionBuilder<Database, "articles">,
	filter: PublishedFilter,
	options: { counting?: boolean } = {},
): Expression<SqlBool> {
	const conditions: Expression<SqlBool>[] = [];
	if (filter.sectionIds) {
		conditions.push(
			filter.sectionIds.length === 0 ? eb("articles.id", "=", -1) : eb("articles.section_id", "in", filter.sectionIds),
		);
	}
	// A person's or a tag's stories. Counting asks "id IN (their stories)": SQLite then reads only
	// those (an author's count at 20,000 stories: 4 ms to 0.01 ms). Listing asks EXISTS per story:
	// the newest-first scan stops after a page, where IN would read and sort every one of a common
	// tag's stories (1,545 of them: 11 ms).
	if (filter.personId !== undefined) {
		const stories = eb
			.selectFrom("article_people")
			.select("article_people.article_id")
			.where("article_people.person_id", "=", filter.personId);
		conditions.push(
			options.counting
				? eb("articles.id", "in", stories)
				: eb.exists(stories.whereRef("article_people.article_id", "=", "articles.id")),
		);
	}
	if (filter.tagId !== undefined) {
		const stories = eb
			.selectFrom("article_tags")
			.select("article_tags.article_id")
			.where("article_tags.tag_id", "=", filter.tagId);
		conditions.push(
			options.counting
				? eb("articles.id", "in", stories)
				: eb.exists(stories.whereRef("article_tags.article_id", "=", "articles.id")),
		);
	}
	return eb.and(conditions);
}
