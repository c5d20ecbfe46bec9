import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Role } from "../../src/db/database.js";
import type { User } from "../../src/newsroom/users/user-service.js";
import { TEST_NOW, type TestSite } from "../support/test-site.js";
import { XSS_PAYLOADS } from "../support/xss-payloads.js";
import {
	ARTICLE_PATH,
	browserSuite,
	type ListeningSite,
	launchChromium,
	logInThroughForm,
	loopbackOnly,
	NEWSROOM_DESKTOP,
	screenshotsDir,
	startTestSite,
} from "./browser.js";

const PASSWORD = "correct horse battery staple";
const MIN_SCREENSHOT_BYTES = 10 * 1024;
/** Playwright's own waits (clicks, navigations, selectors): generous, but well inside the test timeout. */
const STEP_TIMEOUT = 10_000;
/** The editor autosaves every 5 s; a save is expected within two intervals. */
const AUTOSAVE_WAIT = 12_000;

const suite = browserSuite();

/** A newsroom account with a byline person of its own. */
interface Account {
	user: User;
	email: string;
	name: string;
	personId: number;
}

/** One person at one browser: a context of their own (cookies, storage), and what went wrong in its pages. */
interface Desk {
	context: BrowserContext;
	page: Page;
	/** Uncaught errors in any page of the context (the editor's script must not throw). */
	pageErrors: string[];
	/** Requests to anything but loopback, aborted. */
	blocked: string[];
}

/** The lead image of an article page (or of the full-page preview), read from the real, loaded element. */
interface LeadImage {
	alt: string;
	naturalWidth: number;
	currentSrc: string;
}

/** Waits until the page's lead image has loaded, then reads it. Fails if it never loads. */
async function leadImage(page: Page): Promise<LeadImage> {
	await page.waitForFunction(
		"(() => { const img = document.querySelector('figure.lead-image img'); return img !== null && img.complete && img.naturalWidth > 0; })()",
		undefined,
		{ timeout: STEP_TIMEOUT },
	);
	return page.evaluate<LeadImage>(
		"(() => { const img = document.querySelector('figure.lead-image img'); return { alt: img.alt, naturalWidth: img.naturalWidth, currentSrc: img.currentSrc }; })()",
	);
}

const text = async (locator: Locator): Promise<string> => ((await locator.textContent()) ?? "").trim();

/** Clicks something that navigates, and waits for the page it leads to (`url` is matched against path and query). */
async function clickTo(page: Page, target: Locator, url: RegExp): Promise<void> {
	await Promise.all([page.waitForURL((at) => url.test(`${at.pathname}${at.search}`)), target.click()]);
}

const storyIdOf = (page: Page): number => {
	const id = Number(/\/admin\/stories\/(\d+)\/edit/.exec(page.url())?.[1]);
	if (!Number.isInteger(id) || id <= 0) throw new Error(`not on a story's editor: ${page.url()}`);
	return id;
};

