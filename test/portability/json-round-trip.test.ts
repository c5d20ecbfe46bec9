import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database.js";
import type { DialectAdapter } from "../../src/db/dialects/dialect.js";
import { sqliteAdapter } from "../../src/db/dialects/sqlite/sqlite-adapter.js";
import { exportJson } from "../../src/portability/json/json-export.js";
import { COLLECTIONS } from "../../src/portability/json/json-format.js";
import { importJson } from "../../src/portability/json/json-import.js";
import { parseJsonExport, readExportText } from "../../src/portability/json/json-read.js";
import { dialects, skippedDialects } from "../contract/dialects.js";
import type { TestSite } from "../support/test-site.js";
import { appOver, crawl, createFullSite, emptySqliteSite } from "./portability-fixture.js";

/** The whole export as one string (the export itself streams; tests want to compare). */
async function exportText(db: Db, adapter: DialectAdapter): Promise<string> {
	const chunks: Buffer[] = [];
	const out = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			chunks.push(chunk);
			callback();
		},
	});
	await exportJson({ db, adapter, out, batchSize: 7 });
	return Buffer.concat(chunks).toString("utf8");
}

describe("moving a site through the JSON format", () => {
	let site: TestSite;
	let original: string;

	beforeAll(async () => {
		site = await createFullSite();
		original = await exportText(site.db, sqliteAdapter);
	}, 120_000);

	afterAll(async () => {
		await site?.close();
	});

	it("holds rows in every collection of the demo site with its extras", async () => {
		const document = await parseJsonExport(original);
		for (const spec of COLLECTIONS) expect(document.collections.get(spec.name)?.length, spec.name).toBeGreaterThan(0);
		expect(original.startsWith('{\n  "format": "dateline",\n  "version": 1,\n')).toBe(true);
	});

	it("gives byte-identical JSON after SQLite → JSON → fresh SQLite → JSON, and the same public pages", async () => {
		const restored = await emptySqliteSite();
		try {
			const result = await importJson({ db: restored.db, adapter: sqliteAdapter, records: readExportText(original) });
			expect(result.indexed).toBeGreaterThan(30);
			expect(await exportText(restored.db, sqliteAdapter)).toBe(original);

			const before = await crawl(site.app);
			const restoredApp = await appOver({
				db: restored.db,
				adapter: sqliteAdapter,
				dataDir: restored.dataDir,
				like: site,
			});
			try {
				const after = await crawl(restoredApp);
				expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
				for (const [url, page] of before) expect(after.get(url), url).toBe(page);
				// The crawl reached every kind of public page, and searches found stories.
				const urls = [...before.keys()];
				for (const kind of [/^\/\d{4}\/\d{2}\/\d{2}\//, /^\/author\//, /^\/tag\//, /^\/feed/, /^\/sitemap/])
					expect(
						urls.some((url) => kind.test(url)),
						String(kind),
					).toBe(true);
				expect(before.get("/search?q=kabul")).toMatch(/href="\/\d{4}\/\d{2}\/\d{2}\//);
				expect(urls.length).toBeGreaterThan(100);
			} finally {
				await restoredApp.close();
			}
		} finally {
			await restored.close();
		}
	}, 120_000);

	it("passes bodies from a file through the allowlist, so stored HTML is safe to send as it is", async () => {
		const document = JSON.parse(original) as Record<string, Record<string, unknown>[]>;
		const [story] = document.articles ?? [];
		const [page] = document.pages ?? [];
		if (!story || !page) throw new Error("the export holds a story and a page");
		const attack =
			'<p>Kept.</p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">link</a>';
		story.body_html = attack;
		page.body_html = attack;
		const restored = await emptySqliteSite();
		try {
			await importJson({
				db: restored.db,
				adapter: sqliteAdapter,
				records: readExportText(JSON.stringify(document, null, 2)),
			});
			const stored = [
				await restored.db
					.selectFrom("articles")
					.select("body_html")
					.where("id", "=", Number(story.id))
					.executeTakeFirstOrThrow(),
				await restored.db
					.selectFrom("pages")
					.select("body_html")
					.where("id", "=", Number(page.id))
					.executeTakeFirstOrThrow(),
			];
			for (const { body_html } of stored) {
				expect(body_html).toContain("<p>Kept.</p>");
				expect(body_html).not.toMatch(/<script|onerror|javascript:/i);
			}
		} finally {
			await restored.close();
		}
	});

	it("refuses to import into a database that has content, and writes nothing", async () => {
		await expect(
			importJson({ db: site.db, adapter: sqliteAdapter, records: readExportText(original) }),
		).rejects.toMatchObject({ code: "ERR_SITE_NOT_EMPTY" });
		expect(await exportText(site.db, sqliteAdapter)).toBe(original);
	});

	const postgres = dialects.find((dialect) => dialect.name === "postgres");
	it.skipIf(postgres === undefined)(
		`gives identical JSON after SQLite → JSON → PostgreSQL → JSON${postgres ? "" : ` (skipped: ${skippedDialects[0]?.reason})`}`,
		async () => {
			const target = await (postgres as NonNullable<typeof postgres>).open();
			try {
				await importJson({ db: target.db, adapter: target.adapter, records: readExportText(original) });
				expect(await exportText(target.db, target.adapter)).toBe(original);
				// Ids continue after the imported ones: the sequences were moved.
				const next = await target.db
					.insertInto("tags")
					.values({ slug: "after-import", name: "After import" })
					.returning("id")
					.executeTakeFirstOrThrow();
				const highest = Math.max(
					...((await parseJsonExport(original)).collections.get("tags") ?? []).map((t) => Number(t.id)),
				);
				expect(next.id).toBe(highest + 1);
				// Search works on the imported stories.
				const app = await appOver({ db: target.db, adapter: target.adapter, dataDir: "/nonexistent", like: site });
				try {
					const page = await app.inject({ method: "GET", url: "/search?q=kabul" });
					expect(page.statusCode).toBe(200);
					expect(page.body).toMatch(/href="\/\d{4}\/\d{2}\/\d{2}\//);
				} finally {
					await app.close();
				}
			} finally {
				await target.close();
			}
		},
		120_000,
	);
});
