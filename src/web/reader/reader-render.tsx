import { createHash } from "node:crypto";
import type { FastifyReply } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { cachedPage, type PageCache, strongEtag } from "../../cache/page-cache.js";
import { type PurgeBus, SITE_KEY } from "../../cache/purge-bus.js";
import { READER_CSP } from "../../cache/serve-cached.js";
import { type Clock, systemClock } from "../../clock.js";
import type { Config } from "../../config.js";
import { sectionPath } from "../../content/articles/article.js";
import type { SectionNode } from "../../content/sections/section-service.js";
import type { SiteSettings } from "../../content/settings/settings-service.js";
import { calendarForLanguage, dateFormatter } from "../../i18n/calendars.js";
import type { Services } from "../../services.js";
import { siteCss } from "./assets/site-css.js";
import { directionOf, translator } from "./messages.js";
import { MessagePage } from "./views/message-page.js";
import type { NavLink, PageContext } from "./views/page-context.js";

const HTML = "text/html; charset=utf-8";

/** What every reader response shares: the page context, HTML sending, and the 404/400/500 pages. */
export interface ReaderRenderer {
	stylesheetHref: string;
	context(language: string, currentPath: string): Promise<PageContext>;
	/** The site's settings, remembered between requests like the section tree. */
	site(): Promise<SiteSettings>;
	/** A section and its ancestors, root first, with their names in `language` where they have one. */
	sectionChain(sectionId: number, language: string): Promise<SectionNode[]>;
	/**
	 * Sends a page. A 200 page with surrogate `keys` is stored in the page cache
	 * (when there is one and the URL has no query) and carries ETag,
	 * Cache-Control and Surrogate-Key; a matching If-None-Match gets 304.
	 */
	send(reply: FastifyReply, status: number, page: VNode, keys?: readonly string[]): FastifyReply;
	messagePage(reply: FastifyReply, status: number): Promise<FastifyReply>;
}

/** Top-level sections named in every page's header; past this many, the last link leads to all of them. */
export const NAV_SECTIONS = 8;

/**
 * The header's section links: the first top-level sections in the newsroom's
 * order, and "All sections" (`/sections/`) when there are more. A site moved
 * in with seventy categories would otherwise push every story below a screen
 * of links on a phone.
 */
export function navigation(tree: readonly SectionNode[], currentPath: string, allSections: string): NavLink[] {
	const shown = tree.length > NAV_SECTIONS ? tree.slice(0, NAV_SECTIONS - 1) : tree;
	const links = shown.map((section) => {
		const href = sectionPath(section);
		return { name: section.name, href, current: currentPath.startsWith(href) };
	});
	if (shown.length < tree.length)
		links.push({ name: allSections, href: SECTIONS_INDEX_PATH, current: currentPath === SECTIONS_INDEX_PATH });
	return links;
}

/** The page listing every section. */
export const SECTIONS_INDEX_PATH = "/sections/";

