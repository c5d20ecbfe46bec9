import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	addDariBriefs,
	addDariDesk,
	addEnglishOriginal,
	browserSuite,
	DARI_STORIES,
	DESKTOP,
	type ListeningSite,
	launchChromium,
	linkTranslationsIfSupported,
	loopbackOnly,
	MOBILE,
	PAIRED_ENGLISH_STORY,
	publishedPath,
	screenshotsDir,
	startTestSite,
} from "./browser.js";

/**
 * The same story in English and in Dari, rendered in Chromium: the Dari page
 * is right to left throughout, and everything the English page puts on the
 * left (the masthead's brand, the first breadcrumb, the byline, the author
 * box's rule, the lead image's caption) is on the right. A paginated section
 * of a Dari site mirrors its pager and crumbs too. Saves both articles, on a
 * phone and a laptop, as `article-en[-mobile].png` and
 * `article-fa-AF[-mobile].png` in DATELINE_SCREENSHOTS_DIR (a temporary
 * directory otherwise).
 */

const MIN_SCREENSHOT_BYTES = 10 * 1024;

const suite = browserSuite();

interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
	width: number;
}

/** The layout facts the assertions compare, read from the rendered page in one go. */
interface Layout {
	lang: string;
	htmlDir: string;
	direction: { html: string; body: string; main: string; story: string };
	viewportWidth: number;
	scrollWidth: number;
	wrap: Box;
	brand: Box;
	crumbs: Box[];
	meta: Box;
	/** The byline's text itself (a Range over it), not its block box. */
	bylineText: Box;
	metaTextAlign: string;
	authorBorder: { left: string; right: string };
	authorBox: Box;
	tags: Box[];
	dateline: Box;
	firstParagraph: Box;
	searchInput: Box;
	searchButton: Box;
	/** The lead image's caption: its block, and its text. */
	caption: { box: Box; text: Box };
	/** The language switcher (its content box, and its text), when the story has linked translations. */
	translations: { box: Box; text: Box; links: { href: string; hreflang: string; lang: string }[] } | null;
}

const READ_LAYOUT = `(() => {
	const box = (el) => {
		if (!el) throw new Error("missing element");
		const r = el.getBoundingClientRect();
		return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
	};
	const one = (selector) => {
		const el = document.querySelector(selector);
		if (!el) throw new Error("no " + selector);
		return el;
	};
	const contentBox = (el) => {
		const r = el.getBoundingClientRect();
		const s = getComputedStyle(el);
		const left = r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
		const right = r.right - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight);
		return { left, right, top: r.top, bottom: r.bottom, width: right - left };
	};
	const dir = (el) => getComputedStyle(el).direction;
	const byline = one("article.story .meta .byline");
	const range = document.createRange();
	range.selectNodeContents(byline);
	const author = one("article.story .author-box");
	const authorStyle = getComputedStyle(author);
	return {
		lang: document.documentElement.lang,
		htmlDir: document.documentElement.dir,
		direction: {
			html: dir(document.documentElement),
			body: dir(document.body),
			main: dir(one("main")),
			story: dir(one("article.story")),
		},
		viewportWidth: innerWidth,
		scrollWidth: document.documentElement.scrollWidth,
		wrap: contentBox(one(".masthead .wrap")),
		brand: box(one(".masthead .brand")),
		crumbs: Array.from(document.querySelectorAll("nav.crumbs li"), box),
		meta: box(one("article.story .meta")),
		bylineText: box(range),
		metaTextAlign: getComputedStyle(one("article.story .meta")).textAlign,
		authorBorder: { left: authorStyle.borderLeftWidth, right: authorStyle.borderRightWidth },
		authorBox: box(author),
		tags: Array.from(document.querySelectorAll("article.story .tags li"), box),
		dateline: box(one("article.story .body .dateline")),
		firstParagraph: box(one("article.story .body p")),
		searchInput: box(one(".site-search input")),
		searchButton: box(one(".site-search button")),
		caption: (() => {
			const el = one("article.story .lead-image figcaption");
			const text = document.createRange();
			text.selectNodeContents(el);
			return { box: contentBox(el), text: box(text) };
		})(),
		translations: (() => {
			const el = document.querySelector("article.story .translations");
			if (!el) return null;
			const text = document.createRange();
			text.selectNodeContents(el);
			return {
				box: contentBox(el),
				text: box(text),
				links: Array.from(el.querySelectorAll("a[hreflang]"), (a) => ({
					href: a.getAttribute("href"),
					hreflang: a.getAttribute("hreflang"),
					lang: a.getAttribute("lang"),
				})),
			};
		})(),
	};
})()`;

