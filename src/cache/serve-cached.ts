import type { IncomingMessage, ServerResponse } from "node:http";
import type { CachedPage, PageCache } from "./page-cache.js";

type Encoding = "br" | "gzip" | "identity";

/**
 * Reader pages run no script at all (JSON-LD is data, not script), so the policy
 * can forbid it outright: defence in depth behind the HTML sanitizer.
 */
export const READER_CSP =
	"default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

/** The best encoding the client accepts; a coding refused with q=0 is skipped. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
	if (!acceptEncoding) return "identity";
	const accepts = (coding: string) =>
		new RegExp(`(?:^|,)\\s*${coding}\\s*(?:;\\s*q=(?!0(?:\\.0*)?\\s*(?:,|$))[\\d.]+)?\\s*(?:,|$)`).test(acceptEncoding);
	if (accepts("br")) return "br";
	if (accepts("gzip")) return "gzip";
	return "identity";
}

/** Headers for one encoding of a stored page, built once per page and encoding. */
const headerCache = new WeakMap<CachedPage, Map<string, Record<string, string | number>>>();

function headersFor(page: CachedPage, encoding: Encoding, cacheControl: string): Record<string, string | number> {
	let byEncoding = headerCache.get(page);
	if (!byEncoding) {
		byEncoding = new Map();
		headerCache.set(page, byEncoding);
	}
	let headers = byEncoding.get(encoding);
	if (!headers) {
		const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity;
		headers = {
			"content-type": page.contentType,
			"content-length": body.length,
			etag: page.etag,
			"cache-control": cacheControl,
			vary: "accept-encoding",
			"surrogate-key": page.keys.join(" "),
			"x-cache": "HIT",
			"content-security-policy": READER_CSP,
			"x-content-type-options": "nosniff",
			...page.headers,
			...(encoding === "identity" ? {} : { "content-encoding": encoding }),
		};
		byEncoding.set(encoding, headers);
	}
	return headers;
}

/**
 * Answers a request from the page cache before any routing, if it can: a GET
 * or HEAD for a stored URL. Returns false when the request must go on to the
 * application.
 */
export function serveCached(input: {
	cache: PageCache;
	cacheControl: string;
	request: IncomingMessage;
	response: ServerResponse;
}): boolean {
	const { request, response } = input;
	if ((request.method !== "GET" && request.method !== "HEAD") || !request.url) return false;
	const page = input.cache.get(request.url);
	if (!page) return false;
	if (request.headers["if-none-match"] === page.etag) {
		response.writeHead(304, { etag: page.etag, "cache-control": input.cacheControl, vary: "accept-encoding" });
		response.end();
		return true;
	}
	const encoding = chooseEncoding(request.headers["accept-encoding"]);
	response.writeHead(200, headersFor(page, encoding, input.cacheControl));
	if (request.method === "HEAD") response.end();
	else response.end(encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity);
	return true;
}

type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * The server's request handler with the page cache in front: a stored page
 * goes straight out, before routing. Concurrent misses of one address are
 * coalesced: right after a publish purges the front page, a crowd asking for
 * it waits for the one request that renders it, then gets the stored copy,
 * instead of every request rendering the same page at once. Only addresses
 * the cache may store take part (GET or HEAD, no query, not the newsroom).
 */
export function cachingHandler(input: {
	cache: PageCache;
	cacheControl: string;
	handler: RequestHandler;
}): RequestHandler {
	const rendering = new Map<string, Promise<void>>();
	const fromCache = (request: IncomingMessage, response: ServerResponse) =>
		serveCached({ cache: input.cache, cacheControl: input.cacheControl, request, response });
	return (request, response) => {
		if (fromCache(request, response)) return;
		const url = request.url ?? "";
		const coalesce =
			(request.method === "GET" || request.method === "HEAD") && !url.includes("?") && !url.startsWith("/admin");
		if (!coalesce) return input.handler(request, response);
		const pending = rendering.get(url);
		if (pending) {
			// If the first request's answer was not stored (an error, a redirect), this one goes on by itself.
			void pending.then(() => {
				if (!fromCache(request, response)) input.handler(request, response);
			});
			return;
		}
		const done = new Promise<void>((resolve) => response.once("close", resolve));
		rendering.set(url, done);
		void done.then(() => rendering.delete(url));
		input.handler(request, response);
	};
}
