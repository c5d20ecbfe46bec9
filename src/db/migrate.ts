import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { Db } from "./database.js";
import type { DialectAdapter } from "./dialects/dialect.js";
import { foundationMigration } from "./migrations/0001-foundation.js";
import { newsroomMigration } from "./migrations/0002-newsroom.js";
import { languagesMigration } from "./migrations/0003-languages.js";
import { movingInMigration } from "./migrations/0004-moving-in.js";
import { passwordLinksMigration } from "./migrations/0005-password-links.js";
import { updatedIndexMigration } from "./migrations/0006-updated-index.js";
import { sitemapIndexMigration } from "./migrations/0007-sitemap-index.js";

/** Append-only: a shipped migration is never edited, a change is a new entry. */
function migrations(adapter: DialectAdapter): Record<string, Migration> {
	return {
		"0001-foundation": foundationMigration(adapter),
		"0002-newsroom": newsroomMigration(adapter),
		"0003-languages": languagesMigration(adapter),
		"0004-moving-in": movingInMigration(adapter),
		"0005-password-links": passwordLinksMigration(adapter),
		"0006-updated-index": updatedIndexMigration(adapter),
		"0007-sitemap-index": sitemapIndexMigration(adapter),
	};
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db, adapter: DialectAdapter): Promise<void> {
	const provider: MigrationProvider = {
		getMigrations: async () => migrations(adapter),
	};
	const migrator = new Migrator({ db, provider });
	const { error, results } = await migrator.migrateToLatest();
	if (error) {
		const failed = results?.find((result) => result.status === "Error");
		const name = failed ? failed.migrationName : "unknown";
		throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, {
			cause: error,
		});
	}
}
