import { createHash } from "node:crypto";
import { createReadStream, type Dirent } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";

/** One regular file under a folder: its path relative to that folder (with "/"), and its size. */
export interface ListedFile {
	relative: string;
	bytes: number;
}

/**
 * Every regular file under `root`, sorted by path; nothing when it does not
 * exist. Links are skipped, and so are `*.tmp` files, which media storage
 * writes and renames into place.
 */
export async function listFiles(root: string): Promise<ListedFile[]> {
	let entries: Dirent[];
	try {
		entries = await readdir(root, { recursive: true, withFileTypes: true });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
		throw error;
	}
	const files: ListedFile[] = [];
	for (const entry of entries) {
		if (!entry.isFile() || entry.name.endsWith(".tmp")) continue;
		const absolute = path.join(entry.parentPath, entry.name);
		try {
			const { size } = await stat(absolute);
			files.push({ relative: path.relative(root, absolute).split(path.sep).join("/"), bytes: size });
		} catch (error) {
			// Gone since the folder was read (an upload that lost a race deletes its copies): not part of the site.
			if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
		}
	}
	return files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}

/** The sha256 of a file in lower-case hex, read as a stream. */
export async function sha256File(file: string): Promise<string> {
	const hash = createHash("sha256");
	await pipeline(createReadStream(file), hash);
	return hash.digest("hex");
}

/** Flushes a file's or a folder's entry to disk, so a rename that follows survives a power cut. */
export async function syncPath(target: string): Promise<void> {
	const handle = await open(target, "r");
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}
