import { type Kysely, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/sqlite";
import type { Db } from "../../database.js";
import { type DialectAdapter, SEARCH_WINDOW, type TextDocument, type TextHit } from "../dialect.js";
import { Fts5ArchiveMatcher } from "./fts5-archive-matcher.js";

/** Column weights for bm25(): a word in the headline counts three times one in the body. */
const HEADLINE_WEIGHT = 3.0;
const BODY_WEIGHT = 1.0;

/** A search result's relevance is multiplied by up to this much more when the story is new. */
const RECENCY_BOOST = 0.5;
/** How many of FTS5's best matches are nudged by recency for the first pages of results. */
const SEARCH_CANDIDATES = 300;
/** Days after which half of the recency boost is gone. */
const RECENCY_DAYS = 30;

/** Quotes each term so FTS5 reads it as a plain string, never as query syntax. */
function toMatchExpression(terms: readonly string[], operator: "AND" | "OR"): string {
	return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(` ${operator} `);
}

/** SQLite: FTS5 with the unicode61 tokenizer folding diacritics, and fts5vocab for document frequencies. */
export const sqliteAdapter: DialectAdapter = {
	name: "sqlite",
	jsonArrayFrom,
	jsonObjectFrom,
	foldsPageReads: false,
	searchesAtOnce: 1,

	async narrowTextIndex() {
		// FTS5's table holds the indexed text and nothing else.
	},

	async createTextIndex(db: Kysely<unknown>) {
		await sql`CREATE VIRTUAL TABLE article_fts USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
			db,
		);
		await sql`CREATE VIRTUAL TABLE article_fts_vocab USING fts5vocab(article_fts, 'row')`.execute(db);
	},

	async dropTextIndex(db: Kysely<unknown>) {
		await sql`DROP TABLE IF EXISTS article_fts_vocab`.execute(db);
		await sql`DROP TABLE IF EXISTS article_fts`.execute(db);
	},

	async indexDocument(db: Db, document: TextDocument) {
		await sql`DELETE FROM article_fts WHERE rowid = ${document.id}`.execute(db);
		await sql`INSERT INTO article_fts (rowid, headline, body) VALUES (${document.id}, ${document.headline}, ${document.body})`.execute(
			db,
		);
	},

	async removeDocument(db: Db, id: number) {
		await sql`DELETE FROM article_fts WHERE rowid = ${id}`.execute(db);
	},

	async documentFrequencies(db: Db, terms: readonly string[]) {
		// FTS5 keeps one `_docsize` row per document: counting it is a B-tree count, where
		// count(*) on the FTS table reads every document (8 ms at 10,000 stories, paid per related list).
		const totalRow = await sql<{
			total: number;
		}>`SELECT count(*) AS total FROM article_fts_docsize`.execute(db);
		const df = new Map<string, number>();
		if (terms.length > 0) {
			const rows = await sql<{
				term: string;
				doc: number;
			}>`SELECT term, doc FROM article_fts_vocab WHERE term IN (${sql.join(terms)})`.execute(db);
			for (const row of rows.rows) df.set(row.term, row.doc);
		}
		return { total: totalRow.rows[0]?.total ?? 0, df };
	},

	async searchAllTerms(db: Db, query: { terms: readonly string[]; limit: number; offset: number; now: Date }) {
		if (query.terms.length === 0) return { total: 0, more: false, hits: [] };
		const match = toMatchExpression(query.terms, "AND");
		// The index holds published stories only, so its matches are the count: joining `articles`
		// to check the status cost 39 ms instead of 2 ms for a word in every story of 20,000.
		// Counting stops past the window: 0.1 ms instead of 6 ms for a word in every story of 100,000.
		const counted = await sql<{ found: number }>`SELECT count(*) AS found FROM (
				SELECT 1 FROM article_fts WHERE article_fts MATCH ${match} LIMIT ${SEARCH_WINDOW + 1})`.execute(db);
		const found = counted.rows[0]?.found ?? 0;
		const more = found > SEARCH_WINDOW;
		// FTS5 walks its matches newest first cheaply: the window starts at the SEARCH_WINDOW-th newest.
		const oldest = more
			? sql<number>`(SELECT rowid FROM article_fts WHERE article_fts MATCH ${match}
				ORDER BY rowid DESC LIMIT 1 OFFSET ${SEARCH_WINDOW - 1})`
			: sql<number>`0`;
		const now = query.now.toISOString();
		const nudge = sql`(1.0 + ${RECENCY_BOOST} / (1.0 + max(0.0, julianday(${now}) - julianday(articles.published_at)) / ${RECENCY_DAYS}))`;
		// The first pages (nearly every search) rank only FTS5's best matches by bm25, then nudge those
		// by recency: scoring stays inside FTS5 however common the words are.
		const rows =
			query.offset + query.limit <= SEARCH_CANDIDATES
				? await sql<TextHit>`WITH best AS (
						SELECT rowid AS id, bm25(article_fts, ${HEADLINE_WEIGHT}, ${BODY_WEIGHT}) AS rank
						FROM article_fts WHERE article_fts MATCH ${match} AND rowid >= ${oldest}
						ORDER BY rank LIMIT ${SEARCH_CANDIDATES})
					SELECT articles.id AS id, -best.rank * ${nudge} AS score
					FROM best JOIN articles ON articles.id = best.id
					WHERE articles.status = 'published'
					ORDER BY score DESC, articles.published_at DESC
					LIMIT ${query.limit} OFFSET ${query.offset}`.execute(db)
				: await sql<TextHit>`SELECT articles.id AS id,
						-bm25(article_fts, ${HEADLINE_WEIGHT}, ${BODY_WEIGHT}) * ${nudge} AS score
					FROM article_fts JOIN articles ON articles.id = article_fts.rowid
					WHERE article_fts MATCH ${match} AND article_fts.rowid >= ${oldest} AND articles.status = 'published'
					ORDER BY score DESC, articles.published_at DESC
					LIMIT ${query.limit} OFFSET ${query.offset}`.execute(db);
		return { total: Math.min(found, SEARCH_WINDOW), more, hits: rows.rows };
	},

	async matchAnyTerm(
		db: Db,
		query: { terms: readonly string[]; excludeId: number; limit: number },
	): Promise<TextHit[]> {
		if (query.terms.length === 0) return [];
		const result =
			await sql<TextHit>`SELECT rowid AS id, -bm25(article_fts, ${HEADLINE_WEIGHT}, ${BODY_WEIGHT}) AS score
			FROM article_fts
			WHERE article_fts MATCH ${toMatchExpression(query.terms, "OR")} AND rowid <> ${query.excludeId}
			ORDER BY bm25(article_fts, ${HEADLINE_WEIGHT}, ${BODY_WEIGHT})
			LIMIT ${query.limit}`.execute(db);
		return result.rows;
	},

	async afterBulkLoad(db: Db) {
		await sql`PRAGMA optimize`.execute(db);
	},

	async openArchiveMatcher(db: Db) {
		return Fts5ArchiveMatcher.open(
			db,
			new Map([
				["headline", HEADLINE_WEIGHT],
				["body", BODY_WEIGHT],
			]),
		);
	},
};
