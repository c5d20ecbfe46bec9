import type { ArticleStatus } from "../../db/database.js";

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
}

/** A whole story, for its own page. */
export interface Article extends ArticleSummary {
	status: ArticleStatus;
	bodyHtml: string;
	bodyText: string;
	datelinePlace: string;
	sourceLine: string;
	language: string;
	tags: TagRef[];
	revision: number;
	/** The featured image, if the story has one. */
	featuredMediaId: number | null;
}

/** The calendar date parts of `at` in `timeZone`, zero-padded. */
export function datePartsIn(at: Date, timeZone: string): { yyyy: string; mm: string; dd: string } {
	const parts = new Intl.DateTimeFormat("en-CA", {
		timeZone,
		year: "numeric",
		month: "2-digit",
		day: "2-digit",
	}).formatToParts(at);
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
