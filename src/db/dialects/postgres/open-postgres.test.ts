import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../../../test/support/cli-runner.js";
import { Relay } from "../../../../test/support/tcp-relay.js";
import { openPostgres } from "./open-postgres.js";

const baseUrl = process.env.TEST_DATABASE_URL;
const maybe = baseUrl ? describe : describe.skip;

maybe("a PostgreSQL pool whose server goes away", () => {
	const uncaught: unknown[] = [];
	const monitor = (error: unknown) => uncaught.push(error);
	let relay: Relay | undefined;

	afterEach(async () => {
		process.off("uncaughtExceptionMonitor", monitor);
		await relay?.cut();
	});

	it("reports the loss to the query that needs the connection, and never throws it out of the process", async () => {
		const direct = new URL(baseUrl ?? "");
		relay = new Relay(await freePort(), { host: direct.hostname, port: Number(direct.port || 5432) });
		await relay.open();
		const relayed = new URL(direct.toString());
		relayed.hostname = "127.0.0.1";
		relayed.port = String(relay.port);
		const db = openPostgres({ url: relayed.toString() });
		process.on("uncaughtExceptionMonitor", monitor);
		try {
			// A transaction holds its connection between statements: the connection drops right there.
			const cutInside = db.transaction().execute(async (trx) => {
				await sql`SELECT 1`.execute(trx);
				await relay?.cut();
				await new Promise((resolve) => setTimeout(resolve, 200));
				await sql`SELECT 1`.execute(trx);
			});
			await expect(cutInside).rejects.toThrow();
			expect(uncaught).toEqual([]);
			// The pool has dropped the dead connection: once the server is back, the next query works.
			await relay.open();
			const back = await sql<{ one: number }>`SELECT 1 AS one`.execute(db);
			expect(back.rows[0]?.one).toBe(1);
		} finally {
			await db.destroy();
		}
	});
});
