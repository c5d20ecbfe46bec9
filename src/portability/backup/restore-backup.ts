import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";
import { ensureWritableDirectory, openSqlite } from "../../db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "../../db/dialects/sqlite/sqlite-adapter.js";
import { migrateToLatest } from "../../db/migrate.js";
import { openDatabase } from "../../db/open-database.js";
import { AppError, isAppError } from "../../errors.js";
import { exportJson } from "../json/json-export.js";
import { describeContent, importJson } from "../json/json-import.js";
import { type CheckedRecord, readExportFile } from "../json/json-read.js";
import { listFiles, syncPath } from "./backup-files.js";
import { type BackupManifest, JSON_NAME, MEDIA_DIR, PARTIAL_SUFFIX, SQLITE_NAME } from "./backup-manifest.js";
import { inspect, invalidBackup, unpack, verify } from "./read-backup.js";
import { checkNotInUse, existingContent, Moves } from "./sqlite-site.js";

export type RestorePhase = "extract" | "import" | "swap";

export interface RestoreOptions {
	config: Pick<Config, "dataDir" | "databaseUrl">;
	/** The archive `dateline backup` wrote. */
	file: string;
	/** Replace a site that has content (SQLite file and media); without it such a site is refused. */
	force?: boolean;
	onProgress?: (phase: RestorePhase, done: number, total: number) => void;
}

export interface RestoreResult {
	manifest: BackupManifest;
	/** Stories in the restored database. */
	articles: number;
	/** Whether a site with content was replaced (only with `force`). */
	replaced: boolean;
}

/** Opens a restored SQLite copy and brings its schema up to date; a backup of a newer Dateline fails here. */
async function migrateCopy(file: string, work?: (db: Db) => Promise<void>): Promise<void> {
	const db = openSqlite(file);
	try {
		await migrateToLatest(db, sqliteAdapter);
		await work?.(db);
	} catch (error) {
		if (isAppError(error)) throw error;
		const reason = error instanceof Error ? error.message : String(error);
		throw invalidBackup(`its database cannot be brought to this Dateline's schema (${reason}).`, error);
	} finally {
		await db.destroy();
	}
	// One self-contained file again: no WAL beside it when it is moved into place.
	const raw = new SqliteDatabase(file, { fileMustExist: true });
	try {
		raw.pragma("journal_mode = DELETE");
	} finally {
		raw.close();
	}
}

/** The restored content as checked JSON records, for a PostgreSQL site. */
async function recordsFor(manifest: BackupManifest, staging: string): Promise<AsyncIterable<CheckedRecord>> {
	const json = path.join(staging, JSON_NAME);
	if (manifest.database.kind === "sqlite") {
		await migrateCopy(path.join(staging, SQLITE_NAME), async (db) => {
			const out = createWriteStream(json);
			const finished = new Promise<void>((resolve, reject) => {
				out.on("finish", resolve);
				out.on("error", reject);
			});
			await exportJson({ db, adapter: sqliteAdapter, out });
			out.end();
			await finished;
		});
	}
	return readExportFile(json);
}

type Progress = RestoreOptions["onProgress"];

