import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import sharp from "sharp";
import { describe } from "vitest";
import { articlePath } from "../../src/content/articles/article.js";
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
/**
 * `describe` when Debian's Chromium is installed. Without it the browser tests
 * are skipped with a message, except under CI, where a missing browser fails.
 */
export function browserSuite(): typeof describe | typeof describe.skip {
	if (chromiumAvailable()) return describe;
	if (process.env.CI) {
		throw new Error(
			`${CHROMIUM_PATH} is missing: the CI script must install chromium (apt-get install -y chromium) before the browser tests run.`,
		);
	}
	console.warn(`Skipped the browser tests: ${CHROMIUM_PATH} is missing (apt-get install -y chromium).`);
	return describe.skip;
}

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

// ---------------------------------------------------------------------------
// Accessibility (axe-core) and right-to-left fixtures, shared by a11y.e2e and rtl.e2e.

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules: what every reader page must pass. */
export const AXE_TAGS: readonly string[] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface AxeNode {
	target: unknown[];
	html: string;
	failureSummary?: string;
}

export interface AxeRule {
	id: string;
	impact: string | null;
	help: string;
	helpUrl: string;
	tags: string[];
	nodes: AxeNode[];
}

export interface AxeResults {
	testEngine: { name: string; version: string };
	url: string;
	violations: AxeRule[];
	incomplete: AxeRule[];
	passes: AxeRule[];
	inapplicable: AxeRule[];
}

let axeSource: string | undefined;

/** axe-core's browser build, read once from node_modules. */
export function axeScript(): string {
	axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
	return axeSource;
}

/**
 * A context in which axe can run: reader pages send `script-src 'none'` and
 * need no JavaScript, so the CSP is bypassed and scripts are on only so that
 * the injected axe can run. Nothing of the page's own depends on either.
 */
export function axeContextOptions(base: BrowserContextOptions): BrowserContextOptions {
	return { ...base, javaScriptEnabled: true, bypassCSP: true };
}

/** Injects axe-core into the loaded page and runs the given rule tags over the whole document. */
export async function runAxe(page: Page, tags: readonly string[] = AXE_TAGS): Promise<AxeResults> {
	await page.addScriptTag({ content: axeScript() });
	return page.evaluate(async (values) => {
		const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } })
			.axe;
		const document = (globalThis as unknown as { document: unknown }).document;
		return axe.run(document, { runOnly: { type: "tag", values }, resultTypes: ["violations"] });
	}, tags);
}

/** One line per violating node: rule, impact, selector and axe's own summary. Empty when there are none. */
export function describeViolations(results: AxeResults): string {
	return results.violations
		.flatMap((rule) =>
			rule.nodes.map(
				(node) =>
					`${rule.id} (${rule.impact ?? "?"}) ${JSON.stringify(node.target)}: ${rule.help}\n    ${node.html}\n    ${(node.failureSummary ?? "").replace(/\n/g, "\n    ")}`,
			),
		)
		.join("\n");
}

/** A newsroom admin for writes that need an actor (the breaking-news banner). */
async function adminActor(site: TestSite): Promise<{ id: number; role: "admin"; personId: null }> {
	const row = await site.db
		.insertInto("users")
		.values({
			email: `e2e-admin-${Date.now()}@example.org`,
			display_name: "E2E Admin",
			role: "admin",
			password_hash: null,
			must_reset_password: 0,
			person_id: null,
			created_at: site.clock.now().toISOString(),
		})
		.returning("id")
		.executeTakeFirstOrThrow();
	return { id: row.id, role: "admin", personId: null };
}

/** Puts a breaking-news banner on every page until a day after the test site's "now". */
export async function setBreakingBanner(site: TestSite, text: string, url: string): Promise<void> {
	const actor = await adminActor(site);
	await site.services.frontPage.setBreaking(actor, {
		text,
		url,
		expiresAt: new Date(site.clock.now().getTime() + 24 * 3_600_000),
	});
}

