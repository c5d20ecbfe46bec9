import path from "node:path";

/** The manifest at the mirror's root; never a page's file. */
export const MANIFEST_FILE = "manifest.json";

/** The site's own not-found page, where static hosts look for it. */
export const NOT_FOUND_FILE = "404.html";

/** File extensions for what is not HTML but answers at a directory URL (`/feed/`), by media type. */
const EXTENSIONS: Readonly<Record<string, string>> = {
	"application/rss+xml": "xml",
	"application/atom+xml": "xml",
	"application/xml": "xml",
	"text/xml": "xml",
	"application/feed+json": "json",
	"application/json": "json",
	"text/plain": "txt",
	"text/css": "css",
	"image/jpeg": "jpg",
	"image/png": "png",
	"image/webp": "webp",
	"image/avif": "avif",
};

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaType(contentType: string | undefined): string {
	return (contentType ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
}

export function isHtml(contentType: string | undefined): boolean {
	return mediaType(contentType) === "text/html";
}

/** True for bodies that are text, whose links can be read and rewritten; images and other bytes are copied as they are. */
export function isText(contentType: string | undefined): boolean {
	const type = mediaType(contentType);
	return (
		type.startsWith("text/") ||
		type.endsWith("+xml") ||
		type.endsWith("+json") ||
		type.endsWith("/xml") ||
		type.endsWith("/json")
	);
}

/**
 * The decoded segments of a URL path, or undefined when one of them could not
 * be a file or directory name inside the mirror: broken percent-encoding, an
 * empty, "." or ".." segment, a leading dot (hidden files, and the names the
 * writer uses for temporary files), a slash, backslash or NUL after decoding,
 * or a name longer than file systems take.
 */
export function fileSegments(pathname: string): string[] | undefined {
	if (!pathname.startsWith("/")) return undefined;
	const raw = pathname.slice(1).split("/");
	if (raw.at(-1) === "") raw.pop();
	const segments: string[] = [];
	for (const segment of raw) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(segment);
		} catch {
			return undefined;
		}
		if (decoded === "" || decoded.startsWith(".") || /[/\\\0]/.test(decoded)) return undefined;
		if (Buffer.byteLength(decoded) > 240) return undefined;
		segments.push(decoded);
	}
	return segments;
}

/**
 * Where the response to a URL path is written, relative to the mirror's root
 * (with "/" separators), or undefined when the path cannot be a file there.
 * A directory URL (`/news/`) is `news/index.html`, which every static server
 * answers for `/news/` without configuration. Anything else at a directory URL
 * gets an index file with its own extension (`/feed/` → `feed/index.xml`), and
 * the exporter puts a pointer page at `feed/index.html` (see `pointerPage`).
 * Other paths keep their name (`/feed.json`, `/media/…/photo-640.webp`).
 */
export function mirrorFile(pathname: string, contentType: string | undefined): string | undefined {
	const segments = fileSegments(pathname);
	if (!segments) return undefined;
	let file: string;
	if (pathname.endsWith("/")) {
		const index = isHtml(contentType) ? "index.html" : `index.${EXTENSIONS[mediaType(contentType)] ?? "bin"}`;
		file = [...segments, index].join("/");
	} else {
		if (segments.length === 0) return undefined;
		file = segments.join("/");
	}
	return file === MANIFEST_FILE || file === NOT_FOUND_FILE ? undefined : file;
}

/**
 * True when `file` is a relative path that stays inside the directory it is
 * relative to: no absolute path, no empty, "." or ".." segment, no backslash.
 * Paths read from a manifest are checked with it before anything is touched.
 */
export function isInsidePath(file: string): boolean {
	if (file === "" || file.startsWith("/") || file.includes("\\") || file.includes("\0")) return false;
	return file.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/**
 * A relative href from the page at URL path `from` to URL path `to`, naming the
 * file a browser opens from disk: a directory URL ends in `index.html`.
 * Both paths stay percent-encoded, as hrefs are.
 */
export function relativeHref(input: { from: string; to: string }): string {
	const fromDirectory = input.from.endsWith("/") ? input.from : path.posix.dirname(input.from);
	const target = input.to.endsWith("/") ? `${input.to}index.html` : input.to;
	return path.posix.relative(fromDirectory, target);
}

const escapeAttribute = (value: string) =>
	value.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/**
 * A small HTML page that sends browsers on to `href` at once and names it for
 * machines: a feed as a `rel="alternate"` link (so feed readers given the
 * directory URL discover the feed), a moved page as `rel="canonical"`.
 * The mirror writes one where a static server can answer neither a redirect
 * nor a feed at a directory URL.
 */
export function pointerPage(input: { href: string; type?: string; canonical?: string }): string {
	const href = escapeAttribute(input.href);
	const link = input.type
		? `<link rel="alternate" type="${escapeAttribute(input.type)}" href="${href}">`
		: input.canonical
			? `<link rel="canonical" href="${escapeAttribute(input.canonical)}">`
			: "";
	return `<!doctype html>\n<html><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${href}</title>${link}<meta http-equiv="refresh" content="0; url=${href}"></head><body><p><a href="${href}">${href}</a></p></body></html>\n`;
}
