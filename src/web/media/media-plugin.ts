import { type FileHandle, open } from "node:fs/promises";
import type { FastifyInstance, FastifyReply } from "fastify";
import { MEDIA_URL_PREFIX } from "../../content/media/media.js";
import type { MediaService } from "../../content/media/media-service.js";
import { asUnavailable } from "../../db/database-unavailable.js";
import { AppError, errorCatalog, isAppError } from "../../errors.js";

export interface MediaPluginOptions {
	media: Pick<MediaService, "fileFor">;
}

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * The storage key in a request URL: the raw path after `/media/`, never
 * percent-decoded (no key Dateline makes needs encoding, so `%2e%2e` stays
 * four harmless characters that match no key).
 */
export function storageKeyFromUrl(url: string): string | undefined {
	const pathname = url.split("?", 1)[0] ?? "";
	if (!pathname.startsWith(MEDIA_URL_PREFIX)) return undefined;
	const key = pathname.slice(MEDIA_URL_PREFIX.length);
	return key === "" ? undefined : key;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
	if (ifNoneMatch === undefined) return false;
	return ifNoneMatch.split(",").some((tag) => {
		const opaque = tag.trim().replace(/^W\//, "");
		return opaque === "*" || opaque === etag;
	});
}

function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
	return reply
		.code(status)
		.header("content-type", "text/plain; charset=utf-8")
		.header("cache-control", status >= 500 ? "no-store" : "public, max-age=60")
		.header("x-content-type-options", "nosniff")
		.send(`${message}\n`);
}

/**
 * Serves the resized images at `/media/<storage key>` from the data directory,
 * cached for a year as immutable (a key names one content forever). Only keys
 * recorded in `media_variants` are served; everything else is ERR_MEDIA_NOT_FOUND.
 * Register without a prefix. Never sees a session.
 */
export async function mediaPlugin(app: FastifyInstance, options: MediaPluginOptions): Promise<void> {
	app.get(`${MEDIA_URL_PREFIX}*`, async (request, reply) => {
		const key = storageKeyFromUrl(request.url);
		const file = key === undefined ? undefined : await options.media.fileFor(key);
		if (!file) throw new AppError("ERR_MEDIA_NOT_FOUND");
		const headers = {
			"content-type": file.contentType,
			"cache-control": IMMUTABLE,
			etag: file.etag,
			"x-content-type-options": "nosniff",
		};
		if (matches(request.headers["if-none-match"], file.etag)) return reply.code(304).headers(headers).send();

		let handle: FileHandle;
		try {
			handle = await open(file.absolutePath, "r");
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
			request.log.warn({ path: file.absolutePath }, "a recorded media file is missing");
			throw new AppError("ERR_MEDIA_NOT_FOUND");
		}
		let size: number;
		try {
			size = (await handle.stat()).size;
		} catch (error) {
			await handle.close();
			throw error;
		}
		reply.headers({ ...headers, "content-length": size });
		return reply.send(handle.createReadStream());
	});

	app.setErrorHandler(async (raw, request, reply) => {
		const error = asUnavailable(raw);
		if (isAppError(error)) {
			if (error.status >= 500) request.log.error({ err: error }, error.message);
			return sendError(reply, error.status, errorCatalog[error.code].message);
		}
		const status = (error as { statusCode?: unknown }).statusCode;
		if (typeof status === "number" && status < 500) {
			return sendError(reply, status, errorCatalog.ERR_BAD_REQUEST.message);
		}
		request.log.error({ err: error }, "media file failed");
		return sendError(reply, 500, errorCatalog.ERR_INTERNAL.message);
	});
}