/** A Dari story written for the browser tests: Persian script, a Dari dateline, Dari tags. */
export interface DariStory {
	slug: string;
	headline: string;
	standfirst: string;
	body: string;
	datelinePlace: string;
	tags: string[];
}

/** Dari stories (fa-AF) for the right-to-left tests. The first is the translation of `PAIRED_ENGLISH_STORY`. */
export const DARI_STORIES: readonly DariStory[] = [
	{
		slug: "kunar-water-deal-fa",
		headline: "مذاکرات آب کنر با توافق بر سر تبادل ارقام جریان دریا پایان یافت",
		standfirst: "هر دو هیئت ارقام روزانهٔ سنجش آب دریا را با یکدیگر شریک می‌سازند.",
		body: "مذاکرات تقسیم آب دریای کنر روز پنجشنبه در کابل پایان یافت و هر دو هیئت موافقه کردند که ارقام روزانهٔ جریان آب را با هم تبادله کنند.\n\nمذاکره‌کنندگان گفتند که سال آینده ممکن است یک معاهده در مورد آبیاری امضا شود و انجنیران در بهار دوباره دیدار خواهند کرد.\n\nیک دهقان از اسعدآباد گفت: «ما سال‌ها منتظر این روز بودیم.»",
		datelinePlace: "کابل",
		tags: ["آب", "مذاکرات کنر"],
	},
	{
		slug: "herat-saffron-harvest-fa",
		headline: "زعفران‌کاران هرات منتظر حاصل بی‌سابقه هستند",
		standfirst: "باران‌های بهاری و گرمای معتدل خزان به مزارع زعفران کمک کرده است.",
		body: "زعفران‌کاران در اطراف هرات می‌گویند که حاصل امسال بزرگ‌ترین حاصل تا کنون خواهد بود.\n\nبه گفتهٔ آنان، قیمت هر کیلو زعفران در بازارهای هرات نسبت به سال گذشته ۱۰ درصد بلند رفته است.",
		datelinePlace: "هرات",
		tags: ["زراعت"],
	},
	{
		slug: "salang-repairs-fa",
		headline: "تونل سالنگ برای سه هفته ترمیم، شب‌ها بسته می‌شود",
		standfirst: "وزارت فواید عامه می‌گوید ترافیک روزانه بدون وقفه ادامه خواهد یافت.",
		body: "تونل سالنگ از هفتهٔ آینده برای ترمیم سقف و سیستم تهویه، از ساعت ۱۰ شب تا ۵ صبح بسته خواهد بود.\n\nرانندگان موترهای باربری از این تصمیم استقبال کردند اما خواستار اطلاع‌رسانی بهتر شدند.",
		datelinePlace: "پروان",
		tags: ["سرک‌ها", "آب"],
	},
];

/** The English original of the first Dari story. */
export const PAIRED_ENGLISH_STORY = {
	slug: "kunar-water-deal-en",
	headline: "Kunar water talks end with a deal to share river flow data",
	standfirst: "Both delegations will exchange daily readings from the river's gauges.",
	body: 'The talks on sharing the waters of the Kunar river ended in Kabul on Thursday, with both delegations agreeing to exchange daily flow data.\n\nNegotiators said a treaty on irrigation could follow next year, and that engineers would meet again in the spring.\n\n"We waited years for this day," said a farmer from Asadabad.',
	datelinePlace: "Kabul",
	tags: ["Water", "Kunar talks"],
} as const;

export interface DariDesk {
	/** The section the Dari stories are in, e.g. `/dari/`. */
	sectionPath: string;
	/** A subsection of it, e.g. `/dari/welayat/`, holding the second story. */
	childSectionPath: string;
	/** The Dari byline's author page. */
	authorPath: string;
	/** Article ids, in `DARI_STORIES` order. */
	ids: number[];
}

