import type { ArticleStatus } from "../../db/database.js";
import { matchesLanguage } from "../language-tags.js";

export type { ArticleStatus };

/** A byline as shown on a story. */
export interface Byline {
	id: number;
	slug: string;
	name: string;
	jobTitle: string;
	bio: string;
}

export interface TagRef {
	id: number;
	slug: string;
	name: string;
	/** The tag's names in other languages, by language tag, where they were read with it (a story page on PostgreSQL). */
	names?: Readonly<Record<string, string>>;
}

export interface SectionRef {
	id: number;
	slug: string;
	name: string;
	/** "news" or "news/provinces": the section's URL path without slashes at the ends. */
	path: string;
	parentId: number | null;
}

/** A story as listed on home, section, author and tag pages. */
export interface ArticleSummary {
	id: number;
	slug: string;
	headline: string;
	standfirst: string;
	publishedAt: Date;
	updatedAt: Date | null;
	section: SectionRef;
	bylines: Byline[];
	/** The story's language, so lists in another language can mark it. */
	language: string;
}

/** The story a "Check Also" box links to; `bodyText` is the opening of its text, for an excerpt. */
export interface CheckAlsoStory {
	id: number;
	slug: string;
	headline: string;
	language: string;
	publishedAt: Date;
	bodyText: string;
}

/** A whole story, for its own page. */
export interface Article extends ArticleSummary {
	status: ArticleStatus;
	bodyHtml: string;
	/** Its plain text, or on its public page only the opening (enough for a description). */
	bodyText: string;
	datelinePlace: string;
	sourceLine: string;
	language: string;
	tags: TagRef[];
	revision: number;
	/** The featured image, if the story has one. */
	featuredMediaId: number | null;
	/** The group of stories that are translations of one another, if any. */
	translationGroup: number | null;
}

/** A published story of a translation group: what a language switcher and hreflang alternates name. */
export interface ArticleTranslation {
	id: number;
	language: string;
	headline: string;
	slug: string;
	publishedAt: Date;
	/** Its public path, /yyyy/mm/dd/slug/. */
	path: string;
}

/** One `<link rel="alternate" hreflang>`: a language tag, or "x-default", and a site path. */
export interface HreflangAlternate {
	hreflang: string;
	path: string;
}

/**
 * The hreflang alternates of a story and its translations (`versions`, the
 * story itself first): one per language, ordered by tag, then "x-default",
 * which is the version in the site's language, or else the group's oldest
 * story (the lowest id), the one the others were most likely translated from.
 */
export function hreflangAlternates(
	versions: readonly { id: number; language: string; path: string }[],
	siteLanguage: string,
): HreflangAlternate[] {
	const byLanguage = new Map<string, { id: number; language: string; path: string }>();
	for (const version of versions) if (!byLanguage.has(version.language)) byLanguage.set(version.language, version);
	const unique = [...byLanguage.values()];
	if (unique.length === 0) return [];
	const oldest = unique.reduce((a, b) => (b.id < a.id ? b : a));
	const fallback =
		unique.find((version) => version.language === siteLanguage) ??
		unique.find((version) => matchesLanguage(version.language, siteLanguage)) ??
		oldest;
	return [
		...unique
			.sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : 0))
			.map((version) => ({ hreflang: version.language, path: version.path })),
		{ hreflang: "x-default", path: fallback.path },
	];
}

/** Creating an Intl formatter costs far more than using one: keep one per time zone. */
const datePartFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date parts of `at` in `timeZone`, zero-padded. */
export function datePartsIn(at: Date, timeZone: string): { yyyy: string; mm: string; dd: string } {
	// In UTC (the default zone) the ISO form already holds them: no ICU call for each link on a page.
	if (timeZone === "UTC" && at.getUTCFullYear() >= 1000 && at.getUTCFullYear() <= 9999) {
		const iso = at.toISOString();
		return { yyyy: iso.slice(0, 4), mm: iso.slice(5, 7), dd: iso.slice(8, 10) };
	}
	let formatter = datePartFormatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
		datePartFormatters.set(timeZone, formatter);
	}
	const parts = formatter.formatToParts(at);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
	return { yyyy: part("year"), mm: part("month"), dd: part("day") };
}

/** The public path of a story: /yyyy/mm/dd/slug/, dated in the site's time zone. */
export function articlePath(article: { slug: string; publishedAt: Date }, timeZone: string): string {
	const { yyyy, mm, dd } = datePartsIn(article.publishedAt, timeZone);
	return `/${yyyy}/${mm}/${dd}/${encodeURIComponent(article.slug)}/`;
}

export function sectionPath(section: { path: string }): string {
	return `/${section.path.split("/").map(encodeURIComponent).join("/")}/`;
}

export function authorPath(person: { slug: string }): string {
	return `/author/${encodeURIComponent(person.slug)}/`;
}

export function tagPath(tag: { slug: string }): string {
	return `/tag/${encodeURIComponent(tag.slug)}/`;
}

/** `base` for page 1, `base` + "page/N/" after it, as WordPress does. */
export function pagedPath(base: string, page: number): string {
	return page <= 1 ? base : `${base}page/${page}/`;
}

/** The three feeds of a listing at `base` ("/" for the whole site, "/news/" for a section, …). */
export function feedPaths(base: string): { rss: string; atom: string; json: string } {
	return { rss: `${base}feed/`, atom: `${base}feed/atom/`, json: `${base}feed.json` };
}
