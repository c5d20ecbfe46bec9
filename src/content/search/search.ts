import type { TextDocument } from "../../db/dialects/dialect.js";
import { foldText, tokenize } from "../text.js";

/** Longer queries are cut to this many characters before anything else. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many words of a query are searched for. */
const MAX_TERMS = 12;

/** The index holds folded text, so that every spelling the folding joins finds the others. */
export function searchDocument(story: { id: number; headline: string; bodyText: string }): TextDocument {
	return { id: story.id, headline: foldText(story.headline), body: foldText(story.bodyText) };
}

export interface ParsedQuery {
	/** The query as the reader typed it, trimmed and cut to MAX_QUERY_LENGTH. */
	text: string;
	/** Distinct folded words; every one must appear in a result. */
	terms: string[];
}

/**
 * Reads a reader's query as plain words. Quotes, operators (AND, OR, NEAR),
 * `*`, `-` and parentheses are not syntax here: they are either words or
 * separators, so no query can make the search fail.
 */
export function parseQuery(raw: string): ParsedQuery {
	const text = [...raw.trim()].slice(0, MAX_QUERY_LENGTH).join("").trim();
	const terms = [...new Set(tokenize(text))].slice(0, MAX_TERMS);
	return { text, terms };
}

/** A piece of a snippet; `match` pieces are shown highlighted. */
export interface SnippetPart {
	text: string;
	match: boolean;
}

/** How much of a story's text is searched for the snippet window. */
const MAX_SNIPPET_SOURCE = 2500;

const WORD_OR_GAP = /[\p{L}\p{N}\p{M}\p{Cf}\u0640]+|[^\p{L}\p{N}\p{M}\p{Cf}\u0640]+/gu;

/**
 * About `words` words of `text` around the densest run of query terms, split
 * into parts so that matched words can be highlighted. Matching compares
 * folded words, so "Kābul" is found by "kabul" and Arabic kaf by Persian kaf.
 */
export function snippet(input: { text: string; terms: readonly string[]; words?: number }): SnippetPart[] {
	const size = input.words ?? 30;
	const wanted = new Set(input.terms);
	// Long stories: the window is sought in the opening words, where a reader would look first.
	const pieces = input.text.slice(0, MAX_SNIPPET_SOURCE).replace(/\s+/g, " ").trim().match(WORD_OR_GAP) ?? [];
	const words: { index: number; match: boolean }[] = [];
	// Words repeat; fold each distinct word once.
	const seen = new Map<string, boolean>();
	pieces.forEach((piece, index) => {
		if (!/[\p{L}\p{N}]/u.test(piece)) return;
		let match = seen.get(piece);
		if (match === undefined) {
			match = tokenize(piece).some((token) => wanted.has(token));
			seen.set(piece, match);
		}
		words.push({ index, match });
	});
	if (words.length === 0) return [];

	let bestStart = 0;
	let bestCount = -1;
	let count = 0;
	for (let i = 0; i < words.length; i += 1) {
		if (words[i]?.match) count += 1;
		if (i >= size && words[i - size]?.match) count -= 1;
		const start = Math.max(0, i - size + 1);
		if (count > bestCount) {
			bestCount = count;
			bestStart = start;
		}
	}
	const reachesEnd = bestStart + size >= words.length;
	const first = bestStart === 0 ? 0 : (words[bestStart]?.index ?? 0);
	const last = reachesEnd ? pieces.length - 1 : (words[bestStart + size - 1]?.index ?? pieces.length - 1);
	const parts: SnippetPart[] = [];
	if (bestStart > 0) parts.push({ text: "… ", match: false });
	const matchedIndexes = new Set(words.filter((word) => word.match).map((word) => word.index));
	for (let index = first; index <= last; index += 1) {
		const text = pieces[index] ?? "";
		const match = matchedIndexes.has(index);
		const previous = parts[parts.length - 1];
		if (previous && previous.match === match && !match) previous.text += text;
		else parts.push({ text, match });
	}
	if (!reachesEnd) parts.push({ text: " …", match: false });
	return parts;
}
