import SqliteDatabase from "better-sqlite3";

export interface SqliteCopyOptions {
	/** The live database file; it is only read. */
	source: string;
	/** A new file to write; it must not exist. */
	destination: string;
	/** Pages copied per step of the backup API; smaller steps report progress more often. */
	pagesPerStep?: number;
	onProgress?: (copiedPages: number, totalPages: number) => void;
}

/**
 * Copies a SQLite database that may be in use, with SQLite's online backup API,
 * over a read-only connection of its own. A read transaction is held for the
 * whole copy: in WAL mode the serving process keeps writing, and the copy is
 * the database as it was when the copy began. (Without it, SQLite restarts a
 * backup whenever another process writes, and a busy site's backup might never end.)
 * The copy is then made a single self-contained file (rollback journal, no WAL)
 * and checked with `PRAGMA integrity_check`.
 */
export async function copySqliteOnline(options: SqliteCopyOptions): Promise<{ pages: number }> {
	const source = new SqliteDatabase(options.source, { readonly: true, fileMustExist: true });
	let pages = 0;
	try {
		source.pragma("busy_timeout = 5000");
		source.exec("BEGIN");
		// BEGIN defers; the first read starts the snapshot that the whole copy reads.
		source.prepare("SELECT count(*) FROM sqlite_master").get();
		const step = options.pagesPerStep ?? 1000;
		const result = await source.backup(options.destination, {
			progress: ({ totalPages, remainingPages }) => {
				options.onProgress?.(totalPages - remainingPages, totalPages);
				return step;
			},
		});
		pages = result.totalPages;
		options.onProgress?.(pages, pages);
		source.exec("COMMIT");
	} finally {
		source.close();
	}
	const copy = new SqliteDatabase(options.destination, { fileMustExist: true });
	try {
		copy.pragma("journal_mode = DELETE");
		const check = copy.pragma("integrity_check") as { integrity_check: string }[];
		const verdict = check.map((row) => row.integrity_check).join("; ");
		if (verdict !== "ok") throw new Error(`The copy of ${options.source} failed its integrity check: ${verdict}`);
	} finally {
		copy.close();
	}
	return { pages };
}

/** The migrations applied to a SQLite file, oldest first, read without Kysely. */
export function sqliteMigrations(file: string): string[] {
	const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
	try {
		const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
		if (!exists) return [];
		return (db.prepare("SELECT name FROM kysely_migration ORDER BY name").all() as { name: string }[]).map(
			(row) => row.name,
		);
	} finally {
		db.close();
	}
}
