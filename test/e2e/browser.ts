import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { createTestSite, type TestSite } from "../support/test-site.js";

/** Debian's Chromium. The tests never download a browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const CHROMIUM_ARGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];

/** A reader's phone: the page's own viewport meta applies. */
export const MOBILE: BrowserContextOptions = {
	viewport: { width: 390, height: 844 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 1,
	javaScriptEnabled: false,
};

/** A laptop window. */
export const DESKTOP: BrowserContextOptions = {
	viewport: { width: 1280, height: 900 },
	deviceScaleFactor: 1,
	javaScriptEnabled: false,
};

/** An article address: `/yyyy/mm/dd/slug/`. */
export const ARTICLE_PATH = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/;

export function chromiumAvailable(): boolean {
	return fs.existsSync(CHROMIUM_PATH);
}

/** Headless Chromium with a fresh temporary profile, kept off every network but loopback by the callers. */
export async function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface DemoSite {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	baseUrl: string;
	close(): Promise<void>;
}

/** The demo newsroom on a test database, listening on a free loopback port. */
export async function startDemoSite(): Promise<DemoSite> {
	const site = await createTestSite({ demo: true });
	try {
		await site.app.listen({ port: 0, host: "127.0.0.1" });
		const address = site.app.server.address();
		if (address === null || typeof address === "string") throw new Error("the test site is not listening on TCP");
		return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => site.close() };
	} catch (error) {
		await site.close();
		throw error;
	}
}

/** Every distinct article path linked from the given pages, in the order met. */
export async function articlePaths(context: BrowserContext, baseUrl: string, pagePaths: string[]): Promise<string[]> {
	const page = await context.newPage();
	try {
		const found = new Set<string>();
		for (const pagePath of pagePaths) {
			const response = await page.goto(`${baseUrl}${pagePath}`);
			if (response?.status() !== 200) throw new Error(`${pagePath} answered ${response?.status() ?? "nothing"}`);
			const hrefs = await page.evaluate<string[]>(
				"Array.from(document.querySelectorAll('a[href]'), (a) => a.getAttribute('href') ?? '')",
			);
			for (const href of hrefs) if (ARTICLE_PATH.test(href)) found.add(href);
		}
		return [...found];
	} finally {
		await page.close();
	}
}

/**
 * The absolute URL of the story with this slug, found the way a reader would:
 * by following links from the front page and the News section. Falls back to
 * the first article linked from the front page when that story is not linked.
 */
export async function articleUrlFor(context: BrowserContext, baseUrl: string, slug: string): Promise<string> {
	const paths = await articlePaths(context, baseUrl, ["/", "/news/"]);
	const match = paths.find((p) => p.endsWith(`/${slug}/`)) ?? paths[0];
	if (match === undefined) throw new Error("no article links on / or /news/");
	return `${baseUrl}${match}`;
}

/** The newsroom in a laptop window, with JavaScript on for the editor's enhancements (live preview, autosave). */
export const NEWSROOM_DESKTOP: BrowserContextOptions = { ...DESKTOP, javaScriptEnabled: true };

/** A test site listening on a free loopback port, with its services at hand for setting up scenarios. */
export interface ListeningSite extends DemoSite {
	site: TestSite;
}

/** A test site (empty, or with the demo newsroom) listening on a free loopback port. */
export async function startTestSite(options: { demo?: boolean } = {}): Promise<ListeningSite> {
	const site = await createTestSite(options);
	try {
		await site.app.listen({ port: 0, host: "127.0.0.1" });
		const address = site.app.server.address();
		if (address === null || typeof address === "string") throw new Error("the test site is not listening on TCP");
		return { site, baseUrl: `http://127.0.0.1:${address.port}`, close: () => site.close() };
	} catch (error) {
		await site.close();
		throw error;
	}
}

/**
 * Keeps a context on loopback: any request to another host is aborted (and
 * counted in the returned list), so a test never reaches the network even
 * when a page under test links an outside image.
 */
export async function loopbackOnly(context: BrowserContext): Promise<string[]> {
	const blocked: string[] = [];
	await context.route(
		(url) => url.hostname !== "127.0.0.1" && url.protocol !== "data:" && url.protocol !== "blob:",
		async (route) => {
			blocked.push(route.request().url());
			await route.abort("blockedbyclient");
		},
	);
	return blocked;
}

/** Where screenshots go: `DATELINE_SCREENSHOTS_DIR` when set, else a temporary directory that `cleanup` removes. */
export function screenshotsDir(): { dir: string; cleanup(): void } {
	const wanted = process.env.DATELINE_SCREENSHOTS_DIR;
	if (wanted) {
		const dir = path.resolve(wanted);
		fs.mkdirSync(dir, { recursive: true });
		return { dir, cleanup: () => {} };
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-screenshots-"));
	return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Logs in through the newsroom's login form, the way a person does, and waits for the page it leads to. */
export async function logInThroughForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
	const response = await page.goto(`${baseUrl}/admin/login`);
	if (response?.status() !== 200) throw new Error(`/admin/login answered ${response?.status() ?? "nothing"}`);
	await page.getByLabel("Email", { exact: true }).fill(email);
	await page.getByLabel("Password", { exact: true }).fill(password);
	await Promise.all([
		page.waitForURL((url) => url.pathname.startsWith("/admin/") && url.pathname !== "/admin/login"),
		page.getByRole("button", { name: "Log in", exact: true }).click(),
	]);
}
