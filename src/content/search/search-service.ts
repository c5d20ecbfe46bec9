import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import type { ArticleSummary } from "../articles/article.js";
import type { ArticleService } from "../articles/article-service.js";
import { type ParsedQuery, parseQuery, type SnippetPart, snippet } from "./search.js";

export interface SearchResult {
	story: ArticleSummary;
	snippet: SnippetPart[];
}

export interface SearchPage {
	query: ParsedQuery;
	total: number;
	page: number;
	pages: number;
	results: SearchResult[];
}

/**
 * Reader search over published stories: every word must appear; ranked by
 * BM25 with a nudge towards recent stories; each result with a snippet of its
 * text around the words found.
 */
export class SearchService {
	constructor(
		private readonly deps: {
			db: Db;
			adapter: DialectAdapter;
			clock: Clock;
			articles: ArticleService;
			pageSize?: number;
		},
	) {}

	get pageSize(): number {
		return this.deps.pageSize ?? 10;
	}

	/** One page of results for `raw`; an empty query or a page past the end gives no results, not an error. */
	async search(raw: string, page = 1): Promise<SearchPage> {
		const query = parseQuery(raw);
		const empty = { query, total: 0, page, pages: 0, results: [] };
		if (query.terms.length === 0) return empty;
		const { total, hits } = await this.deps.adapter.searchAllTerms(this.deps.db, {
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
		return { query, total, page, pages, results };
	}
}
