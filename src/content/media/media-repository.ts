import type { Insertable, Selectable, Updateable } from "kysely";
import type { Db, MediaTable, MediaVariantTable } from "../../db/database.js";

export type MediaRow = Selectable<MediaTable>;
export type MediaVariantRow = Selectable<MediaVariantTable>;

/** SQL for uploaded images and their resized copies. Every write takes an optional transaction handle. */
export class MediaRepository {
	constructor(private readonly db: Db) {}

	async insert(values: Insertable<MediaTable>, db: Db = this.db): Promise<number> {
		const row = await db.insertInto("media").values(values).returning("id").executeTakeFirstOrThrow();
		return row.id;
	}

	async insertVariants(rows: readonly Insertable<MediaVariantTable>[], db: Db = this.db): Promise<void> {
		if (rows.length === 0) return;
		await db
			.insertInto("media_variants")
			.values([...rows])
			.execute();
	}

	async update(id: number, values: Updateable<MediaTable>, db: Db = this.db): Promise<void> {
		await db.updateTable("media").set(values).where("id", "=", id).execute();
	}

	async findById(id: number, db: Db = this.db): Promise<MediaRow | undefined> {
		return db.selectFrom("media").selectAll().where("id", "=", id).executeTakeFirst();
	}

	async findBySha256(sha256: string, db: Db = this.db): Promise<MediaRow | undefined> {
		return db.selectFrom("media").selectAll().where("sha256", "=", sha256).executeTakeFirst();
	}

	async findByIds(ids: readonly number[]): Promise<MediaRow[]> {
		if (ids.length === 0) return [];
		return this.db.selectFrom("media").selectAll().where("id", "in", ids).execute();
	}

	/** Newest first. */
	async list(page: { limit: number; offset: number }): Promise<MediaRow[]> {
		return this.db
			.selectFrom("media")
			.selectAll()
			.orderBy("created_at", "desc")
			.orderBy("id", "desc")
			.limit(page.limit)
			.offset(page.offset)
			.execute();
	}

	async count(): Promise<number> {
		const row = await this.db
			.selectFrom("media")
			.select((eb) => eb.fn.countAll<number>().as("count"))
			.executeTakeFirstOrThrow();
		return Number(row.count);
	}

	async variantsFor(mediaIds: readonly number[], db: Db = this.db): Promise<MediaVariantRow[]> {
		if (mediaIds.length === 0) return [];
		return db.selectFrom("media_variants").selectAll().where("media_id", "in", mediaIds).execute();
	}

	/** One copy of an image by its storage key; the primary key's `media_id` prefix keeps this an index lookup. */
	async findVariant(mediaId: number, storageKey: string): Promise<MediaVariantRow | undefined> {
		return this.db
			.selectFrom("media_variants")
			.selectAll()
			.where("media_id", "=", mediaId)
			.where("storage_key", "=", storageKey)
			.executeTakeFirst();
	}
}
