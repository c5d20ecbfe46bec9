import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { openPostgres } from "../../src/db/dialects/postgres/open-postgres.js";
import { postgresAdapter } from "../../src/db/dialects/postgres/postgres-adapter.js";
import { openSqlite } from "../../src/db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "../../src/db/dialects/sqlite/sqlite-adapter.js";
import { createBackup } from "../../src/portability/backup/create-backup.js";
import { restoreBackup } from "../../src/portability/backup/restore-backup.js";
import { skippedDialects } from "../contract/dialects.js";
import { TEST_NOW, type TestSite } from "../support/test-site.js";
import { appOver, crawl, createFullSite } from "./portability-fixture.js";

const clock = fixedClock(TEST_NOW);
const databaseUrl = process.env.TEST_DATABASE_URL;
let site: TestSite;
let work: string;
let archive: string;
let pagesBefore: Map<string, string>;

beforeAll(async () => {
	site = await createFullSite();
	work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-backup-full-"));
	archive = path.join(work, "site.tar.gz");
	await createBackup({ config: { dataDir: site.config.dataDir }, file: archive, clock });
	pagesBefore = await crawl(site.app);
}, 120_000);

afterAll(async () => {
	await site?.close();
	fs.rmSync(work, { recursive: true, force: true });
});

/** Every file under `dir`, relative, with its bytes. */
function files(dir: string): Map<string, string> {
	const found = new Map<string, string>();
	if (!fs.existsSync(dir)) return found;
	for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
		const absolute = path.join(dir, entry);
		if (fs.statSync(absolute).isFile()) found.set(entry, fs.readFileSync(absolute).toString("base64"));
	}
	return found;
}

/** A PostgreSQL URL whose connections use only `schema`, so a test's restore stays in a schema of its own. */
function urlWithSchema(url: string, schema: string): string {
	const parsed = new URL(url);
	parsed.searchParams.set("options", `-c search_path=${schema}`);
	return parsed.toString();
}

describe("backup and restore of the demo site with media", () => {
	it("restores the same public pages and the same media files into an empty data directory", async () => {
		const dataDir = path.join(work, "restored");
		const result = await restoreBackup({ config: { dataDir }, file: archive });
		expect(result.manifest.media.files).toBeGreaterThan(5);
		expect(files(path.join(dataDir, "media"))).toEqual(files(path.join(site.config.dataDir, "media")));
		const db = openSqlite(path.join(dataDir, "dateline.sqlite"));
		const app = await appOver({ db, adapter: sqliteAdapter, dataDir, like: site });
		try {
			const after = await crawl(app);
			expect([...after.keys()].sort()).toEqual([...pagesBefore.keys()].sort());
			for (const [url, page] of pagesBefore) expect(after.get(url), url).toBe(page);
			// The featured image is served from the restored media folder.
			const image = /src="(\/media\/variants\/[^"]+)"/.exec(pagesBefore.get("/") ?? "")?.[1];
			if (image) expect((await app.inject({ method: "GET", url: image })).statusCode).toBe(200);
		} finally {
			await app.close();
			await db.destroy();
		}
	}, 120_000);

	it.skipIf(databaseUrl === undefined)(
		`moves between SQLite and PostgreSQL through a backup${databaseUrl ? "" : ` (skipped: ${skippedDialects[0]?.reason})`}`,
		async () => {
			const url = databaseUrl as string;
			const schema = `dateline_contract_${Math.floor(Date.now() / 1000)}_backup${process.pid}`;
			const admin = openPostgres({ url, maxConnections: 1 });
			await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin);
			try {
				// SQLite archive → PostgreSQL site.
				const pgDir = path.join(work, "pg-site");
				const schemaUrl = urlWithSchema(url, schema);
				const restored = await restoreBackup({ config: { dataDir: pgDir, databaseUrl: schemaUrl }, file: archive });
				expect(restored.articles).toBeGreaterThan(40);
				expect(files(path.join(pgDir, "media"))).toEqual(files(path.join(site.config.dataDir, "media")));
				const pg = openPostgres({ url, schema, maxConnections: 2 });
				const app = await appOver({ db: pg, adapter: postgresAdapter, dataDir: pgDir, like: site });
				try {
					const home = await app.inject({ method: "GET", url: "/" });
					expect(home.statusCode).toBe(200);
					const search = await app.inject({ method: "GET", url: "/search?q=kabul" });
					expect(search.body).toMatch(/href="\/\d{4}\/\d{2}\/\d{2}\//);
				} finally {
					await app.close();
					await pg.destroy();
				}
				// PostgreSQL site → backup (content as JSON) → SQLite site: the same public pages as the original.
				const pgArchive = path.join(work, "pg.tar.gz");
				const pgBackup = await createBackup({
					config: { dataDir: pgDir, databaseUrl: schemaUrl },
					file: pgArchive,
					clock,
				});
				expect(pgBackup.manifest.database.kind).toBe("json");
				const back = path.join(work, "back-to-sqlite");
				await restoreBackup({ config: { dataDir: back }, file: pgArchive });
				const db = openSqlite(path.join(back, "dateline.sqlite"));
				const sqliteApp = await appOver({ db, adapter: sqliteAdapter, dataDir: back, like: site });
				try {
					const after = await crawl(sqliteApp);
					for (const [url, page] of pagesBefore) expect(after.get(url), url).toBe(page);
				} finally {
					await sqliteApp.close();
					await db.destroy();
				}
				// A PostgreSQL database with content is never emptied by a restore, even with --force.
				await expect(
					restoreBackup({ config: { dataDir: pgDir, databaseUrl: schemaUrl }, file: archive, force: true }),
				).rejects.toMatchObject({ code: "ERR_SITE_NOT_EMPTY" });
			} finally {
				await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(admin);
				await admin.destroy();
			}
		},
		180_000,
	);
});
