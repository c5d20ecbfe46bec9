import { describe, expect, it } from "vitest";
import { fileSegments, isInsidePath, isText, mirrorFile, pointerPage, relativeHref } from "./mirror-layout.js";

describe("mirrorFile", () => {
	it("puts pages at directory URLs in index.html, and other answers there in an index with their own extension", () => {
		expect(mirrorFile("/", "text/html; charset=utf-8")).toBe("index.html");
		expect(mirrorFile("/news/provinces/", "text/html; charset=utf-8")).toBe("news/provinces/index.html");
		expect(mirrorFile("/feed/", "application/rss+xml; charset=utf-8")).toBe("feed/index.xml");
		expect(mirrorFile("/news/feed/atom/", "application/atom+xml; charset=utf-8")).toBe("news/feed/atom/index.xml");
	});

	it("keeps the names of files", () => {
		expect(mirrorFile("/feed.json", "application/feed+json")).toBe("feed.json");
		expect(mirrorFile("/media/ab/cd/photo-640.webp", "image/webp")).toBe("media/ab/cd/photo-640.webp");
		expect(mirrorFile("/robots.txt", "text/plain")).toBe("robots.txt");
	});

	it("decodes percent-encoded segments, as static servers do before looking for the file", () => {
		expect(mirrorFile("/tag/%D8%B4%D8%A7%D8%B1/", "text/html")).toBe("tag/شار/index.html");
	});

	it("refuses paths that could leave the mirror or hide in it", () => {
		for (const bad of [
			"/../etc/passwd",
			"/a/%2e%2e/b/",
			"/a/%2E%2E/",
			"/a/..%2Fb/",
			"/a/%2Fetc/",
			"/a/%5C..%5C/",
			"/a/%00/",
			"/.hidden/",
			"/a//b/",
			"/a/%E0%A4%A/",
			`/${"x".repeat(300)}/`,
		]) {
			expect(mirrorFile(bad, "text/html"), bad).toBeUndefined();
		}
		expect(fileSegments("relative/")).toBeUndefined();
	});

	it("never gives the manifest's or the 404 page's name to an address", () => {
		expect(mirrorFile("/manifest.json", "application/json")).toBeUndefined();
		expect(mirrorFile("/404.html", "text/html")).toBeUndefined();
	});
});

describe("isInsidePath", () => {
	it("accepts relative paths with no way out", () => {
		expect(isInsidePath("news/index.html")).toBe(true);
		for (const bad of ["", "/etc/passwd", "../x", "a/../../x", "a//b", "a/./b", "a\\..\\b", "a\0b"]) {
			expect(isInsidePath(bad), bad).toBe(false);
		}
	});
});

describe("relativeHref", () => {
	it("links from one page to another's file, ending directory URLs in index.html", () => {
		expect(relativeHref({ from: "/2026/03/14/slug/", to: "/news/" })).toBe("../../../../news/index.html");
		expect(relativeHref({ from: "/", to: "/" })).toBe("index.html");
		expect(relativeHref({ from: "/news/", to: "/assets/site.css" })).toBe("../assets/site.css");
		expect(relativeHref({ from: "/assets/site.css", to: "/assets/logo.png" })).toBe("logo.png");
	});
});

describe("pointerPage", () => {
	it("names a feed for feed readers and sends browsers on to it", () => {
		const page = pointerPage({ href: "index.xml", type: "application/rss+xml" });
		expect(page).toContain('<link rel="alternate" type="application/rss+xml" href="index.xml">');
		expect(page).toContain('<meta http-equiv="refresh" content="0; url=index.xml">');
	});

	it("escapes what it is given", () => {
		expect(pointerPage({ href: '/a/?x="<b>', canonical: "https://a.example/a/" })).not.toContain('"<b>');
	});
});

describe("isText", () => {
	it("treats markup, feeds, JSON, CSS and plain text as text, images as bytes", () => {
		for (const type of [
			"text/html; charset=utf-8",
			"application/rss+xml",
			"application/feed+json",
			"text/css",
			"application/xml",
		])
			expect(isText(type), type).toBe(true);
		expect(isText("image/webp")).toBe(false);
	});
});
