import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { startPostgresPurgeRelay } from "./cache/postgres-purge-relay.js";
import { PurgeBus } from "./cache/purge-bus.js";
import { watchExternalWrites } from "./cache/sqlite-external-writes.js";
import { systemClock } from "./clock.js";
import { type Config, loadConfig } from "./config.js";
import type { Db } from "./db/database.js";
import type { DialectAdapter } from "./db/dialects/dialect.js";
import { ensureWritableDirectory } from "./db/dialects/sqlite/open-sqlite.js";
import { migrateToLatest } from "./db/migrate.js";
import { openDatabase } from "./db/open-database.js";
import { seedDemo } from "./demo/seed-demo.js";
import { createNewsroomServices } from "./newsroom/newsroom-services.js";
import { createServices } from "./services.js";

export interface OpenedSite {
	config: Config;
	db: Db;
	adapter: DialectAdapter;
}

/** Reads the environment, checks the data directory, opens the database (SQLite, or PostgreSQL with DATABASE_URL) and migrates it. */
export async function openSite(
	env: Record<string, string | undefined>,
	overrides: Partial<Config> = {},
): Promise<OpenedSite> {
	const config = { ...loadConfig(env), ...overrides };
	// Media live in the data directory whichever database holds the rest.
	ensureWritableDirectory(config.dataDir);
	const { db, adapter, close } = await openDatabase(config);
	try {
		await migrateToLatest(db, adapter);
	} catch (error) {
		await close();
		throw error;
	}
	return { config, db, adapter };
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
	// One bus for the app's page cache and for work done outside requests (the scheduler).
	const purge = new PurgeBus();
	const services = createServices({ ...site, clock: systemClock, purge });
	if (!(await services.settings.initializedAt())) {
		if (options.demo) {
			const count = await seedDemo(services, systemClock);
			if (count > 0) process.stdout.write(`Loaded the demo newsroom: ${count} stories.\n`);
		}
		await services.settings.markInitialized(systemClock.now());
	}
	const app = await buildApp({ ...site, clock: systemClock, purge });
	const newsroom = createNewsroomServices({
		...site,
		clock: systemClock,
		articles: services.articles,
		timeZone: site.config.timeZone,
		logger: app.log,
	});
	// Scheduled stories: every node runs this; each due story is claimed by exactly one.
	const scheduler = newsroom.scheduler.start(site.config.schedulerIntervalMs);
	// Several nodes on one PostgreSQL database: purges reach every node's page cache.
	const relay = site.config.databaseUrl
		? await startPostgresPurgeRelay({ url: site.config.databaseUrl, bus: purge, logger: app.log })
		: undefined;
	// One SQLite file, written by a CLI command (an import) while this serves: drop the cached pages when it does.
	const externalWrites = site.config.databaseUrl ? undefined : watchExternalWrites({ db: site.db, purge });
	const close = async () => {
		await relay?.stop();
		await externalWrites?.stop();
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
