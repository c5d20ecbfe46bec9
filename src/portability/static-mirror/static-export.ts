import { mkdir, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Clock } from "../../clock.js";
import { AppError } from "../../errors.js";
import { type FoundLinks, linksIn, rebaseUrls, replaceSpans } from "./link-extraction.js";
import {
	isHtml,
	isText,
	MANIFEST_FILE,
	mediaType,
	mirrorFile,
	NOT_FOUND_FILE,
	pointerPage,
	relativeHref,
} from "./mirror-layout.js";
import { MANIFEST_FORMAT, MANIFEST_VERSION, readManifest, writeManifest } from "./mirror-manifest.js";
import { MirrorWriter } from "./mirror-writer.js";

export interface StaticExportOptions {
	/** The app whose answers are mirrored, read through `inject`: it need not listen. */
	app: Pick<FastifyInstance, "inject">;
	/** The site's public URL (config `publicUrl`): absolute links that start with it are the site's own. */
	publicUrl: string;
	/** The mirror's directory: empty, missing, or an earlier mirror. */
	dir: string;
	/** Where the mirror will be served; absolute links to `publicUrl` are rewritten to start with it. */
	baseUrl?: string;
	/** Rewrites the pages' links into relative links to files (`../news/index.html`), for reading from disk. */
	fileLinks?: boolean;
	/** Stops after this many site addresses (10,000,000 unless given); the mirror is then incomplete. */
	maxPages?: number;
	/** Addresses read at once. */
	concurrency?: number;
	clock: Clock;
	onProgress?: (progress: { done: number; found: number }) => void;
}

/** An address that did not answer 200, and the page that linked to it. */
export interface FailedAddress {
	url: string;
	status: number | null;
	from: string;
	reason?: string;
}

export interface StaticExportResult {
	/** Files in the mirror, and their bytes. */
	files: number;
	bytes: number;
	written: number;
	unchanged: number;
	removed: number;
	/** Site addresses read. */
	addresses: number;
	/** Internal links that answered 4xx: broken on the site itself. */
	broken: FailedAddress[];
	/** Addresses that answered 5xx or could not be written; any makes the export incomplete. */
	failed: FailedAddress[];
	/** Addresses not mirrored on purpose (a query string, a name no file can have), with the reason. */
	skipped: { url: string; reason: string }[];
	limitReached: boolean;
	complete: boolean;
}

/** Where the crawl starts; everything else is found by following links. */
const START = ["/", "/robots.txt", "/sitemap.xml", "/news-sitemap.xml", "/feed/", "/feed/atom/", "/feed.json"];
/** Parts of the site that are not public pages. */
const PRIVATE = /^\/(admin|api)(\/|$)/;
/** A path the reader answers with its not-found page (a leading dot is never a slug). */
const NOT_FOUND_PROBE = "/.dateline-static-mirror-404/";
const LOCAL_ORIGIN = "http://site.invalid";

/** A link resolved against the site: the path the app answers, its query and fragment, and whether it was written absolute. */
interface SiteLink {
	path: string;
	search: string;
	hash: string;
	absolute: boolean;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, "");

/** Checks the directory: it is created when missing; one with files in it must hold an earlier mirror's manifest. */
async function prepareDirectory(dir: string): Promise<void> {
	const existing = await stat(dir).catch(() => undefined);
	if (existing && !existing.isDirectory()) throw new AppError("ERR_MIRROR_DIR_IN_USE", `${dir} is not a directory.`);
	await mkdir(dir, { recursive: true });
	const entries = await readdir(dir);
	if (entries.length > 0 && !entries.includes(MANIFEST_FILE))
		throw new AppError(
			"ERR_MIRROR_DIR_IN_USE",
			`${dir} holds ${entries.length} entries and no ${MANIFEST_FILE}; export into an empty directory or an earlier mirror.`,
		);
}

/**
 * Writes the public site as static files: reads every address the app answers
 * that can be reached from the home page, robots.txt, the sitemaps and the
 * feeds (following every internal href, src, srcset, sitemap `<loc>` and feed
 * link), writes each answer's bytes as the app sent them (links rewritten
 * only for `baseUrl` and `fileLinks`), adds the not-found page as 404.html,
 * and a manifest of every file with its SHA-256. Only changed files are
 * written; files an earlier export wrote that the site no longer has are
 * removed (not when the export is incomplete). Bodies are held one address at
 * a time per worker, never all at once.
 */
