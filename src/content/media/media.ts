import { AppError } from "../../errors.js";

/** The image types an upload may be. Anything else is refused with ERR_MEDIA_TYPE. */
export type ImageType = "jpeg" | "png" | "webp" | "avif";

/** The formats of the resized copies: WebP for every image, plus a JPEG (opaque) or PNG (with alpha) fallback. */
export type VariantFormat = "webp" | "jpeg" | "png";

export const IMAGE_TYPES = {
	jpeg: { mime: "image/jpeg", extension: "jpg", label: "JPEG" },
	png: { mime: "image/png", extension: "png", label: "PNG" },
	webp: { mime: "image/webp", extension: "webp", label: "WebP" },
	avif: { mime: "image/avif", extension: "avif", label: "AVIF" },
} as const satisfies Record<ImageType, { mime: string; extension: string; label: string }>;

/** The widths, in CSS pixels, of the resized copies. An image is never enlarged past its own width. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;

/** The `sizes` of an image in the article column (`--measure: 42rem` in the reader's stylesheet). */
export const DEFAULT_SIZES = "(min-width: 42rem) 42rem, 100vw";

/** The width the plain `src` aims at, for browsers that ignore `srcset`. */
const SRC_WIDTH = 960;

/** Images with more pixels than this are refused before decoding: a small file can decode to gigabytes. */
export const MAX_IMAGE_PIXELS = 100_000_000;

export const MEDIA_URL_PREFIX = "/media/";

/** Longest accepted text per field, in characters. */
export const MEDIA_TEXT_LIMITS = { alt: 1000, caption: 2000, credit: 300 } as const;

export type MediaTextField = keyof typeof MEDIA_TEXT_LIMITS;

/** A resized copy of an uploaded image. */
export interface MediaVariant {
	format: VariantFormat;
	width: number;
	height: number;
	bytes: number;
	storageKey: string;
}

/** An uploaded image and its resized copies. `width` and `height` are as displayed, after EXIF rotation. */
export interface MediaRecord {
	id: number;
	sha256: string;
	mime: string;
	width: number;
	height: number;
	bytes: number;
	/** The original's path under the media root; the original is kept, never served (it still has its EXIF). */
	storageKey: string;
	originalName: string;
	alt: string;
	caption: string;
	credit: string;
	createdAt: string;
	createdBy: number | null;
	/** Where an imported image that was not brought along is still served from; empty for a stored one. */
	remoteUrl: string;
	/** Smallest first, WebP before the fallback at equal widths. */
	variants: MediaVariant[];
}

/**
 * What a view needs to render an image: a `<picture>` with a WebP `<source srcset>`
 * and an `<img src srcset sizes width height alt>` over the fallback format.
 * `width` and `height` are those of `src`; their ratio is the image's.
 */
export interface ImageModel {
	src: string;
	/** WebP candidates ("url 320w, url 640w"); empty when there are none. */
	srcset: string;
	/** JPEG or PNG candidates, for browsers without WebP. */
	fallbackSrcset: string;
	sizes: string;
	width: number;
	height: number;
	alt: string;
	caption: string;
	credit: string;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff] as const;
/** How far into an ISO-BMFF `ftyp` box to look for an AVIF brand. */
const FTYP_SCAN_LIMIT = 64;

function hasBytes(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
	if (bytes.length < offset + signature.length) return false;
	return signature.every((byte, index) => bytes[offset + index] === byte);
}

function hasAscii(bytes: Uint8Array, text: string, offset: number): boolean {
	return hasBytes(
		bytes,
		Array.from(text, (char) => char.charCodeAt(0)),
		offset,
	);
}

