import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { x as extract, t as list, ReadEntry } from "tar";
import type { Config } from "../../config.js";
import type { Database, Db } from "../../db/database.js";
import { ensureWritableDirectory, openSqlite } from "../../db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "../../db/dialects/sqlite/sqlite-adapter.js";
import { migrateToLatest } from "../../db/migrate.js";
import { openDatabase } from "../../db/open-database.js";
import { AppError, isAppError } from "../../errors.js";
import { exportJson } from "../json/json-export.js";
import { describeContent, importJson } from "../json/json-import.js";
import { type CheckedRecord, readExportFile } from "../json/json-read.js";
import { listFiles, sha256File, syncPath } from "./backup-files.js";
import {
	archiveEntryProblem,
	type BackupManifest,
	backupManifestSchema,
	JSON_NAME,
	MANIFEST_NAME,
	MEDIA_DIR,
	PARTIAL_SUFFIX,
	SQLITE_NAME,
} from "./backup-manifest.js";

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

const invalid = (detail: string, cause?: unknown) =>
	new AppError("ERR_BACKUP_INVALID", detail, cause === undefined ? undefined : { cause });

/**
 * Reads the whole archive once without writing anything: every entry must be
 * one a backup holds (no absolute paths, `..`, links or strangers), and the
 * archive must read to its end (a cut or damaged file fails its gzip check).
 */
async function inspect(file: string, onEntry: (count: number) => void): Promise<void> {
	const refused: string[] = [];
	let entries = 0;
	try {
		await list({
			file,
			strict: true,
			onReadEntry: (entry) => {
				const problem = archiveEntryProblem(entry.path, entry.type);
				if (problem) refused.push(`${JSON.stringify(entry.path)} is ${problem}`);
				onEntry(++entries);
			},
		});
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw invalid(`${file} cannot be read as a backup archive (${reason}); it may be cut short or damaged.`, error);
	}
	if (refused.length > 0) throw invalid(`${file} holds ${refused.join("; ")}. Nothing was restored.`);
}

/** Unpacks an inspected archive into `staging`; the filter refuses again anything inspect() would. */
async function unpack(file: string, staging: string, onEntry: (count: number) => void): Promise<void> {
	let entries = 0;
	try {
		await extract({
			file,
			cwd: staging,
			strict: true,
			preserveOwner: false,
			filter: (entryPath, entry) => {
				const type = entry instanceof ReadEntry ? entry.type : "File";
				const safe = archiveEntryProblem(entryPath, type) === undefined;
				if (safe) onEntry(++entries);
				return safe;
			},
		});
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw invalid(`${file} could not be unpacked (${reason}).`, error);
	}
}

/** The manifest, the database copy's checksum and the media files, checked against one another. */
async function verify(file: string, staging: string): Promise<BackupManifest> {
	let raw: unknown;
	try {
		raw = JSON.parse(await readFile(path.join(staging, MANIFEST_NAME), "utf8"));
	} catch (error) {
		throw invalid(`${file} has no readable ${MANIFEST_NAME}; it is not a Dateline backup.`, error);
	}
	const parsed = backupManifestSchema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw invalid(
			`${file}: ${MANIFEST_NAME} field "${issue?.path.join(".") ?? ""}": ${issue?.message ?? "not valid"}.`,
		);
	}
	const manifest = parsed.data;
	const database = path.join(staging, manifest.database.path);
	if (!existsSync(database)) throw invalid(`${file} has no ${manifest.database.path}.`);
	const actual = await sha256File(database);
	if (actual !== manifest.database.sha256 || (await stat(database)).size !== manifest.database.bytes)
		throw invalid(`${file}: ${manifest.database.path} does not match the checksum in ${MANIFEST_NAME}.`);
	const media = await listFiles(path.join(staging, MEDIA_DIR));
	const mediaBytes = media.reduce((sum, entry) => sum + entry.bytes, 0);
	if (media.length !== manifest.media.files || mediaBytes !== manifest.media.bytes)
		throw invalid(
			`${file} holds ${media.length} media files (${mediaBytes} bytes); ${MANIFEST_NAME} lists ${manifest.media.files} (${manifest.media.bytes} bytes).`,
		);
	return manifest;
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
		throw invalid(`its database cannot be brought to this Dateline's schema (${reason}).`, error);
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

