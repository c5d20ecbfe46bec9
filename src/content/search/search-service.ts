import { LruMap } from "../../cache/lru-map.js";
import type { PurgeBus } from "../../cache/purge-bus.js";
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import { WorkLimit } from "../../work-limit.js";
import type { ArticleSummary } from "../articles/article.js";
import type { ArticleService } from "../articles/article-service.js";
import { type ParsedQuery, parseQuery, type SnippetPart, snippet } from "./search.js";

export interface SearchResult {
	story: ArticleSummary;
	snippet: SnippetPart[];
}

export interface SearchPage {
	query: ParsedQuery;
	/** Stories found, counted up to SEARCH_WINDOW. */
	total: number;
	/** More stories match than were ranked: the results are the best of the newest SEARCH_WINDOW. */
	more: boolean;
	page: number;
	pages: number;
	results: SearchResult[];
}

/** Result pages kept: a breaking story sends many readers to the same few searches. */
const CACHED_PAGES = 256;
/** A kept page is recomputed after this long, as the recency nudge moves with the clock. */
const CACHED_FOR_MS = 60_000;
/** Searches that may wait for a turn (beside the dialect's `searchesAtOnce` running); one more is refused at once (ERR_SEARCH_BUSY, 503). */
export const SEARCHES_WAITING = 64;

/** A result page kept, or still being found for the reader whose `signal` it carries. */
interface KeptPage {
	page: Promise<SearchPage>;
	until: number;
	signal: AbortSignal | undefined;
}

/**
 * Reader search over published stories: every word must appear; ranked by
 * BM25 with a nudge towards recent stories; each result with a snippet of its
 * text around the words found.
 *
 * The last few hundred result pages are kept for a minute. Any published
 * change (the purge bus carries every one, from every node) drops them all, so
 * a kept page never shows a story that was edited or unpublished since.
 * Distinct queries cannot grow memory past CACHED_PAGES.
 *
 * Searches that reach the database take turns (see WorkLimit): a flood of
 * distinct searches waits, or is refused with ERR_SEARCH_BUSY, instead of
 * holding up every other page of the site.
 */
export class SearchService {
	private readonly kept = new LruMap<string, KeptPage>(CACHED_PAGES);
	private readonly turns: WorkLimit;

	constructor(
		private readonly deps: {
			db: Db;
			adapter: DialectAdapter;
			clock: Clock;
			articles: ArticleService;
			pageSize?: number;
			/** Where content changes are announced; without it nothing is kept. */
			purge?: PurgeBus;
			/** Searches at once and waiting; the dialect's `searchesAtOnce` and SEARCHES_WAITING when not given. */
			limit?: { running: number; waiting: number };
		},
	) {
		deps.purge?.subscribe(() => this.kept.clear());
		this.turns = new WorkLimit(
			deps.limit?.running ?? deps.adapter.searchesAtOnce,
			deps.limit?.waiting ?? SEARCHES_WAITING,
			"ERR_SEARCH_BUSY",
		);
	}

	/** How many result pages are kept now (at most CACHED_PAGES). */
	get keptPages(): number {
		return this.kept.size;
	}

	get pageSize(): number {
		return this.deps.pageSize ?? 10;
	}

	/**
	 * One page of results for `raw`; an empty query or a page past the end gives
	 * no results, not an error. `signal` says the reader has gone: a search still
	 * waiting for its turn is then dropped, and throws the signal's reason.
	 */
	async search(raw: string, page = 1, signal?: AbortSignal): Promise<SearchPage> {
		const query = parseQuery(raw);
		if (query.terms.length === 0) return { query, total: 0, more: false, page, pages: 0, results: [] };
		if (!this.deps.purge) return this.find(query, page, signal);
		const key = `${page} ${query.terms.join(" ")}`;
		const now = this.deps.clock.now().getTime();
		const known = this.kept.get(key);
		if (known && known.until > now) {
			try {
				// The reader's own spelling of the query is shown back; the results depend only on its terms.
				return { ...(await known.page), query };
			} catch (error) {
				// Dropped because the reader who asked first has gone: this one asks again.
				if (known.signal?.aborted && error === known.signal.reason) return this.search(raw, page, signal);
				throw error;
			}
		}
		// Kept while it is still being found, so the same search arriving meanwhile waits for this one.
		const entry: KeptPage = { page: this.find(query, page, signal), until: now + CACHED_FOR_MS, signal };
		this.kept.set(key, entry);
		entry.page.catch(() => {
			if (this.kept.get(key) === entry) this.kept.delete(key);
		});
		return entry.page;
	}

	private find(query: ParsedQuery, page: number, signal: AbortSignal | undefined): Promise<SearchPage> {
		return this.turns.run(() => this.findNow(query, page), signal);
	}

	private async findNow(query: ParsedQuery, page: number): Promise<SearchPage> {
		const { total, more, hits } = await this.deps.adapter.searchAllTerms(this.deps.db, {
			terms: query.terms,
			limit: this.pageSize,
			offset: (page - 1) * this.pageSize,
			now: this.deps.clock.now(),
		});
		const pages = Math.ceil(total / this.pageSize);
		const ids = hits.map((hit) => hit.id);
		const [stories, texts] = await Promise.all([
			this.deps.articles.summariesByIds(ids),
			this.deps.articles.bodyTexts(ids),
		]);
		const byId = new Map(stories.map((story) => [story.id, story]));
		const results = ids.flatMap((id) => {
			const story = byId.get(id);
			if (!story) return [];
			const text = texts.get(id) ?? "";
			return [{ story, snippet: snippet({ text: text || story.standfirst, terms: query.terms }) }];
		});
		return { query, total, more, page, pages, results };
	}
}
