import { describe, expect, it } from "vitest";
import { decodeEntities } from "../../content/text.js";
import {
	cssLinks,
	htmlLinks,
	jsonLinks,
	linksIn,
	rebaseUrls,
	replaceSpans,
	robotsLinks,
	xmlLinks,
} from "./link-extraction.js";

describe("htmlLinks", () => {
	it("finds href, src, every srcset candidate and Open Graph URLs, each at its place in the text", () => {
		const html = [
			'<link rel="canonical" href="https://news.example.org/a/">',
			'<meta property="og:image" content="https://news.example.org/assets/logo.png">',
			'<meta name="description" content="Not a link">',
			"<a class=x href=/news/>News</a>",
			'<img src=\'/media/a-320.jpg\' srcset="/media/a-320.webp 320w, /media/a-640.webp 640w" alt="">',
		].join("");
		const spans = htmlLinks(html);
		expect(spans.map((span) => [span.place, span.url])).toEqual([
			["href", "https://news.example.org/a/"],
			["meta", "https://news.example.org/assets/logo.png"],
			["href", "/news/"],
			["src", "/media/a-320.jpg"],
			["srcset", "/media/a-320.webp"],
			["srcset", "/media/a-640.webp"],
		]);
		for (const span of spans) expect(html.slice(span.start, span.end)).toBe(span.url);
	});

	it("decodes character references in values but keeps the span on the written text", () => {
		const html = '<a href="/tag/a&amp;b/?x=1&#38;y=2">x</a>';
		const [span] = htmlLinks(html);
		expect(span?.url).toBe("/tag/a&b/?x=1&y=2");
		expect(html.slice(span?.start, span?.end)).toBe("/tag/a&amp;b/?x=1&#38;y=2");
	});

	it("skips comments, script and style content and form actions", () => {
		const html = [
			'<!-- <a href="/commented/"> -->',
			'<script type="application/ld+json">{"url":"<a href=\\"/in-script/\\">"}</script>',
			'<style>a[href="/in-style/"]{}</style>',
			'<form action="/search"><input name="q"></form>',
			'<a href="/after/">after</a>',
		].join("");
		expect(htmlLinks(html).map((span) => span.url)).toEqual(["/after/"]);
	});

	it("reads a srcset whose URLs have no descriptors or end in commas", () => {
		const html = '<img srcset="/a.webp, /b.webp 2x,/c.webp,">';
		expect(htmlLinks(html).map((span) => span.url)).toEqual(["/a.webp", "/b.webp", "/c.webp"]);
	});

	it("keeps its offsets when the text has characters whose lower case is longer", () => {
		const html = '<title>İİİ</title><script>x</script><a href="/x/">x</a>';
		const [span] = htmlLinks(html);
		expect(html.slice(span?.start, span?.end)).toBe("/x/");
	});
});

describe("xmlLinks", () => {
	it("reads sitemap locations and hreflang alternates", () => {
		const xml =
			'<urlset><url><loc>https://news.example.org/a/</loc><xhtml:link rel="alternate" hreflang="fa" href="https://news.example.org/b/"/></url></urlset>';
		expect(xmlLinks(xml).spans.map((span) => span.url)).toEqual([
			"https://news.example.org/a/",
			"https://news.example.org/b/",
		]);
	});

	it("reads RSS links, enclosures and the links inside content:encoded, but not guids that are not URLs", () => {
		const xml = [
			"<rss><channel><link>https://news.example.org/</link>",
			'<atom:link href="https://news.example.org/feed/" rel="self"/>',
			"<item><link>https://news.example.org/2026/03/14/a/</link>",
			'<guid isPermaLink="false">tag:news.example.org,2026-03-14:article/1</guid>',
			'<enclosure url="https://news.example.org/media/a.jpg" length="1" type="image/jpeg"/>',
			'<content:encoded><![CDATA[<p><a href="/2026/03/01/b/">b</a></p>]]></content:encoded>',
			"</item></channel></rss>",
		].join("");
		const found = xmlLinks(xml);
		expect(found.spans.map((span) => span.url)).toEqual([
			"https://news.example.org/",
			"https://news.example.org/feed/",
			"https://news.example.org/2026/03/14/a/",
			"https://news.example.org/media/a.jpg",
		]);
		expect(found.embedded).toEqual(["/2026/03/01/b/"]);
	});

	it("reads Atom ids and author URIs, and links inside escaped HTML content, not category schemes", () => {
		const xml = [
			"<feed><id>https://news.example.org/feed/atom/</id>",
			'<category term="x" scheme="https://news.example.org/tag/"/>',
			"<author><uri>https://news.example.org/author/a/</uri></author>",
			'<content type="html">&lt;a href=&quot;/news/&quot;&gt;x&lt;/a&gt;</content></feed>',
		].join("");
		const found = xmlLinks(xml);
		expect(found.spans.map((span) => span.url)).toEqual([
			"https://news.example.org/feed/atom/",
			"https://news.example.org/author/a/",
		]);
		expect(found.embedded).toEqual(["/news/"]);
	});
});

