import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "../../src/db/database.js";
import type { DialectAdapter } from "../../src/db/dialects/dialect.js";
import { openSqlite } from "../../src/db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "../../src/db/dialects/sqlite/sqlite-adapter.js";
import { migrateToLatest } from "../../src/db/migrate.js";

/** A freshly migrated, empty database of one dialect. */
export interface ContractDatabase {
	db: Db;
	adapter: DialectAdapter;
	close(): Promise<void>;
}

export interface DialectUnderTest {
	name: string;
	open(): Promise<ContractDatabase>;
}

/**
 * Every dialect the repository contract suites run against. The scale-out
 * work adds PostgreSQL here, selected by TEST_DATABASE_URL.
 */
export const dialects: DialectUnderTest[] = [
	{
		name: "sqlite",
		async open() {
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-contract-"));
			const db = openSqlite(path.join(dir, "contract.sqlite"));
			await migrateToLatest(db, sqliteAdapter);
			return {
				db,
				adapter: sqliteAdapter,
				async close() {
					await db.destroy();
					fs.rmSync(dir, { recursive: true, force: true });
				},
			};
		},
	},
];
