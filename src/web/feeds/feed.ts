/**
 * A feed as plain data, the same for every format: `renderRss`, `renderAtom`
 * and `renderJsonFeed` each turn one into a document. Every URL is absolute.
 */
export interface Feed {
	title: string;
	description: string;
	/** BCP 47 language tag of the listing ("en", "fa-AF"). */
	language: string;
	/** The HTML page this feed follows. */
	homeUrl: string;
	/** This listing's three feeds; each format names its own as `self`. */
	feedUrls: { rss: string; atom: string; json: string };
	/** The latest change among the listing's stories; null for a listing that has none. */
	updated: Date | null;
	/** Who publishes the feed: the site. Atom entries without a byline fall back to it. */
	publisher: FeedAuthor;
	items: FeedItem[];
}

export interface FeedItem {
	/** A permanent id that survives a changed slug (a tag: URI). */
	id: string;
	url: string;
	title: string;
	/** Plain text: the standfirst or an excerpt. */
	summary: string;
	/** The whole sanitized body. */
	contentHtml: string;
	published: Date;
	updated: Date;
	language: string;
	/** Bylines in order. */
	authors: FeedAuthor[];
	/** The section first, then the tags in the editor's order. */
	categories: FeedCategory[];
	/** The featured image, once stories have one (the media work fills it). */
	image?: FeedImage;
}

export interface FeedAuthor {
	name: string;
	url: string;
}

/** `scheme` + `term` names the category; `label` is what readers see. */
export interface FeedCategory {
	term: string;
	label: string;
	scheme: string;
}

/** An enclosure: RSS and Atom need its MIME type and size in bytes. */
export interface FeedImage {
	url: string;
	type: string;
	length: number;
}

export const GENERATOR = "Dateline";
