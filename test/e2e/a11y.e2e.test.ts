import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tagPath } from "../../src/content/articles/article.js";
import {
	AXE_TAGS,
	type AxeResults,
	addDariBriefs,
	addDariDesk,
	addEnglishOriginal,
	axeContextOptions,
	browserSuite,
	DARI_STORIES,
	type DariDesk,
	DESKTOP,
	describeViolations,
	type ListeningSite,
	launchChromium,
	linkTranslationsIfSupported,
	loopbackOnly,
	MOBILE,
	PAIRED_ENGLISH_STORY,
	publishedPath,
	runAxe,
	setBreakingBanner,
	startTestSite,
} from "./browser.js";

/**
 * WCAG 2.2 AA in real Chromium: axe-core over every reader page type, left to
 * right (the English demo newsroom, with a Dari desk inside it) and right to
 * left (a Dari site), on a phone and a laptop; and the keyboard path a reader
 * without a mouse takes: the skip link, then every control with a visible focus.
 *
 * With DATELINE_A11Y_RESULTS set ("1" for bench/results/, or a directory),
 * a JSON summary of every scan is written as axe-<date>.json.
 */

/** The demo's follow-up story: two bylines, tags, an update time and a related story. */
const FOLLOW_UP_SLUG = "kunar-water-talks-end-with-deal-to-share-river-flow-data";

const suite = browserSuite();

type SiteName = "english" | "dari";

interface Target {
	/** The page type, as the summary names it. */
	type: string;
	site: SiteName;
	/** What the page shows, for people reading the summary. */
	note: string;
	/** The expected `<html dir>`. */
	dir: "ltr" | "rtl";
	status: number;
	/** The path, known once the sites are seeded. */
	path(): string;
}

interface ScanSummary {
	type: string;
	site: SiteName;
	note: string;
	path: string;
	viewport: string;
	lang: string;
	dir: string;
	violations: { id: string; impact: string | null; nodes: number; targets: unknown[] }[];
	incomplete: { id: string; nodes: number }[];
	passes: number;
	inapplicable: number;
}

const VIEWPORTS: { name: "mobile" | "desktop"; options: BrowserContextOptions }[] = [
	{ name: "mobile", options: MOBILE },
	{ name: "desktop", options: DESKTOP },
];

function summarize(target: Target, viewport: string, results: AxeResults, lang: string, dir: string): ScanSummary {
	return {
		type: target.type,
		site: target.site,
		note: target.note,
		path: target.path(),
		viewport,
		lang,
		dir,
		violations: results.violations.map((rule) => ({
			id: rule.id,
			impact: rule.impact,
			nodes: rule.nodes.length,
			targets: rule.nodes.map((node) => node.target),
		})),
		incomplete: results.incomplete.map((rule) => ({ id: rule.id, nodes: rule.nodes.length })),
		passes: results.passes.length,
		inapplicable: results.inapplicable.length,
	};
}

/** Where the summary goes, or null when it is not wanted. */
function resultsDir(): string | null {
	const wanted = process.env.DATELINE_A11Y_RESULTS;
	if (!wanted || wanted === "0" || wanted === "false") return null;
	const root = path.resolve(import.meta.dirname, "../..");
	return wanted === "1" || wanted === "true" ? path.join(root, "bench/results") : path.resolve(wanted);
}

