import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	ARTICLE_PATH,
	articleUrlFor,
	browserSuite,
	DESKTOP,
	type DemoSite,
	launchChromium,
	MOBILE,
	startDemoSite,
} from "./browser.js";

/** The demo's follow-up story: two bylines, tags, a "Kabul" dateline, an update time and a related story. */
const FOLLOW_UP_SLUG = "kunar-water-talks-end-with-deal-to-share-river-flow-data";
const MIN_SCREENSHOT_BYTES = 10 * 1024;

const suite = browserSuite();

interface Span {
	top: number;
	bottom: number;
}

/** The vertical extent of every element the locator matches, from the real layout. Fails if nothing is rendered. */
async function spanOf(locator: Locator, label: string): Promise<Span> {
	const boxes = [];
	for (const element of await locator.all()) {
		const box = await element.boundingBox();
		if (box && box.height > 0) boxes.push(box);
	}
	if (boxes.length === 0) throw new Error(`${label} is not rendered on the article page`);
	return {
		top: Math.min(...boxes.map((b) => b.y)),
		bottom: Math.max(...boxes.map((b) => b.y + b.height)),
	};
}

async function expectOk(page: Page, url: string): Promise<void> {
	const response = await page.goto(url);
	expect(response?.status(), url).toBe(200);
}

async function screenshot(page: Page, file: string): Promise<void> {
	await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
	expect(fs.statSync(file).size, file).toBeGreaterThan(MIN_SCREENSHOT_BYTES);
}

