import type { Db } from "../../db/database.js";
import type { StoryAutosave } from "./story.js";
import type { StoryInput } from "./story-input.js";

/** SQL for autosaves: at most one per story and user, replaced on every autosave. */
export class AutosaveRepository {
	constructor(private readonly db: Db) {}

	async upsert(
		values: { articleId: number; userId: number; baseRevision: number; snapshot: StoryInput; savedAt: string },
		db: Db = this.db,
	): Promise<void> {
		const row = {
			base_revision: values.baseRevision,
			snapshot: JSON.stringify(values.snapshot),
			saved_at: values.savedAt,
		};
		await db
			.insertInto("autosaves")
			.values({ article_id: values.articleId, user_id: values.userId, ...row })
			.onConflict((oc) => oc.columns(["article_id", "user_id"]).doUpdateSet(row))
			.execute();
	}

	async find(articleId: number, userId: number, db: Db = this.db): Promise<StoryAutosave | undefined> {
		const row = await db
			.selectFrom("autosaves")
			.select(["base_revision", "snapshot", "saved_at"])
			.where("article_id", "=", articleId)
			.where("user_id", "=", userId)
			.executeTakeFirst();
		return (
			row && {
				snapshot: JSON.parse(row.snapshot) as StoryInput,
				baseRevision: row.base_revision,
				savedAt: new Date(row.saved_at),
			}
		);
	}

	async delete(articleId: number, userId: number, db: Db = this.db): Promise<void> {
		await db.deleteFrom("autosaves").where("article_id", "=", articleId).where("user_id", "=", userId).execute();
	}
}