/** sRGB relative luminance of a computed `rgb(a)` colour; the alpha channel is ignored. */
function luminance(color: string): number {
	const channels = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
	const [r = 0, g = 0, b = 0] = channels.map((value) => {
		const c = value / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

/** What the keyboard focus is on, and how it is drawn. Runs in the page. */
interface FocusState {
	tag: string;
	id: string;
	className: string;
	href: string | null;
	text: string;
	inMain: boolean;
	outlineStyle: string;
	outlineWidth: number;
	outlineColor: string;
	/** The first opaque background behind the focus ring, walking up the tree. */
	background: string;
	rect: { top: number; bottom: number; left: number; right: number; width: number; height: number };
	viewport: { width: number; height: number };
}

const FOCUS_STATE = `(() => {
	const el = document.activeElement;
	if (!el || el === document.body || el === document.documentElement) return null;
	const style = getComputedStyle(el);
	let background = "rgb(255, 255, 255)";
	// An outline drawn outside the box (offset >= 0) is seen against what is around the element.
	const start = (parseFloat(style.outlineOffset) || 0) >= 0 ? el.parentElement : el;
	for (let node = start; node; node = node.parentElement) {
		const bg = getComputedStyle(node).backgroundColor;
		if (bg && bg !== "transparent" && !/rgba\\(.*,\\s*0\\)$/.test(bg)) { background = bg; break; }
	}
	const r = el.getBoundingClientRect();
	return {
		tag: el.tagName.toLowerCase(),
		id: el.id,
		className: typeof el.className === "string" ? el.className : "",
		href: el.getAttribute("href"),
		text: (el.textContent || el.getAttribute("aria-label") || el.getAttribute("name") || "").trim().slice(0, 60),
		inMain: el.closest("main") !== null,
		outlineStyle: style.outlineStyle,
		outlineWidth: parseFloat(style.outlineWidth) || 0,
		outlineColor: style.outlineColor,
		background,
		rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height },
		viewport: { width: innerWidth, height: innerHeight },
	};
})()`;

/**
 * The focused element once any scrolling that focus started has settled (the
 * stylesheet asks for smooth scrolling when the reader has not asked for less motion).
 */
async function focusState(page: Page): Promise<FocusState | null> {
	let state = await page.evaluate<FocusState | null>(FOCUS_STATE);
	for (let tries = 0; state && tries < 40; tries += 1) {
		if (state.rect.bottom > 0 && state.rect.top < state.viewport.height) break;
		await page.waitForTimeout(50);
		state = await page.evaluate<FocusState | null>(FOCUS_STATE);
	}
	return state;
}

function describeFocus(state: FocusState): string {
	return `<${state.tag}${state.className ? ` class="${state.className}"` : ""}${state.href ? ` href="${state.href}"` : ""}> "${state.text}"`;
}

/** A focus ring a reader can see: at least 2 px, solid, 3:1 against what is behind it, and on screen. */
function expectVisibleFocus(state: FocusState): void {
	const label = describeFocus(state);
	expect(state.outlineStyle, `${label}: outline style`).not.toBe("none");
	expect(state.outlineWidth, `${label}: outline width`).toBeGreaterThanOrEqual(2);
	expect(
		contrast(state.outlineColor, state.background),
		`${label}: ${state.outlineColor} on ${state.background}`,
	).toBeGreaterThanOrEqual(3);
	expect(state.rect.width * state.rect.height, `${label}: size`).toBeGreaterThan(0);
	expect(state.rect.bottom, `${label}: below the top of the viewport`).toBeGreaterThan(0);
	expect(state.rect.top, `${label}: above the bottom of the viewport`).toBeLessThan(state.viewport.height);
}

suite("accessibility in Chromium: axe-core (WCAG 2.2 AA) and the keyboard, left to right and right to left", () => {
	let browser: Browser | undefined;
	let english: ListeningSite | undefined;
	let dari: ListeningSite | undefined;
	const paths = new Map<string, string>();
	const scans: ScanSummary[] = [];
	/** The keyboard checks that passed, for the summary. */
	const keyboard: { page: string; viewport: string; check: string; tabStops?: number }[] = [];

	const url = (site: SiteName, pagePath: string) =>
		`${(site === "english" ? english : dari)?.baseUrl ?? "http://127.0.0.1:1"}${pagePath}`;
	const known = (key: string) => () => {
		const found = paths.get(key);
		if (found === undefined) throw new Error(`${key} was not set up`);
		return found;
	};

	beforeAll(async () => {
		// one after the other, so that afterAll can close whichever started
		english = await startTestSite({ demo: true });
		const enSite = english.site;
		const enDesk: DariDesk = await addDariDesk(enSite, { slug: "dari", name: "Dari", leadImage: true });
		// An English original of the first Dari story, with a lead image; linked as its translation where the service can.
		const original = await addEnglishOriginal(enSite, { leadImage: true });
		await linkTranslationsIfSupported(enSite, [original, enDesk.ids[0] ?? 0]);
		paths.set("en.image-article", await publishedPath(enSite, PAIRED_ENGLISH_STORY.slug));
		const followUp = await publishedPath(enSite, FOLLOW_UP_SLUG);
		await setBreakingBanner(enSite, "Salang tunnel closes at night from Monday for repairs", followUp);
		const story = await enSite.services.articles.getPublished(FOLLOW_UP_SLUG);
		const firstTag = story?.tags[0];
		if (!firstTag) throw new Error(`${FOLLOW_UP_SLUG} has no tags`);
		paths.set("en.article", followUp);
		paths.set("en.tag", tagPath(firstTag));
		paths.set("en.dari-article", await publishedPath(enSite, DARI_STORIES[0]?.slug ?? ""));
		paths.set("en.dari-section", enDesk.sectionPath);

		// A site whose language is Dari: every page is right to left.
		dari = await startTestSite();
		const faSite = dari.site;
		await faSite.services.settings.updateSite({
			name: "دیت‌لاین",
			tagline: "خبر از جایی که رخ می‌دهد",
			language: "fa-AF",
			sourceLine: "خبرگزاری دیت‌لاین",
		});
		const faDesk = await addDariDesk(faSite, { slug: "khabar-ha", name: "خبرها", leadImage: true });
		await addDariBriefs(faSite, faDesk.sectionPath, 15);
		const faStory = await faSite.services.articles.getPublished(DARI_STORIES[0]?.slug ?? "");
		const faTag = faStory?.tags[0];
		if (!faTag) throw new Error("the Dari story has no tags");
		paths.set("fa.section", faDesk.sectionPath);
		paths.set("fa.child", faDesk.childSectionPath);
		paths.set("fa.author", faDesk.authorPath);
		paths.set("fa.article", await publishedPath(faSite, DARI_STORIES[0]?.slug ?? ""));
		paths.set("fa.tag", tagPath(faTag));

		browser = await launchChromium();
	});

	afterAll(async () => {
		await browser?.close();
		await english?.close();
		await dari?.close();
		const dir = resultsDir();
		if (dir && scans.length > 0) {
			fs.mkdirSync(dir, { recursive: true });
			const date = new Date().toISOString().slice(0, 10);
			const summary = {
				generatedAt: new Date().toISOString(),
				tool: "axe-core",
				axeVersion: axeVersion,
				browser: `Chromium ${browserVersion}`,
				tags: AXE_TAGS,
				scans: scans.length,
				pageTypes: [...new Set(scans.map((scan) => `${scan.type} (${scan.dir})`))],
				totalViolations: scans.reduce((sum, scan) => sum + scan.violations.length, 0),
				violatingNodes: scans.reduce((sum, scan) => sum + scan.violations.reduce((n, v) => n + v.nodes, 0), 0),
				results: scans,
				keyboard,
			};
			fs.writeFileSync(path.join(dir, `axe-${date}.json`), `${JSON.stringify(summary, null, 2)}\n`);
		}
	});

	let axeVersion = "";
	let browserVersion = "";

	const targets: Target[] = [
		{
			type: "home",
			site: "english",
			note: "demo front page with a breaking banner",
			dir: "ltr",
			status: 200,
			path: () => "/",
		},
		{ type: "section", site: "english", note: "National News", dir: "ltr", status: 200, path: () => "/news/" },
		{
			type: "nested section",
			site: "english",
			note: "National News › Provinces",
			dir: "ltr",
			status: 200,
			path: () => "/news/provinces/",
		},
		{
			type: "search page 2",
			site: "english",
			note: "“kabul”, page 2, with pagination",
			dir: "ltr",
			status: 200,
			path: () => "/search?q=kabul&page=2",
		},
		{ type: "article", site: "english", note: FOLLOW_UP_SLUG, dir: "ltr", status: 200, path: known("en.article") },
		{
			type: "article with a lead image",
			site: "english",
			note: "alt text, caption, credit, and a Dari translation",
			dir: "ltr",
			status: 200,
			path: known("en.image-article"),
		},
		{
			type: "author",
			site: "english",
			note: "Farid Noori",
			dir: "ltr",
			status: 200,
			path: () => "/author/farid-noori/",
		},
		{
			type: "tag",
			site: "english",
			note: "first tag of the follow-up story",
			dir: "ltr",
			status: 200,
			path: known("en.tag"),
		},
		{
			type: "search",
			site: "english",
			note: "“kunar”, with results",
			dir: "ltr",
			status: 200,
			path: () => "/search?q=kunar",
		},
		{ type: "search (empty)", site: "english", note: "no query", dir: "ltr", status: 200, path: () => "/search" },
		{ type: "404", site: "english", note: "unknown address", dir: "ltr", status: 404, path: () => "/no-such-page/" },
		{
			type: "article (Dari, in an English site)",
			site: "english",
			note: "a fa-AF story on the English site",
			dir: "rtl",
			status: 200,
			path: known("en.dari-article"),
		},
		{
			type: "section (Dari stories, in an English site)",
			site: "english",
			note: "the Dari desk",
			dir: "ltr",
			status: 200,
			path: known("en.dari-section"),
		},
		{ type: "home", site: "dari", note: "a fa-AF site", dir: "rtl", status: 200, path: () => "/" },
		{
			type: "section page 2",
			site: "dari",
			note: "with pagination",
			dir: "rtl",
			status: 200,
			path: () => `${known("fa.section")()}page/2/`,
		},
		{ type: "section", site: "dari", note: "خبرها", dir: "rtl", status: 200, path: known("fa.section") },
		{ type: "nested section", site: "dari", note: "خبرها › ولایات", dir: "rtl", status: 200, path: known("fa.child") },
		{
			type: "article",
			site: "dari",
			note: `${DARI_STORIES[0]?.slug ?? ""}, with a lead image`,
			dir: "rtl",
			status: 200,
			path: known("fa.article"),
		},
		{ type: "author", site: "dari", note: "فریده امیری", dir: "rtl", status: 200, path: known("fa.author") },
		{ type: "tag", site: "dari", note: "آب", dir: "rtl", status: 200, path: known("fa.tag") },
		{
			type: "search",
			site: "dari",
			note: "“کابل”, with results",
			dir: "rtl",
			status: 200,
			path: () => `/search?${new URLSearchParams({ q: "کابل" })}`,
		},
		{ type: "404", site: "dari", note: "unknown address", dir: "rtl", status: 404, path: () => "/no-such-page/" },
	];

	for (const viewport of VIEWPORTS) {
		describe(`axe-core, ${viewport.name}`, () => {
			let context: BrowserContext;
			let page: Page;

			beforeAll(async () => {
				if (!browser) throw new Error("the browser did not start");
				browserVersion = browser.version();
				context = await browser.newContext(axeContextOptions(viewport.options));
				await loopbackOnly(context);
				page = await context.newPage();
			});

			afterAll(async () => {
				await context?.close();
			});

			for (const target of targets) {
				it(`${target.site} site: ${target.type} (${target.dir}) has no WCAG 2.2 AA violations`, async () => {
					const pagePath = target.path();
					const response = await page.goto(url(target.site, pagePath));
					expect(response?.status(), pagePath).toBe(target.status);
					const dir = await page.evaluate<string>("document.documentElement.dir");
					const lang = await page.evaluate<string>("document.documentElement.lang");
					expect(dir, `${pagePath}: <html dir>`).toBe(target.dir);
					if (target.type.startsWith("search") && target.note.includes("with")) {
						expect(await page.locator("main ol.list > li").count(), "search results").toBeGreaterThan(0);
					}
					if (target.note.includes("pagination")) {
						expect(await page.locator("nav.pager").count(), "pagination").toBe(1);
					}
					const results = await runAxe(page);
					axeVersion = results.testEngine.version;
					scans.push(summarize(target, viewport.name, results, lang, dir));
					expect(describeViolations(results), `${target.site} ${pagePath}`).toBe("");
				});
			}
		});
	}

	const keyboardPages: { site: SiteName; label: string; path: () => string; skipText: RegExp }[] = [
		{ site: "english", label: "English article (ltr)", path: known("en.article"), skipText: /^Skip to content$/ },
		{ site: "dari", label: "Dari article (rtl)", path: known("fa.article"), skipText: /\S/ },
		{ site: "dari", label: "Dari home (rtl)", path: () => "/", skipText: /\S/ },
		{ site: "english", label: "English search results (ltr)", path: () => "/search?q=kunar", skipText: /\S/ },
	];

	for (const viewport of VIEWPORTS) {
		describe(`the keyboard, ${viewport.name}, without JavaScript`, () => {
			let context: BrowserContext;
			let page: Page;

			beforeAll(async () => {
				if (!browser) throw new Error("the browser did not start");
				context = await browser.newContext(viewport.options);
				await loopbackOnly(context);
				page = await context.newPage();
			});

			afterAll(async () => {
				await context?.close();
			});

			for (const target of keyboardPages) {
				it(`${target.label}: the first Tab reaches the skip link, which moves focus to main`, async () => {
					const response = await page.goto(url(target.site, target.path()));
					expect(response?.status()).toBe(200);
					await page.keyboard.press("Tab");
					const skip = await focusState(page);
					expect(skip, "the first Tab focuses something").not.toBeNull();
					if (!skip) return;
					expect(skip.className).toBe("skip");
					expect(skip.href).toBe("#content");
					expect(skip.text).toMatch(target.skipText);
					expectVisibleFocus(skip);
					expect(skip.rect.top, "the skip link is shown when focused").toBeGreaterThanOrEqual(0);

					await page.keyboard.press("Enter");
					await page.waitForURL((u) => u.hash === "#content");
					const main = await focusState(page);
					expect(main?.tag, "focus after following the skip link").toBe("main");
					expect(main?.id).toBe("content");

					await page.keyboard.press("Tab");
					const next = await focusState(page);
					expect(next?.inMain, `the next Tab stays in main: ${next ? describeFocus(next) : "nothing"}`).toBe(true);
					keyboard.push({ page: target.label, viewport: viewport.name, check: "skip link first, focus moves to main" });
				});

				it(`${target.label}: every Tab stop shows a visible focus ring, in document order`, async () => {
					const response = await page.goto(url(target.site, target.path()));
					expect(response?.status()).toBe(200);
					const expected = await page.evaluate<number>(
						`document.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])').length`,
					);
					const seen: string[] = [];
					for (let stop = 0; stop < expected + 1; stop += 1) {
						await page.keyboard.press("Tab");
						const state = await focusState(page);
						if (!state) break;
						if (stop > 0 && state.className === "skip") break;
						seen.push(describeFocus(state));
						expectVisibleFocus(state);
					}
					expect(seen.length, seen.join("\n")).toBe(expected);
					expect(seen[0]).toMatch(/class="skip"/);
					expect(seen[1], "then the masthead's brand").toMatch(/class="brand"/);
					keyboard.push({
						page: target.label,
						viewport: viewport.name,
						check: "every Tab stop in order with a visible focus ring (>= 2px, >= 3:1, on screen)",
						tabStops: seen.length,
					});
				});
			}
		});
	}
});
