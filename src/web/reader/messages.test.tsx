import { load } from "cheerio";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { directionOf, en, translator } from "./messages.js";
import { ArticlePage } from "./views/article-page.js";
import { HomePage } from "./views/home-page.js";
import { ListingPage } from "./views/listing-page.js";
import { MessagePage } from "./views/message-page.js";
import type { PageContext } from "./views/page-context.js";
import type { StoryCardModel } from "./views/view-models.js";

describe("translator", () => {
	it("fills placeholders and leaves unknown ones visible", () => {
		const t = translator("en");
		expect(t("article.aboutAuthor", { name: "Farida" })).toBe("About Farida");
		expect(t("pagination.pageOf", { page: 2 })).toBe("Page 2 of {pages}");
	});

	it("falls back to English for a language with no catalog", () => {
		expect(translator("sw")("article.checkAlso")).toBe(en["article.checkAlso"]);
	});

	it("has no empty message", () => {
		for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe("");
	});

	it("knows which languages are written right to left", () => {
		expect(directionOf("fa-AF")).toBe("rtl");
		expect(directionOf("ps")).toBe("rtl");
		expect(directionOf("ar")).toBe("rtl");
		expect(directionOf("en-GB")).toBe("ltr");
	});
});

/**
 * Renders every page with a translator that returns ⟦key⟧ and content written
 * in Greek. Once the markers are removed, any Latin letter left in the visible
 * text or in labels is a UI string that skipped the catalog.
 */
describe("views take every UI string from the catalog", () => {
	const ctx: PageContext = {
		siteName: "Εφημερίδα",
		tagline: "Ειδήσεις",
		language: "el",
		dir: "ltr",
		t: (key) => `⟦${key}⟧`,
		formatDate: () => "⟦date⟧",
		absolute: (path) => `https://example.org${path}`,
		stylesheetHref: "/assets/site.css",
		nav: [{ name: "Ειδήσεις", href: "/news/", current: true }],
	};
	const card: StoryCardModel = {
		href: "/2026/03/14/a/",
		headline: "Τίτλος",
		standfirst: "Περίληψη",
		publishedAt: new Date("2026-03-14T00:00:00Z"),
		section: { name: "Ειδήσεις", href: "/news/" },
		bylines: [{ name: "Μαρία", href: "/author/m/" }],
		language: "el",
	};
	const person = { name: "Μαρία", href: "/author/m/" };

	function leftovers(page: VNode): string[] {
		const $ = load(renderToString(page));
		$("script, style").remove();
		const texts = [
			$("body").text(),
			...$("[aria-label]")
				.map((_, el) => $(el).attr("aria-label") ?? "")
				.get(),
		];
		return texts.map((text) => text.replace(/⟦[^⟧]*⟧/g, "")).flatMap((text) => text.match(/[A-Za-z]+/g) ?? []);
	}

	it("article page", () => {
		const page = (
			<ArticlePage
				ctx={ctx}
				head={{ title: "Τίτλος" }}
				article={{
					headline: "Τίτλος",
					standfirst: "Περίληψη",
					sourceLine: "Πηγή",
					datelinePlace: "Αθήνα",
					bodyHtml: "<p>Κείμενο</p>",
					language: "el",
					publishedAt: new Date(),
					updatedAt: new Date(),
					href: "/2026/03/14/a/",
					breadcrumbs: [
						{ name: "⟦breadcrumb.home⟧", href: "/" },
						{ name: "Ειδήσεις", href: "/news/" },
						{ name: "Τίτλος", href: "/2026/03/14/a/" },
					],
					bylines: [person, { name: "Νίκος", href: "/author/n/" }],
					tags: [{ name: "Νερό", href: "/tag/water/" }],
					authorBoxes: [{ name: "Μαρία", jobTitle: "Ρεπόρτερ", bio: "Βιογραφικό", href: "/author/m/" }],
					checkAlso: {
						href: "/2026/03/13/b/",
						language: "el",
						headline: "Άλλο",
						excerpt: "Απόσπασμα…",
						publishedAt: new Date(),
					},
					section: { name: "Ειδήσεις", href: "/news/" },
					corrections: [{ kind: "correction", body: "Διόρθωση", createdAt: new Date() }],
					image: {
						src: "/media/x.jpg",
						srcset: "/media/x.webp 640w",
						fallbackSrcset: "/media/x.jpg 640w",
						sizes: "100vw",
						width: 640,
						height: 360,
						alt: "Εικόνα",
						caption: "Λεζάντα",
						credit: "Φωτογραφία",
					},
				}}
			/>
		);
		expect(leftovers(page)).toEqual([]);
	});

	it("home page", () => {
		const page = (
			<HomePage
				ctx={ctx}
				head={{ title: "Εφημερίδα" }}
				home={{
					lead: card,
					featured: [card],
					latest: [card],
					blocks: [{ section: { name: "Ειδήσεις", href: "/news/" }, stories: [card] }],
				}}
			/>
		);
		expect(leftovers(page)).toEqual([]);
	});

	it("listing page", () => {
		const page = (
			<ListingPage
				ctx={ctx}
				head={{ title: "Ειδήσεις" }}
				listing={{
					kind: "section",
					title: "Ειδήσεις",
					description: "Περιγραφή",
					total: 40,
					breadcrumbs: [{ name: "Ειδήσεις", href: "/news/" }],
					stories: [card],
					pagination: { page: 2, pages: 3, newerHref: "/news/", olderHref: "/news/page/3/" },
				}}
			/>
		);
		expect(leftovers(page)).toEqual([]);
	});

	it("message page", () => {
		expect(leftovers(<MessagePage ctx={ctx} title="⟦notFound.title⟧" body="⟦notFound.body⟧" />)).toEqual([]);
	});
});
