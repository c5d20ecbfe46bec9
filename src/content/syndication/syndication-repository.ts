import { type SelectQueryBuilder, sql } from "kysely";
import type { ArticleStatus, Database, Db } from "../../db/database.js";
import { matchesFilter, type PublishedFilter } from "../articles/article-repository.js";

/** Which stories a query covers; every given filter must hold. */
/** Which stories a feed lists; the same filter as the reader's listings. */
export type StoryFilter = PublishedFilter;

/** A published story with its body and section, before bylines and tags are attached. */
export interface FeedStoryRow {
	id: number;
	slug: string;
	headline: string;
	standfirst: string;
	body_html: string;
	body_text: string;
	language: string;
	published_at: string;
	updated_at: string | null;
	section_id: number;
	section_slug: string;
	section_name: string;
	section_path: string;
	section_parent_id: number | null;
}

export interface SitemapStoryRow {
	id: number;
	slug: string;
	published_at: string;
	updated_at: string | null;
}

/** The latest publication and update among some stories; null when there are none. */
export interface ChangeRow {
	published: string | null;
	updated: string | null;
}

/** A section, person or tag id with the latest change among its published stories. */
export interface GroupChangeRow extends ChangeRow {
	id: number;
}

export interface ListingRow extends GroupChangeRow {
	slug: string;
	name: string;
}

export interface NewsStoryRow {
	id: number;
	slug: string;
	headline: string;
	language: string;
	published_at: string;
}

const PUBLISHED: ArticleStatus = "published";

/** The sitemaps that list people and tags. */
export type ListingKind = "authors" | "tags";

/** Where each listing's links to stories are, and whose they are. */
const LISTINGS = {
	authors: { link: "article_people", owner: "person_id", table: "people" },
	tags: { link: "article_tags", owner: "tag_id", table: "tags" },
} as const satisfies Record<ListingKind, { link: string; owner: string; table: keyof Database }>;

/** SQL for feeds and sitemaps: reads of published stories only. Every method takes an optional transaction. */
export class SyndicationRepository {
	constructor(private readonly db: Db) {}

	/** The `limit` newest published stories matching `filter`, with body and section. */
	async newest(filter: StoryFilter, limit: number, db: Db = this.db): Promise<FeedStoryRow[]> {
		return this.matching(db, filter, PUBLISHED)
			.innerJoin("sections", "sections.id", "articles.section_id")
			.select([
				"articles.id",
				"articles.slug",
				"articles.headline",
				"articles.standfirst",
				"articles.body_html",
				"articles.body_text",
				"articles.language",
				"articles.published_at",
				"articles.updated_at",
				"articles.section_id",
				"sections.slug as section_slug",
				"sections.name as section_name",
				"sections.path as section_path",
				"sections.parent_id as section_parent_id",
			])
			.orderBy("articles.published_at", "desc")
			.orderBy("articles.id", "desc")
			.limit(limit)
			.execute() as Promise<FeedStoryRow[]>;
	}

	/** The latest publication and update among published stories matching `filter`. */
	async latestChange(filter: StoryFilter, db: Db = this.db): Promise<ChangeRow> {
		return this.newestChange(this.matching(db, filter, PUBLISHED));
	}

	/**
	 * The latest publication and update among published stories with a byline
	 * (`article_people`) or a tag (`article_tags`), each read stopping at the
	 * first story with a link, where grouping by person or tag read every link
	 * (0.2 and 0.4 s at 100,000 stories).
	 */
	async latestChangeLinked(kind: ListingKind, db: Db = this.db): Promise<ChangeRow> {
		const { link } = LISTINGS[kind];
		return this.newestChange(
			this.matching(db, {}, PUBLISHED).where((eb) =>
				eb.exists(eb.selectFrom(link).select(sql.lit(1).as("one")).whereRef(`${link}.article_id`, "=", "articles.id")),
			),
		);
	}

	/**
	 * The latest publication and update among `stories`: two newest-first reads
	 * of one row each, so each walks an index (publication; the partial index of
	 * updated stories) and stops at the first match, where max() of both read
	 * every row. Builders are immutable, so one serves both reads.
	 */
	private async newestChange(stories: SelectQueryBuilder<Database, "articles", object>): Promise<ChangeRow> {
		const [published, updated] = await Promise.all([
			stories.select("articles.published_at").orderBy("articles.published_at", "desc").limit(1).executeTakeFirst(),
			stories
				.select("articles.updated_at")
				.where("articles.updated_at", "is not", null)
				.orderBy("articles.updated_at", "desc")
				.limit(1)
				.executeTakeFirst(),
		]);
		return { published: published?.published_at ?? null, updated: updated?.updated_at ?? null };
	}

	/** When a story matching `filter` was last taken off the site, or null. */
	async latestUnpublish(filter: StoryFilter, db: Db = this.db): Promise<string | null> {
		const row = await this.matching(db, filter, "unpublished")
			.select((eb) => eb.fn.max("articles.modified_at").as("modified"))
			.executeTakeFirst();
		return row?.modified ?? null;
	}

	/** A slice of all published stories in id order, which new stories do not reshuffle. */
	async sitemapSlice(page: { limit: number; offset: number }, db: Db = this.db): Promise<SitemapStoryRow[]> {
		return this.matching(db, {}, PUBLISHED)
			.select(["articles.id", "articles.slug", "articles.published_at", "articles.updated_at"])
			.orderBy("articles.id")
			.limit(page.limit)
			.offset(page.offset)
			.execute() as Promise<SitemapStoryRow[]>;
	}

