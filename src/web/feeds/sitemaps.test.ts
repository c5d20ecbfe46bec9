import { describe, expect, it } from "vitest";
import { HOSTILE_HEADLINE, HOSTILE_HEADLINE_CLEAN } from "../../../test/feeds/fake-feed.js";
import { childNamed, childrenNamed, NS, parseXmlStrict } from "../../../test/feeds/xml-tree.js";
import { newsLanguage, renderNewsSitemap, renderSitemapIndex, renderUrlSet } from "./sitemaps.js";

describe("newsLanguage", () => {
	it("takes the ISO 639 primary subtag, lower case", () => {
		expect(newsLanguage("en")).toBe("en");
		expect(newsLanguage("en-GB")).toBe("en");
		expect(newsLanguage("fa-AF")).toBe("fa");
		expect(newsLanguage("PS")).toBe("ps");
		expect(newsLanguage("prs")).toBe("prs");
	});

	it("says zh-cn or zh-tw for Chinese, as Google News requires", () => {
		expect(newsLanguage("zh")).toBe("zh-cn");
		expect(newsLanguage("zh-Hans-CN")).toBe("zh-cn");
		expect(newsLanguage("zh-TW")).toBe("zh-tw");
		expect(newsLanguage("zh-Hant")).toBe("zh-tw");
		expect(newsLanguage("zh_HK")).toBe("zh-tw");
	});
});

describe("sitemap renderers", () => {
	it("write an index of child sitemaps, with lastmod only where known", () => {
		const root = parseXmlStrict(
			renderSitemapIndex([
				{ loc: "https://news.example.org/sitemaps/articles-1.xml", lastModified: new Date("2026-03-15T07:30:00Z") },
				{ loc: "https://news.example.org/sitemaps/sections.xml", lastModified: null },
			]),
		);
		expect(root.uri).toBe(NS.sitemap);
		expect(root.local).toBe("sitemapindex");
		const sitemaps = childrenNamed(root, NS.sitemap, "sitemap");
		expect(sitemaps.map((sitemap) => childNamed(sitemap, NS.sitemap, "loc").text)).toEqual([
			"https://news.example.org/sitemaps/articles-1.xml",
			"https://news.example.org/sitemaps/sections.xml",
		]);
		expect(sitemaps.map((sitemap) => childrenNamed(sitemap, NS.sitemap, "lastmod").map((e) => e.text))).toEqual([
			["2026-03-15T07:30:00Z"],
			[],
		]);
	});

	it("escape an ampersand in a URL", () => {
		const root = parseXmlStrict(renderUrlSet([{ loc: "https://news.example.org/?a=1&b=2" }]));
		const [url] = childrenNamed(root, NS.sitemap, "url");
		expect(url && childNamed(url, NS.sitemap, "loc").text).toBe("https://news.example.org/?a=1&b=2");
	});

	it("write an empty urlset as a well-formed document", () => {
		const root = parseXmlStrict(renderUrlSet([]));
		expect(root.local).toBe("urlset");
		expect(root.children).toEqual([]);
	});

	it("write each news story with publication name and language, date and a title that survives hostile text", () => {
		const root = parseXmlStrict(
			renderNewsSitemap({
				publicationName: "Dateline & Co",
				entries: [
					{
						loc: "https://news.example.org/2026/03/14/tea/",
						title: HOSTILE_HEADLINE,
						language: "fa-AF",
						publishedAt: new Date("2026-03-14T07:30:00.000Z"),
					},
				],
			}),
		);
		expect(root.uri).toBe(NS.sitemap);
		const [url] = childrenNamed(root, NS.sitemap, "url");
		if (!url) throw new Error("no url");
		const news = childNamed(url, NS.news, "news");
		const publication = childNamed(news, NS.news, "publication");
		expect(childNamed(publication, NS.news, "name").text).toBe("Dateline & Co");
		expect(childNamed(publication, NS.news, "language").text).toBe("fa");
		expect(childNamed(news, NS.news, "publication_date").text).toBe("2026-03-14T07:30:00Z");
		expect(childNamed(news, NS.news, "title").text).toBe(HOSTILE_HEADLINE_CLEAN);
	});
});
