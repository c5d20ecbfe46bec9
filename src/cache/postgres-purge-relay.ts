import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import type { Db } from "../db/database.js";
import { type PurgeBus, SITE_KEY } from "./purge-bus.js";

/** The PostgreSQL channel purges travel on between nodes. */
export const PURGE_CHANNEL = "dateline_purge";
/** NOTIFY payloads must stay under 8,000 bytes; larger key lists go in several. */
const MAX_PAYLOAD = 7000;

interface Logger {
	info(obj: object, msg: string): void;
	warn(obj: object, msg: string): void;
}

/** Splits keys into NOTIFY payloads that each fit the limit. */
export function purgePayloads(node: string, keys: readonly string[]): string[] {
	const payloads: string[] = [];
	let batch: string[] = [];
	const encode = (list: string[]) => JSON.stringify({ node, keys: list });
	for (const key of keys) {
		if (batch.length > 0 && encode([...batch, key]).length > MAX_PAYLOAD) {
			payloads.push(encode(batch));
			batch = [];
		}
		batch.push(key);
	}
	if (batch.length > 0) payloads.push(encode(batch));
	return payloads;
}

/**
 * Tells every serving node that the whole site changed (after a command-line
 * import wrote to the database behind their backs), so each drops its cache.
 */
export async function notifySiteChanged(db: Db): Promise<void> {
	for (const payload of purgePayloads(`cli-${randomUUID()}`, [SITE_KEY])) {
		await sql`SELECT pg_notify(${PURGE_CHANNEL}, ${payload})`.execute(db);
	}
}

/**
 * Joins this node's purge bus to every other node's through PostgreSQL
 * LISTEN/NOTIFY: local purges are sent to the others, theirs arrive here. A
 * lost connection is re-opened; since purges may have been missed meanwhile,
 * the whole local cache is dropped when it comes back.
 */
export async function startPostgresPurgeRelay(options: {
	url: string;
	bus: PurgeBus;
	logger?: Logger;
	/** Delay before reconnecting; doubles up to 30 s. */
	retryMs?: number;
}): Promise<{ nodeId: string; stop(): Promise<void> }> {
	const nodeId = randomUUID();
	let client: pg.Client | undefined;
	let stopped = false;
	let relaying = false;
	let retry = options.retryMs ?? 500;
	let timer: NodeJS.Timeout | undefined;

	const connect = async (): Promise<void> => {
		const next = new pg.Client({ connectionString: options.url });
		next.on("notification", (message) => {
			if (message.channel !== PURGE_CHANNEL || !message.payload) return;
			try {
				const { node, keys } = JSON.parse(message.payload) as { node?: string; keys?: unknown };
				if (node === nodeId || !Array.isArray(keys)) return;
				relaying = true;
				options.bus.publish(keys.filter((key): key is string => typeof key === "string"));
			} catch (error) {
				options.logger?.warn({ err: error }, "purge relay: unreadable notification");
			} finally {
				relaying = false;
			}
		});
		const reconnect = () => {
			if (stopped || client !== next) return;
			client = undefined;
			options.logger?.warn({ retryMs: retry }, "purge relay: connection lost, reconnecting");
			timer = setTimeout(() => {
				connect().then(
					() => {
						// Purges sent while this node was away were missed: start from an empty cache.
						options.bus.publish([SITE_KEY]);
					},
					() => undefined,
				);
			}, retry);
			timer.unref();
			retry = Math.min(retry * 2, 30_000);
		};
		next.on("error", reconnect);
		next.on("end", reconnect);
		try {
			await next.connect();
			await next.query(`LISTEN ${PURGE_CHANNEL}`);
		} catch (error) {
			await next.end().catch(() => undefined);
			if (client === undefined && !stopped) {
				client = next;
				reconnect();
			}
			throw error;
		}
		client = next;
		retry = options.retryMs ?? 500;
	};

	const unsubscribe = options.bus.subscribe((keys) => {
		if (relaying || !client) return;
		const current = client;
		for (const payload of purgePayloads(nodeId, keys)) {
			current.query("SELECT pg_notify($1, $2)", [PURGE_CHANNEL, payload]).catch((error: unknown) => {
				options.logger?.warn({ err: error }, "purge relay: could not notify the other nodes");
			});
		}
	});

	await connect();
	return {
		nodeId,
		async stop() {
			stopped = true;
			unsubscribe();
			clearTimeout(timer);
			const current = client;
			client = undefined;
			await current?.end().catch(() => undefined);
		},
	};
}
