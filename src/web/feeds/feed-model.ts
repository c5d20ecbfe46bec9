import { articlePath, authorPath, feedPaths, type TagRef } from "../../content/articles/article.js";
import { type SyndicatedStory, storyLastModified, storySummary } from "../../content/syndication/syndication.js";
import type { Feed, FeedCategory, FeedItem } from "./feed.js";

/** Where absolute addresses start and which calendar article paths use. */
export interface FeedSiteOptions {
	publicUrl: string;
	timeZone: string;
}

/** What a feed is built from: the site, the listing it follows (none for the whole site) and its newest stories. */
export interface FeedSource {
	site: { name: string; tagline: string; language: string };
	listing?: { name: string; description: string; path: string };
	stories: readonly SyndicatedStory[];
	lastModified: Date | null;
}

/**
 * A permanent id for a story (RFC 4151 tag URI): the site's host, the day it
 * was first published and its number, so a changed slug is not a new entry.
 */
export function storyTagUri(story: { id: number; publishedAt: Date }, publicUrl: string): string {
	const host = new URL(publicUrl).hostname;
	return `tag:${host},${story.publishedAt.toISOString().slice(0, 10)}:article/${story.id}`;
}

function tagCategory(tag: TagRef, publicUrl: string): FeedCategory {
	return { term: tag.slug, label: tag.name, scheme: `${publicUrl}/tag/` };
}

/** One story as a feed item: absolute links, summary, whole body, bylines in order, section then tags. */
export function feedItem(story: SyndicatedStory, options: FeedSiteOptions): FeedItem {
	const { publicUrl } = options;
	return {
		id: storyTagUri(story, publicUrl),
		url: `${publicUrl}${articlePath(story, options.timeZone)}`,
		title: story.headline,
		summary: storySummary(story),
		contentHtml: story.bodyHtml,
		published: story.publishedAt,
		updated: storyLastModified(story),
		language: story.language,
		authors: story.bylines.map((byline) => ({ name: byline.name, url: `${publicUrl}${authorPath(byline)}` })),
		categories: [
			{ term: story.section.path, label: story.section.name, scheme: `${publicUrl}/` },
			...story.tags.map((tag) => tagCategory(tag, publicUrl)),
		],
	};
}

/** The feed of a listing: "<site>" or "<site> – <listing>", described by the listing or the site's tagline. */
export function buildFeed(source: FeedSource, options: FeedSiteOptions): Feed {
	const { publicUrl } = options;
	const { site, listing } = source;
	const path = listing?.path ?? "/";
	const paths = feedPaths(path);
	return {
		title: listing ? `${site.name} – ${listing.name}` : site.name,
		description: listing?.description || site.tagline,
		language: site.language,
		homeUrl: `${publicUrl}${path}`,
		feedUrls: {
			rss: `${publicUrl}${paths.rss}`,
			atom: `${publicUrl}${paths.atom}`,
			json: `${publicUrl}${paths.json}`,
		},
		updated: source.lastModified,
		publisher: { name: site.name, url: `${publicUrl}/` },
		items: source.stories.map((story) => feedItem(story, options)),
	};
}
