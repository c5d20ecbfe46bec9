import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { x as extract, t as list, ReadEntry } from "tar";
import { AppError } from "../../errors.js";
import { listFiles, sha256File } from "./backup-files.js";
import {
	archiveEntryProblem,
	type BackupManifest,
	backupManifestSchema,
	MANIFEST_NAME,
	MEDIA_DIR,
} from "./backup-manifest.js";

/** ERR_BACKUP_INVALID with what is wrong with the archive. */
export function invalidBackup(detail: string, cause?: unknown): AppError {
	return new AppError("ERR_BACKUP_INVALID", detail, cause === undefined ? undefined : { cause });
}

const invalid = invalidBackup;

/**
 * Reads the whole archive once without writing anything: every entry must be
 * one a backup holds (no absolute paths, `..`, links or strangers), and the
 * archive must read to its end (a cut or damaged file fails its gzip check).
 */
export async function inspect(file: string, onEntry: (count: number) => void): Promise<void> {
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
export async function unpack(file: string, staging: string, onEntry: (count: number) => void): Promise<void> {
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
export async function verify(file: string, staging: string): Promise<BackupManifest> {
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
