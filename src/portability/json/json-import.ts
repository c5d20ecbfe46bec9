import { sql } from "kysely";
import { searchDocument } from "../../content/search/search.js";
import type { Db } from "../../db/database.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import { AppError } from "../../errors.js";
import { COLLECTIONS, type CollectionName, type DatelineDocument, type RecordValues } from "./json-format.js";
import { anyTables } from "./json-tables.js";

/** The one setting a freshly initialised site has; it does not make a site "not empty". */
const INITIALIZED_KEY = "initialized_at";
/** Bound values per INSERT, well under SQLite's and PostgreSQL's limits. */
const VALUES_PER_INSERT = 8000;

export interface JsonImportOptions {
	db: Db;
	adapter: DialectAdapter;
	document: DatelineDocument;
	/** Called as rows go in, per collection, and as the text index is rebuilt ("search index"). */
	onProgress?: (phase: string, done: number, total: number) => void;
}

export interface JsonImportResult {
	counts: Record<CollectionName, number>;
	/** Published stories added to the text index. */
	indexed: number;
}

/**
 * The first collection that has rows (a lone `initialized_at` setting aside),
 * or undefined for an empty site. `present`, when given, lists the tables that
 * exist (a database not yet migrated has none); the others count as empty.
 */
export async function firstNonEmptyCollection(
	db: Db,
	present?: ReadonlySet<string>,
): Promise<CollectionName | undefined> {
	const tables = anyTables(db);
	for (const spec of COLLECTIONS) {
		if (present && !present.has(spec.name)) continue;
		let query = tables.selectFrom(spec.name).select(sql<number>`1`.as("one"));
		if (spec.name === "settings") query = query.where("key", "<>", INITIALIZED_KEY);
		if (await query.limit(1).executeTakeFirst()) return spec.name;
	}
	return undefined;
}

/** What a database holds, for a message ("44 stories", "rows in settings"), or undefined when it is empty. */
export async function describeContent(db: Db, present?: ReadonlySet<string>): Promise<string | undefined> {
	const first = await firstNonEmptyCollection(db, present);
	if (first === undefined) return undefined;
	if (!present || present.has("articles")) {
		const row = await db
			.selectFrom("articles")
			.select((eb) => eb.fn.countAll<number>().as("count"))
			.executeTakeFirstOrThrow();
		if (Number(row.count) > 0) return `${Number(row.count)} stories`;
	}
	return `rows in ${first}`;
}

/**
 * Loads a checked export (json-read.ts) into an empty, migrated database, in
 * one transaction: all of it lands or none. Ids are kept; PostgreSQL's id
 * sequences are moved past them; the text index is rebuilt from the published
 * stories. A database that already holds content is refused.
 */
export async function importJson(options: JsonImportOptions): Promise<JsonImportResult> {
	const { adapter, document } = options;
	const occupied = await describeContent(options.db);
	if (occupied)
		throw new AppError("ERR_SITE_NOT_EMPTY", `The database holds ${occupied}; import into a new, empty database.`);
	const counts = Object.fromEntries(COLLECTIONS.map((spec) => [spec.name, 0])) as Record<CollectionName, number>;
	const indexed = await options.db.transaction().execute(async (trx) => {
		const tables = anyTables(trx);
		await tables.deleteFrom("settings").execute();
		for (const spec of COLLECTIONS) {
			const records = document.collections.get(spec.name) ?? [];
			// A section's parent may come after it; parents are linked once every section is in.
			const rows: RecordValues[] =
				spec.name === "sections" ? records.map((record) => ({ ...record, parent_id: null })) : records;
			const perInsert = Math.max(1, Math.floor(VALUES_PER_INSERT / spec.columns.length));
			for (let start = 0; start < rows.length; start += perInsert) {
				const batch = rows.slice(start, start + perInsert);
				try {
					await tables.insertInto(spec.name).values(batch).execute();
				} catch (error) {
					const reason = error instanceof Error ? error.message : String(error);
					throw new AppError(
						"ERR_JSON_INVALID",
						`${spec.name}[${start}…${start + batch.length - 1}] could not be stored: ${reason}. Nothing was imported.`,
						{ cause: error },
					);
				}
				options.onProgress?.(spec.name, start + batch.length, rows.length);
			}
			if (spec.name === "sections") {
				for (const record of records) {
					if (record.parent_id === null) continue;
					await tables
						.updateTable("sections")
						.set({ parent_id: record.parent_id })
						.where("id", "=", record.id ?? null)
						.execute();
				}
			}
			counts[spec.name] = rows.length;
		}
		if (adapter.name === "postgres") await moveSequencesPastIds(trx);
		const published = (document.collections.get("articles") ?? []).filter((record) => record.status === "published");
		for (const [index, record] of published.entries()) {
			await adapter.indexDocument(
				trx,
				searchDocument({
					id: Number(record.id),
					headline: String(record.headline),
					bodyText: String(record.body_text),
				}),
			);
			if ((index + 1) % 500 === 0 || index + 1 === published.length)
				options.onProgress?.("search index", index + 1, published.length);
		}
		return published.length;
	});
	return { counts, indexed };
}

/**
 * Rows inserted with explicit ids leave PostgreSQL's `serial` sequences where
 * they were; the next story would collide with an imported one. Each sequence
 * is set to its table's highest id (or left to start at 1 on an empty table).
 */
async function moveSequencesPastIds(db: Db): Promise<void> {
	for (const spec of COLLECTIONS) {
		if (spec.primaryKey.join() !== "id") continue;
		await sql`SELECT setval(pg_get_serial_sequence(${spec.name}, 'id'), coalesce(max(id), 1), max(id) IS NOT NULL)
			FROM ${sql.table(spec.name)}`.execute(db);
	}
}