/**
 * Publishes `DARI_STORIES` (language fa-AF) in a section `slug` with a Dari
 * subsection, under a Dari byline, through the services; with `leadImage`, the
 * first story has a lead image with Dari alt text. Re-uses the section when
 * the site already has one at that path (a demo may bring its own).
 */
export async function addDariDesk(
	site: TestSite,
	options: { slug?: string; name?: string; personSlug?: string; leadImage?: boolean } = {},
): Promise<DariDesk> {
	const { services } = site;
	const imageId = options.leadImage ? await uploadLeadImage(site, DARI_IMAGE_TEXTS, 1) : null;
	const slug = options.slug ?? "dari";
	const section =
		(await services.sections.getByPath(slug)) ??
		(await services.sections.create({
			name: options.name ?? "دری",
			slug,
			description: "خبرها و گزارش‌ها به زبان دری.",
			position: 9,
		}));
	const childPath = `${slug}/welayat`;
	const child =
		(await services.sections.getByPath(childPath)) ??
		(await services.sections.create({
			name: "ولایات",
			slug: "welayat",
			parentId: section.id,
			description: "گزارش‌ها از ولایات.",
		}));
	const person = await services.people.create({
		name: "فریده امیری",
		slug: options.personSlug ?? "farida-amiri-fa",
		jobTitle: "خبرنگار ارشد",
		bio: "فریده امیری از کابل در مورد آب، سرک‌ها و تجارت گزارش می‌دهد.",
	});
	const ids: number[] = [];
	const now = site.clock.now().getTime();
	for (const [index, story] of DARI_STORIES.entries()) {
		const id = await services.articles.createDraft({
			headline: story.headline,
			slug: story.slug,
			standfirst: story.standfirst,
			bodySource: story.body,
			datelinePlace: story.datelinePlace,
			language: "fa-AF",
			sectionId: index === 1 ? child.id : section.id,
			personIds: [person.id],
			tagNames: story.tags,
			...(index === 0 && imageId !== null ? { featuredMediaId: imageId } : {}),
		});
		await services.articles.publish(id, { at: new Date(now - (index + 1) * 3_600_000) });
		ids.push(id);
	}
	return {
		sectionPath: `/${section.path}/`,
		childSectionPath: `/${child.path}/`,
		authorPath: `/author/${person.slug}/`,
		ids,
	};
}

/** The reader's address of the published story with this slug, looked up through the services. */
export async function publishedPath(site: TestSite, slug: string): Promise<string> {
	const story = await site.services.articles.getPublished(slug);
	if (!story) throw new Error(`no published story "${slug}"`);
	return articlePath(story, site.config.timeZone);
}

/**
 * Publishes `PAIRED_ENGLISH_STORY` (language en) in the section at `sectionPath`
 * under the byline `personSlug`, with a lead image when `leadImage` is set.
 */
export async function addEnglishOriginal(
	site: TestSite,
	options: { sectionPath?: string; personSlug?: string; leadImage?: boolean } = {},
): Promise<number> {
	const { services } = site;
	const imageId = options.leadImage ? await uploadLeadImage(site, ENGLISH_IMAGE_TEXTS, 0) : null;
	const section = await services.sections.getByPath(options.sectionPath ?? "news");
	const person = await services.people.getBySlug(options.personSlug ?? "farid-noori");
	if (!section || !person) throw new Error("the site has no such section or person for the English original");
	const id = await services.articles.createDraft({
		headline: PAIRED_ENGLISH_STORY.headline,
		slug: PAIRED_ENGLISH_STORY.slug,
		standfirst: PAIRED_ENGLISH_STORY.standfirst,
		bodySource: PAIRED_ENGLISH_STORY.body,
		datelinePlace: PAIRED_ENGLISH_STORY.datelinePlace,
		language: "en",
		sectionId: section.id,
		personIds: [person.id],
		tagNames: [...PAIRED_ENGLISH_STORY.tags],
		...(imageId !== null ? { featuredMediaId: imageId } : {}),
	});
	await services.articles.publish(id, { at: new Date(site.clock.now().getTime() - 30 * 60_000) });
	return id;
}

