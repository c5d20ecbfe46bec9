import type { Db } from "../../db/database.js";
import type { TagRef } from "../articles/article.js";

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