suite("the reader site in Chromium, without JavaScript", () => {
	let browser: Browser | undefined;
	let site: DemoSite | undefined;
	let baseUrl = "";
	let articleUrl = "";
	let shotsDir = "";
	let removeShots = false;

	beforeAll(async () => {
		const wanted = process.env.DATELINE_SCREENSHOTS_DIR;
		if (wanted) {
			shotsDir = path.resolve(wanted);
			fs.mkdirSync(shotsDir, { recursive: true });
		} else {
			shotsDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-screenshots-"));
			removeShots = true;
		}
		// one after the other, so that afterAll can close whichever of the two started
		site = await startDemoSite();
		baseUrl = site.baseUrl;
		browser = await launchChromium();
		const context = await browser.newContext(DESKTOP);
		try {
			articleUrl = await articleUrlFor(context, baseUrl, FOLLOW_UP_SLUG);
		} finally {
			await context.close();
		}
	});

	afterAll(async () => {
		await browser?.close();
		await site?.close();
		if (removeShots) fs.rmSync(shotsDir, { recursive: true, force: true });
	});

	it("finds the follow-up story through the front page and the News section", () => {
		expect(ARTICLE_PATH.test(new URL(articleUrl).pathname)).toBe(true);
		expect(articleUrl.endsWith(`/${FOLLOW_UP_SLUG}/`)).toBe(true);
	});

	const passes: { name: "mobile" | "desktop"; width: number; options: BrowserContextOptions }[] = [
		{ name: "mobile", width: 390, options: MOBILE },
		{ name: "desktop", width: 1280, options: DESKTOP },
	];

	for (const pass of passes) {
		describe(`${pass.name}, ${pass.width} px wide`, () => {
			let context: BrowserContext;
			let page: Page;

			beforeAll(async () => {
				if (!browser) throw new Error("the browser did not start");
				context = await browser.newContext(pass.options);
				page = await context.newPage();
			});

			afterAll(async () => {
				await context?.close();
			});

			it("lays the article out in reading order", async () => {
				await expectOk(page, articleUrl);
				const order: [string, Locator][] = [
					["breadcrumbs", page.locator('nav[aria-label="Breadcrumb"]')],
					["headline", page.locator("article.story h1")],
					["source line", page.locator("article.story .source")],
					["meta (bylines and time)", page.locator("article.story .meta")],
					["body", page.locator("article.story .body")],
					["tags", page.locator("article.story .tags")],
					["author boxes", page.locator("article.story .author-box")],
					["Check Also", page.locator("aside.check")],
				];
				let previous: { label: string; span: Span } | undefined;
				for (const [label, locator] of order) {
					const span = await spanOf(locator, label);
					if (previous) {
						expect(
							span.top,
							`${label} (top ${span.top}) should start below ${previous.label} (bottom ${previous.span.bottom})`,
						).toBeGreaterThanOrEqual(previous.span.bottom - 1);
					}
					previous = { label, span };
				}

				const meta = page.locator("article.story .meta");
				expect(await meta.locator(".byline a[rel=author]").count()).toBeGreaterThanOrEqual(1);
				expect(await meta.locator("time[datetime]").count()).toBeGreaterThanOrEqual(1);
				expect(await page.locator("article.story .author-box").count()).toBe(
					await meta.locator(".byline a[rel=author]").count(),
				);
				expect(await page.locator("aside.check h2").textContent()).toMatch(/check also/i);

				const dateline = ((await page.locator("article.story .body .dateline").textContent()) ?? "").trim();
				expect(dateline).toMatch(/^[^\p{Ll}]+:$/u);
				const bodyText = ((await page.locator("article.story .body").textContent()) ?? "").trim();
				expect(bodyText.startsWith(`${dateline} `), `body starts "${bodyText.slice(0, 40)}"`).toBe(true);
				if (articleUrl.endsWith(`/${FOLLOW_UP_SLUG}/`)) expect(dateline).toBe("KABUL:");
			});

			it("serves a left-to-right English document with no scripts but valid JSON-LD, styled by the stylesheet", async () => {
				await expectOk(page, articleUrl);
				expect(await page.evaluate<string>("document.documentElement.dir")).toBe("ltr");
				expect(await page.evaluate<string>("document.documentElement.lang")).toBe("en");

				expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
				const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
				expect(jsonLd.length).toBeGreaterThanOrEqual(1);
				const types = jsonLd.map((text) => {
					const data: unknown = JSON.parse(text);
					expect(data).toBeTypeOf("object");
					return (data as { "@type"?: unknown })["@type"];
				});
				expect(types).toContain("NewsArticle");

				const font = await page.evaluate<string>("getComputedStyle(document.body).fontFamily");
				expect(font).toMatch(/system-ui|sans/);
				expect(font).not.toMatch(/^"?Times New Roman"?$/);
			});

			it("has no horizontal overflow", async () => {
				for (const url of [articleUrl, `${baseUrl}/`, `${baseUrl}/news/`]) {
					await expectOk(page, url);
					const scrollWidth = await page.evaluate<number>("document.documentElement.scrollWidth");
					expect(scrollWidth, url).toBeLessThanOrEqual(pass.width);
				}
			});

			it("reveals the skip link on the first Tab", async () => {
				await expectOk(page, articleUrl);
				const skip = page.locator("a.skip");
				const hidden = await skip.boundingBox();
				expect(hidden === null || hidden.y + hidden.height <= 0).toBe(true);

				await page.keyboard.press("Tab");
				const focused = page.locator(":focus");
				expect(((await focused.textContent()) ?? "").trim()).toBe("Skip to content");
				const shown = await focused.boundingBox();
				expect(shown).not.toBeNull();
				expect(shown?.y ?? -1).toBeGreaterThanOrEqual(0);
				expect(await focused.getAttribute("href")).toBe("#content");
			});

			it("saves full-page screenshots", async () => {
				await expectOk(page, articleUrl);
				await screenshot(page, path.join(shotsDir, `article-${pass.name}.png`));
				if (pass.name === "desktop") {
					await expectOk(page, `${baseUrl}/`);
					await screenshot(page, path.join(shotsDir, "home-desktop.png"));
				} else {
					await expectOk(page, `${baseUrl}/news/`);
					await screenshot(page, path.join(shotsDir, "section-mobile.png"));
				}
			});

			it("answers an unknown address with a 404 page", async () => {
				const response = await page.goto(`${baseUrl}/no-such-page/`);
				expect(response?.status()).toBe(404);
				const heading = page.getByRole("heading", { level: 1, name: "Page not found" });
				await expect(heading.isVisible()).resolves.toBe(true);
			});
		});
	}
});
