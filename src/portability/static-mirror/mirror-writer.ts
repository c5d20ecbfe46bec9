import { lstat, mkdir, readFile, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { isInsidePath } from "./mirror-layout.js";
import { type ManifestEntry, sha256Hex } from "./mirror-manifest.js";

/** What `put` did with a file. */
export type PutOutcome = "written" | "unchanged" | "duplicate";

async function lstatOrUndefined(file: string) {
	try {
		return await lstat(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === "ENOENT" || code === "ENOTDIR") return undefined;
		throw error;
	}
}

/** True when `file` is a regular file holding exactly `bytes`. */
async function sameBytes(file: string, bytes: Uint8Array): Promise<boolean> {
	const stats = await lstatOrUndefined(file);
	if (!stats?.isFile() || stats.size !== bytes.length) return false;
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(await readFile(file));
}

/**
 * Writes a mirror's files under one directory and never outside it: every
 * path is checked to be relative and free of "..", and no directory on the way
 * may be a symbolic link. A file whose bytes the previous manifest already
 * records, and that still holds them, is not written again. Each write goes through a temporary file and a rename, so
 * a server reading the mirror meanwhile sees the old file or the new one.
 */
export class MirrorWriter {
	written = 0;
	unchanged = 0;
	bytes = 0;
	private readonly produced = new Map<string, ManifestEntry>();
	private readonly previous: Map<string, ManifestEntry>;
	private readonly safeDirectories = new Set<string>([""]);
	private temporaryCount = 0;

	/** `previous`: the files of the previous export's manifest, if there is one. */
	constructor(
		private readonly root: string,
		previous: readonly ManifestEntry[] = [],
	) {
		this.previous = new Map(previous.map((entry) => [entry.path, entry]));
	}

	/** The entries written or kept so far, for the manifest. */
	entries(): ManifestEntry[] {
		return [...this.produced.values()];
	}

	/** True when this export already produced `file`. */
	has(file: string): boolean {
		return this.produced.has(file);
	}

	/** Writes `bytes` to `file` (relative, "/"-separated) unless they are already there. */
	async put(file: string, bytes: Uint8Array, meta: { url?: string; contentType?: string } = {}): Promise<PutOutcome> {
		if (!isInsidePath(file)) throw new Error(`refusing to write outside the mirror: ${JSON.stringify(file)}`);
		if (this.produced.has(file)) return "duplicate";
		const entry: ManifestEntry = { path: file, sha256: sha256Hex(bytes), size: bytes.length, ...meta };
		this.produced.set(file, entry);
		this.bytes += bytes.length;
		const absolute = path.join(this.root, file);
		const before = this.previous.get(file);
		// The manifest says these bytes are there; reading the file to be sure also repairs a mirror edited by hand.
		if (before && before.sha256 === entry.sha256 && before.size === entry.size && (await sameBytes(absolute, bytes))) {
			this.unchanged += 1;
			return "unchanged";
		}
		const directory = path.posix.dirname(file);
		await this.ensureDirectory(directory === "." ? "" : directory);
		this.temporaryCount += 1;
		const temporary = path.join(path.dirname(absolute), `.mirror-${process.pid}-${this.temporaryCount}.tmp`);
		try {
			await writeFile(temporary, bytes);
			await rename(temporary, absolute);
		} catch (error) {
			await unlink(temporary).catch(() => undefined);
			throw error;
		}
		this.written += 1;
		return "written";
	}

	/**
	 * Removes the files the previous manifest lists and this export did not
	 * produce, then the directories that leaves empty. Only files the mirror
	 * wrote itself are ever removed. Returns how many files went.
	 */
	async removeStale(): Promise<number> {
		let removed = 0;
		const emptied = new Set<string>();
		for (const entry of this.previous.values()) {
			if (this.produced.has(entry.path) || !isInsidePath(entry.path)) continue;
			const directory = path.posix.dirname(entry.path);
			if (!(await this.isSafeDirectory(directory === "." ? "" : directory))) continue;
			try {
				await unlink(path.join(this.root, entry.path));
				removed += 1;
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
			}
			for (let parent = directory; parent !== "." && parent !== ""; parent = path.posix.dirname(parent))
				emptied.add(parent);
		}
		// Deepest first, so a parent is tried after its children are gone.
		for (const directory of [...emptied].sort((a, b) => b.split("/").length - a.split("/").length)) {
			await rmdir(path.join(this.root, directory)).catch(() => undefined);
		}
		return removed;
	}

	/** Creates `directory` under the root one level at a time, refusing anything on the way that is not a real directory. */
	private async ensureDirectory(directory: string): Promise<void> {
		if (this.safeDirectories.has(directory)) return;
		const parent = path.posix.dirname(directory);
		await this.ensureDirectory(parent === "." ? "" : parent);
		const absolute = path.join(this.root, directory);
		const stats = await lstatOrUndefined(absolute);
		if (!stats)
			await mkdir(absolute).catch((error: NodeJS.ErrnoException) => {
				if (error.code !== "EEXIST") throw error;
			});
		else if (!stats.isDirectory())
			throw new Error(
				`${absolute} is in the way: it is not a directory${stats.isSymbolicLink() ? " but a symbolic link" : ""}`,
			);
		if (!stats && !(await lstatOrUndefined(absolute))?.isDirectory())
			throw new Error(`${absolute} could not be created`);
		this.safeDirectories.add(directory);
	}

	/** True when every directory from the root down to `directory` exists and is a real directory. */
	private async isSafeDirectory(directory: string): Promise<boolean> {
		if (this.safeDirectories.has(directory)) return true;
		const parent = path.posix.dirname(directory);
		if (!(await this.isSafeDirectory(parent === "." ? "" : parent))) return false;
		const stats = await lstatOrUndefined(path.join(this.root, directory));
		if (!stats?.isDirectory()) return false;
		this.safeDirectories.add(directory);
		return true;
	}
}
