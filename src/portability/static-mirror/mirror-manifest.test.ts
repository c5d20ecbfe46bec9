import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { isAppError } from "../../errors.js";
import {
	describeProblem,
	MANIFEST_FORMAT,
	MANIFEST_VERSION,
	type Manifest,
	readManifest,
	sha256Hex,
	verifyMirror,
	writeManifest,
} from "./mirror-manifest.js";

function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-manifest-"));
	onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
	return dir;
}

/** A mirror of two files with its manifest. */
async function smallMirror(): Promise<string> {
	const dir = tempDir();
	const files = { "index.html": "<p>home</p>", "news/index.html": "<p>news</p>" };
	for (const [file, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), text);
	}
	const manifest: Manifest = {
		format: MANIFEST_FORMAT,
		version: MANIFEST_VERSION,
		generatedAt: "2026-03-15T09:30:00.000Z",
		sourceUrl: "https://news.example.org",
		baseUrl: "https://news.example.org",
		fileLinks: false,
		complete: true,
		files: Object.entries(files).map(([file, text]) => ({
			path: file,
			sha256: sha256Hex(Buffer.from(text)),
			size: Buffer.byteLength(text),
		})),
	};
	await writeManifest(dir, manifest);
	return dir;
}

async function appErrorCode(promise: Promise<unknown>): Promise<string | undefined> {
	try {
		await promise;
		return undefined;
	} catch (error) {
		return isAppError(error) ? error.code : String(error);
	}
}

describe("the manifest", () => {
	it("is written in path order and read back", async () => {
		const dir = await smallMirror();
		const manifest = await readManifest(dir);
		expect(manifest?.files.map((entry) => entry.path)).toEqual(["index.html", "news/index.html"]);
		expect(fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
	});

	it("is absent from an empty directory", async () => {
		expect(await readManifest(tempDir())).toBeUndefined();
	});

	it("is refused when it is not JSON, not a mirror manifest, or names a path outside the mirror", async () => {
		const dir = tempDir();
		const file = path.join(dir, "manifest.json");
		fs.writeFileSync(file, "{");
		expect(await appErrorCode(readManifest(dir))).toBe("ERR_MIRROR_MANIFEST_INVALID");
		fs.writeFileSync(file, JSON.stringify({ format: "something else" }));
		expect(await appErrorCode(readManifest(dir))).toBe("ERR_MIRROR_MANIFEST_INVALID");
		const mirror = await smallMirror();
		const manifest = JSON.parse(fs.readFileSync(path.join(mirror, "manifest.json"), "utf8")) as Manifest;
		manifest.files.push({ path: "../outside.html", sha256: "0".repeat(64), size: 0 });
		fs.writeFileSync(file, JSON.stringify(manifest));
		expect(await appErrorCode(readManifest(dir))).toBe("ERR_MIRROR_MANIFEST_INVALID");
	});
});

describe("verifyMirror", () => {
	it("finds nothing wrong with an untouched mirror", async () => {
		expect(await verifyMirror(await smallMirror())).toEqual({ files: 2, problems: [] });
	});

	it("reports a changed byte, a changed size, a missing file and an extra file, one line each", async () => {
		const dir = await smallMirror();
		fs.writeFileSync(path.join(dir, "index.html"), "<p>hame</p>");
		fs.rmSync(path.join(dir, "news/index.html"));
		fs.mkdirSync(path.join(dir, "extra"));
		fs.writeFileSync(path.join(dir, "extra/page.html"), "x");
		const { problems } = await verifyMirror(dir);
		expect(problems.map(describeProblem).sort()).toEqual([
			"changed index.html (SHA-256 differs)",
			"extra extra/page.html",
			"missing news/index.html",
		]);
		fs.writeFileSync(path.join(dir, "index.html"), "<p>home!</p>");
		expect((await verifyMirror(dir)).problems.map(describeProblem)).toContain(
			"changed index.html (12 bytes, manifest says 11)",
		);
	});

	it("does not follow a symbolic link out of the mirror, and reports it", async () => {
		const dir = await smallMirror();
		const outside = tempDir();
		fs.writeFileSync(path.join(outside, "secret.html"), "x");
		fs.symlinkSync(outside, path.join(dir, "elsewhere"));
		expect((await verifyMirror(dir)).problems.map(describeProblem)).toEqual(["extra elsewhere"]);
	});

	it("needs a manifest", async () => {
		expect(await appErrorCode(verifyMirror(tempDir()))).toBe("ERR_MIRROR_MANIFEST_INVALID");
	});
});
