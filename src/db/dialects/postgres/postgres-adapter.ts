import { type Kysely, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { Db } from "../../database.js";
import { type DialectAdapter, SEARCH_WINDOW, type TextDocument, type TextHit } from "../dialect.js";

/**
 * ts_rank weights in the order {D, C, B, A}. The headline is indexed with
 * weight A and the body with B, so a word in the headline counts three times
 * one in the body, as in SQLite's bm25(). ts_rank takes weights up to 1.
 */
const RANK_WEIGHTS = [0.1, 0.2, 1 / 3, 1];
/** ts_rank normalization 1: divide by 1 + log(document length), so long bodies do not win by size alone (as in BM25). */
const RANK_NORMALIZATION = 1;

/** A search result's relevance is multiplied by up to this much more when the story is new. */
const RECENCY_BOOST = 0.5;
/** Days after which half of the recency boost is gone. */
const RECENCY_DAYS = 30;

/** Anything that is not a letter or a digit: the same word boundaries as the app's tokenizer and FTS5's unicode61. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * The text as words separated by single spaces. PostgreSQL's parser would read
 * "example.com", "1.5" or "<b>" as hosts, numbers and tags; given only words
 * and spaces, it splits exactly where SQLite's index and the app do.
 */
function words(text: string): string {
	return text.replace(NOT_WORD, " ").trim();
}

/**
 * One term as a quoted tsquery lexeme, so that `&`, `|`, `!`, `:*`, `<->` or
 * parentheses are never read as query syntax. Null when the term has no word
 * in it; a term of several words becomes a phrase, as a quoted FTS5 string does.
 */
function quoteTerm(term: string): string | null {
	const text = words(term);
	if (text === "") return null;
	return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

/** The tsquery text for `terms` joined by AND or OR; null when no term has a word. */
function toQueryText(terms: readonly string[], operator: "&" | "|"): string | null {
	const quoted = terms.flatMap((term) => quoteTerm(term) ?? []);
	return quoted.length === 0 ? null : quoted.join(` ${operator} `);
}

/**
 * PostgreSQL: a `tsvector` column generated from the headline (weight A) and
 * the body (weight B) with the 'simple' configuration, since the app folds the
 * text itself (case, accents, Arabic and Persian letters, digits), and a GIN
 * index over it. Queries are quoted lexemes passed to to_tsquery as bound
 * parameters; no text ever becomes part of the SQL.
 */
export const postgresAdapter: DialectAdapter = {
	name: "postgres",
	jsonArrayFrom,
	jsonObjectFrom,
	foldsPageReads: true,
	searchesAtOnce: 2,

	async createTextIndex(db: Kysely<unknown>) {
		// As migration 0001 made it; 0009 narrows it to (id, document).
		// No foreign key to articles, as with SQLite's FTS5 table: the services add and remove documents.
		await sql`CREATE TABLE article_search (
			id integer PRIMARY KEY,
			headline text NOT NULL,
			body text NOT NULL,
			document tsvector GENERATED ALWAYS AS (
				setweight(to_tsvector('simple'::regconfig, headline), 'A')
				|| setweight(to_tsvector('simple'::regconfig, body), 'B')
			) STORED
		)`.execute(db);
		await sql`CREATE INDEX article_search_document ON article_search USING gin (document)`.execute(db);
	},

	async narrowTextIndex(db: Kysely<unknown>) {
		// The headline and body were kept only to generate the document. A bitmap scan for the newest
		// matches visits the heap of every match: for a word in 91,563 of 100,000 stories, 13,337 pages
		// of the wide table (104 MB) and 113–139 ms for the whole search, 48–50 ms from this one (5 MB).
		await sql`CREATE TABLE article_search_narrow (id integer PRIMARY KEY, document tsvector NOT NULL)`.execute(db);
		await sql`INSERT INTO article_search_narrow (id, document) SELECT id, document FROM article_search`.execute(db);
		await sql`DROP TABLE article_search`.execute(db);
		await sql`ALTER TABLE article_search_narrow RENAME TO article_search`.execute(db);
		await sql`ALTER INDEX article_search_narrow_pkey RENAME TO article_search_pkey`.execute(db);
		await sql`CREATE INDEX article_search_document ON article_search USING gin (document)`.execute(db);
		await sql`ANALYZE article_search`.execute(db);
	},

	async dropTextIndex(db: Kysely<unknown>) {
		await sql`DROP TABLE IF EXISTS article_search`.execute(db);
	},

	async indexDocument(db: Db, document: TextDocument) {
		await sql`INSERT INTO article_search (id, document)
			VALUES (${document.id}, setweight(to_tsvector('simple'::regconfig, ${words(document.headline)}), 'A')
				|| setweight(to_tsvector('simple'::regconfig, ${words(document.body)}), 'B'))
			ON CONFLICT (id) DO UPDATE SET document = excluded.document`.execute(db);
	},

	async removeDocument(db: Db, id: number) {
		await sql`DELETE FROM article_search WHERE id = ${id}`.execute(db);
	},

	async documentFrequencies(db: Db, terms: readonly string[]) {
		const totalRow = await sql<{ total: number }>`SELECT count(*)::integer AS total FROM article_search`.execute(db);
		const df = new Map<string, number>();
		const queried = [...new Set(terms)].flatMap((term) => {
			const query = quoteTerm(term);
			return query === null ? [] : [{ term, query }];
		});
		if (queried.length > 0) {
			// One statement: each term is counted through the GIN index.
			const rows = await sql<{ term: string; doc: number }>`SELECT t.term, n.doc
				FROM unnest(${queried.map((entry) => entry.term)}::text[], ${queried.map((entry) => entry.query)}::text[])
					AS t(term, query)
				CROSS JOIN LATERAL (
					SELECT count(*)::integer AS doc FROM article_search
					WHERE document @@ to_tsquery('simple'::regconfig, t.query)
				) AS n
				WHERE n.doc > 0`.execute(db);
			for (const row of rows.rows) df.set(row.term, row.doc);
		}
		return { total: totalRow.rows[0]?.total ?? 0, df };
	},

	async searchAllTerms(db: Db, query: { terms: readonly string[]; limit: number; offset: number; now: Date }) {
		const text = toQueryText(query.terms, "&");
		if (text === null) return { total: 0, more: false, hits: [] };
		const now = query.now.toISOString();
		// One statement: the newest SEARCH_WINDOW + 1 matches are found once, counted (the index holds
		// published stories only, so its matches are the count) and, but for the extra one, ranked.
		// ts_rank unpacks each document it scores; a separate count unpacked them again (7 ms of 16
		// for a word in nearly every story of 100,000).
		const rows = await sql<{ found: number; id: number | null; score: number | null }>`WITH
			q AS (SELECT to_tsquery('simple'::regconfig, ${text}) AS query),
			newest AS (
				SELECT article_search.id FROM article_search, q WHERE article_search.document @@ q.query
				ORDER BY article_search.id DESC LIMIT ${SEARCH_WINDOW + 1}),
			found AS (SELECT count(*)::integer AS found FROM newest),
			ranked AS (
				SELECT articles.id AS id,
					ts_rank(${RANK_WEIGHTS}::float4[], article_search.document, q.query, ${RANK_NORMALIZATION}::integer)::float8
						* (1.0 + ${RECENCY_BOOST}::float8 / (1.0 + greatest(0.0,
							extract(epoch FROM ${now}::timestamptz - articles.published_at::timestamptz)::float8 / 86400.0
						) / ${RECENCY_DAYS}::float8)) AS score,
					articles.published_at
				FROM (SELECT id FROM newest ORDER BY id DESC LIMIT ${SEARCH_WINDOW}) AS window_ids
					JOIN article_search ON article_search.id = window_ids.id
					JOIN articles ON articles.id = window_ids.id
					CROSS JOIN q
				WHERE articles.status = 'published'
				ORDER BY score DESC NULLS LAST, articles.published_at DESC NULLS LAST, articles.id DESC
				LIMIT ${query.limit} OFFSET ${query.offset})
			SELECT found.found, ranked.id, ranked.score
			FROM found LEFT JOIN ranked ON true
			ORDER BY ranked.score DESC NULLS LAST, ranked.published_at DESC NULLS LAST, ranked.id DESC`.execute(db);
		const found = rows.rows[0]?.found ?? 0;
		const hits = rows.rows.flatMap((row) =>
			row.id === null || row.score === null ? [] : [{ id: row.id, score: row.score }],
		);
		return { total: Math.min(found, SEARCH_WINDOW), more: found > SEARCH_WINDOW, hits };
	},

	async afterBulkLoad(db: Db) {
		// New documents wait in the GIN index's pending list until a vacuum. While it is long the
		// planner prices the index so high that it reads and unpacks every tsvector instead:
		// 18.9 ms instead of 0.4 ms for a word in 50 of 5,000 stories, measured after a seed.
		// A vacuum also marks the new rows' pages all-visible, which lets a count of a listing's
		// stories read only an index: until autovacuum gets there (or on a server where it is
		// off) counting a section of 12,544 stories read the whole table, 137 ms at 100,000
		// stories, and 6 ms after (the whole archive: 245 and 27 ms). The vacuum took 1.7 s.
		await sql`VACUUM (ANALYZE) article_search, articles, article_people, article_tags, related`.execute(db);
		await sql`ANALYZE`.execute(db);
	},

	async matchAnyTerm(
		db: Db,
		query: { terms: readonly string[]; excludeId: number; limit: number },
	): Promise<TextHit[]> {
		const text = toQueryText(query.terms, "|");
		if (text === null) return [];
		const result = await sql<TextHit>`SELECT article_search.id AS id,
				ts_rank(${RANK_WEIGHTS}::float4[], article_search.document, q.query, ${RANK_NORMALIZATION}::integer)::float8
					AS score
			FROM article_search CROSS JOIN to_tsquery('simple'::regconfig, ${text}) AS q(query)
			WHERE article_search.document @@ q.query AND article_search.id <> ${query.excludeId}
			ORDER BY score DESC, article_search.id
			LIMIT ${query.limit}`.execute(db);
		return result.rows;
	},
};
