import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Files under `<dataDir>/media`, addressed by storage key (a relative path).
 * Writes go to a temporary name in the same directory and are renamed into
 * place, so a reader never sees half a file.
 */
export class MediaStorage {
	readonly root: string;

	constructor(dataDir: string) {
		this.root = path.join(path.resolve(dataDir), "media");
	}

	/** The absolute path of `key`, or undefined when it would fall outside the media root. */
	resolve(key: string): string | undefined {
		if (key === "" || key.includes("\0") || path.isAbsolute(key)) return undefined;
		const absolute = path.resolve(this.root, key);
		const relative = path.relative(this.root, absolute);
		const outside = relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
		if (relative === "" || outside) return undefined;
		return absolute;
	}

	/** Writes `data` at `key` atomically (temporary file, fsync, rename), replacing any file there. */
	async write(key: string, data: Uint8Array): Promise<void> {
		const target = this.require(key);
		await mkdir(path.dirname(target), { recursive: true });
		const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
		try {
			const handle = await open(temporary, "wx", 0o644);
			try {
				await handle.writeFile(data);
				await handle.sync();
			} finally {
				await handle.close();
			}
			await rename(temporary, target);
		} catch (error) {
			await rm(temporary, { force: true });
			throw error;
		}
	}

	/** Deletes the file at `key`; a missing file is not an error. */
	async remove(key: string): Promise<void> {
		await rm(this.require(key), { force: true });
	}

	private require(key: string): string {
		const absolute = this.resolve(key);
		if (!absolute) throw new Error(`Storage key outside the media root: ${JSON.stringify(key)}`);
		return absolute;
	}
}
