import type { Feed, FeedAuthor, FeedItem } from "./feed.js";
import { GENERATOR } from "./feed.js";
import { element, emptyElement, rfc3339, textElement, xmlDocument } from "./xml.js";

/** Atom requires `updated` even for a listing that has never changed; it then says the epoch. */
const NEVER = new Date(0);

function author(person: FeedAuthor): string {
	return element("author", {}, [textElement("name", person.name), textElement("uri", person.url)]);
}

function entry(item: FeedItem, feedLanguage: string): string {
	return element("entry", { "xml:lang": item.language === feedLanguage ? undefined : item.language }, [
		textElement("id", item.id),
		textElement("title", item.title, { type: "text" }),
		emptyElement("link", { rel: "alternate", type: "text/html", href: item.url }),
		textElement("published", rfc3339(item.published)),
		textElement("updated", rfc3339(item.updated)),
		...item.authors.map(author),
		...item.categories.map((category) =>
			emptyElement("category", { term: category.term, scheme: category.scheme, label: category.label }),
		),
		textElement("summary", item.summary, { type: "text" }),
		textElement("content", item.contentHtml, { type: "html" }),
		...(item.image
			? [
					emptyElement("link", {
						rel: "enclosure",
						type: item.image.type,
						length: item.image.length,
						href: item.image.url,
					}),
				]
			: []),
	]);
}

/**
 * Atom 1.0. The feed's id is its own address; entries carry the HTML body as
 * escaped `type="html"` content, and the site is the feed-level author that
 * entries without a byline inherit.
 */
export function renderAtom(feed: Feed): string {
	const children = [
		textElement("id", feed.feedUrls.atom),
		textElement("title", feed.title, { type: "text" }),
		...(feed.description ? [textElement("subtitle", feed.description, { type: "text" })] : []),
		textElement("updated", rfc3339(feed.updated ?? NEVER)),
		emptyElement("link", { rel: "self", type: "application/atom+xml", href: feed.feedUrls.atom }),
		emptyElement("link", { rel: "alternate", type: "text/html", href: feed.homeUrl }),
		author(feed.publisher),
		textElement("generator", GENERATOR),
		...feed.items.map((item) => entry(item, feed.language)),
	];
	return xmlDocument(element("feed", { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": feed.language }, children));
}
