import type { Kysely } from "kysely";
import type { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/sqlite";
import type { Database, Db } from "../database.js";

/**
 * A document of the full-text index: one published article. The index holds
 * published stories only: a story is added when it is published and removed
 * when it leaves the public site, in the same transaction.
 */
export interface TextDocument {
	id: number;
	headline: string;
	body: string;
}

/** A scored hit; a higher score is a better match. */
export interface TextHit {
	id: number;
	score: number;
}

/**
 * The text index read once into memory, for a pass that matches every story
 * against the archive: the same document frequencies and `matchAnyTerm`
 * results as the per-query methods, without a query per story.
 */
export interface ArchiveMatcher {
	/** Documents in the index. */
	readonly total: number;
	/** How many documents contain each indexed term. */
	readonly df: ReadonlyMap<string, number>;
	/** Reads where these terms occur; a term must be loaded before `matchAnyTerm` uses it. */
	loadTerms(terms: Iterable<string>): Promise<void>;
	matchAnyTerm(query: { terms: readonly string[]; excludeId: number; limit: number }): TextHit[];
}

/**
 * The most matching stories a search ranks: the newest ones (by when they
 * entered the archive). A word found in nearly every story of 100,000 took
 * 49 ms to rank in full on SQLite, and every distinct search of it did the
 * same; the newest 1,000 take under 2 ms. A reader who gets "more than" adds a
 * word, and fewer matches are ranked in full.
 */
export const SEARCH_WINDOW = 1000;

/** A column built by `jsonArrayFrom` or `jsonObjectFrom`, as a value. */
export function fromJson<T>(column: T | string): T {
	return typeof column === "string" ? (JSON.parse(column) as T) : column;
}

/**
 * What differs between the databases Dateline runs on. Each dialect folder
 * implements this once; services only ever see this interface.
 */
export interface DialectAdapter {
	readonly name: "sqlite" | "postgres";
	/**
	 * A subquery's rows as one JSON array column (`[]` when none), and one row as
	 * a JSON object (null when none), so a page's lists come back with its row in
	 * one statement. Read the column with `fromJson`: SQLite returns JSON text,
	 * PostgreSQL the parsed value.
	 */
	jsonArrayFrom: typeof jsonArrayFrom;
	jsonObjectFrom: typeof jsonObjectFrom;
	/**
	 * Whether a page's several reads are better folded into one statement: true
	 * where each statement is a round trip to a server (PostgreSQL), false where
	 * it is a call into the process (SQLite), and building and parsing JSON
	 * would cost what fewer statements save.
	 */
	readonly foldsPageReads: boolean;
	/**
	 * Reader searches a node runs at once (see SearchService). SQLite runs each
	 * statement on the thread that answers every request, so one at a time lets
	 * other pages through between them; PostgreSQL works in its own processes.
	 */
	readonly searchesAtOnce: number;
	/**
	 * Migration 0009: keeps in the text index's table only what a search reads,
	 * so finding the newest matches of a common word visits a small table. A
	 * no-op where the index holds nothing else (SQLite's FTS5).
	 */
	narrowTextIndex(db: Kysely<unknown>): Promise<void>;
	/** Creates the dialect-specific schema (full-text index) inside a migration. */
	createTextIndex(db: Kysely<unknown>): Promise<void>;
	dropTextIndex(db: Kysely<unknown>): Promise<void>;
	/** Adds or replaces a document; call inside the transaction that publishes or edits it. */
	indexDocument(db: Db, document: TextDocument): Promise<void>;
	removeDocument(db: Db, id: number): Promise<void>;
	/** How many indexed documents contain each term, and how many documents there are. */
	documentFrequencies(db: Db, terms: readonly string[]): Promise<{ total: number; df: Map<string, number> }>;
	/**
	 * Published stories containing every one of `terms`, ranked by BM25 (headline
	 * above body) with a nudge towards recent stories, and how many there are.
	 * Past SEARCH_WINDOW matches only the newest SEARCH_WINDOW are ranked and
	 * counted, and `more` says so.
	 */
	searchAllTerms(
		db: Db,
		query: { terms: readonly string[]; limit: number; offset: number; now: Date },
	): Promise<{ total: number; more: boolean; hits: TextHit[] }>;
	/** Documents matching any of `terms`, ranked by BM25 with the headline weighted above the body. */
	matchAnyTerm(db: Db, query: { terms: readonly string[]; excludeId: number; limit: number }): Promise<TextHit[]>;
	/**
	 * After a bulk load (an import, a seeded archive): brings the planner's
	 * statistics and the text index up to date, outside any transaction.
	 */
	afterBulkLoad(db: Db): Promise<void>;
	/**
	 * Where the dialect has one: an in-memory matcher over the index as it is
	 * now, for recomputing every story's related list after a bulk load.
	 */
	openArchiveMatcher?(db: Db): Promise<ArchiveMatcher>;
}

export type { Database };
