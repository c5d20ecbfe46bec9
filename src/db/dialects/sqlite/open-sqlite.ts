import fs from "node:fs";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
	CompiledQuery,
	type DatabaseConnection,
	type Driver,
	Kysely,
	SqliteDialect,
	type SqliteDialectConfig,
	SqliteDriver,
	type TransactionSettings,
} from "kysely";
import { LruMap } from "../../../cache/lru-map.js";
import { AppError } from "../../../errors.js";
import type { Database } from "../../database.js";

/** Makes sure `dir` exists and a file can be written in it; otherwise ERR_DATA_DIR_UNWRITABLE naming the path and the reason. */
export function ensureWritableDirectory(dir: string): void {
	try {
		fs.mkdirSync(dir, { recursive: true });
		const probe = path.join(dir, `.write-test-${process.pid}`);
		fs.writeFileSync(probe, "");
		fs.rmSync(probe);
	} catch (error) {
		const reason =
			error instanceof Error && "code" in error ? `${String(error.code)}: ${error.message}` : String(error);
		throw new AppError("ERR_DATA_DIR_UNWRITABLE", `${dir} (${reason})`, {
			cause: error,
		});
	}
}

/** How many prepared statements are kept per connection. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh; preparing costs as much as running a
 * short query. The same few hundred statement texts recur, so they are kept
 * (least recently used out first). Statements run one at a time on this
 * synchronous driver, so reusing them is safe.
 */
function withStatementCache(connection: SqliteDatabase.Database): SqliteDialectConfig["database"] {
	const statements = new LruMap<string, SqliteDatabase.Statement>(STATEMENT_CACHE_SIZE);
	return {
		close: () => connection.close(),
		prepare: (text: string) => {
			let statement = statements.get(text);
			if (!statement) {
				statement = connection.prepare(text);
				statements.set(text, statement);
			}
			return statement;
		},
	};
}

/**
 * SQLite's `BEGIN` is deferred: the transaction reads first and asks for the
 * write lock at its first write. In WAL mode that upgrade does not wait: if
 * another process (a CLI command, a second server on the same file, a
 * server's own `PRAGMA optimize`) holds the write lock at that instant, the
 * write fails at once with SQLITE_BUSY, whatever `busy_timeout` says. So a
 * transaction that may write begins `IMMEDIATE`, taking the write lock first
 * and waiting for it like any single statement does. A transaction declared
 * `read only` stays deferred: it holds a snapshot and never blocks writers.
 */
class WriterFirstSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
		const begin = settings?.accessMode === "read only" ? "begin deferred" : "begin immediate";
		await connection.executeQuery(CompiledQuery.raw(begin));
	}
}

class WriterFirstSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig;
	constructor(config: SqliteDialectConfig) {
		super(config);
		this.#config = config;
	}
	override createDriver(): Driver {
		return new WriterFirstSqliteDriver(this.#config);
	}
}

/** Rows sampled per index when statistics are gathered: enough for the planner, bounded in time. */
const ANALYSIS_LIMIT = 400;

/**
 * Brings the query planner's statistics (sqlite_stat1) up to date when a
 * connection opens, as SQLite recommends for long-lived connections: only
 * tables whose statistics are missing or stale are analysed. Without them the
 * planner guesses, and picked the `status` index over the primary key for
 * `status = ? AND id IN (…)`: 1.2 ms instead of 20 µs for a page of search
 * results at 20,000 stories. A server re-runs `PRAGMA optimize` when another
 * process writes the file (see cache/sqlite-external-writes.ts).
 */
function gatherPlannerStatistics(connection: SqliteDatabase.Database): void {
	connection.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
	connection.pragma("optimize = 0x10002");
}

/**
 * Opens (or creates) the SQLite file. A file that is not a SQLite database is
 * reported as ERR_DATABASE_CORRUPT before anything is written to it.
 *
 * Opening reads the header and the schema only. A check of every page
 * (`PRAGMA quick_check`) read the whole file: 3.5 s for a 2.1 GB archive of
 * 100,000 stories, on every start of every node and every CLI command. Damage
 * inside the file surfaces as an error on the query that reaches it, and
 * `dateline backup` checks the copy it writes with `PRAGMA integrity_check`.
 */
export function openSqlite(file: string): Kysely<Database> {
	const connection = new SqliteDatabase(file);
	try {
		// Reads the header and the schema: fails on a file that is not a database, and writes nothing.
		connection.prepare("SELECT count(*) FROM sqlite_master").get();
	} catch (error) {
		connection.close();
		const reason = error instanceof Error ? error.message : String(error);
		throw new AppError("ERR_DATABASE_CORRUPT", `${file} (${reason}); the file was left untouched.`, { cause: error });
	}
	connection.pragma("journal_mode = WAL");
	connection.pragma("synchronous = NORMAL");
	connection.pragma("foreign_keys = ON");
	connection.pragma("busy_timeout = 5000");
	gatherPlannerStatistics(connection);
	return new Kysely<Database>({
		dialect: new WriterFirstSqliteDialect({ database: withStatementCache(connection) }),
	});
}
