import path from "node:path";
import type { Config } from "../config.js";
import type { Db } from "./database.js";
import type { DialectAdapter } from "./dialects/dialect.js";
import { checkPostgresConnection, openPostgres } from "./dialects/postgres/open-postgres.js";
import { postgresAdapter } from "./dialects/postgres/postgres-adapter.js";
import { openSqlite } from "./dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "./dialects/sqlite/sqlite-adapter.js";

/** An open database with the adapter for its dialect. */
export interface OpenedDatabase {
	db: Db;
	adapter: DialectAdapter;
	/** Closes the file or ends the connection pool. */
	close(): Promise<void>;
}

/**
 * PostgreSQL when `databaseUrl` is set (checked by one query, so an
 * unreachable server fails here, naming its host); otherwise the SQLite file
 * `dateline.sqlite` in `dataDir`. Does not migrate.
 */
export async function openDatabase(config: Pick<Config, "dataDir" | "databaseUrl">): Promise<OpenedDatabase> {
	const url = config.databaseUrl;
	if (url === undefined) {
		const db = openSqlite(path.join(config.dataDir, "dateline.sqlite"));
		return { db, adapter: sqliteAdapter, close: () => db.destroy() };
	}
	const db = openPostgres({ url });
	try {
		await checkPostgresConnection(db, url);
	} catch (error) {
		await db.destroy();
		throw error;
	}
	return { db, adapter: postgresAdapter, close: () => db.destroy() };
}
