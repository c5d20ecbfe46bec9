import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createTestSite } from "../../test/support/test-site.js";
import { SITE_KEY } from "./purge-bus.js";
import { watchExternalWrites } from "./sqlite-external-writes.js";

describe("writes by another process", () => {
	it("drop every cached page; this process's own writes do not", async () => {
		const site = await createTestSite();
		const purged: string[][] = [];
		const unsubscribe = site.purge.subscribe((keys) => purged.push([...keys]));
		const watch = watchExternalWrites({ db: site.db, purge: site.purge, intervalMs: 20 });
		try {
			await new Promise((resolve) => setTimeout(resolve, 60));
			await site.db.insertInto("settings").values({ key: "own", value: "1" }).execute();
			await new Promise((resolve) => setTimeout(resolve, 80));
			expect(purged).toEqual([]);

			const other = new Database(path.join(site.config.dataDir, "dateline.sqlite"));
			other.prepare("INSERT INTO settings (key, value) VALUES ('other', '1')").run();
			other.close();
			const deadline = Date.now() + 2000;
			while (purged.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
			expect(purged).toEqual([[SITE_KEY]]);
		} finally {
			await watch.stop();
			unsubscribe();
			await site.close();
		}
	});
});
