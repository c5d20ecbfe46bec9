import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../../src/db/dialects/sqlite/open-sqlite.js";
import { requireBuiltCli, runCli, startCli, waitFor } from "../support/cli-runner.js";

const STORIES = 3000;
let work: string;

beforeAll(() => {
	requireBuiltCli();
	work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-backup-crash-"));
});

afterAll(() => {
	fs.rmSync(work, { recursive: true, force: true });
});

function integrity(file: string): string {
	const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
	try {
		return (db.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check).join("; ");
	} finally {
		db.close();
	}
}

describe("a backup killed part-way", () => {
	it("leaves the site intact and no finished-looking archive; a second run completes and restores", async () => {
		const dataDir = path.join(work, "site");
		const seeded = await runCli(["seed-synthetic", "--articles", String(STORIES)], { DATELINE_DATA_DIR: dataDir });
		expect(seeded.code, seeded.stderr).toBe(0);
		const database = path.join(dataDir, "dateline.sqlite");
		const file = path.join(work, "site.tar.gz");
		const partial = `${file}.partial`;

		// 48 MB that do not compress, so that writing the archive takes a while.
		const bulky = path.join(dataDir, "media", "originals", "ab", `${"ab".repeat(32)}.jpg`);
		fs.mkdirSync(path.dirname(bulky), { recursive: true });
		fs.writeFileSync(bulky, randomBytes(48 * 1024 * 1024));

		// Killed twice: while the database is being copied, and while the archive is being written.
		const killPoints = [
			{ line: "Copying the database", file: `${partial}.d`, minBytes: 0 },
			{ line: "Writing the archive", file: partial, minBytes: 1 },
		];
		for (const point of killPoints) {
			const backup = startCli(["backup", file, "--pages-per-step", "1"], { DATELINE_DATA_DIR: dataDir });
			const reached = () =>
				backup.stdout().includes(point.line) &&
				fs.existsSync(point.file) &&
				fs.statSync(point.file).size >= point.minBytes;
			await waitFor(reached, point.line);
			const landedMidway = !backup.stdout().includes("Backed up") && !fs.existsSync(file);
			backup.child.kill("SIGKILL");
			const killed = await backup.done;
			expect(landedMidway, point.line).toBe(true);
			expect(killed.signal).toBe("SIGKILL");
			expect(killed.stdout).not.toContain("Backed up");
			expect(fs.existsSync(file)).toBe(false);
			expect(fs.existsSync(point.file)).toBe(true);
		}
		expect(fs.statSync(partial).size).toBeGreaterThan(0);

		// The site's database is untouched by the copy: it opens and passes the full integrity check.
		expect(integrity(database)).toBe("ok");
		const site = openSqlite(database);
		const count = await site
			.selectFrom("articles")
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.executeTakeFirstOrThrow();
		await site.destroy();
		expect(Number(count.n)).toBe(STORIES);

		// What the killed run left is refused by restore.
		const target = path.join(work, "restored");
		const refused = await runCli(["restore", partial], { DATELINE_DATA_DIR: target });
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain("ERR_BACKUP_INVALID");
		expect(refused.stderr).toContain("unfinished backup");

		// Run again: it starts afresh, finishes, and the archive restores.
		const again = await runCli(["backup", file], { DATELINE_DATA_DIR: dataDir });
		expect(again.code, again.stderr).toBe(0);
		expect(again.stdout).toContain("Backed up to");
		expect(fs.existsSync(file)).toBe(true);
		expect(fs.existsSync(partial)).toBe(false);
		expect(fs.existsSync(`${partial}.d`)).toBe(false);
		const restored = await runCli(["restore", file], { DATELINE_DATA_DIR: target });
		expect(restored.code, restored.stderr).toBe(0);
		expect(restored.stdout).toContain(`${STORIES} stories`);
		const restoredBulky = path.join(target, "media", path.relative(path.join(dataDir, "media"), bulky));
		expect(fs.readFileSync(restoredBulky).equals(fs.readFileSync(bulky))).toBe(true);
		expect(integrity(path.join(target, "dateline.sqlite"))).toBe("ok");
	}, 180_000);
});
