import fs from "node:fs";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";
import type { MediaRecord } from "../../content/media/media.js";
import { MediaService } from "../../content/media/media-service.js";
import { errorCatalog } from "../../errors.js";
import { mediaPlugin, storageKeyFromUrl } from "./media-plugin.js";

let site: TestSite;
let app: FastifyInstance;
let photo: MediaRecord;
let logo: MediaRecord;
let media: MediaService;

beforeAll(async () => {
	site = await createTestSite();
	media = new MediaService({
		db: site.db,
		clock: site.clock,
		dataDir: site.config.dataDir,
		maxUploadBytes: site.config.maxUploadBytes,
	});
	const create = (channels: 3 | 4) =>
		sharp({ create: { width: 700, height: 350, channels, background: { r: 10, g: 120, b: 200, alpha: 0.6 } } });
	photo = await media.upload({ bytes: await create(3).jpeg().toBuffer(), originalName: "photo.jpg", userId: null });
	logo = await media.upload({ bytes: await create(4).png().toBuffer(), originalName: "logo.png", userId: null });
	app = Fastify();
	await app.register(mediaPlugin, { media });
	await app.ready();
});

afterAll(async () => {
	await app.close();
	await site.close();
});

function variant(record: MediaRecord, format: string): string {
	const found = record.variants.find((v) => v.format === format);
	if (!found) throw new Error(`no ${format} copy`);
	return found.storageKey;
}

const NOT_FOUND = `${errorCatalog.ERR_MEDIA_NOT_FOUND.message}\n`;

describe("mediaPlugin", () => {
	it("serves each copy with its type, a year of immutable caching, an ETag and its length", async () => {
		for (const [record, format, type] of [
			[photo, "webp", "image/webp"],
			[photo, "jpeg", "image/jpeg"],
			[logo, "png", "image/png"],
		] as const) {
			const key = variant(record, format);
			const response = await app.inject({ method: "GET", url: `/media/${key}` });
			expect(response.statusCode).toBe(200);
			expect(response.headers["content-type"]).toBe(type);
			expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
			expect(response.headers["x-content-type-options"]).toBe("nosniff");
			expect(response.headers.etag).toMatch(/^"[0-9a-f]{16}"$/);
			const onDisk = fs.readFileSync(path.join(site.config.dataDir, "media", key));
			expect(response.headers["content-length"]).toBe(String(onDisk.length));
			expect(response.rawPayload.equals(onDisk)).toBe(true);
		}
	});

	it("answers 304 when the client's copy matches, and ignores a query string", async () => {
		const url = `/media/${variant(photo, "webp")}`;
		const first = await app.inject({ method: "GET", url: `${url}?v=2` });
		expect(first.statusCode).toBe(200);
		const etag = String(first.headers.etag);
		const again = await app.inject({ method: "GET", url, headers: { "if-none-match": `W/"other", ${etag}` } });
		expect(again.statusCode).toBe(304);
		expect(again.body).toBe("");
		expect(again.headers.etag).toBe(etag);
		const changed = await app.inject({ method: "GET", url, headers: { "if-none-match": '"other"' } });
		expect(changed.statusCode).toBe(200);
	});

	it("answers HEAD with the headers and no body", async () => {
		const response = await app.inject({ method: "HEAD", url: `/media/${variant(photo, "jpeg")}` });
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toBe("image/jpeg");
		expect(response.body).toBe("");
	});

	it("answers 404 for originals, unknown keys and files missing from disk", async () => {
		const webp = variant(photo, "webp");
		const urls = [
			`/media/${photo.storageKey}`,
			`/media/${webp.replace(/-[0-9a-f]{16}\./, "-ffffffffffffffff.")}`,
			`/media/${webp}.tmp`,
			`/media/${webp.toUpperCase()}`,
			"/media/",
			"/media/logo.png",
		];
		for (const url of urls) {
			const response = await app.inject({ method: "GET", url });
			expect(response.statusCode, url).toBe(404);
			expect(response.headers["content-type"], url).toBe("text/plain; charset=utf-8");
			expect(response.headers["cache-control"], url).toBe("public, max-age=60");
			expect(response.headers.etag, url).toBeUndefined();
			expect(response.body, url).toBe(NOT_FOUND);
		}

		const lost = variant(logo, "webp");
		fs.rmSync(path.join(site.config.dataDir, "media", lost));
		const response = await app.inject({ method: "GET", url: `/media/${lost}` });
		expect(response.statusCode).toBe(404);
		expect(response.body).toBe(NOT_FOUND);
	});

	it("never serves a file outside the recorded copies, however the path is spelled", async () => {
		fs.writeFileSync(path.join(site.config.dataDir, "secret.txt"), "TOP SECRET");
		const webp = variant(photo, "webp");
		const directory = path.posix.dirname(webp);
		const name = path.posix.basename(webp);
		const attempts = [
			"/media/../secret.txt",
			"/media/../dateline.sqlite",
			"/media/%2e%2e/secret.txt",
			"/media/%2E%2E%2Fsecret.txt",
			"/media/..%2fsecret.txt",
			"/media/..%5csecret.txt",
			"/media/..\\secret.txt",
			"/media/variants/%2e%2e/%2e%2e/secret.txt",
			`/media/${directory}/../../../../secret.txt`,
			`/media/${directory}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.txt`,
			`/media//${webp}`,
			"/media//etc/passwd",
			"/media/%2fetc%2fpasswd",
			`/media/${path.join(site.config.dataDir, "secret.txt")}`,
			`/media/${webp}%00`,
			`/media/${webp}%00.png`,
			"/media/%00",
			`/media/${encodeURIComponent(webp)}`,
		];
		for (const url of attempts) {
			const response = await app.inject({ method: "GET", url });
			expect(response.statusCode, url).toBe(404);
			expect(response.body, url).not.toContain("TOP SECRET");
			expect(response.body, url).not.toContain("SQLite format");
		}
		// inject() (like a browser) resolves dot segments before sending; a raw client need not.
		// Feed the raw strings through the handler's own steps.
		for (const url of attempts.concat([`/media/${directory}/x/../${name}`, `/media/${directory}/./${name}`])) {
			const key = storageKeyFromUrl(url);
			expect(key === undefined ? undefined : await media.fileFor(key), url).toBeUndefined();
		}
	});
});

describe("storageKeyFromUrl", () => {
	it("takes the raw path after /media/, without decoding it or its query", () => {
		expect(storageKeyFromUrl("/media/variants/a.webp?x=1")).toBe("variants/a.webp");
		expect(storageKeyFromUrl("/media/%2e%2e/x")).toBe("%2e%2e/x");
		expect(storageKeyFromUrl("/media/")).toBeUndefined();
		expect(storageKeyFromUrl("/elsewhere/x")).toBeUndefined();
	});
});
