/**
 * BCP 47 language tags as content uses them: stories, section and tag names.
 * Pure functions, no I/O.
 */

/** A language tag such as "en", "fa-AF", "ps" or "zh-Hant": BCP 47 in shape, not checked against the registry. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Tags already made canonical: a site uses a handful, and ICU's canonicalisation runs on every page. */
const canonicalSpellings = new Map<string, string | undefined>();
const REMEMBERED_SPELLINGS = 256;

/** The canonical spelling of a language tag ("fa-af" → "fa-AF"), or undefined when it is not one. */
export function canonicalLanguageTag(tag: string): string | undefined {
	if (canonicalSpellings.has(tag)) return canonicalSpellings.get(tag);
	const canonical = canonicalSpelling(tag);
	if (canonicalSpellings.size < REMEMBERED_SPELLINGS) canonicalSpellings.set(tag, canonical);
	return canonical;
}

function canonicalSpelling(tag: string): string | undefined {
	const trimmed = tag.trim();
	if (!LANGUAGE_TAG.test(trimmed)) return undefined;
	try {
		return Intl.getCanonicalLocales(trimmed)[0];
	} catch {
		return undefined;
	}
}

/** The tags to look a name up under, most specific first: "fa-AF" → ["fa-AF", "fa"]. */
export function languageFallbacks(tag: string): string[] {
	const canonical = canonicalLanguageTag(tag) ?? tag;
	const primary = canonical.split("-")[0] ?? canonical;
	return primary === canonical ? [canonical] : [canonical, primary];
}

/** Whether a story in `tag` is written in `wanted`: the same tag, or the same primary language when one of them names no region. */
export function matchesLanguage(tag: string, wanted: string): boolean {
	const a = (canonicalLanguageTag(tag) ?? tag).toLowerCase();
	const b = (canonicalLanguageTag(wanted) ?? wanted).toLowerCase();
	if (a === b) return true;
	const primaryA = a.split("-")[0];
	const primaryB = b.split("-")[0];
	return primaryA === primaryB && (primaryA === a || primaryB === b);
}
