import { element, emptyElement, rfc3339, textElement, xmlDocument } from "./xml.js";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const XHTML_NS = "http://www.w3.org/1999/xhtml";

/** One address in a sitemap (or one sitemap in an index), absolute. */
export interface SitemapUrl {
	loc: string;
	lastModified?: Date | null;
	/** The same page in other languages (and "x-default"), with absolute hrefs; the page itself included. */
	alternates?: readonly { hreflang: string; href: string }[];
}

/** One story in the news sitemap. */
export interface NewsSitemapEntry {
	loc: string;
	title: string;
	/** BCP 47 language tag of the story. */
	language: string;
	publishedAt: Date;
}

function lastmod(at: Date | null | undefined): string[] {
	return at ? [textElement("lastmod", rfc3339(at))] : [];
}

/** A sitemap index listing child sitemaps. */
export function renderSitemapIndex(sitemaps: readonly SitemapUrl[]): string {
	const children = sitemaps.map((sitemap) =>
		element("sitemap", {}, [textElement("loc", sitemap.loc), ...lastmod(sitemap.lastModified)]),
	);
	return xmlDocument(element("sitemapindex", { xmlns: SITEMAP_NS }, children));
}

/** Google's form of hreflang in a sitemap: `<xhtml:link rel="alternate" hreflang href>` inside the `<url>`. */
function alternateLinks(url: SitemapUrl): string[] {
	return (url.alternates ?? []).map((alternate) =>
		emptyElement("xhtml:link", { rel: "alternate", hreflang: alternate.hreflang, href: alternate.href }),
	);
}

/** A sitemap (`urlset`) of pages; the xhtml namespace is declared only when a page has alternates. */
export function renderUrlSet(urls: readonly SitemapUrl[]): string {
	const children = urls.map((url) =>
		element("url", {}, [textElement("loc", url.loc), ...lastmod(url.lastModified), ...alternateLinks(url)]),
	);
	const translated = urls.some((url) => (url.alternates ?? []).length > 0);
	return xmlDocument(
		element("urlset", { xmlns: SITEMAP_NS, ...(translated ? { "xmlns:xhtml": XHTML_NS } : {}) }, children),
	);
}

/**
 * The language code Google News takes: ISO 639 (the primary subtag of a BCP 47
 * tag, lower case), except Chinese, which must say zh-cn or zh-tw.
 */
export function newsLanguage(tag: string): string {
	const subtags = tag.trim().toLowerCase().split(/[-_]/);
	const primary = subtags[0] ?? "";
	if (primary !== "zh") return primary;
	return subtags.some((subtag) => subtag === "hant" || subtag === "tw" || subtag === "hk" || subtag === "mo")
		? "zh-tw"
		: "zh-cn";
}

/** A Google News sitemap: each story with the publication's name and the story's language, date and title. */
export function renderNewsSitemap(input: { publicationName: string; entries: readonly NewsSitemapEntry[] }): string {
	const children = input.entries.map((entry) =>
		element("url", {}, [
			textElement("loc", entry.loc),
			element("news:news", {}, [
				element("news:publication", {}, [
					textElement("news:name", input.publicationName),
					textElement("news:language", newsLanguage(entry.language)),
				]),
				textElement("news:publication_date", rfc3339(entry.publishedAt)),
				textElement("news:title", entry.title),
			]),
		]),
	);
	return xmlDocument(element("urlset", { xmlns: SITEMAP_NS, "xmlns:news": NEWS_NS }, children));
}
