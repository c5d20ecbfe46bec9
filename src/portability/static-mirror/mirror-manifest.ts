import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../errors.js";
import { isInsidePath, MANIFEST_FILE } from "./mirror-layout.js";

export const MANIFEST_FORMAT = "dateline-static-mirror";
export const MANIFEST_VERSION = 1;

const entrySchema = z.object({
	path: z.string().refine(isInsidePath, { message: "a relative path inside the mirror" }),
	sha256: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in lower-case hex"),
	size: z.number().int().nonnegative(),
	/** The site path the file answers for (a pointer page shares it with the file it points to). */
	url: z.string().optional(),
	contentType: z.string().optional(),
});

const manifestSchema = z.object({
	format: z.literal(MANIFEST_FORMAT),
	version: z.literal(MANIFEST_VERSION),
	generatedAt: z.string(),
	/** The site's own public URL, which the pages were read as. */
	sourceUrl: z.string(),
	/** Where the mirror is served: absolute links start with it. */
	baseUrl: z.string(),
	fileLinks: z.boolean(),
	/** False when the export stopped early (the page limit, or pages that failed); nothing was removed then. */
	complete: z.boolean(),
	files: z.array(entrySchema),
});

export type ManifestEntry = z.infer<typeof entrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/** The SHA-256 of `bytes` in lower-case hex. */
export function sha256Hex(bytes: Uint8Array): string {
	return createHash("sha256").update(bytes).digest("hex");
}

async function fileSha256(file: string): Promise<string> {
	const hash = createHash("sha256");
	for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
	return hash.digest("hex");
}

/**
 * The manifest of the mirror in `dir`, or undefined when there is none.
 * One that cannot be read, or names a path outside the mirror, is
 * ERR_MIRROR_MANIFEST_INVALID.
 */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
	const file = path.join(dir, MANIFEST_FILE);
	let text: string;
	try {
		text = await readFile(file, "utf8");
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
		throw error;
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new AppError("ERR_MIRROR_MANIFEST_INVALID", `${file} is not JSON: ${(error as Error).message}`);
	}
	const parsed = manifestSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const where = issue?.path.join(".") || "the top level";
		throw new AppError(
			"ERR_MIRROR_MANIFEST_INVALID",
			`${file}: at ${where}, expected ${issue?.message ?? "a manifest"}.`,
		);
	}
	return parsed.data;
}

/** Writes the manifest (files in path order) through a temporary file, so a reader never sees half of it. */
export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
	const files = [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const temporary = path.join(dir, `.${MANIFEST_FILE}.${process.pid}.tmp`);
	await writeFile(temporary, `${JSON.stringify({ ...manifest, files }, null, "\t")}\n`);
	await rename(temporary, path.join(dir, MANIFEST_FILE));
}

/** One way a mirror differs from its manifest. */
export type MirrorProblem =
	| { kind: "missing"; path: string }
	| { kind: "changed"; path: string; reason: string }
	| { kind: "extra"; path: string };

/** A problem as one line: "missing news/index.html". */
export function describeProblem(problem: MirrorProblem): string {
	return problem.kind === "changed" ? `changed ${problem.path} (${problem.reason})` : `${problem.kind} ${problem.path}`;
}

/** Every file under `dir` (not following symbolic links), as relative paths with "/" separators. */
async function* walk(dir: string, prefix = ""): AsyncGenerator<string> {
	const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
	for (const entry of entries) {
		const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
		if (entry.isDirectory()) yield* walk(dir, relative);
		else yield relative;
	}
}

/**
 * Compares the mirror in `dir` with its manifest: files that are missing,
 * whose size or SHA-256 differ, or that the manifest does not list. No
 * manifest is ERR_MIRROR_MANIFEST_INVALID.
 */
export async function verifyMirror(dir: string): Promise<{ files: number; problems: MirrorProblem[] }> {
	const manifest = await readManifest(dir);
	if (!manifest) throw new AppError("ERR_MIRROR_MANIFEST_INVALID", `${path.join(dir, MANIFEST_FILE)} does not exist.`);
	const problems: MirrorProblem[] = [];
	const listed = new Set<string>();
	for (const entry of manifest.files) {
		listed.add(entry.path);
		const file = path.join(dir, entry.path);
		let stats: Awaited<ReturnType<typeof lstat>>;
		try {
			stats = await lstat(file);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === "ENOENT" || code === "ENOTDIR") {
				problems.push({ kind: "missing", path: entry.path });
				continue;
			}
			throw error;
		}
		if (!stats.isFile()) problems.push({ kind: "changed", path: entry.path, reason: "not a regular file" });
		else if (stats.size !== entry.size)
			problems.push({ kind: "changed", path: entry.path, reason: `${stats.size} bytes, manifest says ${entry.size}` });
		else if ((await fileSha256(file)) !== entry.sha256)
			problems.push({ kind: "changed", path: entry.path, reason: "SHA-256 differs" });
	}
	for await (const found of walk(dir)) {
		if (found !== MANIFEST_FILE && !listed.has(found)) problems.push({ kind: "extra", path: found });
	}
	return { files: manifest.files.length, problems };
}
