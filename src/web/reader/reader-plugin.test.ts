import { type CheerioAPI, load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReaderFixture, type ReaderFixture } from "../../../test/support/reader-fixture.js";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";

const TALKS_END = "/2026/03/14/kunar-talks-end-with-agreement-to-share-river-flow-data/";
const TALKS_OPEN = "/2026/03/12/water-talks-open-in-kabul-on-sharing-the-kunar-river/";
const HERAT = "/2026/03/13/herat-saffron-growers-expect-a-record-harvest/";

let site: TestSite;
let fixture: ReaderFixture;

beforeAll(async () => {
	site = await createTestSite();
	fixture = await buildReaderFixture(site);
});

afterAll(async () => {
	await site.close();
});

async function get(url: string) {
	const response = await site.app.inject({ method: "GET", url });
	return { response, $: load(response.body) };
}

function jsonLd($: CheerioAPI): Record<string, unknown>[] {
	return $('script[type="application/ld+json"]')
		.toArray()
		.map((element) => JSON.parse($(element).text()) as Record<string, unknown>);
}

describe("article page", () => {
	it("shows breadcrumbs, headline, source, bylines, times, dateline, tags, author boxes and Check Also in that order", async () => {
		const { response, $ } = await get(TALKS_END);
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
		const html = response.body;
		const order = [
			'<nav class="crumbs" aria-label="Breadcrumb">',
			"<h1>",
			'<p class="standfirst">',
			'<p class="source">',
			'<p class="byline">',
			'<div class="body">',
			'<section class="tags"',
			'<aside class="author-box"',
			'<aside class="check',
		].map((marker) => html.indexOf(marker));
		expect(order.every((index) => index > 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);

		expect($("html").attr("lang")).toBe("en");
		expect($("html").attr("dir")).toBe("ltr");
		expect($("article.story header h1").text()).toBe("Kunar talks end with agreement to share river flow data");
		expect($(".source").text()).toBe("Dateline News");
	});

	it("has breadcrumbs Home / Section / Headline with links and matching BreadcrumbList JSON-LD", async () => {
		const { $ } = await get(TALKS_END);
		const crumbs = $('nav[aria-label="Breadcrumb"] li').toArray();
		expect(crumbs.map((li) => $(li).text())).toEqual([
			"Home",
			"National News",
			"Kunar talks end with agreement to share river flow data",
		]);
		expect(crumbs.map((li) => $(li).find("a").attr("href") ?? null)).toEqual(["/", "/news/", null]);
		expect($(crumbs[2]).attr("aria-current")).toBe("page");

		const list = jsonLd($).find((data) => data["@type"] === "BreadcrumbList") as {
			itemListElement: { position: number; name: string; item: string }[];
		};
		expect(list.itemListElement).toEqual([
			{ "@type": "ListItem", position: 1, name: "Home", item: "https://news.example.org/" },
			{ "@type": "ListItem", position: 2, name: "National News", item: "https://news.example.org/news/" },
			{
				"@type": "ListItem",
				position: 3,
				name: "Kunar talks end with agreement to share river flow data",
				item: `https://news.example.org${TALKS_END}`,
			},
		]);
	});

	it("lists several bylines in order and shows published and updated times", async () => {
		const { $ } = await get(TALKS_END);
		const authors = $(".byline a").toArray();
		expect(authors.map((a) => $(a).text())).toEqual(["Farida Amiri", "Omid Rahimi"]);
		expect(authors.map((a) => $(a).attr("href"))).toEqual(["/author/farida-amiri/", "/author/omid-rahimi/"]);
		expect($(".byline").text()).toBe("By Farida Amiri and Omid Rahimi");
		const times = $(".meta time").toArray();
		expect(times.map((time) => $(time).attr("datetime"))).toEqual([
			"2026-03-14T07:30:00.000Z",
			"2026-03-15T07:30:00.000Z",
		]);
		// Shown in the site's time zone, Asia/Kabul (UTC+4:30).
		expect($(times[0]).text()).toBe("14 March 2026 at 12:00");
		expect($(".meta").text()).toContain("Updated");
	});

	it("opens the body with the dateline place in capitals", async () => {
		const { $ } = await get(TALKS_END);
		const first = $(".body p").first();
		expect(first.find(".dateline").text()).toBe("KABUL:");
		expect(first.text().startsWith("KABUL: The water-sharing talks")).toBe(true);
	});

	it("links tags and shows an author box per byline with bio and author link", async () => {
		const { $ } = await get(TALKS_END);
		expect(
			$(".tags a")
				.toArray()
				.map((a) => [$(a).text(), $(a).attr("href")]),
		).toEqual([["Water", "/tag/water/"]]);
		const boxes = $(".author-box").toArray();
		expect(boxes).toHaveLength(2);
		expect($(boxes[0]).find("h2").text()).toBe("About Farida Amiri");
		expect($(boxes[0]).text()).toContain("Farida Amiri covers water, roads and trade from Kabul.");
		expect($(boxes[0]).find("a").attr("href")).toBe("/author/farida-amiri/");
		expect($(boxes[1]).find("h2").text()).toBe("About Omid Rahimi");
	});

	it("shows Check Also with the related story's headline and an excerpt cut at a word with …", async () => {
		const { $ } = await get(TALKS_END);
		const check = $("aside.check");
		expect(check.find("h2").text()).toBe("Check Also");
		expect(check.find("h3 a").text()).toBe("Water talks open in Kabul on sharing the Kunar river");
		expect(check.find("h3 a").attr("href")).toBe(TALKS_OPEN);
		const excerpt = check.find("p").first().text();
		expect(excerpt.endsWith("…")).toBe(true);
		expect(excerpt.split(/\s+/)).toHaveLength(25);
		expect(excerpt.startsWith("Delegations from both sides of the border met in Kabul")).toBe(true);
	});

	it("carries NewsArticle JSON-LD that parses, with dates, authors, section and language", async () => {
		const { $ } = await get(TALKS_END);
		const article = jsonLd($).find((data) => data["@type"] === "NewsArticle");
		expect(article).toMatchObject({
			headline: "Kunar talks end with agreement to share river flow data",
			datePublished: "2026-03-14T07:30:00.000Z",
			dateModified: "2026-03-15T07:30:00.000Z",
			articleSection: "National News",
			inLanguage: "en",
			author: [
				{ "@type": "Person", name: "Farida Amiri", url: "https://news.example.org/author/farida-amiri/" },
				{ "@type": "Person", name: "Omid Rahimi", url: "https://news.example.org/author/omid-rahimi/" },
			],
			mainEntityOfPage: { "@id": `https://news.example.org${TALKS_END}` },
		});
		expect($('link[rel="canonical"]').attr("href")).toBe(`https://news.example.org${TALKS_END}`);
		expect($('meta[name="description"]').attr("content")).toBe(
			"Both delegations will exchange daily readings from river gauges.",
		);
	});

	it("needs no JavaScript: the only scripts are structured data", async () => {
		const { $ } = await get(TALKS_END);
		expect(
			$("script")
				.toArray()
				.every((script) => $(script).attr("type") === "application/ld+json"),
		).toBe(true);
		expect($('link[rel="stylesheet"]')).toHaveLength(1);
	});

	it("redirects a wrong date to the story's real address and an old slug to the new one", async () => {
		const wrongDate = await site.app.inject(TALKS_END.replace("/14/", "/13/"));
		expect(wrongDate.statusCode).toBe(301);
		expect(wrongDate.headers.location).toBe(TALKS_END);

		const herat = await site.services.articles.getPublished("herat-saffron-growers-expect-a-record-harvest");
		const provinces = await site.services.sections.getByPath("news/provinces");
		await site.services.articles.update(fixture.herat, {
			headline: herat?.headline ?? "",
			slug: "herat-saffron-harvest",
			bodySource: "Saffron growers around Herat say the autumn harvest will be the largest yet.",
			datelinePlace: "Herat",
			sectionId: provinces?.id ?? 0,
			personIds: herat?.bylines.map((b) => b.id) ?? [],
		});
		const moved = await site.app.inject(HERAT);
		expect(moved.statusCode).toBe(301);
		expect(moved.headers.location).toBe("/2026/03/13/herat-saffron-harvest/");
		expect((await site.app.inject("/2026/03/13/herat-saffron-harvest/")).statusCode).toBe(200);
	});

	it("escapes headlines and never passes raw HTML from the body through", async () => {
		const news = await site.services.sections.getByPath("news");
		const id = await site.services.articles.createDraft({
			headline: 'Tea & trade: "<script>alert(1)</script>"',
			bodySource: "Text <script>alert(2)</script> and <img src=x onerror=alert(3)> and [a link](javascript:alert(4)).",
			sectionId: news?.id ?? 0,
			personIds: [],
		});
		await site.services.articles.publish(id);
		const { response, $ } = await get("/2026/03/15/tea-trade-script-alert-1-script/");
		expect(response.statusCode).toBe(200);
		expect($("h1").text()).toBe('Tea & trade: "<script>alert(1)</script>"');
		expect(response.body).not.toContain("<script>alert");
		expect(response.body).not.toContain("<img src=x");
		expect($('.body a[href^="javascript"]')).toHaveLength(0);
		await site.services.articles.unpublish(id);
	});
});

describe("home page", () => {
	it("shows the newest story as the lead, the latest river and a block per top section", async () => {
		const { response, $ } = await get("/");
		expect(response.statusCode).toBe(200);
		expect($(".lead h2 a").first().text()).toBe("Kunar talks end with agreement to share river flow data");
		const river = $(".river li h3 a")
			.toArray()
			.map((a) => $(a).text());
		expect(river[0]).toBe("Herat saffron growers expect a record harvest");
		expect(river).toHaveLength(12);
		const blocks = $(".blocks section h2 a")
			.toArray()
			.map((a) => [$(a).text(), $(a).attr("href")]);
		// Every National News story is already in the lead or the river, so it gets no block of repeats.
		expect(blocks).toEqual([["More in Sport", "/sport/"]]);
		const blockStories = $(".blocks section h3 a")
			.toArray()
			.map((a) => $(a).text());
		expect(blockStories).toHaveLength(4);
		for (const headline of blockStories) expect(river).not.toContain(headline);
		expect(response.body).not.toContain("Unpublished draft");
	});
});

describe("section pages", () => {
	it("list a parent's stories with its children's, newest first", async () => {
		const { $ } = await get("/news/");
		expect($("h1").text()).toBe("National News");
		expect(
			$(".card h2 a")
				.toArray()
				.map((a) => $(a).text()),
		).toEqual([
			"Kunar talks end with agreement to share river flow data",
			"Herat saffron growers expect a record harvest",
			"Water talks open in Kabul on sharing the Kunar river",
		]);
	});

	it("serve nested sections at /parent/child/ with the whole trail in breadcrumbs", async () => {
		const { response, $ } = await get("/news/provinces/");
		expect(response.statusCode).toBe(200);
		expect(
			$('nav[aria-label="Breadcrumb"] li')
				.toArray()
				.map((li) => $(li).text()),
		).toEqual(["Home", "National News", "Provinces"]);
		expect($(".card h2 a").text()).toBe("Herat saffron growers expect a record harvest");
	});

	it("paginate fifteen to a page with newer and older links", async () => {
		const first = await get("/sport/");
		expect(first.$(".card")).toHaveLength(15);
		expect(first.$('a[rel="next"]').attr("href")).toBe("/sport/page/2/");
		expect(first.$(".pager").text()).toContain("Page 1 of 2");
		const second = await get("/sport/page/2/");
		expect(second.response.statusCode).toBe(200);
		expect(second.$(".card")).toHaveLength(fixture.sportCount - 15);
		expect(second.$('a[rel="prev"]').attr("href")).toBe("/sport/");
		expect(second.$('link[rel="canonical"]').attr("href")).toBe("https://news.example.org/sport/page/2/");
		expect((await site.app.inject("/sport/page/3/")).statusCode).toBe(404);
		const one = await site.app.inject("/sport/page/1/");
		expect([one.statusCode, one.headers.location]).toEqual([301, "/sport/"]);
	});
});

describe("author and tag pages", () => {
	it("list an author's stories with their bio", async () => {
		const { response, $ } = await get("/author/farida-amiri/");
		expect(response.statusCode).toBe(200);
		expect($("h1").text()).toBe("Farida Amiri");
		expect($(".listing-head").text()).toContain("Farida Amiri covers water, roads and trade from Kabul.");
		expect(
			$(".card h2 a")
				.toArray()
				.map((a) => $(a).text()),
		).toEqual([
			"Kunar talks end with agreement to share river flow data",
			"Water talks open in Kabul on sharing the Kunar river",
		]);
	});

	it("paginate an author's stories", async () => {
		const { $ } = await get("/author/omid-rahimi/page/2/");
		expect($(".card").length).toBeGreaterThan(0);
		expect($('a[rel="prev"]').attr("href")).toBe("/author/omid-rahimi/");
	});

	it("list a tag's stories", async () => {
		const { response, $ } = await get("/tag/water/");
		expect(response.statusCode).toBe(200);
		expect($("h1").text()).toBe("Tag: Water");
		expect($(".card")).toHaveLength(2);
		expect($(".listing-head").text()).toContain("2 stories");
	});
});

describe("bad addresses", () => {
	it("answer 404 with the not-found page, never 500", async () => {
		for (const url of [
			"/no-such-section/",
			"/news/no-such-child/",
			"/author/nobody/",
			"/tag/nothing/",
			"/2026/03/14/no-such-story/",
			"/9999/99/99/x/",
			"/2026/03/14/unpublished-draft-about-the-kunar-river/",
			"/news/page/0/",
			"/news/page/abc/",
			"/news/page/99999999999999999999/",
			"/a/b/c/d/e/f/",
			"/author/",
			"/tag/water/page/2/",
		]) {
			const { response, $ } = await get(url);
			expect(response.statusCode, url).toBe(404);
			expect($("h1").text(), url).toBe("Page not found");
			expect($('meta[name="robots"]').attr("content")).toBe("noindex");
		}
	});

	it("answer a malformed percent-encoding with the 400 page", async () => {
		const { response, $ } = await get("/%E0%A4%A/");
		expect(response.statusCode).toBe(400);
		expect($("h1").text()).toBe("That request could not be read");
	});

	it("redirect addresses without a trailing slash", async () => {
		const response = await site.app.inject("/news?utm=1");
		expect(response.statusCode).toBe(301);
		expect(response.headers.location).toBe("/news/?utm=1");
	});

	it("answer other methods and odd requests without a server error", async () => {
		for (const request of [
			{ method: "POST" as const, url: "/" },
			{ method: "DELETE" as const, url: TALKS_END },
			{ method: "GET" as const, url: `/${"a".repeat(3000)}/` },
			{ method: "GET" as const, url: "/news/?page=../../etc/passwd" },
		]) {
			const response = await site.app.inject(request);
			expect(response.statusCode, `${request.method} ${request.url.slice(0, 40)}`).toBeLessThan(500);
		}
	});
});

describe("stylesheet", () => {
	it("is served with a long cache life and uses logical properties only", async () => {
		const { $ } = await get("/");
		const href = $('link[rel="stylesheet"]').attr("href") ?? "";
		expect(href).toMatch(/^\/assets\/site\.[0-9a-f]{12}\.css$/);
		const css = await site.app.inject(href);
		expect(css.statusCode).toBe(200);
		expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
		expect(css.headers["cache-control"]).toContain("immutable");
		expect(css.body).not.toMatch(
			/(margin|padding|border)-(left|right)|[{;](left|right):|text-align:\s*(left|right)|float:\s*(left|right)/,
		);
		expect(css.body).not.toMatch(/@import|url\(/);
	});
});
