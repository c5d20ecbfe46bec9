import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/database.js";
import { preparedQuery } from "../../src/db/prepared-query.js";
import { type ContractDatabase, dialects, skippedDialects } from "./dialects.js";

const CREATED = "2026-03-01T00:00:00.000Z";

/** Sections whose path starts with `prefix`, at most `limit`, by position: parameters in a where, a sql template and a limit. */
const sectionsUnder = preparedQuery((db: Db, params: { prefix: string; limit: number }) =>
	db
		.selectFrom("sections")
		.select(["slug", "position"])
		.where("path", "like", sql<string>`${params.prefix} || '%'`)
		.where("description", "=", "")
		.orderBy("position")
		.limit(params.limit),
);

describe.each(dialects)("prepared queries on $name", (dialect) => {
	let database: ContractDatabase;

	beforeEach(async () => {
		database = await dialect.open();
		const rows = ["news", "news/world", "news/local", "sport", "sport/football"].map((path, position) => ({
			slug: path.replace("/", "-"),
			name: path,
			description: "",
			parent_id: null,
			path,
			position,
			created_at: CREATED,
		}));
		await database.db.insertInto("sections").values(rows).execute();
	});

	afterEach(async () => {
		await database.close();
	});

	it("binds each run's values where the stand-ins were, and keeps the values fixed at build time", async () => {
		const slugs = async (prefix: string, limit: number) =>
			(await sectionsUnder(database.db, { prefix, limit })).map((row) => row.slug);
		expect(await slugs("news", 10)).toEqual(["news", "news-world", "news-local"]);
		expect(await slugs("sport", 10)).toEqual(["sport", "sport-football"]);
		expect(await slugs("news", 2)).toEqual(["news", "news-world"]);
		// The same answers as the query built afresh.
		const built = await database.db
			.selectFrom("sections")
			.select(["slug", "position"])
			.where("path", "like", "sport%")
			.orderBy("position")
			.limit(1)
			.execute();
		expect(await sectionsUnder(database.db, { prefix: "sport", limit: 1 })).toEqual(built);
	});

	it("is parsed and planned once per connection on PostgreSQL, as a named statement", async () => {
		if (dialect.name !== "postgres") return;
		// A transaction holds one connection, so the statement and the check meet on it.
		const named = await database.db.transaction().execute(async (trx) => {
			expect((await sectionsUnder(trx, { prefix: "news", limit: 10 })).length).toBe(3);
			expect((await sectionsUnder(trx, { prefix: "sport", limit: 10 })).length).toBe(2);
			const rows = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements
				WHERE name LIKE 'dateline\_%'`.execute(trx);
			return rows.rows;
		});
		expect(named).toHaveLength(1);
		expect(named[0]?.statement).toContain('from "sections"');
	});

	it("keeps answering when a migration changes what a prepared statement returns", async () => {
		// One connection throughout, so the statement prepared before the change is the one run after it.
		await database.db.connection().execute(async (connection) => {
			expect(await sectionsUnder(connection, { prefix: "sport", limit: 10 })).toEqual([
				{ slug: "sport", position: 3 },
				{ slug: "sport-football", position: 4 },
			]);
			// PostgreSQL refuses a statement planned before its result type changed ("cached plan must not change result type").
			if (dialect.name === "postgres")
				await sql`ALTER TABLE sections ALTER COLUMN position TYPE text`.execute(connection);
			else await sql`ALTER TABLE sections ADD COLUMN note text NOT NULL DEFAULT ''`.execute(connection);
			const after = await sectionsUnder(connection, { prefix: "sport", limit: 10 });
			expect(after.map((row) => [row.slug, String(row.position)])).toEqual([
				["sport", "3"],
				["sport-football", "4"],
			]);
			expect(await sectionsUnder(connection, { prefix: "news", limit: 1 })).toHaveLength(1);
			if (dialect.name === "postgres") {
				// Prepared again under a new name; the stale statement is dropped.
				const named = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements
					WHERE name LIKE 'dateline\_%'`.execute(connection);
				expect(named.rows).toHaveLength(1);
				expect(named.rows[0]?.name).toMatch(/_1$/);
			}
		});
	});

	it("refuses a stand-in that does not reach the query as a bound value", async () => {
		// Read when the query is built, but spliced into its text: the next run's value could never reach the SQL.
		const spliced = preparedQuery((db: Db, params: { slug: string }) =>
			db.selectFrom("sections").select("slug").where("slug", "=", String(params.slug)),
		);
		await expect(spliced(database.db, { slug: "news" })).rejects.toThrow(/"slug" is not a bound parameter/);
	});
});

for (const dialect of skippedDialects) {
	describe.skip(`prepared queries on ${dialect.name}: ${dialect.reason}`, () => {
		it("runs the same contract", () => {});
	});
}
