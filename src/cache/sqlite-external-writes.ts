import { sql } from "kysely";
import type { Db } from "../db/database.js";
import { type PurgeBus, SITE_KEY } from "./purge-bus.js";

/**
 * On SQLite, another process may write the database while this one serves:
 * `dateline import wordpress`, `seed-demo`, a second CLI. Those writes never
 * pass through this process's purge bus. SQLite's `data_version` changes only
 * when another connection commits, so when it moves, every cached page is
 * dropped, and the planner's statistics are refreshed for what may be a much
 * larger archive (an import). Checked every `intervalMs` (default 2 s).
 */
export function watchExternalWrites(input: { db: Db; purge: PurgeBus; intervalMs?: number }): {
	stop(): Promise<void>;
} {
	let last: number | undefined;
	let running: Promise<void> | undefined;
	const check = async () => {
		const result = await sql<{ data_version: number }>`PRAGMA data_version`.execute(input.db);
		const version = result.rows[0]?.data_version;
		if (version === undefined) return;
		const changed = last !== undefined && version !== last;
		last = version;
		if (!changed) return;
		input.purge.publish([SITE_KEY]);
		await sql`PRAGMA optimize`.execute(input.db);
	};
	const tick = () => {
		if (running) return;
		running = check()
			.catch(() => undefined)
			.finally(() => {
				running = undefined;
			});
	};
	const timer = setInterval(tick, input.intervalMs ?? 2000);
	timer.unref();
	tick();
	return {
		async stop() {
			clearInterval(timer);
			await running;
		},
	};
}
