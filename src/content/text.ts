/**
 * Text rules shared by every content domain: slugs, word tokens and excerpts.
 * Pure functions, no I/O.
 */

const COMBINING_MARKS = /\p{M}+/gu;
/** Anything but printable ASCII, tabs and line breaks. */
const NOT_PLAIN_ASCII = /[^\t\n\r -~]/;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
/** Zero-width non-joiners and joiners, direction marks, soft hyphens: invisible, and never part of a word's identity. */
const FORMAT_CHARACTERS = /\p{Cf}+/gu;
const TATWEEL = /\u0640+/g;
/** Arabic letters that Persian writes with its own code points; both spellings must find each other. */
const PERSIAN_LETTERS: Record<string, string> = { "\u064A": "\u06CC", "\u0649": "\u06CC", "\u0643": "\u06A9" };
const ARABIC_LETTER_VARIANTS = /[\u064A\u0649\u0643]/g;
/** Arabic-Indic (U+0660…) and Persian (U+06F0…) digits read as the same numbers as 0–9. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * The form text takes in the search index and in word comparisons:
 * compatibility-decomposed, without combining marks (Latin accents, Arabic
 * harakat), lower-cased; Arabic yeh and kaf written as their Persian forms,
 * without tatweel, zero-width non-joiners or other invisible format
 * characters, with eastern digits as 0–9.
 */
export function foldText(text: string): string {
	// Plain ASCII has nothing to decompose, strip or map: lower-casing is the whole fold.
	if (!NOT_PLAIN_ASCII.test(text)) return text.toLowerCase();
	return text
		.normalize("NFKD")
		.replace(COMBINING_MARKS, "")
		.replace(FORMAT_CHARACTERS, "")
		.replace(TATWEEL, "")
		.replace(ARABIC_LETTER_VARIANTS, (letter) => PERSIAN_LETTERS[letter] ?? letter)
		.replace(EASTERN_DIGITS, (digit) => String((digit.charCodeAt(0) & 0xf) % 10))
		.toLowerCase();
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
	// One word more than kept is enough to know the text goes on.
	const all = text.trim().split(/\s+/u, words + 1);
	if (all.length === 0 || all[0] === "") return "";
	if (all.length <= words) return all.join(" ");
	return `${all.slice(0, words).join(" ").replace(TRAILING_PUNCTUATION, "")}…`;
}

/** A URL path as requests carry it, percent-encoding in one canonical form, so stored and asked paths compare equal. */
export function canonicalPath(path: string): string {
	let decoded = path;
	try {
		decoded = decodeURI(path);
	} catch {
		return path;
	}
	return encodeURI(decoded);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
	amp: "&",
	lt: "<",
	gt: ">",
	quot: '"',
	apos: "'",
	nbsp: "\u00a0",
	hellip: "…",
	mdash: "—",
	ndash: "–",
	lsquo: "‘",
	rsquo: "’",
	ldquo: "“",
	rdquo: "”",
};

/** Decodes the character references HTML and XML writers put in text and attribute values; unknown names stay as written. */
export function decodeEntities(text: string): string {
	if (!text.includes("&")) return text;
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name.startsWith("#")) {
			const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
			return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
	});
}
