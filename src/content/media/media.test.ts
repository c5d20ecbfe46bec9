import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { isAppError } from "../../errors.js";
import {
	assertUploadSize,
	buildImageModel,
	cleanMediaText,
	cleanOriginalName,
	DEFAULT_SIZES,
	detectImageType,
	formatMegabytes,
	type MediaVariant,
	originalStorageKey,
	parseStorageKey,
	requireImageType,
	variantStorageKey,
	variantWidths,
} from "./media.js";

const SHA = "ab".repeat(32);

function thrown(run: () => unknown): { code: string; message: string } {
	try {
		run();
	} catch (error) {
		if (isAppError(error)) return { code: error.code, message: error.message };
		throw error;
	}
	return { code: "no error", message: "" };
}

const tiny = () => sharp({ create: { width: 4, height: 3, channels: 3, background: "#08f" } });

describe("detectImageType", () => {
	it("knows each accepted type by its first bytes", async () => {
		expect(detectImageType(await tiny().jpeg().toBuffer())).toBe("jpeg");
		expect(detectImageType(await tiny().png().toBuffer())).toBe("png");
		expect(detectImageType(await tiny().webp().toBuffer())).toBe("webp");
		expect(detectImageType(await tiny().avif().toBuffer())).toBe("avif");
	});

	it("finds AVIF by a compatible brand when the major brand is another", () => {
		const ftyp = Buffer.concat([
			Buffer.from([0, 0, 0, 28]),
			Buffer.from("ftypmif1\0\0\0\0mif1miafavif", "latin1"),
			Buffer.alloc(8),
		]);
		expect(detectImageType(ftyp)).toBe("avif");
	});

	it("refuses HEIC, GIF, SVG, text, truncated signatures and nothing at all", () => {
		const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1")]);
		const samples = [
			heic,
			Buffer.from("GIF89a\x01\0\x01\0", "latin1"),
			Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
			Buffer.from("This is not a picture, whatever its name says."),
			Buffer.from([0xff, 0xd8]),
			Buffer.from("RIFF\0\0\0\0WAVE", "latin1"),
			Buffer.alloc(0),
		];
		for (const sample of samples) expect(detectImageType(sample)).toBeUndefined();
	});

	it("answers 415 naming the accepted types, and says when the file is empty", () => {
		const text = thrown(() => requireImageType(Buffer.from("hello")));
		expect(text.code).toBe("ERR_MEDIA_TYPE");
		expect(text.message).toContain("JPEG, PNG, WebP and AVIF");
		expect(thrown(() => requireImageType(Buffer.alloc(0))).message).toContain("empty");
	});
});

describe("upload size", () => {
	it("states sizes in megabytes", () => {
		expect(formatMegabytes(20 * 1024 * 1024)).toBe("20 MB");
		expect(formatMegabytes(1.5 * 1024 * 1024)).toBe("1.5 MB");
		expect(formatMegabytes(300 * 1024)).toBe("0.29 MB");
		expect(formatMegabytes(2048)).toBe("2 KB");
	});

	it("refuses a file over the limit with 413 and the limit in the message", () => {
		const limit = 20 * 1024 * 1024;
		expect(() => assertUploadSize(limit, limit)).not.toThrow();
		const error = thrown(() => assertUploadSize(limit + 1, limit));
		expect(error.code).toBe("ERR_MEDIA_TOO_LARGE");
		expect(error.message).toContain("The limit is 20 MB");
	});
});

describe("variantWidths", () => {
	it("uses every standard width for a large image", () => {
		expect(variantWidths(4000)).toEqual([320, 640, 960, 1280, 1920]);
		expect(variantWidths(1920)).toEqual([320, 640, 960, 1280, 1920]);
	});

	it("never enlarges: the original width closes the list", () => {
		expect(variantWidths(1000)).toEqual([320, 640, 960, 1000]);
		expect(variantWidths(640)).toEqual([320, 640]);
		expect(variantWidths(200)).toEqual([200]);
		expect(variantWidths(1)).toEqual([1]);
	});
});

