import path from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { systemClock } from "./clock.js";
import { type Config, loadConfig } from "./config.js";
import type { Db } from "./db/database.js";
import type { DialectAdapter } from "./db/dialects/dialect.js";
import { ensureWritableDirectory, openSqlite } from "./db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "./db/dialects/sqlite/sqlite-adapter.js";
import { migrateToLatest } from "./db/migrate.js";
import { seedDemo } from "./demo/seed-demo.js";
import { createNewsroomServices } from "./newsroom/newsroom-services.js";
import { createServices } from "./services.js";

export interface OpenedSite {
	config: Config;
	db: Db;
	adapter: DialectAdapter;
}

/** Reads the environment, checks the data directory, opens the database and migrates it. */
export async function openSite(
	env: Record<string, string | undefined>,
	overrides: Partial<Config> = {},
): Promise<OpenedSite> {
	const config = { ...loadConfig(env), ...overrides };
	ensureWritableDirectory(config.dataDir);
	const db = openSqlite(path.join(config.dataDir, "dateline.sqlite"));
	await migrateToLatest(db, sqliteAdapter);
	return { config, db, adapter: sqliteAdapter };
}

/**
 * Starts the server. On the first start of an empty site it loads the demo
 * newsroom unless `demo` is false. Resolves once listening.
 */
export async function serve(options: {
	env: Record<string, string | undefined>;
	demo: boolean;
	overrides?: Partial<Config>;
}): Promise<FastifyInstance> {
	const site = await openSite(options.env, options.overrides);
	const services = createServices({ ...site, clock: systemClock });
	if (!(await services.settings.initializedAt())) {
		if (options.demo) {
			const count = await seedDemo(services, systemClock);
			if (count > 0) process.stdout.write(`Loaded the demo newsroom: ${count} stories.\n`);
		}
		await services.settings.markInitialized(systemClock.now());
	}
	const app = await buildApp({ ...site, clock: systemClock });
	const newsroom = createNewsroomServices({
		...site,
		clock: systemClock,
		articles: services.articles,
		timeZone: site.config.timeZone,
		logger: app.log,
	});
	// Scheduled stories: every node runs this; each due story is claimed by exactly one.
	const scheduler = newsroom.scheduler.start(10_000);
	const close = async () => {
		await scheduler.stop();
		await app.close();
		await site.db.destroy();
		process.exit(0);
	};
	process.once("SIGINT", close);
	process.once("SIGTERM", close);
	await app.listen({ port: site.config.port, host: site.config.host });
	process.stdout.write(`Dateline is serving ${site.config.publicUrl} (data in ${site.config.dataDir})\n`);
	return app;
}