describe("jsonLinks", () => {
	it("reads URL members and the links inside content_html", () => {
		const json = JSON.stringify({
			home_page_url: "https://news.example.org/",
			feed_url: "https://news.example.org/feed.json",
			title: "https://not-a-link.example/",
			items: [{ url: "https://news.example.org/a/", content_html: '<img src="/media/x.jpg">', image: "/media/y.jpg" }],
		});
		expect(jsonLinks(json)).toEqual([
			"https://news.example.org/",
			"https://news.example.org/feed.json",
			"https://news.example.org/a/",
			"/media/x.jpg",
			"/media/y.jpg",
		]);
		expect(jsonLinks("{not json")).toEqual([]);
	});
});

describe("robots.txt and CSS", () => {
	it("reads Sitemap lines and url() references", () => {
		const robots = "User-agent: *\nDisallow: /admin/\n\nSitemap: https://news.example.org/sitemap.xml\n";
		const [sitemap] = robotsLinks(robots);
		expect(robots.slice(sitemap?.start, sitemap?.end)).toBe("https://news.example.org/sitemap.xml");
		const css = 'a{background:url("/assets/a.png")} b{background:url( /assets/b.png )} @import "/c.css";';
		expect(cssLinks(css).map((span) => css.slice(span.start, span.end))).toEqual([
			"/assets/a.png",
			"/assets/b.png",
			"/c.css",
		]);
	});

	it("chooses the reader by content type", () => {
		expect(linksIn('<a href="/x/">', "text/html; charset=utf-8").spans).toHaveLength(1);
		expect(linksIn("<loc>https://a.example/</loc>", "application/xml").spans).toHaveLength(1);
		expect(linksIn('{"url":"/x/"}', "application/feed+json").embedded).toEqual(["/x/"]);
		expect(linksIn("\u0000", "image/png")).toEqual({ spans: [], embedded: [] });
	});
});

describe("replaceSpans and rebaseUrls", () => {
	it("replaces only the spans given a replacement and leaves every other character alone", () => {
		const html = '<a href="/a/">a</a> <a href="/b/">b</a>';
		const out = replaceSpans(html, htmlLinks(html), (span) => (span.url === "/b/" ? "/site/b/" : undefined));
		expect(out).toBe('<a href="/a/">a</a> <a href="/site/b/">b</a>');
		expect(replaceSpans(html, htmlLinks(html), () => undefined)).toBe(html);
	});

	it("moves absolute URLs of the site to the base URL, and nothing that only looks alike", () => {
		const text =
			'"https://news.example.org/a/" https://news.example.org https://news.example.org.evil/ https://news.example.org:8080/ tag:news.example.org,2026';
		expect(rebaseUrls(text, { from: "https://news.example.org", to: "https://mirror.example/site" })).toBe(
			'"https://mirror.example/site/a/" https://mirror.example/site https://news.example.org.evil/ https://news.example.org:8080/ tag:news.example.org,2026',
		);
	});

	it("decodes named and numeric references, leaving unknown ones", () => {
		expect(decodeEntities("&lt;a&gt; &#x41;&#66; &unknown; &amp;amp;")).toBe("<a> AB &unknown; &amp;");
	});
});