describe("storage keys", () => {
	it("round-trips the keys Dateline makes", () => {
		expect(originalStorageKey(SHA, "jpeg")).toBe(`originals/ab/${SHA}.jpg`);
		expect(parseStorageKey(originalStorageKey(SHA, "avif"))).toEqual({ kind: "original", sha256: SHA, type: "avif" });
		const key = variantStorageKey({ sha256: SHA, width: 640, format: "webp", contentHash: "0123456789abcdef" });
		expect(key).toBe(`variants/ab/${SHA}/640w-0123456789abcdef.webp`);
		expect(parseStorageKey(key)).toEqual({
			kind: "variant",
			sha256: SHA,
			type: "webp",
			width: 640,
			contentHash: "0123456789abcdef",
		});
	});

	it("refuses anything else: traversal, encodings, absolute paths, NUL, case, wrong prefix", () => {
		const hostile = [
			"",
			"../dateline.sqlite",
			`variants/ab/${SHA}/../../../dateline.sqlite`,
			`variants/ab/${SHA}/%2e%2e/640w-0123456789abcdef.webp`,
			`/etc/passwd`,
			`originals/ab/${SHA}.jpg\0.webp`,
			`originals\\ab\\${SHA}.jpg`,
			`originals/AB/${SHA.toUpperCase()}.jpg`,
			`originals/cd/${SHA}.jpg`,
			`originals/ab/${SHA}.gif`,
			`variants/ab/${SHA}/0640w-0123456789abcdef.webp`,
			`variants/ab/${SHA}/640w-0123456789abcdef.avif`,
			`variants/ab/${SHA}/640w-0123456789abcdef.webp.tmp`,
			`./originals/ab/${SHA}.jpg`,
		];
		for (const key of hostile) expect(parseStorageKey(key), key).toBeUndefined();
	});
});

describe("buildImageModel", () => {
	const variant = (format: MediaVariant["format"], width: number): MediaVariant => ({
		format,
		width,
		height: width / 2,
		bytes: 100,
		storageKey: `variants/ab/${SHA}/${width}w-0123456789abcdef.${format === "jpeg" ? "jpg" : format}`,
	});
	const texts = { alt: "Flooded road", caption: "The road to Jalalabad.", credit: "AT News" };

	it("gives WebP and fallback srcsets, sizes, and a 960-wide src with its dimensions", () => {
		const widths = [1920, 320, 960, 640, 1280];
		const model = buildImageModel({
			...texts,
			variants: widths.flatMap((width) => [variant("jpeg", width), variant("webp", width)]),
		});
		expect(model).toEqual({
			src: `/media/variants/ab/${SHA}/960w-0123456789abcdef.jpg`,
			srcset: [320, 640, 960, 1280, 1920]
				.map((width) => `/media/variants/ab/${SHA}/${width}w-0123456789abcdef.webp ${width}w`)
				.join(", "),
			fallbackSrcset: [320, 640, 960, 1280, 1920]
				.map((width) => `/media/variants/ab/${SHA}/${width}w-0123456789abcdef.jpg ${width}w`)
				.join(", "),
			sizes: DEFAULT_SIZES,
			width: 960,
			height: 480,
			...texts,
		});
	});

	it("uses the largest copy under 960 wide, or the smallest, and takes other sizes", () => {
		const small = buildImageModel({ ...texts, variants: [variant("png", 200), variant("webp", 200)] });
		expect(small?.src).toContain("200w-");
		const wide = buildImageModel({ ...texts, variants: [variant("png", 1280)] }, { sizes: "100vw" });
		expect(wide).toMatchObject({ width: 1280, srcset: "", sizes: "100vw" });
	});

	it("has nothing to show without a fallback copy", () => {
		expect(buildImageModel({ ...texts, variants: [variant("webp", 320)] })).toBeUndefined();
	});
});

describe("texts", () => {
	it("trims, and refuses text over its limit naming the field", () => {
		expect(cleanMediaText("alt", "  A flooded road  ")).toBe("A flooded road");
		const error = thrown(() => cleanMediaText("credit", "x".repeat(301)));
		expect(error.code).toBe("ERR_VALIDATION");
		expect(error.message).toContain("The credit may be at most 300 characters");
	});

	it("keeps only the base name of an uploaded file, without control characters", () => {
		expect(cleanOriginalName("C:\\Users\\farida\\flood.jpg")).toBe("flood.jpg");
		expect(cleanOriginalName("../../etc/pass\u0000wd\n")).toBe("passwd");
	});
});
