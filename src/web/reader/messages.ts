import { digitSystemFor } from "../../i18n/digits.js";
import { ar } from "./messages/ar.js";
import { faAF } from "./messages/fa-AF.js";
import { ps } from "./messages/ps.js";

/**
 * The reader site's message catalog. Every string a reader sees comes from
 * here, so another language is a new catalog, not a template change.
 * `{name}` placeholders are filled by the translator.
 */
export const en = {
	"locale.dates": "en-GB",
	"site.skipToContent": "Skip to content",
	"site.mainNavigation": "Sections",
	"nav.allSections": "All sections",
	"site.footer": "{site} · Published with Dateline",
	"breadcrumb.label": "Breadcrumb",
	"breadcrumb.home": "Home",
	"article.bylinePrefix": "By",
	"article.bylineSeparator": ", ",
	"article.bylineLastSeparator": " and ",
	"article.published": "Published",
	"article.updated": "Updated",
	"article.tags": "Tags",
	"article.aboutAuthor": "About {name}",
	"article.authorLink": "More stories by {name}",
	"article.checkAlso": "Check Also",
	"article.translations": "Read this story in",
	"article.translationOf": "This story in {language}",
	"lang.en": "English",
	"lang.fa-AF": "دری",
	"lang.ps": "پښتو",
	"lang.ar": "العربية",
	"date.both": "{first} · {second}",
	"article.notes": "Corrections and updates",
	"article.note.correction": "Correction",
	"article.note.update": "Update",
	"article.note.clarification": "Clarification",
	"breaking.label": "Breaking news",
	"breaking.tag": "Breaking",
	"home.featured": "Featured",
	"home.lead": "Top story",
	"home.latest": "Latest updates",
	"home.moreIn": "More in {section}",
	"listing.empty": "No stories have been published here yet.",
	"listing.sectionTitle": "{name}",
	"listing.authorTitle": "{name}",
	"listing.authorStories": "Stories by {name}",
	"listing.tagTitle": "Tag: {name}",
	"listing.storyCount": "{count} stories",
	"listing.storyCountOne": "1 story",
	"pagination.label": "Pages",
	"pagination.newer": "← Newer stories",
	"pagination.older": "Older stories →",
	"pagination.pageOf": "Page {page} of {pages}",
	"search.label": "Search",
	"search.button": "Search",
	"search.title": "Search",
	"search.titleFor": "Search: {query}",
	"search.prompt": "Search every published story by its words.",
	"search.results": "{count} results for “{query}”",
	"search.resultsOne": "1 result for “{query}”",
	"search.resultsMore":
		"More than {count} stories match “{query}”: the best of the newest {count} are shown. Add a word to narrow the search.",
	"search.none": "No stories match “{query}”. Try fewer words or another spelling.",
	"search.trimmed": "Searches are limited to {max} characters; yours was shortened.",
	"notFound.title": "Page not found",
	"notFound.body": "There is nothing at this address. The story may have moved, or the link may be mistyped.",
	"notFound.homeLink": "Go to the front page",
	"error.title": "Something went wrong",
	"error.body": "We could not show this page. Please try again in a moment.",
	"badRequest.title": "That request could not be read",
	"badRequest.body": "The address or the request was malformed. Check the link and try again.",
} as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

/** Looks a key up and fills its placeholders; numbers are written in the catalog's digits. */
export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The catalogs by language tag, English first. Each must have every key of `en` (a test checks). */
export const catalogs: Readonly<Record<string, Partial<Catalog>>> = { en, "fa-AF": faAF, ps, ar };

const catalogsByLowerTag = new Map(Object.entries(catalogs).map(([tag, catalog]) => [tag.toLowerCase(), catalog]));

/**
 * The translator for `language` (its own catalog, else its primary language's),
 * falling back to English key by key. Number parameters are written in the
 * digits of the catalog's date locale and grouped as it groups them
 * ("{count} stories" → "۴۰ گزارش", "1,000 results", "۱٬۰۰۰ نتیجه");
 * string parameters are user content and stay as they are.
 */
export function translator(language: string): Translator {
	const tag = language.toLowerCase();
	let known = translators.get(tag);
	if (!known) {
		known = makeTranslator(tag);
		// Pure and asked for on every page: kept per language (a site has a handful; the bound is for a flood of odd tags).
		if (translators.size < 64) translators.set(tag, known);
	}
	return known;
}

const translators = new Map<string, Translator>();

function makeTranslator(tag: string): Translator {
	const primary = catalogsByLowerTag.get(tag) ?? catalogsByLowerTag.get(tag.split("-")[0] ?? "") ?? {};
	const locale = primary["locale.dates"] ?? en["locale.dates"];
	// Counts and page numbers in the catalog's digits, grouped as its locale groups them ("1,000", "۱٬۰۰۰").
	const numbers = new Intl.NumberFormat(locale, { numberingSystem: digitSystemFor(locale), maximumFractionDigits: 20 });
	const fill = (value: string | number) => (typeof value === "number" ? numbers.format(value) : value);
	return (key, params) => {
		const template = primary[key] ?? en[key];
		if (!params) return template;
		return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
			const value = Object.hasOwn(params, name) ? params[name] : undefined;
			return value === undefined ? whole : fill(value);
		});
	};
}

/** Scripts written right to left; their languages get `dir="rtl"`. */
const RTL_LANGUAGES = new Set(["ar", "fa", "ps", "ur", "he", "yi", "ckb", "sd", "ug", "dv"]);

export function directionOf(language: string): "ltr" | "rtl" {
	return RTL_LANGUAGES.has(language.toLowerCase().split("-")[0] ?? "") ? "rtl" : "ltr";
}