/**
 * Links stories as translations of one another when the article service can
 * (`linkTranslations`); returns whether it did. The pages are tested either
 * way: linked, they also show the language switcher.
 */
export async function linkTranslationsIfSupported(site: TestSite, ids: readonly number[]): Promise<boolean> {
	const articles = site.services.articles as unknown as {
		linkTranslations?: (ids: readonly number[]) => Promise<unknown>;
	};
	if (typeof articles.linkTranslations !== "function") return false;
	await articles.linkTranslations.call(site.services.articles, ids);
	return true;
}

/** A 1200×675 landscape JPEG (river, hills, sky); `variant` changes its bytes, so each upload is a new image. */
export async function landscapeJpeg(variant = 0): Promise<Buffer> {
	const water = ["#3f7f9f", "#2f6f8f", "#4f8faf"][variant % 3] ?? "#3f7f9f";
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675">
		<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fb8de"/><stop offset="1" stop-color="#f3e3c3"/></linearGradient></defs>
		<rect width="1200" height="675" fill="url(#sky)"/>
		<path d="M0 420 L220 230 L380 360 L560 180 L760 380 L930 250 L1200 430 L1200 675 L0 675Z" fill="#7a6a58"/>
		<path d="M0 520 C300 470 500 600 800 540 S1100 500 1200 530 L1200 675 L0 675Z" fill="${water}"/>
	</svg>`;
	return sharp(Buffer.from(svg))
		.jpeg({ quality: 80 + variant })
		.toBuffer();
}

/** Uploads a lead image with its alt text, caption and credit; returns its media id. */
export async function uploadLeadImage(
	site: TestSite,
	texts: { alt: string; caption: string; credit: string },
	variant = 0,
): Promise<number> {
	const media = await site.services.media.upload({
		bytes: await landscapeJpeg(variant),
		originalName: "river.jpg",
		userId: null,
	});
	await site.services.media.update(media.id, texts);
	return media.id;
}

/** The Dari lead image's texts (the first Dari story's). */
export const DARI_IMAGE_TEXTS = {
	alt: "دریای کنر در پای تپه‌های برف‌پوش",
	caption: "دریای کنر در نزدیکی اسعدآباد.",
	credit: "خبرگزاری دیت‌لاین",
};

/** The English lead image's texts (the English original's). */
export const ENGLISH_IMAGE_TEXTS = {
	alt: "The Kunar river below snow-capped hills",
	caption: "The Kunar river near Asadabad.",
	credit: "Dateline News",
};

/**
 * Publishes `count` short Dari stories in the section at `sectionPath` (an
 * hour apart, older than the desk's), so that its listing runs to a second page.
 */
export async function addDariBriefs(site: TestSite, sectionPath: string, count: number): Promise<void> {
	const { services } = site;
	const section = await services.sections.getByPath(sectionPath.replace(/^\/|\/$/g, ""));
	if (!section) throw new Error(`no section at ${sectionPath}`);
	const now = site.clock.now().getTime();
	for (let n = 1; n <= count; n += 1) {
		const id = await services.articles.createDraft({
			headline: `خبر کوتاه شمارهٔ ${n}: بازار میوهٔ کابل امروز شلوغ بود`,
			slug: `dari-brief-${n}`,
			standfirst: "فروشندگان می‌گویند نرخ انگور و انار پایین آمده است.",
			bodySource: "دکانداران بازار میوهٔ کابل گفتند که امروز خریداران بیشتری نسبت به هفتهٔ گذشته آمده بودند.",
			datelinePlace: "کابل",
			language: "fa-AF",
			sectionId: section.id,
			personIds: [],
		});
		await services.articles.publish(id, { at: new Date(now - (24 + n) * 3_600_000) });
	}
}
