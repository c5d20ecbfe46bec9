import type { Feed, FeedItem } from "./feed.js";
import { rfc3339, xmlSafe } from "./xml.js";

function item(entry: FeedItem, feedLanguage: string): Record<string, unknown> {
	return {
		id: entry.id,
		url: entry.url,
		title: entry.title,
		content_html: entry.contentHtml,
		summary: entry.summary,
		...(entry.image ? { image: entry.image.url } : {}),
		date_published: rfc3339(entry.published),
		date_modified: rfc3339(entry.updated),
		authors: entry.authors.map((author) => ({ name: author.name, url: author.url })),
		tags: entry.categories.map((category) => category.label),
		...(entry.language === feedLanguage ? {} : { language: entry.language }),
	};
}

/** Control characters and lone surrogates are as useless to a JSON reader as to an XML one: drop them too. */
function clean(_key: string, value: unknown): unknown {
	return typeof value === "string" ? xmlSafe(value) : value;
}

/** JSON Feed 1.1, with `authors` (name and url) on each item and the section and tags as `tags`. */
export function renderJsonFeed(feed: Feed): string {
	return `${JSON.stringify(
		{
			version: "https://jsonfeed.org/version/1.1",
			title: feed.title,
			home_page_url: feed.homeUrl,
			feed_url: feed.feedUrls.json,
			...(feed.description ? { description: feed.description } : {}),
			language: feed.language,
			authors: [{ name: feed.publisher.name, url: feed.publisher.url }],
			items: feed.items.map((entry) => item(entry, feed.language)),
		},
		clean,
		"\t",
	)}\n`;
}
