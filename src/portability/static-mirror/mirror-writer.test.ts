import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { MirrorWriter } from "./mirror-writer.js";

function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-writer-"));
	onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
	return dir;
}

const bytes = (text: string) => Buffer.from(text);

describe("MirrorWriter", () => {
	it("writes new files, skips those the previous manifest holds unchanged, and rewrites the rest", async () => {
		const dir = tempDir();
		const first = new MirrorWriter(dir);
		expect(await first.put("index.html", bytes("home"))).toBe("written");
		expect(await first.put("news/provinces/index.html", bytes("provinces"))).toBe("written");
		expect(await first.put("index.html", bytes("again"))).toBe("duplicate");

		const second = new MirrorWriter(dir, first.entries());
		expect(await second.put("index.html", bytes("home"))).toBe("unchanged");
		expect(await second.put("news/provinces/index.html", bytes("provinces, edited"))).toBe("written");
		expect([second.written, second.unchanged]).toEqual([1, 1]);
		expect(fs.readFileSync(path.join(dir, "news/provinces/index.html"), "utf8")).toBe("provinces, edited");
		expect(fs.readdirSync(path.join(dir, "news/provinces"))).toEqual(["index.html"]);
	});

	it("rewrites a file edited by hand even though the manifest says its bytes are there", async () => {
		const dir = tempDir();
		const first = new MirrorWriter(dir);
		await first.put("index.html", bytes("home"));
		fs.writeFileSync(path.join(dir, "index.html"), "hone");
		const second = new MirrorWriter(dir, first.entries());
		expect(await second.put("index.html", bytes("home"))).toBe("written");
		expect(fs.readFileSync(path.join(dir, "index.html"), "utf8")).toBe("home");
	});

	it("removes only files the previous export wrote and this one did not, and the directories left empty", async () => {
		const dir = tempDir();
		const first = new MirrorWriter(dir);
		await first.put("index.html", bytes("home"));
		await first.put("2026/03/14/gone/index.html", bytes("gone"));
		await first.put("2026/03/15/kept/index.html", bytes("kept"));
		fs.writeFileSync(path.join(dir, "CNAME"), "mirror.example\n");

		const second = new MirrorWriter(dir, first.entries());
		await second.put("index.html", bytes("home"));
		await second.put("2026/03/15/kept/index.html", bytes("kept"));
		expect(await second.removeStale()).toBe(1);
		expect(fs.existsSync(path.join(dir, "2026/03/14"))).toBe(false);
		expect(fs.existsSync(path.join(dir, "2026/03/15/kept/index.html"))).toBe(true);
		expect(fs.readFileSync(path.join(dir, "CNAME"), "utf8")).toBe("mirror.example\n");
	});

	it("never writes through a symbolic link to a directory outside the mirror", async () => {
		const dir = tempDir();
		const outside = tempDir();
		fs.symlinkSync(outside, path.join(dir, "news"));
		const writer = new MirrorWriter(dir);
		await expect(writer.put("news/index.html", bytes("x"))).rejects.toThrow(/symbolic link/);
		await expect(writer.put("news/provinces/index.html", bytes("x"))).rejects.toThrow(/symbolic link/);
		expect(fs.readdirSync(outside)).toEqual([]);
	});

	it("never removes through a symbolic link, even when the manifest lists the file", async () => {
		const dir = tempDir();
		const outside = tempDir();
		fs.writeFileSync(path.join(outside, "index.html"), "keep me");
		fs.symlinkSync(outside, path.join(dir, "news"));
		const writer = new MirrorWriter(dir, [{ path: "news/index.html", sha256: "0".repeat(64), size: 7 }]);
		expect(await writer.removeStale()).toBe(0);
		expect(fs.readFileSync(path.join(outside, "index.html"), "utf8")).toBe("keep me");
	});

	it("refuses a path that leaves the mirror", async () => {
		const writer = new MirrorWriter(tempDir());
		await expect(writer.put("../escape.html", bytes("x"))).rejects.toThrow(/outside the mirror/);
		await expect(writer.put("/etc/escape.html", bytes("x"))).rejects.toThrow(/outside the mirror/);
	});
});