	/**
	 * For each page of `pageSize` stories in `sitemapSlice`'s order, the latest change in it:
	 * one pass over the covering index (`articles_sitemap`) numbering the stories, where a
	 * query per page skipped the pages before it again.
	 */
	async sitemapPageChanges(pageSize: number, db: Db = this.db): Promise<(ChangeRow & { page: number })[]> {
		const numbered = this.matching(db, {}, PUBLISHED)
			.select([
				"articles.published_at",
				"articles.updated_at",
				// An integer division on both dialects: SQLite divides as reals when the size is bound as one.
				sql<number>`(row_number() over (order by articles.id) - 1) / cast(${pageSize} as integer) + 1`.as("page"),
			])
			.as("numbered");
		const rows = await db
			.selectFrom(numbered)
			.select((eb) => [
				"numbered.page",
				eb.fn.max("numbered.published_at").as("published"),
				eb.fn.max("numbered.updated_at").as("updated"),
			])
			.groupBy("numbered.page")
			.orderBy("numbered.page")
			.execute();
		return rows.map((row) => ({ page: Number(row.page), published: row.published, updated: row.updated }));
	}

	/**
	 * Per section id that holds published stories directly, the latest change among them.
	 * Two newest-first index reads per section (sections are few), where grouping the archive
	 * by section read every story's dates: 0.2 ms instead of 436 ms at 100,000 stories.
	 */
	async sectionChanges(db: Db = this.db): Promise<GroupChangeRow[]> {
		const rows = await db
			.selectFrom("sections")
			.select((eb) => [
				"sections.id",
				eb
					.selectFrom("articles")
					.select((inner) => inner.fn.max("articles.published_at").as("published"))
					.whereRef("articles.section_id", "=", "sections.id")
					.where("articles.status", "=", PUBLISHED)
					.as("published"),
				eb
					.selectFrom("articles")
					.select((inner) => inner.fn.max("articles.updated_at").as("updated"))
					.whereRef("articles.section_id", "=", "sections.id")
					.where("articles.status", "=", PUBLISHED)
					.where("articles.updated_at", "is not", null)
					.as("updated"),
			])
			.execute();
		return rows.flatMap((row) =>
			row.published === null ? [] : [{ id: row.id, published: row.published, updated: row.updated }],
		);
	}

	/**
	 * The people (`authors`) or tags with at least one published story, in the
	 * order they were created (so a page keeps its entries as new ones arrive),
	 * each with the latest change among its stories; `page` takes a slice.
	 * The links are grouped by owner id alone and the owners joined after: 320
	 * instead of 445 ms (medians of six) for 500,000 tag links at 100,000
	 * stories on SQLite, where grouping by id, slug and name sorted by name.
	 */
	async listingWithStories(
		kind: ListingKind,
		page: { limit: number; offset: number } | null,
		db: Db = this.db,
	): Promise<ListingRow[]> {
		const { link, owner, table } = LISTINGS[kind];
		const links = sql<{
			article_id: number;
			owner_id: number;
		}>`(SELECT article_id, ${sql.ref(owner)} AS owner_id FROM ${sql.table(link)})`.as("link");
		const changes = this.matching(db, {}, PUBLISHED)
			.innerJoin(links, "link.article_id", "articles.id")
			.select((eb) => [
				"link.owner_id",
				eb.fn.max("articles.published_at").as("published"),
				eb.fn.max("articles.updated_at").as("updated"),
			])
			.groupBy("link.owner_id")
			.as("changes");
		let query = db
			.selectFrom(changes)
			.innerJoin(
				sql<{ id: number; slug: string; name: string }>`${sql.table(table)}`.as("owner"),
				"owner.id",
				"changes.owner_id",
			)
			.select(["owner.id", "owner.slug", "owner.name", "changes.published", "changes.updated"])
			.orderBy("owner.id");
		if (page) query = query.limit(page.limit).offset(page.offset);
		return query.execute() as Promise<ListingRow[]>;
	}

	/** How many people or tags there are, with published stories or not: an upper bound read without grouping. */
	async listingSize(kind: ListingKind, db: Db = this.db): Promise<number> {
		const row = await db
			.selectFrom(LISTINGS[kind].table)
			.select((eb) => eb.fn.countAll<number | string>().as("n"))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	}

	/** Published stories with `from <= published_at <= to`, newest first, at most `limit`. */
	async publishedBetween(
		window: { from: string; to: string; limit: number },
		db: Db = this.db,
	): Promise<NewsStoryRow[]> {
		return this.matching(db, {}, PUBLISHED)
			.select(["articles.id", "articles.slug", "articles.headline", "articles.language", "articles.published_at"])
			.where("articles.published_at", ">=", window.from)
			.where("articles.published_at", "<=", window.to)
			.orderBy("articles.published_at", "desc")
			.orderBy("articles.id", "desc")
			.limit(window.limit)
			.execute() as Promise<NewsStoryRow[]>;
	}

	private matching(
		db: Db,
		filter: StoryFilter,
		status: ArticleStatus,
	): SelectQueryBuilder<Database, "articles", object> {
		let query = db.selectFrom("articles").where("articles.status", "=", status);
		// Only published stories have a publication time; the check keeps the row types honest too.
		if (status === PUBLISHED) query = query.where("articles.published_at", "is not", null);
		return query.where((eb) => matchesFilter(eb, filter));
	}
}
