import fs from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";
import { isAppError } from "../../errors.js";
import { MediaService } from "./media-service.js";

let site: TestSite;
let media: MediaService;
let userId: number;

beforeEach(async () => {
	site = await createTestSite();
	media = service();
	const user = await site.db
		.insertInto("users")
		.values({
			email: "farida@example.org",
			display_name: "Farida Amiri",
			role: "editor",
			password_hash: null,
			must_reset_password: 0,
			person_id: null,
			created_at: site.clock.now().toISOString(),
		})
		.returning("id")
		.executeTakeFirstOrThrow();
	userId = user.id;
});

afterEach(async () => {
	await site.close();
});

function service(maxUploadBytes = site.config.maxUploadBytes): MediaService {
	return new MediaService({ db: site.db, clock: site.clock, dataDir: site.config.dataDir, maxUploadBytes });
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
	try {
		await promise;
	} catch (error) {
		if (isAppError(error)) return { code: error.code, message: error.message };
		throw error;
	}
	return { code: "no error", message: "" };
}

const mediaRoot = () => path.join(site.config.dataDir, "media");

/** Every file under the media root, relative to it. */
function storedFiles(under = ""): string[] {
	const dir = path.join(mediaRoot(), under);
	if (!fs.existsSync(dir)) return [];
	return (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
		.filter((name) => fs.statSync(path.join(dir, name)).isFile())
		.sort();
}

const canvas = (width: number, height: number, channels: 3 | 4 = 3) =>
	sharp({
		create: {
			width,
			height,
			channels,
			background: channels === 4 ? { r: 200, g: 40, b: 40, alpha: 0.5 } : { r: 200, g: 40, b: 40 },
		},
	});

const GPS = {
	IFD0: { Make: "Dateline Test Camera" },
	IFD3: {
		GPSLatitudeRef: "N",
		GPSLatitude: "34/1 31/1 2/1",
		GPSLongitudeRef: "E",
		GPSLongitude: "69/1 10/1 42/1",
	},
};

/** True when raw EXIF (as sharp returns it) has a GPS IFD pointer (tag 0x8825) in IFD0. */
function hasGps(exif: Buffer | undefined): boolean {
	if (!exif) return false;
	const tiff = exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? exif.subarray(6) : exif;
	const little = tiff.subarray(0, 2).toString("latin1") === "II";
	const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
	const ifd0 = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
	for (let entry = 0; entry < u16(ifd0); entry++) {
		if (u16(ifd0 + 2 + entry * 12) === 0x8825) return true;
	}
	return false;
}

describe("MediaService.upload", () => {
	it("stores the original and WebP plus JPEG copies at each standard width", async () => {
		const bytes = await canvas(2000, 1000).jpeg().toBuffer();
		const record = await media.upload({ bytes, originalName: "flood.jpg", userId, alt: " Flooded road " });

		expect(record).toMatchObject({
			mime: "image/jpeg",
			width: 2000,
			height: 1000,
			bytes: bytes.length,
			originalName: "flood.jpg",
			alt: "Flooded road",
			createdBy: userId,
			createdAt: site.clock.now().toISOString(),
		});
		expect(record.storageKey).toBe(`originals/${record.sha256.slice(0, 2)}/${record.sha256}.jpg`);
		expect(record.variants.map((v) => `${v.format}@${v.width}x${v.height}`)).toEqual(
			[320, 640, 960, 1280, 1920].flatMap((w) => [`webp@${w}x${w / 2}`, `jpeg@${w}x${w / 2}`]),
		);
		for (const variant of record.variants) {
			const file = path.join(mediaRoot(), variant.storageKey);
			const meta = await sharp(file).metadata();
			expect(meta).toMatchObject({ format: variant.format, width: variant.width, height: variant.height });
			expect(fs.statSync(file).size).toBe(variant.bytes);
		}
		expect(fs.readFileSync(path.join(mediaRoot(), record.storageKey))).toEqual(bytes);
		expect(storedFiles().filter((name) => name.endsWith(".tmp"))).toEqual([]);
	});

	it("strips EXIF, GPS included, from every copy, and keeps the original as uploaded", async () => {
		const bytes = await canvas(2000, 1000).jpeg().withExif(GPS).toBuffer();
		expect(hasGps((await sharp(bytes).metadata()).exif)).toBe(true);

		const record = await media.upload({ bytes, originalName: "gps.jpg", userId });

		expect(hasGps((await sharp(path.join(mediaRoot(), record.storageKey)).metadata()).exif)).toBe(true);
		for (const variant of record.variants) {
			const file = path.join(mediaRoot(), variant.storageKey);
			const meta = await sharp(file).metadata();
			expect(meta.exif, variant.storageKey).toBeUndefined();
			expect(meta.xmp, variant.storageKey).toBeUndefined();
			expect(meta.iptc, variant.storageKey).toBeUndefined();
			expect(fs.readFileSync(file).includes("Exif\0\0"), variant.storageKey).toBe(false);
		}
	});

	it("turns a photo upright by its EXIF orientation and records the upright size", async () => {
		// Stored 1200×600, to be shown rotated 90° clockwise: 600×1200.
		const bytes = await canvas(1200, 600).jpeg().withMetadata({ orientation: 6 }).toBuffer();
		const record = await media.upload({ bytes, originalName: "phone.jpg", userId });

		expect(record).toMatchObject({ width: 600, height: 1200 });
		expect(record.variants.map((v) => `${v.format}@${v.width}x${v.height}`)).toEqual([
			"webp@320x640",
			"jpeg@320x640",
			"webp@600x1200",
			"jpeg@600x1200",
		]);
		const meta = await sharp(path.join(mediaRoot(), record.variants[3]?.storageKey ?? "")).metadata();
		expect(meta).toMatchObject({ width: 600, height: 1200 });
		expect(meta.orientation).toBeUndefined();
	});

	it("knows a PNG named .jpg as a PNG, and gives a transparent one PNG fallbacks", async () => {
		const bytes = await canvas(800, 400, 4).png().toBuffer();
		const record = await media.upload({ bytes, originalName: "logo.jpg", userId });

		expect(record.mime).toBe("image/png");
		expect(record.storageKey).toMatch(/\.png$/);
		expect(record.variants.map((v) => `${v.format}@${v.width}`)).toEqual([
			"webp@320",
			"png@320",
			"webp@640",
			"png@640",
			"webp@800",
			"png@800",
		]);
		for (const variant of record.variants) {
			expect((await sharp(path.join(mediaRoot(), variant.storageKey)).metadata()).hasAlpha).toBe(true);
		}
	});

	it("accepts WebP and AVIF, never enlarging a small image", async () => {
		const webp = await media.upload({ bytes: await canvas(500, 250).webp().toBuffer(), originalName: "a", userId });
		expect(webp.mime).toBe("image/webp");
		expect(webp.variants.map((v) => `${v.format}@${v.width}`)).toEqual([
			"webp@320",
			"jpeg@320",
			"webp@500",
			"jpeg@500",
		]);

		const avif = await media.upload({ bytes: await canvas(200, 100).avif().toBuffer(), originalName: "b", userId });
		expect(avif.mime).toBe("image/avif");
		expect(avif.storageKey).toMatch(/\.avif$/);
		expect(avif.variants.map((v) => `${v.format}@${v.width}x${v.height}`)).toEqual(["webp@200x100", "jpeg@200x100"]);
	});

	it("stores identical bytes once and returns the same record", async () => {
		const bytes = await canvas(700, 350).jpeg().toBuffer();
		const first = await media.upload({ bytes, originalName: "one.jpg", userId, alt: "First" });
		const filesAfterFirst = storedFiles();
		const second = await media.upload({ bytes, originalName: "two.jpg", userId: null, alt: "Second" });

		expect(second).toEqual(first);
		expect(storedFiles("originals")).toHaveLength(1);
		expect(storedFiles()).toEqual(filesAfterFirst);
		expect((await media.list({ limit: 10, offset: 0 })).total).toBe(1);
	});

	it("stores once when the same new bytes arrive twice at the same moment", async () => {
		const bytes = await canvas(700, 350).png().toBuffer();
		const [a, b] = await Promise.all([
			media.upload({ bytes, originalName: "a.png", userId }),
			media.upload({ bytes, originalName: "b.png", userId }),
		]);

		expect(a.id).toBe(b.id);
		expect(storedFiles("originals")).toHaveLength(1);
		expect(storedFiles("variants")).toHaveLength(a.variants.length);
		expect((await media.list({ limit: 10, offset: 0 })).total).toBe(1);
	});

	it("answers 415 for text named .jpg and for an empty file, storing nothing", async () => {
		const text = await errorOf(
			media.upload({ bytes: Buffer.from("not a photo\n"), originalName: "photo.jpg", userId }),
		);
		expect(text.code).toBe("ERR_MEDIA_TYPE");
		expect(text.message).toContain("JPEG, PNG, WebP and AVIF");
		expect((await errorOf(media.upload({ bytes: Buffer.alloc(0), originalName: "x.png", userId }))).code).toBe(
			"ERR_MEDIA_TYPE",
		);
		expect(storedFiles()).toEqual([]);
	});

	it("answers 413 over the configured limit, naming it in MB, before looking at the bytes", async () => {
		const small = service(1.5 * 1024 * 1024);
		const error = await errorOf(small.upload({ bytes: Buffer.alloc(2 * 1024 * 1024), originalName: "big", userId }));
		expect(error.code).toBe("ERR_MEDIA_TOO_LARGE");
		expect(error.message).toContain("The limit is 1.5 MB; this file is 2 MB.");
		expect(storedFiles()).toEqual([]);
	});

	it("refuses a damaged image that starts right with a clear 400, leaving nothing behind", async () => {
		const whole = await canvas(1600, 800)
			.composite([{ input: await canvas(50, 50, 4).png().toBuffer(), tile: true, blend: "difference" }])
			.jpeg()
			.toBuffer();
		const cut = whole.subarray(0, Math.floor(whole.length / 2));
		const truncated = await errorOf(media.upload({ bytes: cut, originalName: "cut.jpg", userId }));
		expect(truncated.code).toBe("ERR_VALIDATION");
		expect(truncated.message).toContain("starts like a JPEG image but cannot be decoded");

		const garbage = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
		expect((await errorOf(media.upload({ bytes: garbage, originalName: "x.png", userId }))).code).toBe(
			"ERR_VALIDATION",
		);
		expect(storedFiles()).toEqual([]);
		expect((await media.list({ limit: 10, offset: 0 })).total).toBe(0);
	});

	it("refuses an image whose header declares too many pixels, before decoding it", async () => {
		const png = await canvas(1, 1).png().toBuffer();
		// Rewrite IHDR (offset 8: length, type, then width and height) to 20000×10000 and fix its CRC.
		png.writeUInt32BE(20_000, 16);
		png.writeUInt32BE(10_000, 20);
		png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
		const error = await errorOf(media.upload({ bytes: png, originalName: "bomb.png", userId }));
		expect(error.code).toBe("ERR_MEDIA_TOO_LARGE");
		expect(error.message).toContain("at most 100 megapixels; this one has 200 (20000×10000)");
	});

	it("refuses alt text over its limit", async () => {
		const bytes = await canvas(10, 10).png().toBuffer();
		const error = await errorOf(media.upload({ bytes, originalName: "x.png", userId, alt: "a".repeat(1001) }));
		expect(error.code).toBe("ERR_VALIDATION");
	});
});

describe("MediaService reads and edits", () => {
	it("edits only the given texts, and refuses an unknown image", async () => {
		const record = await media.upload({
			bytes: await canvas(400, 200).jpeg().toBuffer(),
			originalName: "x.jpg",
			userId,
			alt: "Old alt",
			credit: "AT News",
		});
		const updated = await media.update(record.id, { alt: "  Flooded road near Kabul ", caption: "After the rain." });
		expect(updated).toMatchObject({ alt: "Flooded road near Kabul", caption: "After the rain.", credit: "AT News" });
		expect(await media.get(record.id)).toEqual(updated);
		expect((await errorOf(media.update(9999, { alt: "x" }))).code).toBe("ERR_MEDIA_NOT_FOUND");
		expect(await media.get(9999)).toBeUndefined();
	});

	it("lists newest first with a total", async () => {
		const first = await media.upload({ bytes: await canvas(30, 30).png().toBuffer(), originalName: "1", userId });
		site.clock.set(new Date(site.clock.now().getTime() + 60_000));
		const second = await media.upload({ bytes: await canvas(40, 30).png().toBuffer(), originalName: "2", userId });

		const page = await media.list({ limit: 1, offset: 0 });
		expect(page.total).toBe(2);
		expect(page.items.map((item) => item.id)).toEqual([second.id]);
		expect((await media.list({ limit: 10, offset: 1 })).items.map((item) => item.id)).toEqual([first.id]);
	});

	it("builds image models whose addresses are the stored copies", async () => {
		const record = await media.upload({
			bytes: await canvas(1500, 1000).jpeg().toBuffer(),
			originalName: "x.jpg",
			userId,
			alt: "Alt",
			caption: "Caption",
			credit: "Credit",
		});
		const image = await media.imageFor(record.id);
		const key = (format: string, width: number) =>
			record.variants.find((v) => v.format === format && v.width === width)?.storageKey;
		expect(image).toMatchObject({
			src: `/media/${key("jpeg", 960)}`,
			width: 960,
			height: 640,
			alt: "Alt",
			caption: "Caption",
			credit: "Credit",
		});
		expect(image?.srcset.split(", ")).toEqual(
			[320, 640, 960, 1280, 1500].map((width) => `/media/${key("webp", width)} ${width}w`),
		);

		const images = await media.imagesFor([record.id, 9999, record.id], { sizes: "100vw" });
		expect([...images.keys()]).toEqual([record.id]);
		expect(images.get(record.id)?.sizes).toBe("100vw");
		expect(await media.imageFor(9999)).toBeUndefined();
	});

	it("finds recorded copies by storage key, and never an original", async () => {
		const record = await media.upload({ bytes: await canvas(400, 200).png().toBuffer(), originalName: "x", userId });
		const variant = record.variants[0];
		if (!variant) throw new Error("no variant");

		const file = await media.fileFor(variant.storageKey);
		expect(file).toMatchObject({
			absolutePath: path.join(mediaRoot(), variant.storageKey),
			contentType: "image/webp",
			bytes: variant.bytes,
		});
		expect(file?.etag).toMatch(/^"[0-9a-f]{16}"$/);
		expect(await media.fileFor(record.storageKey)).toBeUndefined();
		expect(await media.fileFor(variant.storageKey.replace(/-[0-9a-f]{16}\./, "-0000000000000000."))).toBeUndefined();
		expect(await media.fileFor("../dateline.sqlite")).toBeUndefined();
	});
});
