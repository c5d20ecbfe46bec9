import { load } from "cheerio";
import { renderToString } from "preact-render-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../../test/support/test-site.js";
import { createReaderRenderer } from "../reader-render.js";
import { ArticlePage } from "./article-page.js";
import type { PageContext } from "./page-context.js";
import type { ArticlePageModel } from "./view-models.js";

let site: TestSite;
let ctx: PageContext;

beforeAll(async () => {
	site = await createTestSite();
	ctx = await createReaderRenderer({ services: site.services, config: site.config }).context("fa-AF", "/dari/");
});

afterAll(async () => {
	await site.close();
});

const model: ArticlePageModel = {
	headline: "سرک فیض‌آباد دوباره باز شد",
	standfirst: "صدها موتر سه روز گیر مانده بودند.",
	sourceLine: "Dateline News",
	datelinePlace: "فیض‌آباد",
	bodyHtml: "<p>سرک اصلی فیض‌آباد دوباره باز شد.</p>",
	language: "fa-AF",
	publishedAt: new Date("2026-03-14T07:00:00.000Z"),
	updatedAt: null,
	href: "/2026/03/14/sarak/",
	breadcrumbs: [
		{ name: "خانه", href: "/" },
		{ name: "دری", href: "/dari/" },
		{ name: "سرک فیض‌آباد دوباره باز شد", href: "/2026/03/14/sarak/" },
	],
	bylines: [
		{ name: "Farid Noori", href: "/author/farid-noori/" },
		{ name: "Nadia Sultani", href: "/author/nadia-sultani/" },
	],
	tags: [{ name: "Kunar talks", href: "/tag/kunar-talks/" }],
	authorBoxes: [
		{ name: "Farid Noori", jobTitle: "Senior Correspondent", bio: "Reports on roads.", href: "/author/farid-noori/" },
	],
	checkAlso: {
		href: "/2026/03/13/road/",
		language: "en",
		headline: "Road to Faizabad reopens",
		excerpt: "The main road into Faizabad reopened…",
		publishedAt: new Date("2026-03-13T07:00:00.000Z"),
	},
	section: { name: "دری", href: "/dari/" },
	corrections: [],
	image: null,
	translations: [
		{ language: "en", languageName: "English", headline: "Road to Faizabad reopens", href: "/2026/03/13/road/" },
		{ language: "ps", languageName: "پښتو", headline: "د فیض‌آباد سړک بیا پرانیستل شو", href: "/2026/03/13/sarak-ps/" },
	],
};

describe("the article page's user content in another direction", () => {
	const $ = () => load(renderToString(<ArticlePage ctx={ctx} head={{ title: model.headline }} article={model} />));

	it("isolates each byline, tag, author name and the Check Also headline", () => {
		const page = $();
		expect(
			page("p.byline a")
				.toArray()
				.map((a) => page(a).children("bdi").text()),
		).toEqual(["Farid Noori", "Nadia Sultani"]);
		expect(page("section.tags a bdi").text()).toBe("Kunar talks");
		expect(page(".author-box h2 bdi").text()).toBe("Farid Noori");
		expect(page(".author-box > a bdi").text()).toBe("Farid Noori");
		expect(page(".author-box p.role").attr("dir")).toBe("auto");
		expect(page("aside.check h3 a bdi").text()).toBe("Road to Faizabad reopens");
		expect(page("aside.check p[dir='auto']").text()).toBe("The main road into Faizabad reopened…");
	});

	it("lists every translation in the switcher, each with its language on the link and the headline", () => {
		const page = $();
		const links = page("p.translations a").toArray();
		expect(links.map((a) => [page(a).attr("hreflang"), page(a).attr("lang"), page(a).text()])).toEqual([
			["en", "en", "English"],
			["ps", "ps", "پښتو"],
		]);
		expect(
			page("p.translations > bdi")
				.toArray()
				.map((bdi) => page(bdi).attr("lang")),
		).toEqual(["en", "ps"]);
	});
});
