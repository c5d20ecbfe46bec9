import { createHash } from "node:crypto";
import {
	type DatabaseIntrospector,
	type DatabaseMetadata,
	type DatabaseMetadataOptions,
	Kysely,
	PostgresDialect,
	type SchemaMetadata,
	sql,
	type TableMetadata,
} from "kysely";
import pg from "pg";
import { AppError } from "../../../errors.js";
import type { Database } from "../../database.js";
import { PREPARED_MARK } from "../../prepared-query.js";

/** A schema name that needs no quoting anywhere: it goes into the connection's startup options. */
const PLAIN_SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Counts (`count(*)` is `bigint`) and sums come back from PostgreSQL as
 * strings; SQLite gives numbers. Dateline's counts are far below 2^53, so both
 * dialects hand the code plain numbers. Set per pool, not on pg's globals.
 */
function numericTypes(): pg.CustomTypesConfig {
	const types = new pg.TypeOverrides();
	types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
	types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));
	return types;
}

/**
 * Kysely's PostgreSQL introspector lists the tables of every schema in the
 * database, so its migrator would take another schema's `kysely_migration`
 * for this one's. This one sees only the connection's current schema, which
 * keeps sites (and test runs) that share a database in separate schemas apart.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
	constructor(
		private readonly db: Kysely<unknown>,
		private readonly inner: DatabaseIntrospector,
	) {}

	getSchemas(): Promise<SchemaMetadata[]> {
		return this.inner.getSchemas();
	}

	async getTables(options?: DatabaseMetadataOptions): Promise<TableMetadata[]> {
		const current = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(this.db);
		const schema = current.rows[0]?.schema;
		return (await this.inner.getTables(options)).filter((table) => table.schema === schema);
	}

	async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
		return { tables: await this.getTables(options) };
	}
}

class CurrentSchemaPostgresDialect extends PostgresDialect {
	override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
		return new CurrentSchemaIntrospector(db, super.createIntrospector(db));
	}
}

export interface PostgresOptions {
	/** `postgres://user:password@host:5432/database`. */
	url: string;
	/** Runs every connection with only this schema on its search path (tests give each run its own). */
	schema?: string;
	/** Pool size; defaults to pg's (10). */
	maxConnections?: number;
}

/** "host:port/database" of a connection URL, with no user or password: safe to print. */
export function describePostgresUrl(url: string): string {
	try {
		const parsed = new URL(url);
		const host = parsed.hostname || parsed.searchParams.get("host") || "localhost";
		return `${host}:${parsed.port || "5432"}${parsed.pathname}`;
	} catch {
		return "the DATABASE_URL server";
	}
}

/** Statement names by SQL text: as many as there are prepared queries in the code. */
const statementNames = new Map<string, string>();

/** PostgreSQL's answer to a statement planned before its result columns changed type (feature_not_supported). */
const STALE_PLAN = { code: "0A000", message: "cached plan must not change result type" } as const;

function isStalePlan(error: unknown): boolean {
	return (
		error instanceof Error &&
		(error as { code?: unknown }).code === STALE_PLAN.code &&
		error.message.includes(STALE_PLAN.message)
	);
}

/**
 * Makes a connection send the SQL of prepared queries (PREPARED_MARK) as named
 * statements, so PostgreSQL parses and plans each once per connection instead
 * of on every run: a story row and its tags took 439–616 µs unnamed and
 * 188–217 µs named at 100,000 stories. Other SQL is sent as before; only the
 * few texts of `preparedQuery` are kept on the server, so their number is bounded.
 *
 * A migration that changes the type of a column a statement returns (another
 * node's, during a rolling upgrade) leaves the connection's statement unusable:
 * PostgreSQL refuses to run it. The statement is then dropped and prepared
 * again under a new name, once, and the query run with it.
 */
function prepareMarkedStatements(client: pg.PoolClient): void {
	const original = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
	/** Texts this connection has prepared afresh, with their current names. */
	const renamed = new Map<string, string>();
	client.query = ((...args: unknown[]) => {
		const [text, values] = args;
		if (!(args.length === 2 && typeof text === "string" && text.startsWith(PREPARED_MARK) && Array.isArray(values)))
			return original(...args);
		const name = renamed.get(text) ?? statementName(text);
		return original({ name, text, values }).catch((error: unknown) => {
			if (!isStalePlan(error)) throw error;
			const fresh = `${statementName(text)}_${renamed.size + 1}`;
			renamed.set(text, fresh);
			// The old statement is of no further use on this connection; failing to drop it only leaves it unused.
			original(`DEALLOCATE ${name}`).catch(() => {});
			return original({ name: fresh, text, values });
		});
	}) as typeof client.query;
}

function statementName(text: string): string {
	let name = statementNames.get(text);
	if (!name) {
		name = `dateline_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
		statementNames.set(text, name);
	}
	return name;
}

/**
 * A connection pool to PostgreSQL. Nothing connects until the first query.
 * `db.destroy()` ends the pool.
 */
export function openPostgres(options: PostgresOptions): Kysely<Database> {
	const config: pg.PoolConfig = {
		connectionString: options.url,
		application_name: "dateline",
		types: numericTypes(),
	};
	if (options.schema !== undefined) {
		if (!PLAIN_SCHEMA_NAME.test(options.schema)) {
			throw new Error(`Schema name ${JSON.stringify(options.schema)} must be lower-case letters, digits and _`);
		}
		config.options = `-c search_path=${options.schema}`;
	}
	if (options.maxConnections !== undefined) config.max = options.maxConnections;
	const pool = new pg.Pool(config);
	pool.on("connect", (client) => {
		prepareMarkedStatements(client);
		// The pool listens for errors only on idle connections. One held between statements (inside
		// a transaction) whose server goes away emits "error" with no one listening, which throws
		// out of the process: a node died when its database was cut mid-transaction. The loss
		// still reaches the next query on it, and the pool drops it when it comes back.
		client.on("error", () => {});
	});
	// An idle connection that the server drops must not crash the process; the next query reports it.
	pool.on("error", () => {});
	return new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
}

/** Fails with a message naming the server (never the password) when PostgreSQL cannot be reached. */
export async function checkPostgresConnection(db: Kysely<Database>, url: string): Promise<void> {
	try {
		await sql`SELECT 1`.execute(db);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new AppError("ERR_DATABASE_UNREACHABLE", `${describePostgresUrl(url)} (${reason})`, { cause: error });
	}
}