const center = (box: Box) => (box.left + box.right) / 2;

const VIEWPORTS: { name: "mobile" | "desktop"; width: number; options: BrowserContextOptions }[] = [
	{ name: "mobile", width: 390, options: MOBILE },
	{ name: "desktop", width: 1280, options: DESKTOP },
];

const LANGUAGES = [
	{ lang: "en", dir: "ltr" },
	{ lang: "fa-AF", dir: "rtl" },
] as const;

suite("the same story in English and in Dari, in Chromium", () => {
	let browser: Browser | undefined;
	let site: ListeningSite | undefined;
	const articleUrl = new Map<string, string>();
	/** Whether the pair is linked as translations (when the article service can link them). */
	let linked = false;
	const shots = screenshotsDir();

	beforeAll(async () => {
		// one after the other, so that afterAll can close whichever started
		site = await startTestSite({ demo: true });
		// The Dari half of the pair is the desk's first story; the English original goes in National News.
		const desk = await addDariDesk(site.site, { leadImage: true });
		const english = await addEnglishOriginal(site.site, { leadImage: true });
		linked = await linkTranslationsIfSupported(site.site, [english, desk.ids[0] ?? 0]);
		articleUrl.set("en", `${site.baseUrl}${await publishedPath(site.site, PAIRED_ENGLISH_STORY.slug)}`);
		articleUrl.set("fa-AF", `${site.baseUrl}${await publishedPath(site.site, DARI_STORIES[0]?.slug ?? "")}`);
		browser = await launchChromium();
	});

	afterAll(async () => {
		await browser?.close();
		await site?.close();
		shots.cleanup();
	});

	describe("a paginated section on a Dari site", () => {
		let dariSite: ListeningSite | undefined;
		let sectionUrl = "";

		beforeAll(async () => {
			dariSite = await startTestSite();
			await dariSite.site.services.settings.updateSite({ name: "دیت‌لاین", language: "fa-AF" });
			const desk = await addDariDesk(dariSite.site, { slug: "khabar-ha", name: "خبرها" });
			await addDariBriefs(dariSite.site, desk.sectionPath, 15);
			sectionUrl = `${dariSite.baseUrl}${desk.sectionPath}`;
		});

		afterAll(async () => {
			await dariSite?.close();
		});

		for (const viewport of VIEWPORTS) {
			it(`${viewport.name}: the pager puts "newer" at the right and "older" at the left, and the crumbs run right to left`, async () => {
				if (!browser) throw new Error("the browser did not start");
				const context = await browser.newContext(viewport.options);
				try {
					await loopbackOnly(context);
					const page = await context.newPage();
					// Page 1 links only to older stories, page 2 only to newer ones: each link sits at its own edge.
					const edges = async (pagePath: string, selector: string) => {
						const response = await page.goto(`${sectionUrl}${pagePath}`);
						expect(response?.status()).toBe(200);
						const pager = await page.locator("nav.pager").boundingBox({ timeout: 2_000 });
						const link = await page.locator(selector).boundingBox({ timeout: 2_000 });
						if (!pager || !link) throw new Error(`${pagePath}: no pager or no ${selector}`);
						return { left: link.x - pager.x, right: pager.x + pager.width - (link.x + link.width) };
					};
					const older = await edges("", "nav.pager a[rel=next]");
					expect(Math.abs(older.left), "page 1: “older” is at the left edge").toBeLessThanOrEqual(1);
					expect(older.right).toBeGreaterThan(1);
					const newer = await edges("page/2/", "nav.pager a[rel=prev]");
					expect(Math.abs(newer.right), "page 2: “newer” is at the right edge").toBeLessThanOrEqual(1);
					expect(newer.left).toBeGreaterThan(1);
					expect(await page.evaluate<string>("getComputedStyle(document.querySelector('main')).direction")).toBe("rtl");
					const crumbs = await page.locator("nav.crumbs li").all();
					const boxes = await Promise.all(crumbs.map((crumb) => crumb.boundingBox()));
					expect(boxes.length).toBe(2);
					expect(boxes[0]?.x ?? 0, "Home is right of the section").toBeGreaterThan(
						(boxes[1]?.x ?? 0) + (boxes[1]?.width ?? 0) - 1,
					);
					const width = await page.evaluate<number>("document.documentElement.scrollWidth");
					expect(width, "no horizontal overflow").toBeLessThanOrEqual(viewport.width);
				} finally {
					await context.close();
				}
			});
		}
	});

	for (const viewport of VIEWPORTS) {
		describe(`${viewport.name}, ${viewport.width} px wide`, () => {
			let context: BrowserContext;
			let page: Page;
			const layouts = new Map<string, Layout>();

			beforeAll(async () => {
				if (!browser) throw new Error("the browser did not start");
				context = await browser.newContext(viewport.options);
				await loopbackOnly(context);
				page = await context.newPage();
			});

			afterAll(async () => {
				await context?.close();
			});

			async function layoutOf(lang: string): Promise<Layout> {
				const cached = layouts.get(lang);
				if (cached) return cached;
				const url = articleUrl.get(lang);
				if (!url) throw new Error(`no ${lang} article`);
				const response = await page.goto(url);
				expect(response?.status(), url).toBe(200);
				const layout = await page.evaluate<Layout>(READ_LAYOUT);
				layouts.set(lang, layout);
				return layout;
			}

			for (const { lang, dir } of LANGUAGES) {
				describe(`the ${lang} article`, () => {
					it(`is ${dir}: html, body, main and the story compute direction ${dir}`, async () => {
						const layout = await layoutOf(lang);
						expect(layout.lang).toBe(lang);
						expect(layout.htmlDir).toBe(dir);
						expect(layout.direction).toEqual({ html: dir, body: dir, main: dir, story: dir });
						expect(layout.scrollWidth, "no horizontal overflow").toBeLessThanOrEqual(layout.viewportWidth);
					});

					it(`puts the masthead's brand at the ${dir === "rtl" ? "right" : "left"}`, async () => {
						const { brand, wrap } = await layoutOf(lang);
						const [near, far] =
							dir === "rtl"
								? [wrap.right - brand.right, brand.left - wrap.left]
								: [brand.left - wrap.left, wrap.right - brand.right];
						expect(Math.abs(near), "the brand touches the start edge of the masthead").toBeLessThanOrEqual(1);
						expect(far, "and leaves room at the end edge").toBeGreaterThan(1);
						if (dir === "rtl") expect(center(brand)).toBeGreaterThan(center(wrap));
						else expect(center(brand)).toBeLessThan(center(wrap));
					});

					it(`orders the breadcrumbs ${dir === "rtl" ? "right to left" : "left to right"}`, async () => {
						const { crumbs } = await layoutOf(lang);
						expect(crumbs.length).toBeGreaterThanOrEqual(3);
						for (let i = 1; i < crumbs.length; i += 1) {
							const [before, after] = [crumbs[i - 1] as Box, crumbs[i] as Box];
							if (dir === "rtl") {
								expect(before.left, `crumb ${i} is right of crumb ${i + 1}`).toBeGreaterThanOrEqual(after.right - 1);
							} else {
								expect(before.right, `crumb ${i} is left of crumb ${i + 1}`).toBeLessThanOrEqual(after.left + 1);
							}
						}
					});

					it(`aligns the byline to the ${dir === "rtl" ? "right" : "left"}`, async () => {
						const { meta, bylineText, metaTextAlign } = await layoutOf(lang);
						expect(["start", dir === "rtl" ? "right" : "left"]).toContain(metaTextAlign);
						if (dir === "rtl") {
							expect(
								Math.abs(meta.right - bylineText.right),
								"the byline starts at the right edge",
							).toBeLessThanOrEqual(1);
							expect(bylineText.left - meta.left, "and ends short of the left edge").toBeGreaterThan(1);
						} else {
							expect(Math.abs(bylineText.left - meta.left), "the byline starts at the left edge").toBeLessThanOrEqual(
								1,
							);
							expect(meta.right - bylineText.right, "and ends short of the right edge").toBeGreaterThan(1);
						}
					});

					it(`draws the author box's rule on its ${dir === "rtl" ? "right" : "left"} (inline-start) side`, async () => {
						const { authorBorder } = await layoutOf(lang);
						const [start, end] =
							dir === "rtl" ? [authorBorder.right, authorBorder.left] : [authorBorder.left, authorBorder.right];
						expect(Number.parseFloat(start)).toBeGreaterThanOrEqual(3);
						expect(Number.parseFloat(end)).toBe(0);
					});

					it("starts the body, its dateline and the tags at the inline start", async () => {
						const { dateline, firstParagraph, tags } = await layoutOf(lang);
						if (dir === "rtl") expect(Math.abs(firstParagraph.right - dateline.right)).toBeLessThanOrEqual(1);
						else expect(Math.abs(dateline.left - firstParagraph.left)).toBeLessThanOrEqual(1);
						expect(tags.length).toBeGreaterThanOrEqual(2);
						const [first, second] = [tags[0] as Box, tags[1] as Box];
						if (first.top === second.top) {
							if (dir === "rtl") expect(first.left).toBeGreaterThan(second.right);
							else expect(first.right).toBeLessThan(second.left);
						}
					});

					it("starts the lead image's caption at the inline start", async () => {
						const { caption } = await layoutOf(lang);
						if (dir === "rtl") expect(Math.abs(caption.box.right - caption.text.right)).toBeLessThanOrEqual(1);
						else expect(Math.abs(caption.text.left - caption.box.left)).toBeLessThanOrEqual(1);
					});

					it("mirrors the search form: the field first, then its button", async () => {
						const { searchInput, searchButton } = await layoutOf(lang);
						if (dir === "rtl") expect(searchInput.left).toBeGreaterThan(searchButton.right);
						else expect(searchInput.right).toBeLessThan(searchButton.left);
					});

					it("links to the other language, starting at the inline start (when translations can be linked)", async (test) => {
						if (!linked) test.skip();
						const { translations } = await layoutOf(lang);
						expect(translations, "the language switcher").not.toBeNull();
						if (!translations) return;
						const other = lang === "en" ? "fa-AF" : "en";
						expect(translations.links).toEqual([
							{ href: new URL(articleUrl.get(other) ?? "").pathname, hreflang: other, lang: other },
						]);
						if (dir === "rtl")
							expect(Math.abs(translations.box.right - translations.text.right)).toBeLessThanOrEqual(1);
						else expect(Math.abs(translations.text.left - translations.box.left)).toBeLessThanOrEqual(1);
					});

					it("saves a full-page screenshot", async () => {
						await layoutOf(lang);
						const file = path.join(shots.dir, `article-${lang}${viewport.name === "mobile" ? "-mobile" : ""}.png`);
						await page.goto(articleUrl.get(lang) ?? "");
						await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
						expect(fs.statSync(file).size, file).toBeGreaterThan(MIN_SCREENSHOT_BYTES);
					});
				});
			}

			it("shows the same layout mirrored: the English brand, first crumb and byline sit where the Dari ones end", async () => {
				const en = await layoutOf("en");
				const fa = await layoutOf("fa-AF");
				const mirror = (x: number) => viewport.width - x;
				expect(Math.abs(mirror(en.brand.left) - fa.brand.right), "brand").toBeLessThanOrEqual(1);
				expect(
					Math.abs(mirror(en.crumbs[0]?.left ?? 0) - (fa.crumbs[0]?.right ?? 0)),
					"first crumb",
				).toBeLessThanOrEqual(1);
				expect(Math.abs(mirror(en.meta.left) - fa.meta.right), "meta block").toBeLessThanOrEqual(1);
				expect(Math.abs(mirror(en.authorBox.left) - fa.authorBox.right), "author box").toBeLessThanOrEqual(1);
			});
		});
	}
});
