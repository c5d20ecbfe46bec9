import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from "kysely";
import type { Db } from "./database.js";
import type { DialectAdapter } from "./dialects/dialect.js";
import { foundationMigration } from "./migrations/0001-foundation.js";
import { newsroomMigration } from "./migrations/0002-newsroom.js";
import { languagesMigration } from "./migrations/0003-languages.js";
import { movingInMigration } from "./migrations/0004-moving-in.js";
import { passwordLinksMigration } from "./migrations/0005-password-links.js";
import { updatedIndexMigration } from "./migrations/0006-updated-index.js";
import { sitemapIndexMigration } from "./migrations/0007-sitemap-index.js";
import { resanitizeBodiesMigration } from "./migrations/0008-resanitize-bodies.js";
import { narrowTextIndexMigration } from "./migrations/0009-narrow-text-index.js";

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
		"0008-resanitize-bodies": resanitizeBodiesMigration(adapter),
		"0009-narrow-text-index": narrowTextIndexMigration(adapter),
	};
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db, adapter: DialectAdapter): Promise<void> {
	await migrate(db, adapter, (migrator) => migrator.migrateToLatest());
}

/** Brings the schema up to `name` and no further (a database as an older build left it, for tests of the next step). */
export async function migrateUpTo(db: Db, adapter: DialectAdapter, name: string): Promise<void> {
	if (!(name in migrations(adapter))) throw new Error(`No migration is named ${name}`);
	await migrate(db, adapter, (migrator) => migrator.migrateTo(name));
}

async function migrate(
	db: Db,
	adapter: DialectAdapter,
	run: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<void> {
	const provider: MigrationProvider = {
		getMigrations: async () => migrations(adapter),
	};
	const { error, results } = await run(new Migrator({ db, provider }));
	if (error) {
		const failed = results?.find((result) => result.status === "Error");
		const name = failed ? failed.migrationName : "unknown";
		throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, {
			cause: error,
		});
	}
}
