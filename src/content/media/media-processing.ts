import { createHash } from "node:crypto";
import sharp, { type Metadata, type OutputInfo, type Sharp, type SharpOptions } from "sharp";
import { AppError } from "../../errors.js";
import {
	assertPixelCount,
	fallbackFormat,
	IMAGE_TYPES,
	type ImageType,
	MAX_IMAGE_PIXELS,
	type VariantFormat,
	variantWidths,
} from "./media.js";

/** An upload's dimensions as displayed (after EXIF rotation), read from its header without decoding it. */
export interface ProbedImage {
	type: ImageType;
	width: number;
	height: number;
	hasAlpha: boolean;
}

/** An encoded copy, not yet stored. */
export interface RenderedVariant {
	format: VariantFormat;
	width: number;
	height: number;
	data: Buffer;
	/** The first 16 hex digits of the copy's own sha256; part of its file name. */
	contentHash: string;
}

/** What libvips calls each accepted type (AVIF is HEIF with AV1 compression). */
const DECODER: Record<ImageType, Metadata["format"]> = { jpeg: "jpeg", png: "png", webp: "webp", avif: "heif" };

/**
 * Abort on any decoding error, but not on mere warnings: many cameras write
 * JPEGs that libjpeg warns about and that display fine everywhere.
 */
const INPUT: SharpOptions = { failOn: "error", limitInputPixels: MAX_IMAGE_PIXELS };

function unreadable(type: ImageType, cause: unknown): AppError {
	return new AppError(
		"ERR_VALIDATION",
		`The file starts like a ${IMAGE_TYPES[type].label} image but cannot be decoded: it may be damaged or cut short.`,
		{ cause },
	);
}

/**
 * Reads the header of an upload whose signature said `type`. A header that
 * libvips cannot read is ERR_VALIDATION; one of another format (a polyglot,
 * or HEIC dressed as AVIF) is ERR_MEDIA_TYPE; too many pixels is ERR_MEDIA_TOO_LARGE.
 */
export async function probeImage(bytes: Buffer, type: ImageType): Promise<ProbedImage> {
	let metadata: Metadata;
	try {
		metadata = await sharp(bytes, { ...INPUT, limitInputPixels: false }).metadata();
	} catch (error) {
		throw unreadable(type, error);
	}
	if (metadata.format !== DECODER[type] || (type === "avif" && metadata.compression !== "av1")) {
		throw new AppError("ERR_MEDIA_TYPE", `The file starts like a ${IMAGE_TYPES[type].label} image but is not one.`);
	}
	const { width, height } = metadata.autoOrient;
	assertPixelCount(width, height);
	return { type, width, height, hasAlpha: metadata.hasAlpha };
}

function encode(image: Sharp, format: VariantFormat): Sharp {
	switch (format) {
		case "webp":
			return image.webp({ quality: 80 });
		case "jpeg":
			return image.jpeg({ quality: 82, mozjpeg: true });
		case "png":
			return image.png();
	}
}

/**
 * Resizes an upload to each of its variant widths, upright by its EXIF
 * orientation, and encodes each as WebP and as the fallback format. The
 * copies are encoded from raw pixels, so no metadata (EXIF, GPS, XMP, IPTC,
 * comments) can reach them.
 */
export async function renderVariants(bytes: Buffer, image: ProbedImage): Promise<RenderedVariant[]> {
	const formats: VariantFormat[] = ["webp", fallbackFormat(image.hasAlpha)];
	const rendered: RenderedVariant[] = [];
	for (const width of variantWidths(image.width)) {
		let pixels: { data: Buffer; info: OutputInfo };
		try {
			pixels = await sharp(bytes, { ...INPUT, autoOrient: true })
				.resize({ width, withoutEnlargement: true })
				.raw()
				.toBuffer({ resolveWithObject: true });
		} catch (error) {
			throw unreadable(image.type, error);
		}
		const raw = { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels };
		for (const format of formats) {
			const data = await encode(sharp(pixels.data, { raw }), format).toBuffer();
			rendered.push({
				format,
				width: raw.width,
				height: raw.height,
				data,
				contentHash: createHash("sha256").update(data).digest("hex").slice(0, 16),
			});
		}
	}
	return rendered;
}
