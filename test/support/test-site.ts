import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildSite } from "../../src/app.js";
import type { PageCache } from "../../src/cache/page-cache.js";
import { PurgeBus } from "../../src/cache/purge-bus.js";
import { type Clock, fixedClock } from "../../src/clock.js";
import type { Config } from "../../src/config.js";
import type { Db } from "../../src/db/database.js";
import type { DialectAdapter } from "../../src/db/dialects/dialect.js";
import { openSqlite } from "../../src/db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "../../src/db/dialects/sqlite/sqlite-adapter.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { seedDemo } from "../../src/demo/seed-demo.js";
import { createNewsroomServices, type NewsroomServices } from "../../src/newsroom/newsroom-services.js";
import { createServices, type Services } from "../../src/services.js";

export interface TestSite {
	db: Db;
	services: Services;
	newsroom: NewsroomServices;
	clock: Clock & { set(next: Date): void };
	config: Config;
	app: FastifyInstance;
	/** The app's page cache (undefined when the config turns it off). */
	cache: PageCache | undefined;
	/** Shared by `services` and the app, so changes made through `services` purge the app's cache. */
	purge: PurgeBus;
	close(): Promise<void>;
}

/** The instant test sites treat as "now". */
export const TEST_NOW = new Date("2026-03-15T09:30:00.000Z");

/** A migrated SQLite database in a fresh temporary directory, with services and an app that is not listening. */
export async function createTestSite(
	options: {
		demo?: boolean;
		config?: Partial<Config>;
		/** The dialect adapter the services and the app use; SQLite's when not given (a test may wrap it). */
		adapter?: DialectAdapter;
	} = {},
): Promise<TestSite> {
	const adapter = options.adapter ?? sqliteAdapter;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-test-"));
	const db = openSqlite(path.join(dataDir, "dateline.sqlite"));
	await migrateToLatest(db, sqliteAdapter);
	const clock = fixedClock(TEST_NOW);
	const config: Config = {
		dataDir,
		port: 0,
		host: "127.0.0.1",
		publicUrl: "https://news.example.org",
		timeZone: "Asia/Kabul",
		maxUploadBytes: 20 * 1024 * 1024,
		pageCacheBytes: 16 * 1024 * 1024,
		schedulerIntervalMs: 10_000,
		cacheControl: "public, max-age=60, s-maxage=300, stale-while-revalidate=86400",
		logLevel: "silent",
		...options.config,
	};
	const purge = new PurgeBus();
	const services = createServices({ db, adapter, clock, config, purge });
	if (options.demo) await seedDemo(services, clock);
	const { app, cache } = await buildSite({ db, adapter, config, clock, passwordCost: 2 ** 10, purge });
	return {
		db,
		services,
		newsroom: createNewsroomServices({
			db,
			adapter,
			clock,
			articles: services.articles,
			timeZone: config.timeZone,
			passwordCost: 2 ** 10,
		}),
		clock,
		config,
		app,
		cache,
		purge,
		async close() {
			await app.close();
			await db.destroy();
			fs.rmSync(dataDir, { recursive: true, force: true });
		},
	};
}
