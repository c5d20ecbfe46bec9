import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { Pack, type WriteEntry } from "tar";
import type { Clock } from "../../clock.js";
import type { Config } from "../../config.js";
import { openDatabase } from "../../db/open-database.js";
import { exportJson } from "../json/json-export.js";
import { appliedMigrations } from "../json/json-tables.js";
import { listFiles, sha256File, syncPath } from "./backup-files.js";
import {
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	type BackupManifest,
	JSON_NAME,
	MANIFEST_NAME,
	MEDIA_DIR,
	PARTIAL_SUFFIX,
	SQLITE_NAME,
} from "./backup-manifest.js";
import { copySqliteOnline, sqliteMigrations } from "./sqlite-copy.js";

export type BackupPhase = "database" | "archive";

export interface BackupOptions {
	config: Pick<Config, "dataDir" | "databaseUrl">;
	/** The archive to write (a gzipped tar). It appears only once complete; until then it is FILE.partial. */
	file: string;
	clock: Clock;
	/** SQLite pages per step of the online backup (smaller: finer progress, slower). */
	pagesPerStep?: number;
	/** Database: pages (SQLite) or rows (PostgreSQL) copied; archive: bytes packed. */
	onProgress?: (phase: BackupPhase, done: number, total: number) => void;
}

export interface BackupResult {
	file: string;
	/** Size of the finished archive. */
	bytes: number;
	manifest: BackupManifest;
}

/** The database part of a backup, written into the staging folder. */
async function copyDatabase(
	options: BackupOptions,
	staging: string,
): Promise<{ kind: "sqlite" | "json"; file: string; migrations: string[] }> {
	const { config } = options;
	if (config.databaseUrl === undefined) {
		const source = path.join(config.dataDir, SQLITE_NAME);
		const file = path.join(staging, SQLITE_NAME);
		await copySqliteOnline({
			source,
			destination: file,
			...(options.pagesPerStep === undefined ? {} : { pagesPerStep: options.pagesPerStep }),
			onProgress: (done, total) => options.onProgress?.("database", done, total),
		});
		return { kind: "sqlite", file, migrations: sqliteMigrations(file) };
	}
	// PostgreSQL: the portable JSON export, read in one repeatable-read snapshot; a restore loads it into either database.
	const opened = await openDatabase(config);
	const file = path.join(staging, JSON_NAME);
	try {
		const migrations = await appliedMigrations(opened.db);
		const rowsSoFar = new Map<string, number>();
		const out = createWriteStream(file);
		const finished = new Promise<void>((resolve, reject) => {
			out.on("finish", resolve);
			out.on("error", reject);
		});
		await exportJson({
			db: opened.db,
			adapter: opened.adapter,
			out,
			onProgress: (collection, rows) => {
				rowsSoFar.set(collection, rows);
				options.onProgress?.(
					"database",
					[...rowsSoFar.values()].reduce((sum, n) => sum + n, 0),
					0,
				);
			},
		});
		out.end();
		await finished;
		return { kind: "json", file, migrations };
	} finally {
		await opened.close();
	}
}

/** Counts the bytes that pass, for the progress of the archive phase. */
function counter(onBytes: (bytes: number) => void): Transform {
	let total = 0;
	return new Transform({
		transform(chunk: Buffer, _encoding, callback) {
			total += chunk.length;
			onBytes(total);
			callback(null, chunk);
		},
	});
}

/**
 * Takes a consistent backup of a site that may be serving: the database (the
 * SQLite online backup API, or on PostgreSQL the portable JSON export), then the
 * media files, and a manifest with the database copy's sha256, in one gzipped
 * tar. The database is copied first: media files are written before the rows
 * that name them, so every file the copy refers to is already on disk.
 * The archive is written to FILE.partial, synced, and renamed to FILE.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
	const target = path.resolve(options.file);
	const partial = `${target}${PARTIAL_SUFFIX}`;
	const staging = `${target}${PARTIAL_SUFFIX}.d`;
	// What a killed run left behind is never reused.
	await rm(partial, { force: true });
	await rm(staging, { recursive: true, force: true });
	await mkdir(staging);
	try {
		const database = await copyDatabase(options, staging);
		const mediaRoot = path.join(path.resolve(options.config.dataDir), MEDIA_DIR);
		const media = await listFiles(mediaRoot);
		const databaseBytes = (await stat(database.file)).size;
		const manifest: BackupManifest = {
			format: BACKUP_FORMAT,
			version: BACKUP_FORMAT_VERSION,
			createdAt: options.clock.now().toISOString(),
			migrations: database.migrations,
			database:
				database.kind === "sqlite"
					? { kind: "sqlite", path: SQLITE_NAME, bytes: databaseBytes, sha256: await sha256File(database.file) }
					: { kind: "json", path: JSON_NAME, bytes: databaseBytes, sha256: await sha256File(database.file) },
			media: { files: media.length, bytes: media.reduce((sum, file) => sum + file.bytes, 0) },
		};
		const manifestFile = path.join(staging, MANIFEST_NAME);
		await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

		// The archive's names: the staging files at the top, media files under media/, as in the data directory.
		const names = new Map<string, string>([
			[manifestFile, MANIFEST_NAME],
			[database.file, manifest.database.path],
			...media.map((file): [string, string] => [path.join(mediaRoot, file.relative), `${MEDIA_DIR}/${file.relative}`]),
		]);
		const unexpected: string[] = [];
		const pack = new Pack({
			portable: true,
			preservePaths: true,
			noDirRecurse: true,
			// Called before each entry's header is made: the absolute path it was added by becomes its name.
			onWriteEntry: (entry: WriteEntry) => {
				const name = names.get(entry.path);
				if (name === undefined) unexpected.push(entry.path);
				else entry.path = name;
			},
		});
		const totalBytes = [...names.keys()].length * 512 + manifest.media.bytes + databaseBytes + 1024;
		for (const absolute of names.keys()) pack.add(absolute);
		pack.end();
		await pipeline(
			pack,
			counter((bytes) => options.onProgress?.("archive", Math.min(bytes, totalBytes), totalBytes)),
			// Level 3 compresses twice as fast as the default 6 for an archive about a tenth larger: the
			// backup shares the machine with the site it copies.
			createGzip({ level: 3 }),
			createWriteStream(partial),
		);
		if (unexpected.length > 0) throw new Error(`Unexpected files in the backup: ${unexpected.join(", ")}`);
		await syncPath(partial);
		await rename(partial, target);
		await syncPath(path.dirname(target));
		return { file: target, bytes: (await stat(target)).size, manifest };
	} catch (error) {
		await rm(partial, { force: true });
		throw error;
	} finally {
		await rm(staging, { recursive: true, force: true });
	}
}
