import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "./open-sqlite.js";

/**
 * Another connection to the same file, on a thread of its own so that its lock
 * is held while this thread's SQLite call waits: it takes the write lock,
 * reports, keeps it for `holdMs`, commits and reports again.
 */
function holdWriteLock(file: string, holdMs: number): { locked: Promise<void>; released: Promise<void> } {
	const worker = new Worker(
		`const { parentPort, workerData } = require("node:worker_threads");
		const Database = require("better-sqlite3");
		const db = new Database(workerData.file);
		db.exec("BEGIN IMMEDIATE");
		db.prepare("INSERT INTO notes (text) VALUES ('from the other writer')").run();
		parentPort.postMessage("locked");
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
		db.exec("COMMIT");
		db.close();
		parentPort.postMessage("released");`,
		{ eval: true, workerData: { file, holdMs } },
	);
	const message = (expected: string) =>
		new Promise<void>((resolve, reject) => {
			worker.on("message", (value) => value === expected && resolve());
			worker.on("error", reject);
		});
	return { locked: message("locked"), released: message("released") };
}

let work: string;
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

async function notesFile() {
	work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-write-lock-"));
	const file = path.join(work, "site.sqlite");
	const db = openSqlite(file);
	await sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`.execute(db);
	return { file, db };
}

describe("a SQLite transaction while another process holds the write lock", () => {
	it("waits for the lock and commits, instead of failing with SQLITE_BUSY when it first writes", async () => {
		const { file, db } = await notesFile();
		try {
			const other = holdWriteLock(file, 300);
			await other.locked;
			// Reads first, then writes: the shape of publishing a story (look up, then insert).
			const total = await db.transaction().execute(async (trx) => {
				await sql`SELECT count(*) AS n FROM notes`.execute(trx);
				await sql`INSERT INTO notes (text) VALUES ('from this process')`.execute(trx);
				return sql<{ n: number }>`SELECT count(*) AS n FROM notes`.execute(trx);
			});
			await other.released;
			// The transaction began after the other writer committed, so it saw that row too.
			expect(total.rows[0]?.n).toBe(2);
		} finally {
			await db.destroy();
		}
	});

	it("takes no write lock for a read-only transaction, so writers elsewhere go on while it reads", async () => {
		const { file, db } = await notesFile();
		try {
			const seen = await db
				.transaction()
				.setAccessMode("read only")
				.execute(async (trx) => {
					const before = await sql<{ n: number }>`SELECT count(*) AS n FROM notes`.execute(trx);
					const other = holdWriteLock(file, 10);
					await other.locked;
					await other.released;
					const after = await sql<{ n: number }>`SELECT count(*) AS n FROM notes`.execute(trx);
					return [before.rows[0]?.n, after.rows[0]?.n];
				});
			// One snapshot throughout: the other writer's row is not seen inside, and is there after.
			expect(seen).toEqual([0, 0]);
			const now = await sql<{ n: number }>`SELECT count(*) AS n FROM notes`.execute(db);
			expect(now.rows[0]?.n).toBe(1);
		} finally {
			await db.destroy();
		}
	});
});
