import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import type { Db } from "../../src/db/database.js";
import type { DialectAdapter } from "../../src/db/dialects/dialect.js";
import { checkPostgresConnection, openPostgres } from "../../src/db/dialects/postgres/open-postgres.js";
import { postgresAdapter } from "../../src/db/dialects/postgres/postgres-adapter.js";
import { openSqlite } from "../../src/db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "../../src/db/dialects/sqlite/sqlite-adapter.js";
import { migrateToLatest, migrateUpTo } from "../../src/db/migrate.js";

/** A freshly migrated, empty database of one dialect. */
export interface ContractDatabase {
	db: Db;
	adapter: DialectAdapter;
	close(): Promise<void>;
}

export interface DialectUnderTest {
	name: string;
	/** A new database, migrated to the latest schema or, with `upTo`, to that migration and no further. */
	open(options?: { upTo?: string }): Promise<ContractDatabase>;
}

function migrateFor(db: Db, adapter: DialectAdapter, upTo: string | undefined): Promise<void> {
	return upTo === undefined ? migrateToLatest(db, adapter) : migrateUpTo(db, adapter, upTo);
}

const sqlite: DialectUnderTest = {
	name: "sqlite",
	async open(options = {}) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-contract-"));
		const db = openSqlite(path.join(dir, "contract.sqlite"));
		await migrateFor(db, sqliteAdapter, options.upTo);
		return {
			db,
			adapter: sqliteAdapter,
			async close() {
				await db.destroy();
				fs.rmSync(dir, { recursive: true, force: true });
			},
		};
	},
};

/** Schemas of this suite are named `dateline_contract_<unix seconds>_<random>`. */
const SCHEMA_PREFIX = "dateline_contract_";
/** A schema older than this was left by a run that was killed before it could drop it. */
const ABANDONED_AFTER_SECONDS = 6 * 60 * 60;

/** Drops the schemas that killed runs left behind, once per test file; never a live run's. */
let sweep: Promise<void> | undefined;
function sweepAbandonedSchemas(url: string): Promise<void> {
	sweep ??= (async () => {
		const db = openPostgres({ url, maxConnections: 1 });
		try {
			const { rows } = await sql<{ name: string }>`SELECT nspname AS name FROM pg_namespace
				WHERE starts_with(nspname, ${SCHEMA_PREFIX})`.execute(db);
			const cutoff = Math.floor(Date.now() / 1000) - ABANDONED_AFTER_SECONDS;
			for (const { name } of rows) {
				const createdAt = Number(name.slice(SCHEMA_PREFIX.length).split("_")[0]);
				if (Number.isInteger(createdAt) && createdAt < cutoff) {
					await sql`DROP SCHEMA IF EXISTS ${sql.id(name)} CASCADE`.execute(db);
				}
			}
		} finally {
			await db.destroy();
		}
	})();
	return sweep;
}

/**
 * PostgreSQL at TEST_DATABASE_URL. Each open() gets a schema of its own,
 * which every connection of its pool has as its only search path, so runs
 * and tests in parallel never see each other's rows; close() drops it.
 */
function postgres(url: string): DialectUnderTest {
	return {
		name: "postgres",
		async open(options = {}) {
			await sweepAbandonedSchemas(url);
			const schema = `${SCHEMA_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString("hex")}`;
			const admin = openPostgres({ url, maxConnections: 1 });
			try {
				await checkPostgresConnection(admin, url);
				await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
			} finally {
				await admin.destroy();
			}
			const db = openPostgres({ url, schema, maxConnections: 4 });
			const drop = async () => {
				await db.destroy();
				const cleaner = openPostgres({ url, maxConnections: 1 });
				try {
					await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(cleaner);
				} finally {
					await cleaner.destroy();
				}
			};
			try {
				await migrateFor(db, postgresAdapter, options.upTo);
			} catch (error) {
				await drop();
				throw error;
			}
			return { db, adapter: postgresAdapter, close: drop };
		},
	};
}

const databaseUrl = process.env.TEST_DATABASE_URL;

/**
 * Every dialect the repository contract suites run against: SQLite always,
 * PostgreSQL when TEST_DATABASE_URL is set (CI sets it; see .ci/run).
 */
export const dialects: DialectUnderTest[] = databaseUrl ? [sqlite, postgres(databaseUrl)] : [sqlite];

/** The dialects that did not run, with why; suites report them (`npm test` passes without PostgreSQL). */
export const skippedDialects: { name: string; reason: string }[] = databaseUrl
	? []
	: [
			{
				name: "postgres",
				reason: "TEST_DATABASE_URL is not set (CI sets TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)",
			},
		];
