import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SqliteDatabase from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { openSqlite } from "../../src/db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "../../src/db/dialects/sqlite/sqlite-adapter.js";
import { createServices } from "../../src/services.js";
import { freePort, requireBuiltCli, runCli, startCli, waitFor } from "../support/cli-runner.js";

const STORIES = 2000;
let work: string;
const children: { kill(signal: NodeJS.Signals): boolean }[] = [];

beforeAll(() => {
	requireBuiltCli();
	work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-backup-live-"));
});

afterAll(() => {
	for (const child of children) child.kill("SIGTERM");
	fs.rmSync(work, { recursive: true, force: true });
});

describe("a backup while the site serves and the newsroom publishes", () => {
	it("restores to a database that passes integrity_check and holds a consistent run of stories", async () => {
		const dataDir = path.join(work, "site");
		const seeded = await runCli(["seed-synthetic", "--articles", String(STORIES)], { DATELINE_DATA_DIR: dataDir });
		expect(seeded.code, seeded.stderr).toBe(0);

		// A real server on the site.
		const port = await freePort();
		const server = startCli(["serve", "--no-demo"], {
			DATELINE_DATA_DIR: dataDir,
			PORT: String(port),
			DATELINE_HOST: "127.0.0.1",
		});
		children.push(server.child);
		await waitFor(() => server.stdout().includes("Dateline is serving"), "the server to start", 30_000);

		// The newsroom: this process publishes story after story, each with its byline and tag in one transaction.
		const db = openSqlite(path.join(dataDir, "dateline.sqlite"));
		const services = createServices({
			db,
			adapter: sqliteAdapter,
			clock: systemClock,
			config: { timeZone: "UTC", dataDir, maxUploadBytes: 1_000_000 },
		});
		const section = await db.selectFrom("sections").select("id").orderBy("id").executeTakeFirstOrThrow();
		const person = await db.selectFrom("people").select("id").orderBy("id").executeTakeFirstOrThrow();
		let published = 0;
		let writing = true;
		const writer = (async () => {
			while (writing) {
				const n = published + 1;
				await db.transaction().execute(async (trx) => {
					const id = await services.articles.createDraft(
						{
							headline: `Live story ${n} from the night desk`,
							bodySource: `Live story number ${n}, filed while the backup ran.`,
							sectionId: section.id,
							personIds: [person.id],
							tagNames: ["Live desk"],
						},
						{ db: trx },
					);
					await services.articles.publish(id, { db: trx });
				});
				published = n;
				await new Promise((resolve) => setImmediate(resolve));
			}
		})();
		await waitFor(() => published >= 5, "the first live stories");

		const file = path.join(work, "live.tar.gz");
		const before = published;
		const backup = startCli(["backup", file, "--pages-per-step", "5"], { DATELINE_DATA_DIR: dataDir });
		let backupRunning = true;
		void backup.done.then(() => {
			backupRunning = false;
		});
		let pagesServed = 0;
		while (backupRunning) {
			const response = await fetch(`http://127.0.0.1:${port}/`);
			expect(response.status).toBe(200);
			await response.arrayBuffer();
			pagesServed += 1;
		}
		const result = await backup.done;
		const after = published;
		writing = false;
		await writer;
		await db.destroy();
		expect(result.code, result.stderr).toBe(0);
		// Restoring over the running site is refused, even with --force, and changes nothing.
		const overLive = await runCli(["restore", file, "--force"], { DATELINE_DATA_DIR: dataDir });
		expect(overLive.code).toBe(1);
		expect(overLive.stderr).toContain("ERR_DATABASE_IN_USE");
		expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
		expect(fs.readdirSync(dataDir).filter((name) => name.startsWith(".restore-"))).toEqual([]);
		expect(pagesServed).toBeGreaterThan(0);
		// Stories were published while the backup ran.
		expect(after).toBeGreaterThan(before);

		const target = path.join(work, "restored");
		const restored = await runCli(["restore", file], { DATELINE_DATA_DIR: target });
		expect(restored.code, restored.stderr).toBe(0);
		const restoredFile = path.join(target, "dateline.sqlite");
		const raw = new SqliteDatabase(restoredFile, { readonly: true });
		expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
		raw.close();

		const copy = openSqlite(restoredFile);
		try {
			const live = await copy
				.selectFrom("articles")
				.select(["id", "headline", "status"])
				.where("headline", "like", "Live story %")
				.orderBy("id")
				.execute();
			const numbers = live.map((row) => Number(/Live story (\d+) /.exec(row.headline)?.[1]));
			// The copy is the site at one instant: stories 1…m, none missing, none half-written.
			expect(numbers).toEqual(numbers.map((_, index) => index + 1));
			expect(numbers.length).toBeGreaterThanOrEqual(before);
			expect(numbers.length).toBeLessThanOrEqual(after);
			expect(live.every((row) => row.status === "published")).toBe(true);
			const ids = live.map((row) => row.id);
			const bylines = await copy
				.selectFrom("article_people")
				.select("article_id")
				.where("article_id", "in", ids)
				.execute();
			const tags = await copy.selectFrom("article_tags").select("article_id").where("article_id", "in", ids).execute();
			expect(bylines.length).toBe(ids.length);
			expect(tags.length).toBe(ids.length);
			const indexed = await sql<{ n: number }>`SELECT count(*) AS n FROM article_fts`.execute(copy);
			const publishedRows = await copy
				.selectFrom("articles")
				.select((eb) => eb.fn.countAll<number>().as("n"))
				.where("status", "=", "published")
				.executeTakeFirstOrThrow();
			expect(indexed.rows[0]?.n).toBe(Number(publishedRows.n));
			expect(Number(publishedRows.n)).toBe(STORIES + ids.length);
		} finally {
			await copy.destroy();
		}
	}, 180_000);
});
