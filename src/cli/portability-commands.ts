import { createWriteStream, existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import type { Command } from "commander";
import { systemClock } from "../clock.js";
import { loadConfig } from "../config.js";
import { PARTIAL_SUFFIX, SQLITE_NAME } from "../portability/backup/backup-manifest.js";
import { createBackup } from "../portability/backup/create-backup.js";
import { restoreBackup } from "../portability/backup/restore-backup.js";
import { exportJson } from "../portability/json/json-export.js";
import { importJson } from "../portability/json/json-import.js";
import { readExportFile } from "../portability/json/json-read.js";
import {
	exportCommand,
	fail,
	importCommand,
	type PhasedProgress,
	phasedProgress,
	positiveInteger,
	UsageError,
	withSite,
} from "./cli-support.js";

const PHASE_LINES: Record<string, string> = {
	database: "Copying the database",
	archive: "Writing the archive",
	extract: "Unpacking the archive",
	import: "Loading the content",
	swap: "Putting the restored site in place",
};

/**
 * A progress bar on a terminal (stderr), one line per phase on stdout
 * otherwise, so a script or a log sees where a long job is.
 */
function progress(): PhasedProgress {
	return phasedProgress({
		nameWidth: 12,
		onPhase: (next) => {
			if (next && !process.stderr.isTTY) process.stdout.write(`${PHASE_LINES[next] ?? next}…\n`);
		},
	});
}

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function seconds(since: number): string {
	return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** The absolute path of a file to write, whose folder must exist. */
function writablePath(file: string): string {
	const target = path.resolve(file);
	if (!existsSync(path.dirname(target))) throw new UsageError(`the folder ${path.dirname(target)} does not exist.`);
	return target;
}

/** Resolves when `out` has flushed everything, rejects on its error. */
function finished(out: Writable): Promise<void> {
	return new Promise((resolve, reject) => {
		out.on("finish", resolve);
		out.on("error", reject);
	});
}

/** `dateline backup`, `dateline restore`, `dateline export json` and `dateline import json`. */
export function registerPortabilityCommands(program: Command): void {
	program
		.command("backup")
		.description("write a consistent backup of the site (database and media) to one archive, while it serves")
		.argument("<file>", "the archive to write (.tar.gz); it appears only once complete")
		.option("--force", "replace FILE if it exists")
		.option("--pages-per-step <n>", "SQLite pages copied per step (smaller: finer progress, slower)", positiveInteger)
		.action(async (file: string, options: { force?: boolean; pagesPerStep?: number }) => {
			try {
				const config = loadConfig(process.env);
				const target = writablePath(file);
				if (!config.databaseUrl && !existsSync(path.join(config.dataDir, SQLITE_NAME)))
					throw new UsageError(`there is no site in ${config.dataDir} to back up (no ${SQLITE_NAME}).`);
				if (target.endsWith(PARTIAL_SUFFIX))
					throw new UsageError(`choose a name that does not end in ${PARTIAL_SUFFIX}.`);
				if (existsSync(target) && !options.force)
					throw new UsageError(`${target} exists; choose another name or replace it with --force.`);
				const media = path.join(config.dataDir, "media");
				if (target === media || target.startsWith(`${media}${path.sep}`))
					throw new UsageError("write the backup outside the media folder it backs up.");
				if (config.databaseUrl)
					process.stdout.write(
						"PostgreSQL: the backup holds the content as portable JSON (docs/json-format.md), which `dateline restore` loads into SQLite or PostgreSQL. Sessions, login failures and autosaves are not in it. For a full copy of the database itself, use `pg_dump --format=custom` and `pg_restore`.\n",
					);
				const started = Date.now();
				const bar = progress();
				const result = await createBackup({
					config,
					file: target,
					clock: systemClock,
					...(options.pagesPerStep ? { pagesPerStep: options.pagesPerStep } : {}),
					onProgress: (phase, done, total) => bar.update(phase, done, total),
				});
				bar.stop();
				const { database, media: files } = result.manifest;
				process.stdout.write(
					`Backed up to ${result.file}: ${megabytes(result.bytes)} (database ${megabytes(database.bytes)} as ${database.kind === "sqlite" ? "SQLite" : "JSON"}, ${files.files} media files ${megabytes(files.bytes)}) in ${seconds(started)}.\n`,
				);
			} catch (error) {
				fail(error);
			}
		});

	program
		.command("restore")
		.description("restore a backup into the configured data directory (and database)")
		.argument("<file>", "an archive written by `dateline backup`")
		.option("--force", "replace a site that already has content (its database and media are removed)")
		.action(async (file: string, options: { force?: boolean }) => {
			try {
				const config = loadConfig(process.env);
				const started = Date.now();
				const bar = progress();
				const result = await restoreBackup({
					config,
					file,
					force: options.force === true,
					onProgress: (phase, done, total) => bar.update(phase, done, total),
				});
				bar.stop();
				process.stdout.write(
					`Restored the backup of ${result.manifest.createdAt} into ${config.databaseUrl ? "the PostgreSQL database" : config.dataDir}${result.replaced ? " (the site that was there is replaced)" : ""}: ${result.articles} stories, ${result.manifest.media.files} media files, in ${seconds(started)}.\n`,
				);
			} catch (error) {
				fail(error);
			}
		});

	exportCommand(program)
		.command("json")
		.description("write all of the site's content as one JSON file (docs/json-format.md); media files are not in it")
		.argument("<file>", "the file to write, or - for standard output")
		.option("--no-password-hashes", "leave out password hashes: every account must set a new password")
		.action(async (file: string, options: { passwordHashes: boolean }) => {
			try {
				const started = Date.now();
				const toStdout = file === "-";
				const target = toStdout ? "" : writablePath(file);
				const partial = `${target}${PARTIAL_SUFFIX}`;
				const result = await withSite(async (site) => {
					const out = toStdout ? process.stdout : createWriteStream(partial);
					// Listening from the start: a full disk is an error of the export, not a crash.
					const written = toStdout ? undefined : finished(out);
					written?.catch(() => undefined);
					const bar = toStdout ? undefined : progress();
					try {
						const exported = await exportJson({
							db: site.db,
							adapter: site.adapter,
							out,
							passwordHashes: options.passwordHashes,
							onProgress: (collection, rows) => bar?.update(collection, rows, rows),
						});
						bar?.stop();
						if (written) {
							out.end();
							await written;
							await rename(partial, target);
						}
						return exported;
					} catch (error) {
						if (!toStdout) await rm(partial, { force: true });
						throw error;
					}
				});
				const total = Object.values(result.counts).reduce((sum, count) => sum + count, 0);
				(toStdout ? process.stderr : process.stdout).write(
					`Exported ${result.counts.articles} stories (${total} records in all) to ${toStdout ? "standard output" : target}: ${megabytes(result.bytes)} in ${seconds(started)}.\n`,
				);
			} catch (error) {
				fail(error);
			}
		});

	importCommand(program)
		.command("json")
		.description("load a Dateline JSON export into an empty site (SQLite or PostgreSQL)")
		.argument("<file>", "a file written by `dateline export json`")
		.action(async (file: string) => {
			try {
				if (!existsSync(file)) throw new UsageError(`${file} does not exist.`);
				const started = Date.now();
				const result = await withSite(
					async (site) => {
						const bar = progress();
						const imported = await importJson({
							db: site.db,
							adapter: site.adapter,
							records: readExportFile(file),
							onProgress: (phase, done, total) => bar.update(phase, done, total),
						});
						bar.stop();
						return imported;
					},
					{ changesSite: true },
				);
				const total = Object.values(result.counts).reduce((sum, count) => sum + count, 0);
				process.stdout.write(
					`Imported ${result.counts.articles} stories (${total} records in all; ${result.indexed} published stories indexed for search) in ${seconds(started)}.\n`,
				);
			} catch (error) {
				fail(error);
			}
		});
}
