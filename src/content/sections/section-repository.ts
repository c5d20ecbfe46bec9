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

	/** Sets a section's name in `language`, or removes it when `name` is null. */
	async setName(input: { sectionId: number; language: string; name: string | null }, db: Db = this.db): Promise<void> {
		if (input.name === null) {
			await db
				.deleteFrom("section_names")
				.where("section_id", "=", input.sectionId)
				.where("language", "=", input.language)
				.execute();
			return;
		}
		const name = input.name;
		await db
			.insertInto("section_names")
			.values({ section_id: input.sectionId, language: input.language, name })
			.onConflict((oc) => oc.columns(["section_id", "language"]).doUpdateSet({ name }))
			.execute();
	}

	/** Every name stored in one of `languages`, as section id → language → name. */
	async namesIn(languages: readonly string[], db: Db = this.db): Promise<Map<number, Map<string, string>>> {
		const result = new Map<number, Map<string, string>>();
		if (languages.length === 0) return result;
		const rows = await db
			.selectFrom("section_names")
			.select(["section_id", "language", "name"])
			.where("language", "in", languages)
			.execute();
		for (const row of rows) {
			const names = result.get(row.section_id) ?? new Map<string, string>();
			names.set(row.language, row.name);
			result.set(row.section_id, names);
		}
		return result;
	}

	/** A section's names in other languages, by language tag. */
	async namesOf(sectionId: number, db: Db = this.db): Promise<{ language: string; name: string }[]> {
		return db
			.selectFrom("section_names")
			.select(["language", "name"])
			.where("section_id", "=", sectionId)
			.orderBy("language")
			.execute();
	}

	/** Every section, parents before children, ordered by position then name. */
	async listAll(): Promise<SectionRecord[]> {
		const rows = await this.db.selectFrom("sections").select(columns).orderBy("position").orderBy("name").execute();
		return rows.map(toRecord);
	}
}
