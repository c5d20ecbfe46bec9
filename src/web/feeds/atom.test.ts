import { parseAtomFeed, parseFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { fakeFeed, HOSTILE_BODY, HOSTILE_HEADLINE_CLEAN } from "../../../test/feeds/fake-feed.js";
import { childNamed, childrenNamed, NS, parseXmlStrict } from "../../../test/feeds/xml-tree.js";
import { renderAtom } from "./atom.js";

describe("renderAtom", () => {
	const xml = renderAtom(fakeFeed());

	it("is well-formed Atom 1.0 in the Atom namespace with the feed's language", () => {
		const root = parseXmlStrict(xml);
		expect(root.uri).toBe(NS.atom);
		expect(root.local).toBe("feed");
		expect(root.attributes["xml:lang"]).toBe("en");
		expect(parseFeed(xml).format).toBe("atom");
	});

	it("has an id, a title, an updated instant and self and alternate links", () => {
		const feed = parseAtomFeed(xml);
		expect(feed.id).toBe("https://news.example.org/news/feed/atom/");
		expect(feed.title).toEqual({ value: "Dateline News – National News", type: "text" });
		expect(feed.subtitle).toEqual({ value: "News & views from across the country.", type: "text" });
		expect(feed.updated).toBe("2026-03-15T07:30:00Z");
		expect(feed.links).toEqual([
			{ href: "https://news.example.org/news/feed/atom/", rel: "self", type: "application/atom+xml" },
			{ href: "https://news.example.org/news/", rel: "alternate", type: "text/html" },
		]);
		expect(feed.authors).toEqual([{ name: "Dateline News", uri: "https://news.example.org/" }]);
	});

	it("carries the whole body as HTML content and the summary as text", () => {
		const [entry] = parseAtomFeed(xml).entries ?? [];
		expect(entry?.title).toEqual({ value: HOSTILE_HEADLINE_CLEAN, type: "text" });
		expect(entry?.content).toEqual({ value: HOSTILE_BODY, type: "html" });
		expect(entry?.summary).toEqual({ value: "Summary with <b>angle</b> brackets & an ampersand.", type: "text" });
	});

	it("gives each entry its id, dates, authors with URIs in order, and categories with term and label", () => {
		const [entry] = parseAtomFeed(xml).entries ?? [];
		expect(entry?.id).toBe("tag:news.example.org,2026-03-14:article/7");
		expect(entry?.published).toBe("2026-03-14T07:30:00Z");
		expect(entry?.updated).toBe("2026-03-15T07:30:00Z");
		expect(entry?.authors).toEqual([
			{ name: "Farida Amiri", uri: "https://news.example.org/author/farida-amiri/" },
			{ name: "Omid Rahimi", uri: "https://news.example.org/author/omid-rahimi/" },
		]);
		expect(entry?.categories).toEqual([
			{ term: "news", scheme: "https://news.example.org/", label: "National News" },
			{ term: "water", scheme: "https://news.example.org/tag/", label: "Water" },
		]);
	});

	it("links the featured image as an enclosure", () => {
		const [withImage, withoutImage] = parseAtomFeed(xml).entries ?? [];
		expect(withImage?.links).toEqual([
			{ href: "https://news.example.org/2026/03/14/tea-and-trade/", rel: "alternate", type: "text/html" },
			{ href: "https://news.example.org/media/tea.jpg", rel: "enclosure", type: "image/jpeg", length: 48213 },
		]);
		expect(withoutImage?.links?.map((link) => link.rel)).toEqual(["alternate"]);
	});

	it("marks an entry in another language with xml:lang", () => {
		const entries = childrenNamed(parseXmlStrict(xml), NS.atom, "entry");
		expect(entries.map((entry) => entry.attributes["xml:lang"])).toEqual([undefined, "fa-AF"]);
	});

	it("is still a valid feed with no entries, dated at the epoch", () => {
		const root = parseXmlStrict(renderAtom(fakeFeed({ items: [], updated: null })));
		expect(childrenNamed(root, NS.atom, "entry")).toEqual([]);
		expect(childNamed(root, NS.atom, "updated").text).toBe("1970-01-01T00:00:00Z");
		expect(childNamed(root, NS.atom, "id").text).toBe("https://news.example.org/news/feed/atom/");
	});
});
