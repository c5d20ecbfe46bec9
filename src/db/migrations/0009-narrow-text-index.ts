import type { Kysely, Migration } from "kysely";
import type { DialectAdapter } from "../dialects/dialect.js";

/**
 * Keeps in the text index's table only what a search reads (PostgreSQL: the
 * story's id and its tsvector; see `narrowTextIndex`). One way: the headline
 * and body it drops are not kept anywhere else in that form, so going back
 * means restoring a backup taken before it.
 */
export function narrowTextIndexMigration(adapter: DialectAdapter): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await adapter.narrowTextIndex(db);
		},

		async down() {
			if (adapter.name === "sqlite") return;
			throw new Error("0009-narrow-text-index cannot be undone; restore a backup taken before it.");
		},
	};
}