/** A landscape (sky, hills, river) as a JPEG, so the screenshots show a real-looking lead image. */
async function landscapeJpeg(): Promise<Buffer> {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675">
		<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fb8de"/><stop offset="1" stop-color="#f3e3c3"/></linearGradient></defs>
		<rect width="1200" height="675" fill="url(#sky)"/>
		<path d="M0 420 L220 230 L380 360 L560 180 L760 380 L930 250 L1200 430 L1200 675 L0 675Z" fill="#7a6a58"/>
		<path d="M0 520 C300 470 500 600 800 540 S1100 500 1200 530 L1200 675 L0 675Z" fill="#3f7f9f"/>
	</svg>`;
	return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

suite("the newsroom in Chromium, with JavaScript", () => {
	let browser: Browser | undefined;
	let started: ListeningSite | undefined;
	let site: TestSite;
	let baseUrl = "";
	let sectionId = 0;
	let shots: { dir: string; cleanup(): void } | undefined;
	const desks: Desk[] = [];
	let accounts = 0;

	beforeAll(async () => {
		shots = screenshotsDir();
		// The demo newsroom makes the story list look like a real one; one after the other, so afterAll closes what started.
		started = await startTestSite({ demo: true });
		site = started.site;
		baseUrl = started.baseUrl;
		sectionId = (await site.services.sections.create({ name: "Water and Energy", slug: "water" })).id;
		browser = await launchChromium();
	});

	afterEach(async () => {
		started?.site.clock.set(TEST_NOW);
		for (const desk of desks.splice(0)) await desk.context.close();
	});

	afterAll(async () => {
		await browser?.close();
		await started?.close();
		shots?.cleanup();
	});

	async function account(role: Role, name: string): Promise<Account> {
		accounts += 1;
		const person = await site.services.people.create({ name });
		const email = `${role}.${accounts}@newsroom.example.org`;
		const user = await site.newsroom.users.create(null, {
			email,
			displayName: name,
			role,
			password: PASSWORD,
			personId: person.id,
		});
		return { user, email, name, personId: person.id };
	}

	/** A fresh browser context (JavaScript on, loopback only) with the account logged in through the form. */
	async function deskFor(who: Account): Promise<Desk> {
		if (!browser) throw new Error("the browser did not start");
		const context = await browser.newContext(NEWSROOM_DESKTOP);
		context.setDefaultTimeout(STEP_TIMEOUT);
		context.setDefaultNavigationTimeout(STEP_TIMEOUT);
		const blocked = await loopbackOnly(context);
		const desk: Desk = { context, page: await context.newPage(), pageErrors: [], blocked };
		desks.push(desk);
		context.on("weberror", (error) => desk.pageErrors.push(error.error().message));
		await logInThroughForm(desk.page, baseUrl, who.email, PASSWORD);
		return desk;
	}

	/** A story written straight through the newsroom's services, as `author`. */
	async function storyBy(author: Account, headline: string, bodySource: string): Promise<number> {
		const { id } = await site.newsroom.stories.create(author.user, {
			headline,
			standfirst: "",
			datelinePlace: "Jalalabad",
			sourceLine: "",
			language: "en",
			sectionId,
			personIds: [author.personId],
			tagNames: ["Water"],
			featuredMediaId: null,
			bodySource,
		});
		return id;
	}

	async function openPublic(page: Page, publicPath: string): Promise<void> {
		expect(publicPath).toMatch(ARTICLE_PATH);
		const response = await page.goto(`${baseUrl}${publicPath}`);
		expect(response?.status(), publicPath).toBe(200);
	}

	/** Publishes from the editor's workflow box and returns the public path from "View on the site". */
	async function publishFromEditor(page: Page): Promise<string> {
		const id = storyIdOf(page);
		await clickTo(
			page,
			page.getByRole("button", { name: "Publish now", exact: true }),
			new RegExp(`/admin/stories/${id}/edit$`),
		);
		expect(await text(page.getByText(/^Status: /))).toBe("Status: Published");
		const href = await page.getByRole("link", { name: "View on the site", exact: true }).getAttribute("href");
		return href ?? "";
	}

	it("logs in, writes a story with an uploaded image, previews it, publishes it, and shows it on the public site", {
		timeout: 30_000,
	}, async () => {
		const author = await account("author", "Zahra Ahmadi");
		const { page, context, pageErrors } = await deskFor(author);
		expect(new URL(page.url()).pathname).toBe("/admin/");
		expect(await text(page.locator("header.bar .who span"))).toBe("Signed in as Zahra Ahmadi (author)");

		// Upload through the media form, with alt text, caption and credit.
		const alt = "The Kunar river below snow-capped hills";
		await clickTo(page, page.getByRole("link", { name: "Media", exact: true }), /^\/admin\/media$/);
		await page.locator("#media-file").setInputFiles({
			name: "kunar-river.jpg",
			mimeType: "image/jpeg",
			buffer: await landscapeJpeg(),
		});
		await page.locator("#media-alt").fill(alt);
		await page.locator("#media-caption").fill("The Kunar river near Asadabad.");
		await page.locator("#media-credit").fill("Dateline News");
		await clickTo(page, page.getByRole("button", { name: "Upload", exact: true }), /\/admin\/media\?uploaded=1$/);
		expect(await text(page.locator(".notice.ok"))).toMatch(/^Uploaded\./);

		// Write the story.
		await clickTo(page, page.getByRole("link", { name: "New story", exact: true }), /^\/admin\/stories\/new$/);
		const headline = "Kunar flow gauges go live ahead of the spring melt";
		await page.getByLabel("Headline", { exact: true }).fill(headline);
		await page.getByLabel("Standfirst", { exact: true }).fill("Six stations will report the river's level hourly.");
		await page.getByLabel("Dateline place", { exact: true }).fill("Kabul");
		await page.getByLabel("Section", { exact: true }).selectOption({ label: "Water and Energy" });
		await page.getByLabel("Tags", { exact: true }).fill("Water, Kunar");
		// The first byline is the author's own person, chosen for them.
		expect(await page.getByLabel("Byline 1", { exact: true }).inputValue()).toBe(String(author.personId));
		await page.getByLabel("Featured image", { exact: true }).selectOption({ label: `${alt} (1200×675)` });

		// The live preview pane follows the body as it is typed (the editor script fetches /admin/stories/preview-body).
		const preview = page.locator("#preview");
		expect(await text(preview)).toBe("");
		const body = page.getByLabel("Body (Markdown)", { exact: true });
		const firstParagraph = "Engineers switched on the **last of six** river gauges on Sunday.";
		await body.click();
		await page.keyboard.type(firstParagraph);
		await expect
			.poll(() => preview.locator("p").first().textContent(), { timeout: STEP_TIMEOUT })
			.toBe("KABUL: Engineers switched on the last of six river gauges on Sunday.");
		expect(await text(preview.locator("strong"))).toBe("last of six");
		const secondParagraph = "Readings will be shared with Pakistan every hour.";
		await page.keyboard.press("Enter");
		await page.keyboard.press("Enter");
		await page.keyboard.type(secondParagraph);
		await expect.poll(() => preview.locator("p").nth(1).textContent(), { timeout: STEP_TIMEOUT }).toBe(secondParagraph);

		// The Preview button opens the whole public page, as typed, in a new tab.
		const popupOpened = page.waitForEvent("popup");
		await page.getByRole("button", { name: "Preview", exact: true }).click();
		const popup = await popupOpened;
		await popup.waitForLoadState("load");
		expect(new URL(popup.url()).pathname).toBe("/admin/stories/preview");
		expect(await text(popup.locator("article.story h1"))).toBe(headline);
		expect(await text(popup.locator("article.story .body .dateline"))).toBe("KABUL:");
		expect(await popup.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
		const previewImage = await leadImage(popup);
		expect(previewImage.alt).toBe(alt);
		expect(previewImage.currentSrc).toContain("/media/");
		await popup.close();
		expect(context.pages()).toHaveLength(1);

		// Save (revision 1), then publish.
		await clickTo(
			page,
			page.getByRole("button", { name: "Create draft", exact: true }),
			/\/admin\/stories\/\d+\/edit\?saved=1$/,
		);
		expect(await text(page.locator(".notice.ok"))).toBe("Saved revision 1.");
		expect(await text(page.getByText(/^Status: /))).toBe("Status: Draft");
		expect(await page.getByLabel("Body (Markdown)", { exact: true }).inputValue()).toBe(
			`${firstParagraph}\n\n${secondParagraph}`,
		);
		const publicPath = await publishFromEditor(page);
		expect(publicPath).toBe("/2026/03/15/kunar-flow-gauges-go-live-ahead-of-the-spring-melt/");

		// The public page, reached from "View on the site".
		await clickTo(page, page.getByRole("link", { name: "View on the site", exact: true }), ARTICLE_PATH);
		expect(new URL(page.url()).pathname).toBe(publicPath);
		expect(await text(page.locator("article.story h1"))).toBe(headline);
		expect(await text(page.locator("article.story .byline"))).toBe("By Zahra Ahmadi");
		expect(await text(page.locator("article.story .body .dateline"))).toBe("KABUL:");
		expect(await text(page.locator("article.story .body strong"))).toBe("last of six");
		const image = await leadImage(page);
		expect(image.alt).toBe(alt);
		expect(image.naturalWidth).toBeGreaterThan(0);
		expect(image.currentSrc).toContain("/media/");
		expect(await text(page.locator("figure.lead-image figcaption"))).toBe(
			"The Kunar river near Asadabad. Dateline News",
		);
		expect(pageErrors).toEqual([]);
	});

	it("lets a contributor submit a story, never publish it, and an editor publish it from the submitted list", {
		timeout: 30_000,
	}, async () => {
		const contributor = await account("contributor", "Omid Rahimi");
		const writer = await deskFor(contributor);
		const headline = "Saffron growers in Herat count a record harvest";
		await clickTo(
			writer.page,
			writer.page.getByRole("link", { name: "New story", exact: true }),
			/^\/admin\/stories\/new$/,
		);
		await writer.page.getByLabel("Headline", { exact: true }).fill(headline);
		await writer.page.getByLabel("Dateline place", { exact: true }).fill("Herat");
		await writer.page.getByLabel("Section", { exact: true }).selectOption({ label: "Water and Energy" });
		await writer.page
			.getByLabel("Body (Markdown)", { exact: true })
			.fill("Growers picked more crocus flowers this autumn than in any year on record.");
		await clickTo(
			writer.page,
			writer.page.getByRole("button", { name: "Create draft", exact: true }),
			/\/admin\/stories\/\d+\/edit\?saved=1$/,
		);
		const id = storyIdOf(writer.page);
		expect(await writer.page.getByRole("button", { name: "Publish now" }).count()).toBe(0);
		expect(await writer.page.getByRole("button", { name: "Schedule" }).count()).toBe(0);
		await clickTo(
			writer.page,
			writer.page.getByRole("button", { name: "Submit for review", exact: true }),
			new RegExp(`/admin/stories/${id}/edit$`),
		);
		expect(await text(writer.page.getByText(/^Status: /))).toBe("Status: Submitted");
		expect(await writer.page.getByRole("button", { name: "Publish now" }).count()).toBe(0);
		const publicPath = "/2026/03/15/saffron-growers-in-herat-count-a-record-harvest/";
		const notYet = await writer.page.goto(`${baseUrl}${publicPath}`);
		expect(notYet?.status()).toBe(404);

		// An editor, in a browser of their own, filters the list by "Submitted" and publishes the story.
		const editor = await deskFor(await account("editor", "Laila Hashimi"));
		const { page } = editor;
		await page.getByLabel("Status", { exact: true }).selectOption({ label: "Submitted" });
		await clickTo(page, page.getByRole("button", { name: "Filter", exact: true }), /\/admin\/\?status=submitted/);
		const rows = page.locator("main table tbody tr");
		expect(await rows.count()).toBeGreaterThanOrEqual(1);
		for (const status of await rows.locator(".status").allTextContents()) expect(status).toBe("Submitted");
		const row = rows.filter({ hasText: headline });
		expect(await text(row.locator("td").nth(3))).toBe("Omid Rahimi");
		await clickTo(page, row.getByRole("link", { name: headline }), new RegExp(`/admin/stories/${id}/edit$`));
		expect(await text(page.getByText(/^Status: /))).toBe("Status: Submitted");
		expect(await publishFromEditor(page)).toBe(publicPath);

		await openPublic(writer.page, publicPath);
		expect(await text(writer.page.locator("article.story h1"))).toBe(headline);
		expect(await text(writer.page.locator("article.story .byline"))).toBe("By Omid Rahimi");
		expect(await text(writer.page.locator("article.story .body .dateline"))).toBe("HERAT:");
		expect([...writer.pageErrors, ...editor.pageErrors]).toEqual([]);
	});

	it("shows the second of two editors a conflict with both texts, and saves the second text only when asked", {
		timeout: 30_000,
	}, async () => {
		const first = await account("editor", "Karim Jalali");
		const second = await account("editor", "Shabnam Wardak");
		const headline = "Kabul river cleanup reaches the old city";
		const id = await storyBy(first, headline, "Volunteers cleared the banks near Pul-e Khishti.");
		const a = await deskFor(first);
		const b = await deskFor(second);
		const editUrl = `${baseUrl}/admin/stories/${id}/edit`;
		await a.page.goto(editUrl);
		await b.page.goto(editUrl);
		expect(await b.page.locator('input[name="baseRevision"]').inputValue()).toBe("1");

		const firstText = "Volunteers cleared both banks between Pul-e Khishti and Pul-e Bagh-e Omumi.";
		await a.page.getByLabel("Body (Markdown)", { exact: true }).fill(firstText);
		await clickTo(a.page, a.page.getByRole("button", { name: "Save", exact: true }), /\/edit\?saved=1$/);
		expect(await text(a.page.locator(".notice.ok"))).toBe("Saved revision 2.");

		const secondText = "More than 300 volunteers cleared the river banks in the old city on Friday.";
		await b.page.getByLabel("Body (Markdown)", { exact: true }).fill(secondText);
		const [conflict] = await Promise.all([
			b.page.waitForResponse((r) => r.url() === `${baseUrl}/admin/stories/${id}` && r.request().method() === "POST"),
			b.page.getByRole("button", { name: "Save", exact: true }).click(),
		]);
		expect(conflict.status()).toBe(409);
		await b.page.waitForLoadState("load");
		expect(await text(b.page.locator("h1"))).toBe("Someone saved this story while you were editing");
		expect(await text(b.page.locator(".typed-text"))).toBe(secondText);
		expect(await text(b.page.locator(".saved-text"))).toBe(firstText);
		expect(await text(b.page.locator("#theirs"))).toBe("Saved revision 2");
		expect(await b.page.locator('form input[name="bodySource"]').inputValue()).toBe(secondText);

		await clickTo(
			b.page,
			b.page.getByRole("button", { name: "Save my text as a new revision", exact: true }),
			new RegExp(`/admin/stories/${id}/edit\\?saved=1$`),
		);
		expect(await text(b.page.locator(".notice.ok"))).toBe("Saved revision 3.");
		expect(await b.page.getByLabel("Body (Markdown)", { exact: true }).inputValue()).toBe(secondText);
		const publicPath = await publishFromEditor(b.page);

		await openPublic(a.page, publicPath);
		expect(await text(a.page.locator("article.story h1"))).toBe(headline);
		const publicBody = await text(a.page.locator("article.story .body"));
		expect(publicBody).toBe(`JALALABAD: ${secondText}`);
		expect(publicBody).not.toContain("Pul-e Bagh-e Omumi");
		expect([...a.pageErrors, ...b.pageErrors]).toEqual([]);
	});

	it("autosaves typed text every few seconds and brings it back after a reload", { timeout: 30_000 }, async () => {
		const author = await account("author", "Hamid Azizi");
		const headline = "Salma dam releases more water for wheat farmers";
		const savedText = "The dam will release more water from Monday.";
		const id = await storyBy(author, headline, savedText);
		await site.newsroom.stories.publish(author.user, id);
		const desk = await deskFor(author);
		const { page } = desk;
		await page.goto(`${baseUrl}/admin/stories/${id}/edit`);
		// The site's clock is fixed; an autosave counts only when it is newer than the last save.
		site.clock.set(new Date(TEST_NOW.getTime() + 60_000));

		const typed = " Farmers in Chisht-e Sharif asked for the release in February.";
		const body = page.getByLabel("Body (Markdown)", { exact: true });
		await body.click();
		await page.keyboard.press("Control+End");
		await page.keyboard.type(typed);
		const typedAt = Date.now();
		const status = page.locator("#autosave-status");
		await expect.poll(() => status.textContent(), { timeout: AUTOSAVE_WAIT, interval: 250 }).toMatch(/^Autosaved /);
		const autosavedAfterMs = Date.now() - typedAt;
		expect(autosavedAfterMs).toBeLessThan(AUTOSAVE_WAIT);

		await page.reload();
		expect(await body.inputValue()).toBe(`${savedText}${typed}`);
		expect(await text(page.locator(".notice.ok"))).toMatch(
			/^This form shows your autosaved text from .+; it is not saved as a revision until you save\.$/,
		);
		expect(await text(page.locator("#preview"))).toContain("Chisht-e Sharif");
		expect(await text(page.locator("h1 .hint"))).toBe("· Revision 1");

		// An autosave is not a revision: the public page still shows the saved text.
		const publicPath = await page.getByRole("link", { name: "View on the site", exact: true }).getAttribute("href");
		await openPublic(page, publicPath ?? "");
		expect(await text(page.locator("article.story h1"))).toBe(headline);
		expect(await text(page.locator("article.story .body"))).toBe(`JALALABAD: ${savedText}`);
		expect(desk.pageErrors).toEqual([]);
	});

	it("saves full-page screenshots of the story list and the editor", { timeout: 30_000 }, async () => {
		if (!shots) throw new Error("no screenshot directory");
		const editor = await account("editor", "Mina Sadat");
		const media = await site.services.media.upload({
			bytes: await landscapeJpeg(),
			originalName: "kunar-river.jpg",
			userId: editor.user.id,
		});
		await site.services.media.update(media.id, {
			alt: "The Kunar river below snow-capped hills",
			caption: "The Kunar river near Asadabad.",
			credit: "Dateline News",
		});
		const { id } = await site.newsroom.stories.create(editor.user, {
			headline: "Kunar water talks to resume in Kabul next week",
			standfirst: "Delegations will meet for a third round on sharing the river's flow.",
			datelinePlace: "Kabul",
			sourceLine: "",
			language: "en",
			sectionId,
			personIds: [editor.personId],
			tagNames: ["Water", "Kunar"],
			featuredMediaId: media.id,
			bodySource: [
				"Delegations from both sides of the border will meet again on **Monday** to discuss the Kunar river.",
				"## What is on the table",
				"- hourly flow data from six gauges\n- a joint flood warning\n- a review every spring",
				"> We want a deal that farmers on both banks can trust, said one negotiator.",
			].join("\n\n"),
		});
		const { page } = await deskFor(editor);

		const list = await page.goto(`${baseUrl}/admin/`);
		expect(list?.status()).toBe(200);
		expect(await page.locator("main table tbody tr").count()).toBeGreaterThan(10);
		const listShot = path.join(shots.dir, "story-list-desktop.png");
		await page.screenshot({ path: listShot, fullPage: true, animations: "disabled" });
		expect(fs.statSync(listShot).size).toBeGreaterThan(MIN_SCREENSHOT_BYTES);

		const edit = await page.goto(`${baseUrl}/admin/stories/${id}/edit`);
		expect(edit?.status()).toBe(200);
		expect(await text(page.locator("#preview .dateline"))).toBe("KABUL:");
		const editorShot = path.join(shots.dir, "editor-desktop.png");
		await page.screenshot({ path: editorShot, fullPage: true, animations: "disabled" });
		expect(fs.statSync(editorShot).size).toBeGreaterThan(MIN_SCREENSHOT_BYTES);
	});

	it("runs none of the XSS payloads in Chromium, on the public page or in the newsroom's previews", {
		timeout: 30_000,
	}, async () => {
		const editor = await account("editor", "Soraya Popal");
		const marker = "Sanitizer check: the last paragraph.";
		const bodySource = [...XSS_PAYLOADS, marker].join("\n\n");
		const headline = "Hostile markup in a story body";
		const id = await site.services.articles.createDraft({
			headline,
			bodySource,
			datelinePlace: "Kabul",
			sectionId,
			personIds: [editor.personId],
		});
		await site.services.articles.publish(id);
		const publicPath = "/2026/03/15/hostile-markup-in-a-story-body/";

		const desk = await deskFor(editor);
		const { context, page } = desk;
		const dialogs: string[] = [];
		context.on("dialog", (dialog) => {
			dialogs.push(`${dialog.type()}: ${dialog.message()}`);
			void dialog.dismiss();
		});
		// Every page and frame of the context counts calls to the dialog functions, and CSP refusals.
		await context.addInitScript(`
				window.__xss = 0;
				window.__csp = [];
				for (const name of ["alert", "confirm", "prompt"]) {
					window[name] = function () { window.__xss += 1; return null; };
				}
				document.addEventListener("securitypolicyviolation", (event) => {
					window.__csp.push(event.violatedDirective + " " + event.blockedURI);
				});
			`);
		const xssCount = (p: Page) => p.evaluate<number>("window.__xss");
		/**
		 * CSP refusals other than outside images. The newsroom's policy allows only its own images, so a
		 * body's https image (which the sanitizer allows) is refused there; that is not a script.
		 */
		const cspViolations = async (p: Page) =>
			(await p.evaluate<string[]>("window.__csp")).filter((v) => !/^img-src https?:\/\/(?!127\.0\.0\.1)/.test(v));
		/** Tags and attributes inside the body that the sanitizer's allowlist does not allow. */
		const unsafeInBody = (p: Page, bodySelector: string) =>
			p.evaluate<string[]>(`(() => {
					const allowed = new Set(["P","H2","H3","H4","BLOCKQUOTE","UL","OL","LI","A","EM","STRONG","CODE","PRE","HR","BR","TABLE","THEAD","TBODY","TR","TH","TD","FIGURE","FIGCAPTION","IMG","S","SUB","SUP","SPAN"]);
					const found = [];
					const root = document.querySelector(${JSON.stringify(bodySelector)});
					if (!root) return ["no body"];
					for (const el of root.querySelectorAll("*")) {
						if (!allowed.has(el.tagName)) found.push("<" + el.tagName + ">");
						for (const attr of el.attributes) {
							const value = attr.value.replace(/[\\u0000-\\u0020]/g, "").toLowerCase();
							if (attr.name.startsWith("on") || attr.name === "style" || attr.name === "srcdoc") found.push(el.tagName + "[" + attr.name + "]");
							if (/^(javascript|vbscript|data):/.test(value)) found.push(el.tagName + "[" + attr.name + "=" + value + "]");
						}
					}
					return found;
				})()`);
		const settle = (p: Page) => p.waitForTimeout(750);

		// The public article page.
		await openPublic(page, publicPath);
		await settle(page);
		expect(new URL(page.url()).pathname).toBe(publicPath);
		expect(await text(page.locator("article.story h1"))).toBe(headline);
		expect(await text(page.locator("article.story .body p").last())).toBe(marker);
		expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
		expect(await page.locator("article.story .body :is(iframe, object, embed, svg, math, form, style)").count()).toBe(
			0,
		);
		expect(await unsafeInBody(page, "article.story .body")).toEqual([]);
		expect(await xssCount(page)).toBe(0);

		// The editor: the server-rendered preview pane, then the live preview after typing.
		await page.goto(`${baseUrl}/admin/stories/${id}/edit`);
		expect(await page.getByLabel("Body (Markdown)", { exact: true }).inputValue()).toBe(bodySource);
		expect(await text(page.locator("#preview p").last())).toBe(marker);
		const body = page.getByLabel("Body (Markdown)", { exact: true });
		await body.click();
		await page.keyboard.press("Control+End");
		const refreshed = page.waitForResponse((r) => r.url().endsWith("/admin/stories/preview-body"));
		await page.keyboard.type(" Typed.");
		expect((await refreshed).status()).toBe(200);
		await expect
			.poll(() => text(page.locator("#preview p").last()), { timeout: STEP_TIMEOUT })
			.toBe(`${marker} Typed.`);
		await settle(page);
		expect(await unsafeInBody(page, "#preview")).toEqual([]);
		expect(await xssCount(page)).toBe(0);
		expect(await cspViolations(page)).toEqual([]);

		// The full-page preview from the Preview button.
		const popupOpened = page.waitForEvent("popup");
		await page.getByRole("button", { name: "Preview", exact: true }).click();
		const popup = await popupOpened;
		await popup.waitForLoadState("load");
		await settle(popup);
		expect(await text(popup.locator("article.story h1"))).toBe(headline);
		expect(await text(popup.locator("article.story .body p").last())).toBe(`${marker} Typed.`);
		expect(await popup.locator('script:not([type="application/ld+json"])').count()).toBe(0);
		expect(await unsafeInBody(popup, "article.story .body")).toEqual([]);
		expect(await xssCount(popup)).toBe(0);
		expect(await cspViolations(popup)).toEqual([]);

		expect(dialogs).toEqual([]);
		expect(desk.pageErrors).toEqual([]);
		// The only outside address any page asked for is the plain https image the allowlist keeps (refused by
		// the test's loopback rule); no payload's script or frame source was ever requested.
		expect(desk.blocked.filter((url) => url !== "https://example.org/x.png")).toEqual([]);
	});
});