export function createReaderRenderer(options: {
	services: Services;
	config: Pick<Config, "timeZone" | "publicUrl" | "cacheControl">;
	cache?: PageCache | undefined;
	/** When given, settings and sections are remembered between requests and forgotten on a site-wide purge. */
	purge?: PurgeBus | undefined;
	/** The time a breaking-news banner expires against; the system clock when not given. */
	clock?: Clock;
}): ReaderRenderer {
	const { services, config } = options;
	const cssHash = createHash("sha256").update(siteCss).digest("hex").slice(0, 12);
	const stylesheetHref = `/assets/site.${cssHash}.css`;

	// Settings, the section tree and the banner are on every page and change rarely: kept until a purge of every page (or a few seconds).
	const MEMO_MS = 5000;
	const memos = new Map<string, { until: number; value: Promise<unknown> }>();
	options.purge?.subscribe((keys) => {
		if (keys.includes(SITE_KEY)) memos.clear();
	});
	/** `read()`, remembered under `key` when a purge bus can tell when to forget; a failed read is not remembered. */
	function remembered<T>(key: string, read: () => Promise<T>): Promise<T> {
		if (!options.purge) return read();
		const now = Date.now();
		const memo = memos.get(key);
		if (memo && memo.until >= now) return memo.value as Promise<T>;
		const value = read().catch((error: unknown) => {
			if (memos.get(key)?.value === value) memos.delete(key);
			throw error;
		});
		memos.set(key, { until: now + MEMO_MS, value });
		return value;
	}
	const formatters = new Map<string, (at: Date) => string>();
	// The last settings read, for the error page when the database is out of reach.
	let lastSite: SiteSettings | undefined;
	const siteSettings = () =>
		remembered("site", async () => {
			lastSite = await services.settings.site();
			return lastSite;
		});
	const sectionTree = (language: string) => remembered(`tree:${language}`, () => services.sections.tree(language));
	// A banner's expiry is checked on every page; a new banner purges every page, which forgets this one.
	const breakingNews = async () => {
		const breaking = await remembered("breaking", () => services.frontPage.breaking());
		return breaking && breaking.expiresAt > (options.clock ?? systemClock).now() ? breaking : null;
	};

	async function context(language: string, currentPath: string): Promise<PageContext> {
		const [site, tree, breaking] = await Promise.all([siteSettings(), sectionTree(language), breakingNews()]);
		const t = translator(language);
		// Dates in the catalog's locale and digits, in the calendar the site chose for this language.
		const calendar = calendarForLanguage(site, language);
		const formatterKey = `${language}|${calendar}`;
		let formatDate = formatters.get(formatterKey);
		if (!formatDate) {
			formatDate = dateFormatter({
				locale: t("locale.dates"),
				calendar,
				timeZone: config.timeZone,
				join: (first, second) => t("date.both", { first, second }),
			});
			if (formatters.size < 64) formatters.set(formatterKey, formatDate);
		}
		return {
			siteName: site.name,
			tagline: site.tagline,
			language,
			dir: directionOf(language),
			t,
			formatDate,
			absolute: (path) => `${config.publicUrl}${path}`,
			stylesheetHref,
			breaking: breaking ? { text: breaking.text, href: breaking.url } : null,
			nav: navigation(tree, currentPath, t("nav.allSections")),
		};
	}

	function send(reply: FastifyReply, status: number, page: VNode, keys?: readonly string[]): FastifyReply {
		// Encoded once: the ETag is taken of these bytes, and they are what is sent and cached.
		const html = Buffer.from(`<!doctype html>${renderToString(page)}`);
		reply
			.code(status)
			.header("content-type", HTML)
			.header("content-security-policy", READER_CSP)
			.header("x-content-type-options", "nosniff");
		if (status === 503) return reply.header("cache-control", "no-store").header("retry-after", "5").send(html);
		if (status !== 200) return reply.header("cache-control", "public, max-age=30").send(html);
		const request = reply.request;
		const surrogateKeys = keys ? [SITE_KEY, ...keys] : undefined;
		const etag = strongEtag(html);
		reply.header("etag", etag).header("cache-control", config.cacheControl).header("vary", "accept-encoding");
		if (surrogateKeys) {
			reply.header("surrogate-key", surrogateKeys.join(" "));
			if (options.cache && request.method === "GET" && !request.url.includes("?")) {
				options.cache.set(request.url, cachedPage({ body: html, contentType: HTML, keys: surrogateKeys }));
				reply.header("x-cache", "MISS");
			}
		}
		if (request.headers["if-none-match"] === etag) return reply.code(304).send();
		return reply.send(html);
	}

	/** A page context that needs no database: the last known site name, no sections, no banner. */
	function offlineContext(language?: string): PageContext {
		const lang = language ?? lastSite?.language ?? "en";
		const t = translator(lang);
		return {
			siteName: lastSite?.name ?? "Dateline",
			tagline: lastSite?.tagline ?? "",
			language: lang,
			dir: directionOf(lang),
			t,
			formatDate: (at) => at.toISOString().slice(0, 10),
			absolute: (path) => `${config.publicUrl}${path}`,
			stylesheetHref,
			breaking: null,
			nav: [],
		};
	}

	async function messagePage(reply: FastifyReply, status: number, language?: string): Promise<FastifyReply> {
		let ctx: PageContext;
		try {
			ctx = await context(language ?? (await siteSettings()).language, "");
		} catch (error) {
			// The page that says the database is out of reach cannot ask the database for its menus.
			if (status !== 503) throw error;
			ctx = offlineContext(language);
		}
		const [title, body] =
			status === 404
				? [ctx.t("notFound.title"), ctx.t("notFound.body")]
				: status < 500
					? [ctx.t("badRequest.title"), ctx.t("badRequest.body")]
					: [ctx.t("error.title"), ctx.t("error.body")];
		return send(reply, status, <MessagePage ctx={ctx} title={title} body={body} />);
	}

	async function sectionChain(sectionId: number, language: string): Promise<SectionNode[]> {
		const path = (nodes: readonly SectionNode[]): SectionNode[] => {
			for (const node of nodes) {
				if (node.id === sectionId) return [node];
				const below = path(node.children);
				if (below.length > 0) return [node, ...below];
			}
			return [];
		};
		return path(await sectionTree(language));
	}

	return { stylesheetHref, context, site: siteSettings, sectionChain, send, messagePage };
}
