import type { Feed, FeedItem } from "./feed.js";
import { GENERATOR } from "./feed.js";
import { cdata, element, emptyElement, textElement, xmlDocument } from "./xml.js";

const NAMESPACES = {
	"xmlns:atom": "http://www.w3.org/2005/Atom",
	"xmlns:content": "http://purl.org/rss/1.0/modules/content/",
	"xmlns:dc": "http://purl.org/dc/elements/1.1/",
};

function item(entry: FeedItem, channelLanguage: string): string {
	return element("item", {}, [
		textElement("title", entry.title),
		textElement("link", entry.url),
		textElement("guid", entry.id, { isPermaLink: "false" }),
		textElement("pubDate", entry.published.toUTCString()),
		textElement("description", entry.summary),
		`<content:encoded>${cdata(entry.contentHtml)}</content:encoded>`,
		...entry.authors.map((author) => textElement("dc:creator", author.name)),
		...entry.categories.map((category) => textElement("category", category.label, { domain: category.scheme })),
		...(entry.language === channelLanguage ? [] : [textElement("dc:language", entry.language)]),
		...(entry.image
			? [emptyElement("enclosure", { url: entry.image.url, length: entry.image.length, type: entry.image.type })]
			: []),
	]);
}

/** RSS 2.0 with full content (`content:encoded`), bylines (`dc:creator`) and an `atom:link` to itself. */
export function renderRss(feed: Feed): string {
	const channel = element("channel", {}, [
		textElement("title", feed.title),
		textElement("link", feed.homeUrl),
		textElement("description", feed.description),
		textElement("language", feed.language),
		...(feed.updated ? [textElement("lastBuildDate", feed.updated.toUTCString())] : []),
		textElement("generator", GENERATOR),
		emptyElement("atom:link", { href: feed.feedUrls.rss, rel: "self", type: "application/rss+xml" }),
		...feed.items.map((entry) => item(entry, feed.language)),
	]);
	return xmlDocument(element("rss", { version: "2.0", ...NAMESPACES }, [channel]));
}