/** What the current SQLite site holds, described, or undefined when it is empty. */
async function existingContent(dataDir: string): Promise<string | undefined> {
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
function checkNotInUse(file: string): void {
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
class Moves {
	private done: [string, string][] = [];

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

/**
 * Restores a backup into the configured site. The archive is unpacked into a
 * folder inside the data directory and checked (manifest, checksum, media
 * count, schema) before anything of the site is touched. A site with content
 * is refused unless `force`. Then the media folder and the database file are
 * swapped in by rename, the database last; a failure part-way renames the old
 * ones back. On PostgreSQL the content is imported into the (empty) database.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
	const file = path.resolve(options.file);
	if (file.endsWith(PARTIAL_SUFFIX))
		throw invalid(`${file} is an unfinished backup (a backup that was stopped); run \`dateline backup\` again.`);
	if (!existsSync(file)) throw invalid(`${file} does not exist.`);
	const dataDir = path.resolve(options.config.dataDir);
	ensureWritableDirectory(dataDir);
	const staging = await mkdtemp(path.join(dataDir, ".restore-"));
	const progress = options.onProgress;
	try {
		let entries = 0;
		await inspect(file, (count) => {
			entries = count;
		});
		await unpack(file, staging, (count) => progress?.("extract", count, entries));
		const manifest = await verify(file, staging);
		await mkdir(path.join(staging, MEDIA_DIR), { recursive: true });
		const postgres = options.config.databaseUrl !== undefined;

		if (!postgres) {
			const existing = await existingContent(dataDir);
			if (existing && !options.force)
				throw new AppError("ERR_SITE_NOT_EMPTY", `${dataDir}: ${existing}. Restore with --force to replace it.`);
			const database = path.join(staging, SQLITE_NAME);
			if (manifest.database.kind === "sqlite") await migrateCopy(database);
			else {
				await migrateCopy(database, async (db) => {
					await importJson({
						db,
						adapter: sqliteAdapter,
						records: readExportFile(path.join(staging, JSON_NAME)),
						onProgress: (_phase, done, total) => progress?.("import", done, total),
					});
				});
			}
			checkNotInUse(path.join(dataDir, SQLITE_NAME));
			const replacedDir = path.join(staging, "replaced");
			await mkdir(replacedDir);
			const moves = new Moves();
			try {
				await moves.move(path.join(dataDir, MEDIA_DIR), path.join(replacedDir, MEDIA_DIR));
				await moves.move(path.join(staging, MEDIA_DIR), path.join(dataDir, MEDIA_DIR));
				for (const suffix of ["-wal", "-shm", "-journal", ""])
					await moves.move(
						path.join(dataDir, `${SQLITE_NAME}${suffix}`),
						path.join(replacedDir, `${SQLITE_NAME}${suffix}`),
					);
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
				const articles = await countArticles(restored);
				return { manifest, articles, replaced: existing !== undefined };
			} finally {
				await restored.destroy();
			}
		}

		const records = await recordsFor(manifest, staging);
		const opened = await openDatabase(options.config);
		try {
			await migrateToLatest(opened.db, opened.adapter);
			const occupied = await describeContent(opened.db);
			if (occupied)
				throw new AppError(
					"ERR_SITE_NOT_EMPTY",
					`The PostgreSQL database holds ${occupied}. A restore does not empty a PostgreSQL database, even with --force: create a new database (or drop the schema) and run the restore again.`,
				);
			const media = await listFiles(path.join(dataDir, MEDIA_DIR));
			if (media.length > 0 && !options.force)
				throw new AppError(
					"ERR_SITE_NOT_EMPTY",
					`${dataDir}: its media folder holds ${media.length} files. Restore with --force to replace it.`,
				);
			await importJson({
				db: opened.db,
				adapter: opened.adapter,
				records,
				onProgress: (_phase, done, total) => progress?.("import", done, total),
			});
			const replacedDir = path.join(staging, "replaced");
			await mkdir(replacedDir);
			await rename(path.join(dataDir, MEDIA_DIR), path.join(replacedDir, MEDIA_DIR)).catch(
				(error: NodeJS.ErrnoException) => {
					if (error.code !== "ENOENT") throw error;
				},
			);
			await rename(path.join(staging, MEDIA_DIR), path.join(dataDir, MEDIA_DIR));
			progress?.("swap", 1, 1);
			return { manifest, articles: await countArticles(opened.db), replaced: media.length > 0 };
		} finally {
			await opened.close();
		}
	} finally {
		// Retries: a failed unpack may still be closing files in the folder.
		await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
	}
}

async function countArticles(db: Db): Promise<number> {
	const row = await db
		.selectFrom("articles")
		.select((eb) => eb.fn.countAll<number>().as("count"))
		.executeTakeFirstOrThrow();
	return Number(row.count);
}
