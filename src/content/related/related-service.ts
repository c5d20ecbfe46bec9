import { type Db, inTransaction } from "../../db/database.js";
import type { ArchiveMatcher, DialectAdapter, TextHit } from "../../db/dialects/dialect.js";
import { keyTerms, rankRelated, termCounts } from "./related.js";
import { RelatedRepository } from "./related-repository.js";

/** How many related stories are stored per story; the page shows the first. */
const STORED_RELATED = 5;
/** How many distinctive terms of a story are used to find its neighbours. */
const KEY_TERMS = 20;
/** How many text matches are ranked for recency before the best are kept. */
const CANDIDATES = 40;

/** Stories whose lists are recomputed in one transaction during a full pass. */
const RECOMPUTE_BATCH = 500;
/** Lists recomputed by `refreshAround`: the story's own and those of its neighbours. */
const LISTS_PER_REFRESH = 1 + STORED_RELATED;
/**
 * One list computed by a text query costs about as much as this many computed
 * in memory during a full pass (measured at 10,000 stories: 10 ms against 0.17 ms).
 */
const QUERY_TO_MEMORY_COST = 60;

/**
 * Computes and stores "Check Also" lists: BM25 over the published archive's
 * headlines and bodies, queried with a story's most distinctive terms, with a
 * lean towards stories close in time. Runs when a story is published, edited or
 * unpublished, so a page view only reads the stored list.
 */
export class RelatedService {
	private readonly related: RelatedRepository;

	constructor(
		private readonly db: Db,
		private readonly adapter: DialectAdapter,
	) {
		this.related = new RelatedRepository(db);
	}

	/** Recomputes the list of one published story. */
	async computeFor(articleId: number, db: Db = this.db, frequencies?: FrequencyCache): Promise<number[]> {
		const article = await db
			.selectFrom("articles")
			.select(["headline", "body_text", "published_at", "status"])
			.where("id", "=", articleId)
			.executeTakeFirst();
		if (article?.status !== "published" || !article.published_at) {
			await this.related.replace(articleId, [], db);
			return [];
		}
		const counts = storyTermCounts(article);
		const { total, df } = frequencies
			? await frequencies.lookup(db, [...counts.keys()])
			: await this.adapter.documentFrequencies(db, [...counts.keys()]);
		const terms = keyTerms({ counts, df, total, limit: KEY_TERMS });
		const hits = await this.adapter.matchAnyTerm(db, {
			terms,
			excludeId: articleId,
			limit: CANDIDATES,
		});
		const dates = await this.publishedDates(
			hits.map((hit) => hit.id),
			db,
		);
		return this.store({ articleId, publishedAt: new Date(article.published_at), hits, dates }, db);
	}

	/** Keeps the best `STORED_RELATED` of a story's text matches, leaning towards stories close in time. */
	private async store(
		story: { articleId: number; publishedAt: Date; hits: readonly TextHit[]; dates: ReadonlyMap<number, Date> },
		db: Db,
	): Promise<number[]> {
		const candidates = story.hits.flatMap((hit) => {
			const publishedAt = story.dates.get(hit.id);
			return publishedAt ? [{ id: hit.id, score: hit.score, publishedAt }] : [];
		});
		const ranked = rankRelated({
			candidates,
			publishedAt: story.publishedAt,
			limit: STORED_RELATED,
		});
		await this.related.replace(story.articleId, ranked, db);
		return ranked.map((entry) => entry.id);
	}

	/**
	 * After a story is published or edited: recomputes its list, and the lists of
	 * its closest neighbours and of stories that pointed to it, which may now
	 * rank it differently.
	 */
	async refreshAround(articleId: number, db: Db = this.db): Promise<void> {
		const neighbours = await this.computeFor(articleId, db);
		const pointing = await this.related.articlesPointingTo(articleId, db);
		for (const id of new Set([...neighbours, ...pointing])) {
			if (id !== articleId) await this.computeFor(id, db);
		}
	}

	/**
	 * After many stories changed at once (an import): story by story for a few,
	 * else one full pass, whichever computes less.
	 */
	async refreshMany(ids: readonly number[], onProgress?: (done: number, total: number) => void): Promise<void> {
		if (ids.length === 0) return;
		const { published } = await this.db
			.selectFrom("articles")
			.select((eb) => eb.fn.countAll<number>().as("published"))
			.where("status", "=", "published")
			.executeTakeFirstOrThrow();
		const fullPass = this.adapter.openArchiveMatcher ? Number(published) / QUERY_TO_MEMORY_COST : Number(published);
		if (ids.length * LISTS_PER_REFRESH > fullPass) return this.recomputeAll(onProgress);
		for (const [index, id] of ids.entries()) {
			await this.refreshAround(id);
			onProgress?.(index + 1, ids.length);
		}
	}

	/** After a story leaves the public site: the stories that pointed to it find another. */
	async forget(articleId: number, db: Db = this.db): Promise<void> {
		const pointing = await this.related.articlesPointingTo(articleId, db);
		await this.related.replace(articleId, [], db);
		for (const id of pointing) await this.computeFor(id, db);
	}

