import { existsSync } from "node:fs";
import { rename } from "node:fs/promises";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import type { Database } from "../../db/database.js";
import { AppError, isAppError } from "../../errors.js";
import { describeContent } from "../json/json-import.js";
import { listFiles } from "./backup-files.js";
import { MEDIA_DIR, SQLITE_NAME } from "./backup-manifest.js";

/** What the current SQLite site holds, described, or undefined when it is empty. */
export async function existingContent(dataDir: string): Promise<string | undefined> {
	const file = path.join(dataDir, SQLITE_NAME);
	if (existsSync(file)) {
		let db: Kysely<Database> | undefined;
		try {
			db = new Kysely<Database>({
				dialect: new SqliteDialect({ database: new SqliteDatabase(file, { readonly: true, fileMustExist: true }) }),
			});
			const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db);
			const occupied = await describeContent(db, new Set(tables.rows.map((row) => row.name)));
			if (occupied) return `its database holds ${occupied}`;
		} catch (error) {
			// A damaged database is what a restore is often for; it counts as content, so --force replaces it.
			return `its database cannot be read (${error instanceof Error ? error.message : String(error)})`;
		} finally {
			await db?.destroy();
		}
	}
	const media = await listFiles(path.join(dataDir, MEDIA_DIR));
	return media.length > 0 ? `its media folder holds ${media.length} files` : undefined;
}

/**
 * Refuses to go on while another process has the database open. Leaving WAL
 * mode needs the only connection, so SQLite answers "busy" while a server runs.
 */
export function checkNotInUse(file: string): void {
	if (!existsSync(file)) return;
	const db = new SqliteDatabase(file, { fileMustExist: true, timeout: 0 });
	try {
		const mode = db.pragma("journal_mode = DELETE", { simple: true });
		if (mode !== "delete") throw new AppError("ERR_DATABASE_IN_USE", `${file} stays in ${String(mode)} mode.`);
	} catch (error) {
		if (error instanceof SqliteDatabase.SqliteError && error.code.startsWith("SQLITE_BUSY"))
			throw new AppError("ERR_DATABASE_IN_USE", `${file}: stop \`dateline serve\` and run the restore again.`, {
				cause: error,
			});
		if (isAppError(error)) throw error;
		// Any other failure is a file that is not a working database, which --force was given to replace.
	} finally {
		db.close();
	}
}

/** Renames that can be undone in reverse order if a later one fails. */
export class Moves {
	private done: [string, string][] = [];

	/** Renames `from` to `to`; nothing when `from` does not exist. */
	async move(from: string, to: string): Promise<void> {
		if (!existsSync(from)) return;
		await rename(from, to);
		this.done.push([from, to]);
	}

	async undo(): Promise<void> {
		for (const [from, to] of this.done.reverse()) await rename(to, from).catch(() => undefined);
		this.done = [];
	}
}