/** An AVIF starts with an `ftyp` box whose major or a compatible brand is `avif` (still) or `avis` (sequence). */
function isAvif(bytes: Uint8Array): boolean {
	if (bytes.length < 16 || !hasAscii(bytes, "ftyp", 4)) return false;
	const boxSize = (((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)) >>> 0;
	if (boxSize < 16) return false;
	const end = Math.min(boxSize, bytes.length, FTYP_SCAN_LIMIT);
	// Brands: the major one at 8, then compatible ones from 16 (12 holds the minor version).
	for (let offset = 8; offset + 4 <= end; offset += offset === 8 ? 8 : 4) {
		if (hasAscii(bytes, "avif", offset) || hasAscii(bytes, "avis", offset)) return true;
	}
	return false;
}

/** The image type the bytes declare by their signature; the file name and client Content-Type are never consulted. */
export function detectImageType(bytes: Uint8Array): ImageType | undefined {
	if (hasBytes(bytes, JPEG_SIGNATURE)) return "jpeg";
	if (hasBytes(bytes, PNG_SIGNATURE)) return "png";
	if (hasAscii(bytes, "RIFF", 0) && hasAscii(bytes, "WEBP", 8)) return "webp";
	if (isAvif(bytes)) return "avif";
	return undefined;
}

/** Like `detectImageType`, but an unknown type is ERR_MEDIA_TYPE (415), whose message names the accepted types. */
export function requireImageType(bytes: Uint8Array): ImageType {
	const type = detectImageType(bytes);
	if (type) return type;
	throw new AppError(
		"ERR_MEDIA_TYPE",
		bytes.length === 0
			? "The file is empty."
			: "This file's contents are not one of those, whatever its name or declared type says.",
	);
}

/** A size for people: "20 MB", "1.5 MB", "0.75 MB", or "300 KB" below a hundredth of a megabyte. */
export function formatMegabytes(bytes: number): string {
	const megabytes = Number((bytes / (1024 * 1024)).toFixed(2));
	if (megabytes > 0) return `${megabytes} MB`;
	return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** ERR_MEDIA_TOO_LARGE (413), naming the limit in MB, when `size` is over `limit` bytes. */
export function assertUploadSize(size: number, limit: number): void {
	if (size <= limit) return;
	throw new AppError(
		"ERR_MEDIA_TOO_LARGE",
		`The limit is ${formatMegabytes(limit)}; this file is ${formatMegabytes(size)}.`,
	);
}

/** ERR_MEDIA_TOO_LARGE when the image would decode to more than MAX_IMAGE_PIXELS. */
export function assertPixelCount(width: number, height: number): void {
	if (width * height <= MAX_IMAGE_PIXELS) return;
	const megapixels = Math.round((width * height) / 1_000_000);
	throw new AppError(
		"ERR_MEDIA_TOO_LARGE",
		`Images may have at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels; this one has ${megapixels} (${width}×${height}).`,
	);
}

/**
 * The widths to resize an image `originalWidth` pixels wide to: each standard
 * width below it, then the original width itself when it is under the largest
 * standard one. Never wider than the original.
 */
export function variantWidths(originalWidth: number): number[] {
	const largest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] ?? originalWidth;
	const widths: number[] = VARIANT_WIDTHS.filter((width) => width < originalWidth);
	const top = Math.min(originalWidth, largest);
	if (top >= 1 && widths[widths.length - 1] !== top) widths.push(top);
	return widths;
}

/** The fallback beside WebP: PNG keeps transparency, JPEG is smaller for everything else. */
export function fallbackFormat(hasAlpha: boolean): "jpeg" | "png" {
	return hasAlpha ? "png" : "jpeg";
}

/** Where an original is kept under the media root: `originals/ab/abcd…(sha256).jpg`. */
export function originalStorageKey(sha256: string, type: ImageType): string {
	return `originals/${sha256.slice(0, 2)}/${sha256}.${IMAGE_TYPES[type].extension}`;
}

/**
 * Where a resized copy lives: `variants/ab/<sha256 of the original>/<width>w-<16 hex of its own sha256>.webp`.
 * The name changes whenever the bytes do, so it can be cached as immutable.
 */
export function variantStorageKey(parts: {
	sha256: string;
	width: number;
	format: VariantFormat;
	contentHash: string;
}): string {
	const { sha256, width, format, contentHash } = parts;
	return `variants/${sha256.slice(0, 2)}/${sha256}/${width}w-${contentHash}.${IMAGE_TYPES[format].extension}`;
}

export type StorageKeyParts =
	| { kind: "original"; sha256: string; type: ImageType }
	| { kind: "variant"; sha256: string; type: VariantFormat; width: number; contentHash: string };

const ORIGINAL_KEY = /^originals\/([0-9a-f]{2})\/([0-9a-f]{64})\.(jpg|png|webp|avif)$/;
const VARIANT_KEY = /^variants\/([0-9a-f]{2})\/([0-9a-f]{64})\/([1-9][0-9]{0,4})w-([0-9a-f]{16})\.(jpg|png|webp)$/;
const TYPE_BY_EXTENSION: Record<string, ImageType> = { jpg: "jpeg", png: "png", webp: "webp", avif: "avif" };

/**
 * The parts of a storage key Dateline could have made, or undefined. The
 * pattern admits only lowercase hex, digits and fixed words, so `..`, `%`,
 * backslashes, NUL bytes and absolute paths never get past it.
 */
export function parseStorageKey(key: string): StorageKeyParts | undefined {
	const original = ORIGINAL_KEY.exec(key);
	if (original) {
		const [, prefix, sha256, extension] = original;
		const type = TYPE_BY_EXTENSION[extension ?? ""];
		if (!sha256 || !type || sha256.slice(0, 2) !== prefix) return undefined;
		return { kind: "original", sha256, type };
	}
	const variant = VARIANT_KEY.exec(key);
	if (variant) {
		const [, prefix, sha256, width, contentHash, extension] = variant;
		const type = TYPE_BY_EXTENSION[extension ?? ""];
		if (!sha256 || !contentHash || sha256.slice(0, 2) !== prefix) return undefined;
		if (type !== "webp" && type !== "jpeg" && type !== "png") return undefined;
		return { kind: "variant", sha256, type, width: Number(width), contentHash };
	}
	return undefined;
}

/** The public address of a stored file. */
export function mediaUrl(storageKey: string): string {
	return `${MEDIA_URL_PREFIX}${storageKey}`;
}

/** Orders variants smallest first, WebP before its fallback at the same width. */
export function compareVariants(a: MediaVariant, b: MediaVariant): number {
	if (a.width !== b.width) return a.width - b.width;
	return (a.format === "webp" ? 0 : 1) - (b.format === "webp" ? 0 : 1);
}

function srcsetOf(variants: readonly MediaVariant[]): string {
	return variants.map((variant) => `${mediaUrl(variant.storageKey)} ${variant.width}w`).join(", ");
}

/**
 * The view model of an image from its records, or undefined when it has no
 * fallback copy to put in `src`. `src` is the largest fallback no wider than
 * 960 pixels (or the smallest one).
 */
export function buildImageModel(
	media: Pick<MediaRecord, "alt" | "caption" | "credit" | "variants"> &
		Partial<Pick<MediaRecord, "remoteUrl" | "width" | "height">>,
	options: { sizes?: string } = {},
): ImageModel | undefined {
	const sorted = [...media.variants].sort(compareVariants);
	const webp = sorted.filter((variant) => variant.format === "webp");
	const fallback = sorted.filter((variant) => variant.format !== "webp");
	const src = fallback.filter((variant) => variant.width <= SRC_WIDTH).at(-1) ?? fallback[0];
	if (!src) return remoteImageModel(media, options);
	return {
		src: mediaUrl(src.storageKey),
		srcset: srcsetOf(webp),
		fallbackSrcset: srcsetOf(fallback),
		sizes: options.sizes ?? DEFAULT_SIZES,
		width: src.width,
		height: src.height,
		alt: media.alt,
		caption: media.caption,
		credit: media.credit,
	};
}

/** An imported image left where it was: shown from its address, at its recorded size, without resized copies. */
function remoteImageModel(
	media: Pick<MediaRecord, "alt" | "caption" | "credit"> & Partial<Pick<MediaRecord, "remoteUrl" | "width" | "height">>,
	options: { sizes?: string },
): ImageModel | undefined {
	if (!media.remoteUrl || !media.width || !media.height) return undefined;
	return {
		src: media.remoteUrl,
		srcset: "",
		fallbackSrcset: "",
		sizes: options.sizes ?? DEFAULT_SIZES,
		width: media.width,
		height: media.height,
		alt: media.alt,
		caption: media.caption,
		credit: media.credit,
	};
}

const LABELS: Record<MediaTextField, string> = { alt: "Alt text", caption: "The caption", credit: "The credit" };

/** Trims an alt text, caption or credit; one over its limit is ERR_VALIDATION naming the field. */
export function cleanMediaText(field: MediaTextField, value: string): string {
	const text = value.trim();
	const limit = MEDIA_TEXT_LIMITS[field];
	if (text.length > limit) {
		throw new AppError("ERR_VALIDATION", `${LABELS[field]} may be at most ${limit} characters; it has ${text.length}.`);
	}
	return text;
}

/** The uploaded file's name, kept only as a label: no directories, no control characters, at most 255 characters. */
export function cleanOriginalName(name: string): string {
	const base = name.split(/[/\\]/).at(-1) ?? "";
	const printable = Array.from(base).filter((char) => {
		const code = char.codePointAt(0) ?? 0;
		return code > 0x1f && code !== 0x7f;
	});
	return printable.join("").trim().slice(0, 255);
}
