import type { DialectAdapter } from "../../src/db/dialects/dialect.js";
import { sqliteAdapter } from "../../src/db/dialects/sqlite/sqlite-adapter.js";

/**
 * SQLite's adapter whose searches, once they reach the database, wait until
 * the test lets them go: what waits in a queue and what runs can be watched.
 */
export interface HeldSearches {
	adapter: DialectAdapter;
	/** Searches that reached the database so far. */
	readonly reached: number;
	/** Searches waiting to be let go now. */
	readonly held: number;
	/** Lets the oldest held search go on, if there is one. */
	releaseOne(): void;
	/** Lets every held search go on. */
	releaseAll(): void;
}

export function heldSearches(): HeldSearches {
	const holds: (() => void)[] = [];
	let reached = 0;
	return {
		adapter: {
			...sqliteAdapter,
			searchAllTerms: async (db, query) => {
				reached += 1;
				await new Promise<void>((resolve) => holds.push(resolve));
				return sqliteAdapter.searchAllTerms(db, query);
			},
		},
		get reached() {
			return reached;
		},
		get held() {
			return holds.length;
		},
		releaseOne() {
			holds.shift()?.();
		},
		releaseAll() {
			for (const release of holds.splice(0)) release();
		},
	};
}
