import { tokenize } from "../text.js";

/**
 * Words too common to say what a story is about. The index weights terms by
 * rarity anyway; this list keeps them out of short archives where rarity is noisy.
 */
const STOPWORDS = new Set(
	(
		"a about above after again against all also am an and any are as at be because been before being below between both but by " +
		"can could did do does doing down during each few for from further had has have having he her here hers herself him himself " +
		"his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours " +
		"ourselves out over own said same says she should so some such than that the their theirs them themselves then there these " +
		"they this those through to too under until up very was we were what when where which while who whom why will with would " +
		"you your yours yourself yourselves one two three new last year years week told says say like also many much may might must " +
		"since still yet per"
	).split(" "),
);

/** Term counts of a story: headline words count `headlineWeight` times. */
export function termCounts(document: { headline: string; body: string }, headlineWeight = 3): Map<string, number> {
	const counts = new Map<string, number>();
	const add = (text: string, weight: number) => {
		for (const token of tokenize(text)) {
			if (token.length < 3 || STOPWORDS.has(token) || /^\d+$/.test(token)) continue;
			counts.set(token, (counts.get(token) ?? 0) + weight);
		}
	};
	add(document.headline, headlineWeight);
	add(document.body, 1);
	return counts;
}

/**
 * The `limit` terms that best say what a story is about: TF-IDF over the
 * archive, where `df` counts the indexed stories containing each term (the
 * story itself included) and `total` is the archive's size. Terms found in no
 * other story cannot connect it to anything, so they are left out.
 */
export function keyTerms(input: {
	counts: ReadonlyMap<string, number>;
	df: ReadonlyMap<string, number>;
	total: number;
	limit: number;
}): string[] {
	const scored: { term: string; weight: number }[] = [];
	for (const [term, count] of input.counts) {
		const df = input.df.get(term) ?? 0;
		if (df < 2) continue;
		const idf = Math.log(1 + (input.total - df + 0.5) / (df + 0.5));
		if (idf <= 0) continue;
		scored.push({ term, weight: (1 + Math.log(count)) * idf });
	}
	scored.sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
	return scored.slice(0, input.limit).map((entry) => entry.term);
}

export interface RelatedCandidate {
	id: number;
	/** BM25 relevance, higher is better. */
	score: number;
	publishedAt: Date;
}

/** How many days apart two stories may be before recency stops helping. */
const RECENCY_HALF_LIFE_DAYS = 30;
/** At most this share of the final score comes from recency; relevance always leads. */
const RECENCY_SHARE = 0.25;

/**
 * Orders candidates by relevance with a lean towards stories close in time to
 * the one being read (for a new story: the most recent ones).
 */
export function rankRelated(input: {
	candidates: readonly RelatedCandidate[];
	publishedAt: Date;
	limit: number;
}): RelatedCandidate[] {
	const best = Math.max(0, ...input.candidates.map((candidate) => candidate.score));
	if (best <= 0) return [];
	const blended = input.candidates.map((candidate) => {
		const days = Math.abs(input.publishedAt.getTime() - candidate.publishedAt.getTime()) / 86_400_000;
		const recency = 0.5 ** (days / RECENCY_HALF_LIFE_DAYS);
		const relevance = candidate.score / best;
		return {
			...candidate,
			score: (1 - RECENCY_SHARE) * relevance + RECENCY_SHARE * recency,
		};
	});
	blended.sort((a, b) => b.score - a.score || b.publishedAt.getTime() - a.publishedAt.getTime());
	return blended.slice(0, input.limit);
}
