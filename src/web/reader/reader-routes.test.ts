import { describe, expect, it } from "vitest";
import { matchReaderPath } from "./reader-routes.js";

describe("matchReaderPath", () => {
	it("maps the home page", () => {
		expect(matchReaderPath("/")).toEqual({ kind: "home" });
	});

	it("maps article paths with a four-digit year and two-digit month and day", () => {
		expect(matchReaderPath("/2026/03/14/water-talks/")).toEqual({
			kind: "article",
			yyyy: "2026",
			mm: "03",
			dd: "14",
			slug: "water-talks",
		});
	});

	it("maps sections, nested sections, authors and tags, with pages", () => {
		expect(matchReaderPath("/news/")).toEqual({ kind: "section", path: "news", page: 1 });
		expect(matchReaderPath("/news/provinces/page/3/")).toEqual({ kind: "section", path: "news/provinces", page: 3 });
		expect(matchReaderPath("/author/farid-noori/page/2/")).toEqual({ kind: "author", slug: "farid-noori", page: 2 });
		expect(matchReaderPath("/tag/water/")).toEqual({ kind: "tag", slug: "water", page: 1 });
	});

	it("maps the index of every section, which has no further pages", () => {
		expect(matchReaderPath("/sections/")).toEqual({ kind: "sections" });
		expect(matchReaderPath("/sections/page/2/")).toEqual({ kind: "notFound" });
	});

	it("decodes non-Latin slugs", () => {
		expect(matchReaderPath(`/tag/${encodeURIComponent("آب")}/`)).toEqual({ kind: "tag", slug: "آب", page: 1 });
	});

	it("redirects to the slashed address and page 1 to the listing itself", () => {
		expect(matchReaderPath("/news", "?x=1")).toEqual({ kind: "redirect", location: "/news/?x=1" });
		expect(matchReaderPath("/news/page/1/")).toEqual({ kind: "redirect", location: "/news/" });
	});

	it("rejects malformed page numbers and segments", () => {
		for (const path of [
			"/news/page/0/",
			"/news/page/abc/",
			"/news/page/-1/",
			"/news/page/99999999999/",
			"/news/page/",
			"/2026/03/14/slug/page/2/",
			"/author/",
			"/author/a/b/",
			"/%E0%A4%A/",
			"/news/..%2F..%2Fetc/",
			"/a/b/c/d/e/",
		]) {
			expect(matchReaderPath(path), path).toEqual({ kind: "notFound" });
		}
	});
});
