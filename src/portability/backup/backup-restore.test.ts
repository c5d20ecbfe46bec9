import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import sharp from "sharp";
import { c as createTar, t as listTar } from "tar";
import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.js";
import { openSqlite } from "../../db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "../../db/dialects/sqlite/sqlite-adapter.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createServices } from "../../services.js";
import { createBackup } from "./create-backup.js";
import { restoreBackup } from "./restore-backup.js";

const NOW = new Date("2026-03-15T09:30:00.000Z");
const clock = fixedClock(NOW);
const temporary: string[] = [];

function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-backup-unit-"));
	temporary.push(dir);
	return dir;
}

afterEach(() => {
	for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A small site on disk: two sections, a story and an uploaded image; the database is closed again. */
async function smallSite(): Promise<string> {
	const dataDir = tempDir();
	const db = openSqlite(path.join(dataDir, "dateline.sqlite"));
	await migrateToLatest(db, sqliteAdapter);
	const config = { timeZone: "UTC", dataDir, maxUploadBytes: 5_000_000 };
	const services = createServices({ db, adapter: sqliteAdapter, clock, config });
	const news = await services.sections.create({ name: "News", slug: "news" });
	const person = await services.people.create({ name: "Farida Amiri" });
	const image = await services.media.upload({
		bytes: await sharp({ create: { width: 400, height: 300, channels: 3, background: "#884400" } })
			.png()
			.toBuffer(),
		originalName: "photo.png",
		userId: null,
		alt: "A photo",
	});
	const id = await services.articles.createDraft({
		headline: "Saffron harvest begins in Herat",
		bodySource: "Growers say the harvest is early.",
		sectionId: news.id,
		personIds: [person.id],
		featuredMediaId: image.id,
	});
	await services.articles.publish(id);
	await db.destroy();
	return dataDir;
}

function mediaFiles(dataDir: string): string[] {
	const root = path.join(dataDir, "media");
	if (!fs.existsSync(root)) return [];
	return (fs.readdirSync(root, { recursive: true }) as string[])
		.filter((entry) => fs.statSync(path.join(root, entry)).isFile())
		.sort();
}

async function storyCount(dataDir: string): Promise<number> {
	const db = openSqlite(path.join(dataDir, "dateline.sqlite"));
	try {
		const rows = await db.selectFrom("articles").select("headline").execute();
		return rows.length;
	} finally {
		await db.destroy();
	}
}

describe("backup and restore", () => {
	it("writes one archive with the manifest, the database and every media file, and restores it elsewhere", async () => {
		const dataDir = await smallSite();
		const file = path.join(tempDir(), "site.tar.gz");
		const result = await createBackup({ config: { dataDir }, file, clock });
		expect(fs.existsSync(file)).toBe(true);
		expect(fs.existsSync(`${file}.partial`)).toBe(false);
		expect(fs.existsSync(`${file}.partial.d`)).toBe(false);
		expect(result.manifest).toMatchObject({
			format: "dateline-backup",
			version: 1,
			createdAt: NOW.toISOString(),
			database: { kind: "sqlite", path: "dateline.sqlite" },
			media: { files: mediaFiles(dataDir).length },
		});
		expect(result.manifest.migrations[0]).toBe("0001-foundation");

		const names: string[] = [];
		await listTar({ file, onReadEntry: (entry) => names.push(entry.path) });
		expect(names.slice(0, 2)).toEqual(["dateline-backup.json", "dateline.sqlite"]);
		expect(names.slice(2).sort()).toEqual(mediaFiles(dataDir).map((name) => `media/${name}`));

		const target = tempDir();
		const restored = await restoreBackup({ config: { dataDir: target }, file });
		expect(restored).toMatchObject({ articles: 1, replaced: false });
		expect(mediaFiles(target)).toEqual(mediaFiles(dataDir));
		expect(await storyCount(target)).toBe(1);
		// Nothing is left of the restore's working folder.
		expect(fs.readdirSync(target).sort()).toEqual(["dateline.sqlite", "media"]);
	});

	it("refuses a site with content unless forced, then replaces it", async () => {
		const dataDir = await smallSite();
		const file = path.join(tempDir(), "site.tar.gz");
		await createBackup({ config: { dataDir }, file, clock });
		const other = await smallSite();
		await expect(restoreBackup({ config: { dataDir: other }, file })).rejects.toMatchObject({
			code: "ERR_SITE_NOT_EMPTY",
		});
		const restored = await restoreBackup({ config: { dataDir: other }, file, force: true });
		expect(restored.replaced).toBe(true);
		expect(await storyCount(other)).toBe(1);
	});

	it("refuses to restore over a database another connection has open", async () => {
		const dataDir = await smallSite();
		const file = path.join(tempDir(), "site.tar.gz");
		await createBackup({ config: { dataDir }, file, clock });
		const other = await smallSite();
		const serving = openSqlite(path.join(other, "dateline.sqlite"));
		try {
			await serving.selectFrom("articles").select("id").execute();
			await expect(restoreBackup({ config: { dataDir: other }, file, force: true })).rejects.toMatchObject({
				code: "ERR_DATABASE_IN_USE",
			});
			// The served site is untouched.
			expect((await serving.selectFrom("articles").select("id").execute()).length).toBe(1);
		} finally {
			await serving.destroy();
		}
	});

	it("refuses an unfinished .partial file, a changed database and a cut archive", async () => {
		const dataDir = await smallSite();
		const file = path.join(tempDir(), "site.tar.gz");
		await createBackup({ config: { dataDir }, file, clock });
		const target = tempDir();

		fs.copyFileSync(file, `${file}.partial`);
		await expect(restoreBackup({ config: { dataDir: target }, file: `${file}.partial` })).rejects.toMatchObject({
			code: "ERR_BACKUP_INVALID",
			message: expect.stringContaining("unfinished backup"),
		});

		const cut = path.join(tempDir(), "cut.tar.gz");
		const bytes = fs.readFileSync(file);
		fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
		await expect(restoreBackup({ config: { dataDir: target }, file: cut })).rejects.toMatchObject({
			code: "ERR_BACKUP_INVALID",
		});

		// An archive whose database is not the one the manifest describes.
		const unpacked = tempDir();
		await import("tar").then((tar) => tar.x({ file, cwd: unpacked }));
		const copy = new SqliteDatabase(path.join(unpacked, "dateline.sqlite"));
		copy.prepare("UPDATE articles SET headline = 'Changed after the backup'").run();
		copy.close();
		const tampered = path.join(tempDir(), "tampered.tar.gz");
		await createTar({ file: tampered, gzip: true, cwd: unpacked }, fs.readdirSync(unpacked));
		await expect(restoreBackup({ config: { dataDir: target }, file: tampered })).rejects.toMatchObject({
			code: "ERR_BACKUP_INVALID",
			message: expect.stringContaining("does not match the checksum"),
		});
		expect(fs.readdirSync(target)).toEqual([]);
	});

	it("refuses entries that would land outside the data directory, and writes nothing there", async () => {
		const work = tempDir();
		const inside = path.join(work, "inside");
		fs.mkdirSync(path.join(inside, "media"), { recursive: true });
		fs.writeFileSync(path.join(work, "evil.txt"), "outside");
		fs.writeFileSync(path.join(inside, "dateline-backup.json"), "{}");
		fs.symlinkSync("/etc/passwd", path.join(inside, "media", "passwd"));
		const target = tempDir();
		const cases: [string, string[]][] = [
			["dotdot.tar", ["dateline-backup.json", "../evil.txt"]],
			["absolute.tar", ["dateline-backup.json", path.join(work, "evil.txt")]],
			["symlink.tar", ["dateline-backup.json", "media/passwd"]],
		];
		for (const [name, entries] of cases) {
			const archive = path.join(work, name);
			await createTar({ file: archive, cwd: inside, preservePaths: true }, entries);
			await expect(restoreBackup({ config: { dataDir: target }, file: archive }), name).rejects.toMatchObject({
				code: "ERR_BACKUP_INVALID",
				message: expect.stringMatching(/an absolute path|'\.\.'|SymbolicLink/),
			});
		}
		expect(fs.readdirSync(target)).toEqual([]);
		expect(fs.readdirSync(work).sort()).toEqual(["absolute.tar", "dotdot.tar", "evil.txt", "inside", "symlink.tar"]);
	});

	it("starts afresh when a killed run left a partial file behind", async () => {
		const dataDir = await smallSite();
		const file = path.join(tempDir(), "site.tar.gz");
		fs.writeFileSync(`${file}.partial`, "left by a killed run");
		fs.mkdirSync(`${file}.partial.d`);
		fs.writeFileSync(path.join(`${file}.partial.d`, "dateline.sqlite"), "half a copy");
		await createBackup({ config: { dataDir }, file, clock });
		expect(fs.existsSync(`${file}.partial`)).toBe(false);
		expect(fs.existsSync(`${file}.partial.d`)).toBe(false);
		const target = tempDir();
		expect((await restoreBackup({ config: { dataDir: target }, file })).articles).toBe(1);
	});
});
