import type { Expression } from "kysely";
import type { Db } from "../../db/database.js";
import { preparedQuery } from "../../db/prepared-query.js";
import type { TagRef } from "../articles/article.js";

/** The tags of one story, in order: on every story page, so prepared once. */
export const tagsOfStory = preparedQuery((db: Db, params: { articleId: number }) =>
	tagsQuery(db, params.articleId).select(["tags.id", "tags.slug", "tags.name"]),
);

/**
 * A story's tag links in order, to select from: a query of its own, or part
 * of the story page's read, where `articleId` is the story row's column.
 */
export function tagsQuery(db: Db, articleId: number | Expression<number>) {
	return db
		.selectFrom("article_tags")
		.innerJoin("tags", "tags.id", "article_tags.tag_id")
		.where("article_tags.article_id", "=", articleId)
		.orderBy("article_tags.position");
}

/** How many tags, and languages, the prepared query for tag names takes. */
const PREPARED_TAGS = 8;
const PREPARED_LANGUAGES = 2;

/** `{ tag0: …, tag1: … }`: `values` under numbered names, filled up to `size` with `filler`. */
function padded<T>(name: string, values: readonly T[], size: number, filler: T): Record<string, T> {
	const named: Record<string, T> = {};
	for (let index = 0; index < size; index++) named[`${name}${index}`] = values[index] ?? filler;
	return named;
}

/** The stored names of `tagIds` in `languages`. */
function tagNames(db: Db, tagIds: readonly number[], languages: readonly string[]) {
	return db
		.selectFrom("tag_names")
		.select(["tag_id", "language", "name"])
		.where("tag_id", "in", tagIds)
		.where("language", "in", languages);
}

/** The names of up to PREPARED_TAGS tags in up to PREPARED_LANGUAGES languages, prepared once. */
const namesOfFewTags = preparedQuery((db: Db, params: Record<string, number | string>) =>
	tagNames(
		db,
		Array.from({ length: PREPARED_TAGS }, (_, index) => params[`tag${index}`] as number),
		Array.from({ length: PREPARED_LANGUAGES }, (_, index) => params[`language${index}`] as string),
	),
);

/** SQL for tags. */
export class TagRepository {
	constructor(private readonly db: Db) {}

	async findBySlug(slug: string): Promise<TagRef | undefined> {
		return this.db.selectFrom("tags").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst();
	}

	/** Returns the tag with `slug`, creating it with `name` if there is none. */
	async findOrCreate(input: { slug: string; name: string }, db: Db = this.db): Promise<TagRef> {
		const existing = await db
			.selectFrom("tags")
			.select(["id", "slug", "name"])
			.where("slug", "=", input.slug)
			.executeTakeFirst();
		if (existing) return existing;
		return db.insertInto("tags").values(input).returning(["id", "slug", "name"]).executeTakeFirstOrThrow();
	}

	/** Sets a tag's name in `language`, or removes it when `name` is null. */
	async setName(input: { tagId: number; language: string; name: string | null }, db: Db = this.db): Promise<void> {
		if (input.name === null) {
			await db
				.deleteFrom("tag_names")
				.where("tag_id", "=", input.tagId)
				.where("language", "=", input.language)
				.execute();
			return;
		}
		const name = input.name;
		await db
			.insertInto("tag_names")
			.values({ tag_id: input.tagId, language: input.language, name })
			.onConflict((oc) => oc.columns(["tag_id", "language"]).doUpdateSet({ name }))
			.execute();
	}

	/** The names of `tagIds` stored in one of `languages`, as tag id → language → name. */
	async namesIn(
		tagIds: readonly number[],
		languages: readonly string[],
		db: Db = this.db,
	): Promise<Map<number, Map<string, string>>> {
		const result = new Map<number, Map<string, string>>();
		const [firstTag] = tagIds;
		const [firstLanguage] = languages;
		if (firstTag === undefined || firstLanguage === undefined) return result;
		// A story's few tags in a language and its primary language (every story page) fit the prepared
		// query; its lists are filled up by repeating their first member, which changes no answer.
		const rows =
			tagIds.length <= PREPARED_TAGS && languages.length <= PREPARED_LANGUAGES
				? await namesOfFewTags(db, {
						...padded("tag", tagIds, PREPARED_TAGS, firstTag),
						...padded("language", languages, PREPARED_LANGUAGES, firstLanguage),
					})
				: await tagNames(db, tagIds, languages).execute();
		for (const row of rows) {
			const names = result.get(row.tag_id) ?? new Map<string, string>();
			names.set(row.language, row.name);
			result.set(row.tag_id, names);
		}
		return result;
	}

	async findById(id: number, db: Db = this.db): Promise<TagRef | undefined> {
		return db.selectFrom("tags").select(["id", "slug", "name"]).where("id", "=", id).executeTakeFirst();
	}

	/** Tags of each article, in the order the editor gave them. */
	async tagsFor(articleIds: readonly number[]): Promise<Map<number, TagRef[]>> {
		const result = new Map<number, TagRef[]>();
		if (articleIds.length === 0) return result;
		const rows = await this.db
			.selectFrom("article_tags")
			.innerJoin("tags", "tags.id", "article_tags.tag_id")
			.select(["article_tags.article_id", "tags.id", "tags.slug", "tags.name"])
			.where("article_tags.article_id", "in", articleIds)
			.orderBy("article_tags.article_id")
			.orderBy("article_tags.position")
			.execute();
		for (const row of rows) {
			const list = result.get(row.article_id) ?? [];
			list.push({ id: row.id, slug: row.slug, name: row.name });
			result.set(row.article_id, list);
		}
		return result;
	}
}
