/**
 * Text rules shared by every content domain: slugs, word tokens and excerpts.
 * Pure functions, no I/O.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-cases, folds Latin diacritics and drops combining marks, as the search index does. */
export function foldText(text: string): string {
	return text.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase();
}

/** A URL slug: letters and digits of any script joined by hyphens, at most `maxLength` characters. */
export function slugify(text: string, maxLength = 80): string {
	const slug = foldText(text)
		.replace(NOT_WORD, "-")
		.replace(/^-+|-+$/g, "");
	if (slug.length <= maxLength) return slug;
	const cut = slug.slice(0, maxLength);
	const lastHyphen = cut.lastIndexOf("-");
	return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

/** Splits text into folded word tokens. */
export function tokenize(text: string): string[] {
	return foldText(text)
		.split(NOT_WORD)
		.filter((token) => token.length > 0);
}

const TRAILING_PUNCTUATION = /[\s,;:.!?—–-]+$/u;

/**
 * The first `words` words of `text`, cut at a word boundary and ending in "…"
 * when anything was cut; shorter text is returned whole.
 */
export function excerpt(text: string, words = 25): string {
	const all = text.trim().split(/\s+/u);
	if (all.length === 0 || all[0] === "") return "";
	if (all.length <= words) return all.join(" ");
	return `${all.slice(0, words).join(" ").replace(TRAILING_PUNCTUATION, "")}…`;
}
