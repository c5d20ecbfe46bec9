import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MediaStorage } from "./media-storage.js";

let dataDir: string;
let storage: MediaStorage;

beforeEach(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-media-"));
	storage = new MediaStorage(dataDir);
});

afterEach(() => {
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("MediaStorage", () => {
	it("resolves keys inside the media root only", () => {
		expect(storage.resolve("variants/ab/x.webp")).toBe(path.join(dataDir, "media", "variants", "ab", "x.webp"));
		for (const key of ["", ".", "..", "../dateline.sqlite", "variants/../../x", "/etc/passwd", "a\0b", "..\\..\\x"]) {
			const resolved = storage.resolve(key);
			if (resolved !== undefined) expect(resolved.startsWith(`${storage.root}${path.sep}`), key).toBe(true);
		}
		expect(storage.resolve("../dateline.sqlite")).toBeUndefined();
		expect(storage.resolve("/etc/passwd")).toBeUndefined();
		expect(storage.resolve("a\0b")).toBeUndefined();
		expect(storage.resolve("")).toBeUndefined();
	});

	it("writes through a temporary file, replaces an existing one, and removes quietly", async () => {
		await storage.write("originals/ab/one.jpg", Buffer.from("first"));
		await storage.write("originals/ab/one.jpg", Buffer.from("second"));
		const dir = path.join(storage.root, "originals", "ab");
		expect(fs.readdirSync(dir)).toEqual(["one.jpg"]);
		expect(fs.readFileSync(path.join(dir, "one.jpg"), "utf8")).toBe("second");
		await storage.remove("originals/ab/one.jpg");
		await storage.remove("originals/ab/one.jpg");
		expect(fs.readdirSync(dir)).toEqual([]);
		await expect(storage.write("../escape.jpg", Buffer.from("x"))).rejects.toThrow(/outside the media root/);
		expect(fs.existsSync(path.join(dataDir, "escape.jpg"))).toBe(false);
	});
});
