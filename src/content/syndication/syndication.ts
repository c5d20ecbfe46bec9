import type { ArticleSummary, TagRef } from "../articles/article.js";
import { excerpt } from "../text.js";

/** Which stories a feed carries: the whole site, a section with its subsections, an author, or a tag. */
export type FeedScope =
	| { kind: "site" }
	| { kind: "section"; sectionId: number }
	| { kind: "person"; personId: number }
	| { kind: "tag"; tagId: number };

/** A published story with everything a feed entry shows. */
export interface SyndicatedStory extends ArticleSummary {
	bodyHtml: string;
	bodyText: string;
	language: string;
	tags: TagRef[];
}

/** A published story's address parts and last change, for a sitemap. */
export interface SitemapStory {
	id: number;
	slug: string;
	publishedAt: Date;
	lastModified: Date;
}

/** One page of the article sitemaps, with the latest change among its stories. */
export interface SitemapPage {
	page: number;
	lastModified: Date;
}

/** A section, author or tag with the latest change among its published stories (null when it has none). */
export interface SitemapListing {
	slug: string;
	/** The section's URL path ("news/provinces"); the slug for authors and tags. */
	path: string;
	name: string;
	lastModified: Date | null;
}

/** A story for the Google News sitemap. */
export interface NewsStory {
	id: number;
	slug: string;
	headline: string;
	language: string;
	publishedAt: Date;
}

/** How far back the news sitemap reaches, and how many stories it may hold (Google's limits). */
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_MAX_STORIES = 1000;

/**
 * Stories per article sitemap: well under the 50,000 URLs sitemaps.org allows,
 * as WordPress (2,000) keeps them. At 100,000 stories a file of 50,000 took
 * 0.31 s and raised peak memory by 117 MB to build (PostgreSQL: 0.37 s, 105
 * MB), on every node after every publish; one of 5,000 takes 55 ms and 29 MB.
 */
export const SITEMAP_PAGE_SIZE = 5_000;

/**
 * Authors or tags per sitemap: the 50,000 URLs sitemaps.org allows, about
 * 7 MB of XML. Sites moving from WordPress can carry more tags than that,
 * where one file would be refused whole. Each page groups every published
 * story's links to find its entries' dates, so pages are few and large.
 */
export const LISTING_SITEMAP_PAGE_SIZE = 50_000;

/** WordPress's excerpt length, which newsrooms moving from it are used to. */
const SUMMARY_WORDS = 55;

/** A story's summary for feeds: the standfirst, or the opening words of the body when there is none. */
export function storySummary(story: { standfirst: string; bodyText: string }): string {
	const standfirst = story.standfirst.trim();
	return standfirst || excerpt(story.bodyText, SUMMARY_WORDS);
}

/** The later of two optional instants. */
export function latest(a: Date | null, b: Date | null): Date | null {
	if (!a) return b;
	if (!b) return a;
	return a.getTime() >= b.getTime() ? a : b;
}

/** When a story last changed for readers: its update time, or its publication time. */
export function storyLastModified(story: { publishedAt: Date; updatedAt: Date | null }): Date {
	return latest(story.publishedAt, story.updatedAt) ?? story.publishedAt;
}