async function countArticles(db: Db): Promise<number> {
	const row = await db
		.selectFrom("articles")
		.select((eb) => eb.fn.countAll<number>().as("count"))
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

/**
 * SQLite site: the copy (or a database built from the JSON) is migrated in the
 * staging folder, then media and database are swapped in by rename, the
 * database last; a failure part-way renames the old ones back.
 */
async function intoSqlite(
	args: { manifest: BackupManifest; staging: string; dataDir: string; replacing: boolean },
	progress: Progress,
): Promise<RestoreResult> {
	const { manifest, staging, dataDir } = args;
	const database = path.join(staging, SQLITE_NAME);
	if (manifest.database.kind === "sqlite") await migrateCopy(database);
	else
		await migrateCopy(database, async (db) => {
			await importJson({
				db,
				adapter: sqliteAdapter,
				records: readExportFile(path.join(staging, JSON_NAME)),
				onProgress: (_phase, done, total) => progress?.("import", done, total),
			});
		});
	checkNotInUse(path.join(dataDir, SQLITE_NAME));
	const replaced = path.join(staging, "replaced");
	await mkdir(replaced);
	const moves = new Moves();
	try {
		await moves.move(path.join(dataDir, MEDIA_DIR), path.join(replaced, MEDIA_DIR));
		await moves.move(path.join(staging, MEDIA_DIR), path.join(dataDir, MEDIA_DIR));
		for (const suffix of ["-wal", "-shm", "-journal", ""])
			await moves.move(path.join(dataDir, `${SQLITE_NAME}${suffix}`), path.join(replaced, `${SQLITE_NAME}${suffix}`));
		await moves.move(database, path.join(dataDir, SQLITE_NAME));
		await syncPath(dataDir);
	} catch (error) {
		await moves.undo();
		throw error;
	}
	progress?.("swap", 1, 1);
	const restored = openSqlite(path.join(dataDir, SQLITE_NAME));
	try {
		await migrateToLatest(restored, sqliteAdapter);
		return { manifest, articles: await countArticles(restored), replaced: args.replacing };
	} finally {
		await restored.destroy();
	}
}

/** PostgreSQL site: the content goes into the (empty) database through the JSON import, then the media folder is swapped in. */
async function intoPostgres(
	args: {
		manifest: BackupManifest;
		staging: string;
		dataDir: string;
		replacing: boolean;
		config: RestoreOptions["config"];
	},
	progress: Progress,
): Promise<RestoreResult> {
	const { manifest, staging, dataDir } = args;
	const records = await recordsFor(manifest, staging);
	const opened = await openDatabase(args.config);
	try {
		await migrateToLatest(opened.db, opened.adapter);
		await importJson({
			db: opened.db,
			adapter: opened.adapter,
			records,
			onProgress: (_phase, done, total) => progress?.("import", done, total),
		});
		const replaced = path.join(staging, "replaced");
		await mkdir(replaced);
		const moves = new Moves();
		await moves.move(path.join(dataDir, MEDIA_DIR), path.join(replaced, MEDIA_DIR));
		await moves.move(path.join(staging, MEDIA_DIR), path.join(dataDir, MEDIA_DIR));
		progress?.("swap", 1, 1);
		return { manifest, articles: await countArticles(opened.db), replaced: args.replacing };
	} finally {
		await opened.close();
	}
}

/**
 * What the site holds, or undefined when it is empty; checked before the archive is read. A
 * PostgreSQL database with content is refused even with `force`: a restore never empties one.
 */
async function occupiedSite(options: RestoreOptions, dataDir: string): Promise<string | undefined> {
	if (options.config.databaseUrl === undefined) return existingContent(dataDir);
	const opened = await openDatabase(options.config);
	try {
		await migrateToLatest(opened.db, opened.adapter);
		const occupied = await describeContent(opened.db);
		if (occupied)
			throw new AppError(
				"ERR_SITE_NOT_EMPTY",
				`The PostgreSQL database holds ${occupied}. A restore does not empty a PostgreSQL database, even with --force: create a new database (or drop the schema) and run the restore again.`,
			);
	} finally {
		await opened.close();
	}
	const media = await listFiles(path.join(dataDir, MEDIA_DIR));
	return media.length > 0 ? `its media folder holds ${media.length} files` : undefined;
}

/**
 * Restores a backup into the configured site. A site with content is refused
 * unless `force`. The archive is read once without writing (unsafe entries
 * refused), unpacked into a folder inside the data directory and checked
 * (manifest, checksum, media count, schema) before anything of the site is
 * touched. SQLite: media and database are swapped in by rename. PostgreSQL:
 * the content is imported into the empty database and the media swapped in.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
	const file = path.resolve(options.file);
	if (file.endsWith(PARTIAL_SUFFIX))
		throw invalidBackup(`${file} is an unfinished backup (a backup that was stopped); run \`dateline backup\` again.`);
	if (!existsSync(file)) throw invalidBackup(`${file} does not exist.`);
	const dataDir = path.resolve(options.config.dataDir);
	ensureWritableDirectory(dataDir);
	const occupied = await occupiedSite(options, dataDir);
	if (occupied && !options.force)
		throw new AppError("ERR_SITE_NOT_EMPTY", `${dataDir}: ${occupied}. Restore with --force to replace it.`);
	let entries = 0;
	await inspect(file, (count) => {
		entries = count;
	});
	const staging = await mkdtemp(path.join(dataDir, ".restore-"));
	try {
		await unpack(file, staging, (count) => options.onProgress?.("extract", count, entries));
		const manifest = await verify(file, staging);
		await mkdir(path.join(staging, MEDIA_DIR), { recursive: true });
		const args = { manifest, staging, dataDir, replacing: occupied !== undefined };
		return options.config.databaseUrl === undefined
			? await intoSqlite(args, options.onProgress)
			: await intoPostgres({ ...args, config: options.config }, options.onProgress);
	} finally {
		// Retries: a failed unpack may still be closing files in the folder.
		await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
	}
}
