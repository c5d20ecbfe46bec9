import { type Expression, type Kysely, sql } from "kysely";
import type { Db } from "../../db/database.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import type { CollectionSpec, ColumnValue } from "./json-format.js";

/**
 * The database seen as plain tables of plain values. The portable format
 * names its tables and columns itself (json-format.ts), so it reads and writes
 * them by name; every value still goes through Kysely as a bound parameter.
 */
export type AnyTables = Record<string, Record<string, ColumnValue>>;

export function anyTables(db: Db): Kysely<AnyTables> {
	return db as unknown as Kysely<AnyTables>;
}

/**
 * Primary-key order that is the same on every dialect: text compared by code
 * point. SQLite's default collation already does that; PostgreSQL's depends on
 * how the database was created, so the "C" collation is asked for.
 */
export function orderExpressions(spec: CollectionSpec, adapter: DialectAdapter): Expression<unknown>[] {
	return spec.primaryKey.map((column) => {
		const type = spec.columns.find(([name]) => name === column)?.[1];
		const isText = type?.kind === "text" || type?.kind === "enum";
		return isText && adapter.name === "postgres" ? sql`${sql.ref(column)} COLLATE "C"` : sql`${sql.ref(column)}`;
	});
}

/** The migrations applied to this database, oldest first (Kysely's own table). */
export async function appliedMigrations(db: Db): Promise<string[]> {
	const result = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
	return result.rows.map((row) => row.name);
}
