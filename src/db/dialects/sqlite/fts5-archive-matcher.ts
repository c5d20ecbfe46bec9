import { sql } from "kysely";
import type { Db } from "../../database.js";
import type { ArchiveMatcher, TextHit } from "../dialect.js";

/** FTS5's bm25() constants (ext/fts5/fts5_aux.c). */
const K1 = 1.2;
const B = 0.75;

/** Where one term occurs: dense document indexes and the column-weighted count in each, and its IDF. */
interface Postings {
	documents: Int32Array;
	frequencies: Float64Array;
	idf: number;
}

/** Reads the varints of an FTS5 `_docsize` blob (one token count per column) and returns their sum. */
export function totalTokens(blob: Uint8Array): number {
	let total = 0;
	let value = 0;
	for (const byte of blob) {
		value = value * 128 + (byte & 0x7f);
		if ((byte & 0x80) === 0) {
			total += value;
			value = 0;
		}
	}
	return total;
}

/**
 * FTS5's bm25() computed in memory, for a pass that matches every story of the
 * archive (a bulk import's "Check Also" lists): one read of the index instead
 * of a query per story, which made FTS5 score a few thousand rows each time.
 *
 * The numbers are FTS5's own: row count and document frequencies from
 * `fts5vocab`, each document's token count from `_docsize`, and each term's
 * occurrences per column from an `instance` vocabulary table, so tokenizing is
 * FTS5's. Each score is the same double expression, summed over the terms in
 * query order, as `bm25(article_fts, headline, body)` returns negated. The
 * logarithm is SQLite's `ln()`, the C library's `log()` that FTS5 calls: V8's
 * Math.log differs from it in the last bit for some arguments, enough to swap
 * two close stories. Equal scores are ordered by rowid, as FTS5 visits rows.
 */
export class Fts5ArchiveMatcher implements ArchiveMatcher {
	private readonly postings = new Map<string, Postings>();
	/** IDF by the number of documents holding a term. */
	private readonly idfs = new Map<number, number>();
	private readonly scores: Float64Array;
	/** Which query last touched each document, so scores need no clearing between queries. */
	private readonly touchedBy: Int32Array;
	private queryNumber = 0;

	private constructor(
		private readonly db: Db,
		private readonly rowids: Int32Array,
		private readonly lengths: Float64Array,
		private readonly averageLength: number,
		readonly df: ReadonlyMap<string, number>,
		private readonly columnWeights: ReadonlyMap<string, number>,
	) {
		this.scores = new Float64Array(rowids.length);
		this.touchedBy = new Int32Array(rowids.length);
	}

	get total(): number {
		return this.rowids.length;
	}

	/** Reads the index's statistics; `columnWeights` are bm25()'s weights by column name. */
	static async open(db: Db, columnWeights: ReadonlyMap<string, number>): Promise<Fts5ArchiveMatcher> {
		const sizes = await sql<{ id: number; sz: Uint8Array }>`SELECT id, sz FROM article_fts_docsize ORDER BY id`.execute(
			db,
		);
		const rowids = new Int32Array(sizes.rows.length);
		const lengths = new Float64Array(sizes.rows.length);
		let tokens = 0;
		sizes.rows.forEach((row, index) => {
			rowids[index] = row.id;
			lengths[index] = totalTokens(row.sz);
			tokens += lengths[index] ?? 0;
		});
		const vocabulary = await sql<{ term: string; doc: number }>`SELECT term, doc FROM article_fts_vocab`.execute(db);
		const df = new Map(vocabulary.rows.map((row) => [row.term, row.doc]));
		await sql`CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_fts_instances USING fts5vocab(main, article_fts, 'instance')`.execute(
			db,
		);
		return new Fts5ArchiveMatcher(db, rowids, lengths, tokens / Math.max(1, rowids.length), df, columnWeights);
	}

	async loadTerms(terms: Iterable<string>): Promise<void> {
		for (const term of terms) {
			if (this.postings.has(term)) continue;
			const rows = await sql<{ doc: number; col: string }>`SELECT doc, col FROM temp.article_fts_instances
				WHERE term = ${term} ORDER BY doc`.execute(this.db);
			const documents: number[] = [];
			const frequencies: number[] = [];
			let lastRowid = -1;
			for (const row of rows.rows) {
				if (row.doc !== lastRowid) {
					documents.push(this.indexOf(row.doc));
					frequencies.push(0);
					lastRowid = row.doc;
				}
				const at = frequencies.length - 1;
				frequencies[at] = (frequencies[at] ?? 0) + (this.columnWeights.get(row.col) ?? 1);
			}
			this.postings.set(term, {
				documents: Int32Array.from(documents),
				frequencies: Float64Array.from(frequencies),
				idf: await this.idf(documents.length),
			});
		}
	}

	/** FTS5's IDF for a term found in `hits` documents, floored at 1e-6 as bm25() does. */
	private async idf(hits: number): Promise<number> {
		let idf = this.idfs.get(hits);
		if (idf === undefined) {
			const ratio = (this.total - hits + 0.5) / (hits + 0.5);
			const row = await sql<{ idf: number }>`SELECT ln(${ratio}) AS idf`.execute(this.db);
			idf = row.rows[0]?.idf ?? 0;
			if (idf <= 0.0) idf = 1e-6;
			this.idfs.set(hits, idf);
		}
		return idf;
	}

	matchAnyTerm(query: { terms: readonly string[]; excludeId: number; limit: number }): TextHit[] {
		this.queryNumber += 1;
		const touched: number[] = [];
		for (const term of query.terms) {
			const postings = this.postings.get(term);
			if (!postings) throw new Error(`term not loaded: ${term}`);
			const { idf } = postings;
			for (let at = 0; at < postings.documents.length; at += 1) {
				const document = postings.documents[at] ?? 0;
				const frequency = postings.frequencies[at] ?? 0;
				if (this.touchedBy[document] !== this.queryNumber) {
					this.touchedBy[document] = this.queryNumber;
					this.scores[document] = 0.0;
					touched.push(document);
				}
				const length = this.lengths[document] ?? 0;
				this.scores[document] =
					(this.scores[document] ?? 0) +
					idf * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + (B * length) / this.averageLength)));
			}
		}
		return this.best(touched, query);
	}

	/** The `limit` best-scored documents, kept in order while scanning instead of sorting every match. */
	private best(touched: readonly number[], query: { excludeId: number; limit: number }): TextHit[] {
		const kept: TextHit[] = [];
		for (const document of touched) {
			const id = this.rowids[document] ?? 0;
			if (id === query.excludeId) continue;
			const score = this.scores[document] ?? 0;
			const worst = kept[kept.length - 1];
			if (kept.length >= query.limit && worst && !outranks({ id, score }, worst)) continue;
			let at = kept.length;
			while (at > 0 && outranks({ id, score }, kept[at - 1] as TextHit)) at -= 1;
			kept.splice(at, 0, { id, score });
			if (kept.length > query.limit) kept.pop();
		}
		return kept;
	}

	private indexOf(rowid: number): number {
		// Rowids are sorted: a binary search, no map of every document.
		let low = 0;
		let high = this.rowids.length - 1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			const value = this.rowids[middle] ?? 0;
			if (value === rowid) return middle;
			if (value < rowid) low = middle + 1;
			else high = middle - 1;
		}
		throw new Error(`document ${rowid} has occurrences but no _docsize row`);
	}
}

function outranks(a: TextHit, b: TextHit): boolean {
	return a.score > b.score || (a.score === b.score && a.id < b.id);
}