export async function exportStaticMirror(options: StaticExportOptions): Promise<StaticExportResult> {
	const { app } = options;
	const dir = path.resolve(options.dir);
	const publicUrl = withoutTrailingSlash(options.publicUrl);
	const baseUrl = withoutTrailingSlash(options.baseUrl ?? publicUrl);
	const publicBase = new URL(`${publicUrl}/`);
	// A base URL with a path (https://mirror.example/news) needs root-relative links moved under that path.
	const basePath = withoutTrailingSlash(new URL(`${baseUrl}/`).pathname);
	const fileLinks = options.fileLinks === true;
	const maxPages = options.maxPages ?? 10_000_000;
	const concurrency = options.concurrency ?? 4;

	await prepareDirectory(dir);
	const previous = await readManifest(dir);
	const root = await realpath(dir);
	const writer = new MirrorWriter(root, previous?.files);
	const broken: FailedAddress[] = [];
	const failed: FailedAddress[] = [];
	const skipped = new Map<string, string>();
	let limitReached = false;

	/** Resolves a link's value as found on the page at `pagePath`; undefined for other sites and non-http schemes. */
	function siteLink(value: string, pagePath: string): SiteLink | undefined {
		const trimmed = value.trim();
		if (trimmed === "" || trimmed.startsWith("#")) return undefined;
		const absolute = /^https?:/i.test(trimmed) || trimmed.startsWith("//");
		if (!absolute && /^[a-z][a-z\d+.-]*:/i.test(trimmed)) return undefined;
		let url: URL;
		try {
			url = absolute ? new URL(trimmed, publicBase) : new URL(trimmed, `${LOCAL_ORIGIN}${pagePath}`);
		} catch {
			return undefined;
		}
		let pathname = url.pathname;
		if (absolute) {
			if (url.origin !== publicBase.origin || !pathname.startsWith(publicBase.pathname)) return undefined;
			pathname = `/${pathname.slice(publicBase.pathname.length)}`;
		} else if (url.origin !== LOCAL_ORIGIN) return undefined;
		return { path: pathname, search: url.search, hash: url.hash, absolute };
	}

	// The crawl: a queue of addresses and the set of those seen, never the bodies.
	const queue: { path: string; from: string }[] = [];
	let head = 0;
	const seen = new Set<string>();
	let active = 0;
	let done = 0;
	let waiting: (() => void)[] = [];
	const wake = () => {
		const resolvers = waiting;
		waiting = [];
		for (const resolve of resolvers) resolve();
	};

	function enqueue(sitePath: string, from: string): void {
		if (seen.has(sitePath) || PRIVATE.test(sitePath)) return;
		if (seen.size >= maxPages) {
			limitReached = true;
			return;
		}
		seen.add(sitePath);
		queue.push({ path: sitePath, from });
		wake();
	}

	function follow(value: string, pagePath: string): void {
		const link = siteLink(value, pagePath);
		if (!link) return;
		// A query string asks for an answer no file can give (search results).
		if (link.search !== "") skipped.set(`${link.path}${link.search}`, "has a query string");
		else enqueue(link.path, pagePath);
	}

	/** Rewrites the links of an HTML page or stylesheet for the base URL's path or for reading from disk. */
	function relocateLinks(text: string, found: FoundLinks, pagePath: string, file: string): string {
		if (!fileLinks && basePath === "") return text;
		// The 404 page is served at any address, so its links stay root-relative.
		const relative = fileLinks && file !== NOT_FOUND_FILE;
		return replaceSpans(text, found.spans, (span) => {
			if (span.place === "meta") return undefined;
			const link = siteLink(span.url, pagePath);
			if (!link || link.absolute) return undefined;
			const suffix = `${link.search}${link.hash}`;
			if (relative) return `${relativeHref({ from: pagePath, to: link.path })}${suffix}`;
			return basePath === "" ? undefined : `${basePath}${link.path}${suffix}`;
		});
	}

	/** The mirror's form of a text body, having queued its links. */
	function transform(text: string, contentType: string, pagePath: string, file: string): string {
		const found = linksIn(text, contentType);
		for (const span of found.spans) follow(span.url, pagePath);
		for (const url of found.embedded) follow(url, pagePath);
		const type = mediaType(contentType);
		const relocated = type === "text/html" || type === "text/css" ? relocateLinks(text, found, pagePath, file) : text;
		return rebaseUrls(relocated, { from: publicUrl, to: baseUrl });
	}

	/** How a page of the mirror links to another address of the site, for pointer pages. */
	function hrefTo(target: string, from: string): string {
		return fileLinks ? relativeHref({ from, to: target }) : `${basePath}${target}`;
	}

	/** Writes one answer of the app to `file`, having queued its links. `sitePath` is where its relative links start. */
	async function store(answer: {
		sitePath: string;
		body: Buffer;
		contentType: string;
		file: string;
		url?: string;
	}): Promise<void> {
		const { sitePath, contentType, file } = answer;
		let bytes: Uint8Array = answer.body;
		if (isText(contentType)) {
			const text = answer.body.toString("utf8");
			const mirrored = transform(text, contentType, sitePath, file);
			if (mirrored !== text) bytes = Buffer.from(mirrored);
		}
		const outcome = await writer.put(file, bytes, { ...(answer.url ? { url: answer.url } : {}), contentType });
		if (outcome === "duplicate") skipped.set(sitePath, `${file} already holds another address`);
		// A feed at a directory URL: static servers answer `/feed/` with index.html, so that page points to the feed.
		else if (sitePath.endsWith("/") && !isHtml(contentType)) {
			const page = pointerPage({ href: file.slice(file.lastIndexOf("/") + 1), type: mediaType(contentType) });
			await writer.put(file.replace(/[^/]+$/, "index.html"), Buffer.from(page), { url: sitePath });
		}
	}

	async function visit(item: { path: string; from: string }): Promise<void> {
		const response = await app.inject({ method: "GET", url: item.path });
		const status = response.statusCode;
		const contentType = String(response.headers["content-type"] ?? "");
		if (status >= 300 && status < 400) {
			const target = siteLink(String(response.headers.location ?? ""), item.path);
			if (!target) {
				skipped.set(item.path, "redirects to another site");
				return;
			}
			enqueue(target.path, item.path);
			// A static server cannot redirect; a page at the old directory URL sends browsers on.
			const file = item.path.endsWith("/") ? mirrorFile(item.path, "text/html") : undefined;
			if (!file) {
				skipped.set(item.path, `redirects to ${target.path}, which a static file cannot do`);
				return;
			}
			const page = pointerPage({
				href: `${hrefTo(target.path, item.path)}${target.search}${target.hash}`,
				canonical: `${baseUrl}${target.path}${target.search}`,
			});
			await writer.put(file, Buffer.from(page), { url: item.path });
			return;
		}
		if (status !== 200) {
			(status >= 500 ? failed : broken).push({ url: item.path, status, from: item.from });
			return;
		}
		const file = mirrorFile(item.path, contentType);
		if (file) await store({ sitePath: item.path, body: response.rawPayload, contentType, file, url: item.path });
		else skipped.set(item.path, "no file in the mirror can have this name");
	}

	async function worker(): Promise<void> {
		for (;;) {
			const item = queue[head];
			if (item === undefined) {
				if (active === 0) {
					wake();
					return;
				}
				await new Promise<void>((resolve) => waiting.push(resolve));
				continue;
			}
			head += 1;
			active += 1;
			try {
				await visit(item);
			} catch (error) {
				failed.push({ url: item.path, status: null, from: item.from, reason: (error as Error).message });
			} finally {
				active -= 1;
				done += 1;
				if (head > 10_000) {
					queue.splice(0, head);
					head = 0;
				}
				options.onProgress?.({ done, found: seen.size });
				wake();
			}
		}
	}

	for (const start of START) enqueue(start, "(start)");
	// The site's own not-found page, for hosts that serve 404.html (nginx needs `error_page 404 /404.html`).
	const notFound = await app.inject({ method: "GET", url: NOT_FOUND_PROBE });
	const notFoundType = String(notFound.headers["content-type"] ?? "");
	if (notFound.statusCode === 404 && isHtml(notFoundType))
		await store({ sitePath: "/", body: notFound.rawPayload, contentType: notFoundType, file: NOT_FOUND_FILE });
	else
		failed.push({
			url: NOT_FOUND_PROBE,
			status: notFound.statusCode,
			from: "(start)",
			reason: "expected the 404 page",
		});

	await Promise.all(Array.from({ length: concurrency }, () => worker()));

	const complete = failed.length === 0 && !limitReached;
	const removed = complete ? await writer.removeStale() : 0;
	const entries = writer.entries();
	const kept = new Set(entries.map((entry) => entry.path));
	// An incomplete export removed nothing: the files it did not reach are still there, and still listed.
	const files = complete ? entries : [...entries, ...(previous?.files ?? []).filter((entry) => !kept.has(entry.path))];
	await writeManifest(root, {
		format: MANIFEST_FORMAT,
		version: MANIFEST_VERSION,
		generatedAt: options.clock.now().toISOString(),
		sourceUrl: publicUrl,
		baseUrl,
		fileLinks,
		complete,
		files,
	});
	return {
		files: files.length,
		bytes: writer.bytes,
		written: writer.written,
		unchanged: writer.unchanged,
		removed,
		addresses: done,
		broken,
		failed,
		skipped: [...skipped].map(([url, reason]) => ({ url, reason })),
		limitReached,
		complete,
	};
}
