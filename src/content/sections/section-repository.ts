import type { Db } from "../../db/database.js";
import type { SectionRef } from "../articles/article.js";

export interface SectionRecord extends SectionRef {
	description: string;
	position: number;
}

const columns = ["id", "slug", "name", "description", "parent_id", "path", "position"] as const;

function toRecord(row: {
	id: number;
	slug: string;
	name: string;
	description: string;
	parent_id: number | null;
	path: string;
	position: number;
}): SectionRecord {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		description: row.description,
		parentId: row.parent_id,
		path: row.path,
		position: row.position,
	};
}

/** SQL for sections. */
export class SectionRepository {
	constructor(private readonly db: Db) {}

	async insert(
		input: {
			slug: string;
			name: string;
			description: string;
			parentId: number | null;
			path: string;
			position: number;
			createdAt: string;
		},
		db: Db = this.db,
	): Promise<SectionRecord> {
		const row = await db
			.insertInto("sections")
			.values({
				slug: input.slug,
				name: input.name,
				description: input.description,
				parent_id: input.parentId,
				path: input.path,
				position: input.position,
				created_at: input.createdAt,
			})
			.returning(columns)
			.executeTakeFirstOrThrow();
		return toRecord(row);
	}

	async findByPath(path: string): Promise<SectionRecord | undefined> {
		const row = await this.db.selectFrom("sections").select(columns).where("path", "=", path).executeTakeFirst();
		return row && toRecord(row);
	}

	async findById(id: number, db: Db = this.db): Promise<SectionRecord | undefined> {
		const row = await db.selectFrom("sections").select(columns).where("id", "=", id).executeTakeFirst();
		return row && toRecord(row);
	}

	/** Every section, parents before children, ordered by position then name. */
	async listAll(): Promise<SectionRecord[]> {
		const rows = await this.db.selectFrom("sections").select(columns).orderBy("position").orderBy("name").execute();
		return rows.map(toRecord);
	}
}
