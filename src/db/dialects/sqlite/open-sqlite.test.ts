import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestSite } from "../../../../test/support/test-site.js";
import { importFixture } from "../../../../test/support/wordpress.js";
import { writeSyntheticWxr } from "../../../demo/synthetic-wxr.js";
import { openSqlite } from "./open-sqlite.js";

describe("opening a SQLite database", () => {
	it("gathers planner statistics, so a page of stories by id is read by primary key, not by status", async () => {
		const site = await createTestSite();
		const work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-open-"));
		const file = path.join(work, "export.xml");
		await writeSyntheticWxr(file, { posts: 300, seed: 2 });
		await importFixture(site, file);
		const database = path.join(work, "copy.sqlite");
		await sql`VACUUM INTO ${database}`.execute(site.db);
		await site.close();

		const db = openSqlite(database);
		try {
			const stats = await sql<{ tbl: string }>`SELECT tbl FROM sqlite_stat1 WHERE tbl = 'articles'`.execute(db);
			expect(stats.rows.length).toBeGreaterThan(0);
			const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
				SELECT articles.id FROM articles JOIN sections ON sections.id = articles.section_id
				WHERE articles.status = 'published' AND articles.id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)`.execute(db);
			expect(plan.rows.map((row) => row.detail)).toContain("SEARCH articles USING INTEGER PRIMARY KEY (rowid=?)");
		} finally {
			await db.destroy();
			fs.rmSync(work, { recursive: true, force: true });
		}
	}, 60_000);
});