	/**
	 * Recomputes every published story's list (after a bulk load): in memory
	 * where the dialect can read its text index once, else story by story. Both
	 * store the same lists.
	 */
	async recomputeAll(onProgress?: (done: number, total: number) => void): Promise<void> {
		const matcher = await this.adapter.openArchiveMatcher?.(this.db);
		if (matcher) return this.recomputeInMemory(matcher, onProgress);
		const ids = await this.db.selectFrom("articles").select("id").where("status", "=", "published").execute();
		let done = 0;
		// Only "Check Also" lists change during this pass, not the text index: term statistics can be kept.
		const frequencies = new FrequencyCache(this.adapter);
		// A few hundred lists per transaction: one commit each, not one per story.
		for (let start = 0; start < ids.length; start += RECOMPUTE_BATCH) {
			const batch = ids.slice(start, start + RECOMPUTE_BATCH);
			await inTransaction(this.db, async (trx) => {
				for (const { id } of batch) {
					await this.computeFor(id, trx, frequencies);
					done += 1;
					onProgress?.(done, ids.length);
				}
			});
		}
	}

	/**
	 * `computeFor` for every story against one in-memory read of the index: first
	 * each story's key terms (its text read a batch at a time), then where those
	 * terms occur, then every story's matches.
	 */
	private async recomputeInMemory(
		matcher: ArchiveMatcher,
		onProgress?: (done: number, total: number) => void,
	): Promise<void> {
		const rows = await this.db
			.selectFrom("articles")
			.select(["id", "published_at"])
			.where("status", "=", "published")
			.orderBy("id")
			.execute();
		const dates = publicationDates(rows);
		const termsOf = new Map<number, string[]>();
		for (let start = 0; start < rows.length; start += RECOMPUTE_BATCH) {
			const ids = rows.slice(start, start + RECOMPUTE_BATCH).map((row) => row.id);
			const stories = await this.db
				.selectFrom("articles")
				.select(["id", "headline", "body_text"])
				.where("id", "in", ids)
				.execute();
			for (const story of stories) {
				const counts = storyTermCounts(story);
				termsOf.set(story.id, keyTerms({ counts, df: matcher.df, total: matcher.total, limit: KEY_TERMS }));
			}
		}
		await matcher.loadTerms(new Set([...termsOf.values()].flat()));
		let done = 0;
		for (let start = 0; start < rows.length; start += RECOMPUTE_BATCH) {
			const batch = rows.slice(start, start + RECOMPUTE_BATCH);
			await inTransaction(this.db, async (trx) => {
				for (const { id } of batch) {
					const publishedAt = dates.get(id);
					const terms = termsOf.get(id) ?? [];
					const hits = publishedAt ? matcher.matchAnyTerm({ terms, excludeId: id, limit: CANDIDATES }) : [];
					if (publishedAt) await this.store({ articleId: id, publishedAt, hits, dates }, trx);
					else await this.related.replace(id, [], trx);
					done += 1;
					onProgress?.(done, rows.length);
				}
			});
		}
	}

	async relatedIds(articleId: number, limit: number): Promise<number[]> {
		return this.related.publishedRelatedIds(articleId, limit);
	}

	private async publishedDates(ids: readonly number[], db: Db): Promise<Map<number, Date>> {
		if (ids.length === 0) return new Map();
		const rows = await db
			.selectFrom("articles")
			.select(["id", "published_at"])
			.where("id", "in", ids)
			.where("status", "=", "published")
			.execute();
		return publicationDates(rows);
	}
}

/** Each story's publication time, by id; a row without one is left out. */
function publicationDates(rows: readonly { id: number; published_at: string | null }[]): Map<number, Date> {
	return new Map(rows.flatMap((row) => (row.published_at ? [[row.id, new Date(row.published_at)] as const] : [])));
}

/** The terms a story is matched by: its headline and body. */
function storyTermCounts(story: { headline: string; body_text: string }): Map<string, number> {
	return termCounts({ headline: story.headline, body: story.body_text });
}

/**
 * Document frequencies remembered across one pass over many stories, while
 * the text index does not change: each term is looked up once.
 */
class FrequencyCache {
	private total: number | undefined;
	private readonly known = new Map<string, number>();

	constructor(private readonly adapter: DialectAdapter) {}

	async lookup(db: Db, terms: readonly string[]): Promise<{ total: number; df: Map<string, number> }> {
		const missing = terms.filter((term) => !this.known.has(term));
		if (missing.length > 0 || this.total === undefined) {
			const fetched = await this.adapter.documentFrequencies(db, missing);
			this.total = fetched.total;
			for (const term of missing) this.known.set(term, fetched.df.get(term) ?? 0);
		}
		const df = new Map<string, number>();
		for (const term of terms) {
			const count = this.known.get(term) ?? 0;
			if (count > 0) df.set(term, count);
		}
		return { total: this.total, df };
	}
}
