import { sql } from "kysely";
import { sanitizeBodyHtml } from "../../content/articles/article-body.js";
import { searchDocument } from "../../content/search/search.js";
import type { Db } from "../../db/database.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import { AppError } from "../../errors.js";
import { COLLECTIONS, type CollectionName, type CollectionSpec, type RecordValues } from "./json-format.js";
import type { CheckedRecord } from "./json-read.js";
import { anyTables } from "./json-tables.js";

/** The one setting a freshly initialised site has; it does not make a site "not empty". */
const INITIALIZED_KEY = "initialized_at";
/** Bound values per INSERT, well under SQLite's and PostgreSQL's limits. */
const VALUES_PER_INSERT = 8000;
/** Published stories read back per query while the search index is rebuilt. */
const INDEX_BATCH = 500;

export interface JsonImportOptions {
	db: Db;
	adapter: DialectAdapter;
	/** The file's records, checked as they are read (json-read.ts), in the format's order. */
	records: AsyncIterable<CheckedRecord>;
	/** Called as rows go in, per collection, and as the search index is rebuilt ("search index"). */
	onProgress?: (phase: string, done: number, total: number) => void;
}

export interface JsonImportResult {
	counts: Record<CollectionName, number>;
	/** Published stories added to the search index. */
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

/** Collections whose `body_html` readers get as it is stored. */
const HTML_BODIES: ReadonlySet<string> = new Set(["articles", "pages"]);

/** Collects rows of one collection and inserts them many to a statement. */
class BatchInserter {
	private rows: RecordValues[] = [];
	private spec: CollectionSpec | undefined;
	readonly counts = Object.fromEntries(COLLECTIONS.map((spec) => [spec.name, 0])) as Record<CollectionName, number>;

	constructor(
		private readonly db: Db,
		private readonly onProgress?: (phase: string, done: number, total: number) => void,
	) {}

	async add(spec: CollectionSpec, row: RecordValues): Promise<void> {
		if (spec !== this.spec) await this.flush();
		this.spec = spec;
		this.rows.push(row);
		this.counts[spec.name] += 1;
		if (this.rows.length >= Math.max(1, Math.floor(VALUES_PER_INSERT / spec.columns.length))) await this.flush();
	}

	async flush(): Promise<void> {
		const spec = this.spec;
		if (!spec || this.rows.length === 0) return;
		const rows = this.rows;
		this.rows = [];
		const last = this.counts[spec.name] - 1;
		try {
			await anyTables(this.db).insertInto(spec.name).values(rows).execute();
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new AppError(
				"ERR_JSON_INVALID",
				`${spec.name}[${last - rows.length + 1}…${last}] could not be stored: ${reason}. Nothing was imported.`,
				{ cause: error },
			);
		}
		this.onProgress?.(spec.name, last + 1, 0);
	}
}

/**
 * Loads an export into an empty, migrated database in one transaction, as the
 * records are read and checked: a problem anywhere in the file rolls all of it
 * back. Ids are kept; PostgreSQL's id sequences are moved past them; the search
 * index is rebuilt from the published stories. A database that already holds
 * content is refused.
 */
export async function importJson(options: JsonImportOptions): Promise<JsonImportResult> {
	const { adapter } = options;
	const occupied = await describeContent(options.db);
	if (occupied)
		throw new AppError("ERR_SITE_NOT_EMPTY", `The database holds ${occupied}; import into a new, empty database.`);
	return options.db.transaction().execute(async (trx) => {
		await anyTables(trx).deleteFrom("settings").execute();
		const inserter = new BatchInserter(trx, options.onProgress);
		// A section's parent may come after it; parents are linked once every section is in.
		const parents: { id: number; parentId: number }[] = [];
		for await (const { collection, values } of options.records) {
			if (collection.name === "sections" && values.parent_id !== null) {
				parents.push({ id: Number(values.id), parentId: Number(values.parent_id) });
				await inserter.add(collection, { ...values, parent_id: null });
			} else if (HTML_BODIES.has(collection.name) && typeof values.body_html === "string") {
				// Pages send stored HTML as it is, so HTML from a file passes the allowlist here, as the editor's does.
				await inserter.add(collection, { ...values, body_html: sanitizeBodyHtml(values.body_html) });
			} else await inserter.add(collection, values);
		}
		await inserter.flush();
		for (const { id, parentId } of parents)
			await trx.updateTable("sections").set({ parent_id: parentId }).where("id", "=", id).execute();
		if (adapter.name === "postgres") await moveSequencesPastIds(trx);
		const indexed = await rebuildSearchIndex(trx, adapter, options.onProgress);
		return { counts: inserter.counts, indexed };
	});
}

/** Adds every published story to the search index, as publishing does; returns how many. */
async function rebuildSearchIndex(
	db: Db,
	adapter: DialectAdapter,
	onProgress?: (phase: string, done: number, total: number) => void,
): Promise<number> {
	const total = await db
		.selectFrom("articles")
		.select((eb) => eb.fn.countAll<number>().as("count"))
		.where("status", "=", "published")
		.executeTakeFirstOrThrow();
	let done = 0;
	let last = 0;
	for (;;) {
		const rows = await db
			.selectFrom("articles")
			.select(["id", "headline", "body_text"])
			.where("status", "=", "published")
			.where("id", ">", last)
			.orderBy("id")
			.limit(INDEX_BATCH)
			.execute();
		for (const row of rows)
			await adapter.indexDocument(db, searchDocument({ id: row.id, headline: row.headline, bodyText: row.body_text }));
		done += rows.length;
		onProgress?.("search index", done, Number(total.count));
		const final = rows[rows.length - 1];
		if (!final || rows.length < INDEX_BATCH) return done;
		last = final.id;
	}
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
