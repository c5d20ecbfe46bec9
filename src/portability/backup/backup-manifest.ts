import { z } from "zod";

/** The manifest's name inside the archive; it is the archive's first entry. */
export const MANIFEST_NAME = "dateline-backup.json";
/** The database inside the archive: a SQLite file, or (from a PostgreSQL site) the portable JSON export. */
export const SQLITE_NAME = "dateline.sqlite";
export const JSON_NAME = "content.json";
/** Media files sit under this folder in the archive, as they do in the data directory. */
export const MEDIA_DIR = "media";
/** What a killed or unfinished backup is called until it is complete. */
export const PARTIAL_SUFFIX = ".partial";

export const BACKUP_FORMAT = "dateline-backup";
export const BACKUP_FORMAT_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "a sha256 in lower-case hex");
const count = z.number().int().nonnegative();

export const backupManifestSchema = z.strictObject({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_FORMAT_VERSION),
	/** When the backup was taken (ISO 8601 UTC). */
	createdAt: z.string(),
	/** The site's applied migrations, oldest first. */
	migrations: z.array(z.string()),
	database: z.discriminatedUnion("kind", [
		z.strictObject({ kind: z.literal("sqlite"), path: z.literal(SQLITE_NAME), bytes: count, sha256 }),
		z.strictObject({ kind: z.literal("json"), path: z.literal(JSON_NAME), bytes: count, sha256 }),
	]),
	media: z.strictObject({ files: count, bytes: count }),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** A path segment a safe archive may hold: not empty, not `.` or `..`, no separators or NUL. */
function safeSegment(segment: string): boolean {
	return segment !== "" && segment !== "." && segment !== ".." && !/[\\\0]/.test(segment);
}

/**
 * Why an archive entry may not be restored, or undefined when it may. Only the
 * manifest, the database and regular files and folders under `media/` are
 * accepted; absolute paths, `..`, links and devices are refused, so nothing can
 * land outside the data directory.
 */
export function archiveEntryProblem(entryPath: string, type: string): string | undefined {
	const trimmed = entryPath.endsWith("/") ? entryPath.slice(0, -1) : entryPath;
	if (entryPath.startsWith("/") || /^[A-Za-z]:/.test(entryPath)) return "an absolute path";
	const segments = trimmed.split("/");
	if (!segments.every(safeSegment)) return "a path part that is empty, '.', '..' or holds a backslash";
	if (type !== "File" && type !== "OldFile" && type !== "Directory") return `a ${type} entry (only files and folders)`;
	const [top] = segments;
	if (segments.length === 1 && type !== "Directory" && [MANIFEST_NAME, SQLITE_NAME, JSON_NAME].includes(trimmed))
		return undefined;
	if (top === MEDIA_DIR && (segments.length > 1 || type === "Directory")) return undefined;
	return "a name that is not part of a Dateline backup";
}
