import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticWxr } from "../../src/demo/synthetic-wxr.js";
import { requireBuiltCli, runCli, startCli } from "../support/cli-runner.js";

const POSTS = 1200;
const BATCH = 250;

function counts(file: string): { articles: number; keys: number; integrity: string } {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const articles = (db.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
		const keys = (db.prepare("SELECT count(*) AS n FROM import_keys WHERE kind = 'post'").get() as { n: number }).n;
		const integrity = (db.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check;
		return { articles, keys, integrity };
	} finally {
		db.close();
	}
}

describe("a WordPress import killed midway", () => {
	beforeAll(() => requireBuiltCli());

	it("leaves whole batches only, and a re-run finishes without creating anything twice", async () => {
		const work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-import-crash-"));
		const dataDir = path.join(work, "site");
		const file = path.join(work, "export.xml");
		await writeSyntheticWxr(file, { posts: POSTS, seed: 11 });
		const database = path.join(dataDir, "dateline.sqlite");
		expect((await runCli(["init"], { DATELINE_DATA_DIR: dataDir })).code).toBe(0);

		const run = startCli(["import", "wordpress", file], { DATELINE_DATA_DIR: dataDir });
		// Kill it once the first batch of stories has landed and before the last.
		let seen = 0;
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			seen = counts(database).keys;
			if (seen >= BATCH) break;
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		run.child.kill("SIGKILL");
		const killed = await run.done;
		expect(killed.signal).toBe("SIGKILL");

		const after = counts(database);
		expect(after.integrity).toBe("ok");
		expect(after.keys, "the kill landed while stories were being written").toBeGreaterThanOrEqual(BATCH);
		expect(after.keys).toBeLessThan(POSTS);
		// Every story written has its key, and stories land a whole batch at a time.
		expect(after.articles).toBe(after.keys);
		expect(after.keys % BATCH).toBe(0);

		const again = await runCli(["import", "wordpress", file, "--json"], { DATELINE_DATA_DIR: dataDir });
		expect(again.code, again.stderr).toBe(0);
		const report = JSON.parse(again.stdout) as { counts: { post: Record<string, number> } };
		expect(report.counts.post).toEqual({ imported: POSTS - after.keys, updated: 0, unchanged: after.keys, skipped: 0 });
		const done = counts(database);
		expect(done).toEqual({ articles: POSTS, keys: POSTS, integrity: "ok" });
		fs.rmSync(work, { recursive: true, force: true });
	}, 240_000);
});
