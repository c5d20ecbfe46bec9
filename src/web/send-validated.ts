import type { FastifyReply, FastifyRequest } from "fastify";
import { cachedPage, type PageCache, strongEtag } from "../cache/page-cache.js";
import { notModified } from "./feeds/conditional.js";

/**
 * Sends a document read by programs (a feed, a sitemap, an API answer) with a
 * strong ETag and, when given, Last-Modified, or 304 when the client's copy is
 * current. With `keep`, the body also goes into the page cache under the
 * request's URL, carrying `keys` and `headers`: it is encoded and hashed once,
 * with the cache's validator, so the ETag sent now is the one a later hit
 * sends and a client revalidating with it gets 304.
 */
export function sendValidated(
	request: FastifyRequest,
	reply: FastifyReply,
	response: {
		body: string;
		contentType: string;
		cacheControl: string;
		lastModified: Date | null;
		/** Headers of this answer's own, kept with it in the cache too. */
		headers?: Readonly<Record<string, string>>;
		keep?: { cache: PageCache; keys: readonly string[] } | undefined;
	},
): FastifyReply {
	const body = Buffer.from(response.body);
	const headers = response.headers ?? {};
	let etag: string;
	if (response.keep) {
		const page = cachedPage({ body, contentType: response.contentType, keys: response.keep.keys, headers });
		response.keep.cache.set(request.url, page);
		reply.header("x-cache", "MISS");
		etag = page.etag;
	} else etag = strongEtag(body);
	reply.headers(headers).header("etag", etag).header("cache-control", response.cacheControl);
	if (response.lastModified) reply.header("last-modified", response.lastModified.toUTCString());
	const conditions = {
		ifNoneMatch: request.headers["if-none-match"],
		ifModifiedSince: request.headers["if-modified-since"],
	};
	if (notModified(conditions, { etag, lastModified: response.lastModified })) return reply.code(304).send();
	return reply.code(200).header("content-type", response.contentType).send(body);
}
