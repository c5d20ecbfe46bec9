import { createHash } from "node:crypto";
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import { AppError } from "../../errors.js";
import {
	assertUploadSize,
	buildImageModel,
	cleanMediaText,
	cleanOriginalName,
	compareVariants,
	IMAGE_TYPES,
	type ImageModel,
	type MediaRecord,
	type MediaVariant,
	originalStorageKey,
	parseStorageKey,
	requireImageType,
	type VariantFormat,
	variantStorageKey,
} from "./media.js";
import { probeImage, renderVariants } from "./media-processing.js";
import { MediaRepository, type MediaRow, type MediaVariantRow } from "./media-repository.js";
import { MediaStorage } from "./media-storage.js";

export interface MediaServiceDeps {
	db: Db;
	clock: Clock;
	dataDir: string;
	maxUploadBytes: number;
}

export interface UploadInput {
	bytes: Buffer;
	/** The client's file name: kept as a label, never used to decide the type or the path. */
	originalName: string;
	/** The uploading newsroom user; null for imports and the CLI. */
	userId: number | null;
	alt?: string;
	caption?: string;
	credit?: string;
}

export interface MediaTextInput {
	alt?: string;
	caption?: string;
	credit?: string;
}

/** A stored copy ready to be sent: where it is and the headers that describe it. */
export interface MediaFile {
	absolutePath: string;
	contentType: string;
	bytes: number;
	/** A strong validator; the file behind a key never changes. */
	etag: string;
}

const MAX_PAGE = 100;

function toVariant(row: MediaVariantRow): MediaVariant {
	return {
		format: row.format as VariantFormat,
		width: row.width,
		height: row.height,
		bytes: row.bytes,
		storageKey: row.storage_key,
	};
}

/** A media row and its variant rows as a record. */
export function toRecord(row: MediaRow, variants: readonly MediaVariantRow[]): MediaRecord {
	return {
		id: row.id,
		remoteUrl: row.remote_url,
		sha256: row.sha256,
		mime: row.mime,
		width: row.width,
		height: row.height,
		bytes: row.bytes,
		storageKey: row.storage_key,
		originalName: row.original_name,
		alt: row.alt,
		caption: row.caption,
		credit: row.credit,
		createdAt: row.created_at,
		createdBy: row.created_by,
		variants: variants.map(toVariant).sort(compareVariants),
	};
}

/**
 * Uploaded images: checked by signature, stored once per sha256, resized to
 * WebP plus a JPEG or PNG fallback with every bit of metadata stripped, and
 * described by alt text, caption and credit. See README.md for the layout.
 */
export class MediaService {
	private readonly media: MediaRepository;
	private readonly storage: MediaStorage;

	constructor(private readonly deps: MediaServiceDeps) {
		this.media = new MediaRepository(deps.db);
		this.storage = new MediaStorage(deps.dataDir);
	}

	/**
	 * Stores an image and its resized copies, or returns the stored record when
	 * the same bytes were uploaded before (its texts are left as they were).
	 * Over the limit is ERR_MEDIA_TOO_LARGE (413); not JPEG, PNG, WebP or AVIF
	 * by its bytes is ERR_MEDIA_TYPE (415); undecodable is ERR_VALIDATION (400).
	 */
	async upload(input: UploadInput): Promise<MediaRecord> {
		assertUploadSize(input.bytes.length, this.deps.maxUploadBytes);
		const type = requireImageType(input.bytes);
		const texts = {
			alt: cleanMediaText("alt", input.alt ?? ""),
			caption: cleanMediaText("caption", input.caption ?? ""),
			credit: cleanMediaText("credit", input.credit ?? ""),
		};
		const sha256 = createHash("sha256").update(input.bytes).digest("hex");
		const existing = await this.media.findBySha256(sha256);
		if (existing) return this.withVariants(existing);

		const image = await probeImage(input.bytes, type);
		const rendered = await renderVariants(input.bytes, image);
		const originalKey = originalStorageKey(sha256, type);
		const variants = rendered.map((variant) => ({
			...variant,
			storageKey: variantStorageKey({ sha256, ...variant }),
		}));

		// Files first, rows last: a file without a row is never served, a row without a file would be.
		const written: string[] = [];
		try {
			await this.storage.write(originalKey, input.bytes);
			written.push(originalKey);
			for (const variant of variants) {
				await this.storage.write(variant.storageKey, variant.data);
				written.push(variant.storageKey);
			}
			const id = await this.deps.db.transaction().execute(async (trx) => {
				const mediaId = await this.media.insert(
					{
						sha256,
						mime: IMAGE_TYPES[type].mime,
						width: image.width,
						height: image.height,
						bytes: input.bytes.length,
						storage_key: originalKey,
						original_name: cleanOriginalName(input.originalName),
						...texts,
						created_at: this.deps.clock.now().toISOString(),
						created_by: input.userId,
					},
					trx,
				);
				await this.media.insertVariants(
					variants.map((variant) => ({
						media_id: mediaId,
						format: variant.format,
						width: variant.width,
						height: variant.height,
						bytes: variant.data.length,
						storage_key: variant.storageKey,
					})),
					trx,
				);
				return mediaId;
			});
			return await this.require(id);
		} catch (error) {
			// The same bytes uploaded at the same moment: the other upload's row won the unique sha256.
			const winner = await this.media.findBySha256(sha256);
			if (winner) {
				const record = await this.withVariants(winner);
				const kept = new Set([record.storageKey, ...record.variants.map((variant) => variant.storageKey)]);
				await Promise.all(written.filter((key) => !kept.has(key)).map((key) => this.storage.remove(key)));
				return record;
			}
			await Promise.all(written.map((key) => this.storage.remove(key)));
			throw error;
		}
	}

	/** Changes the given texts; ERR_MEDIA_NOT_FOUND for an unknown id, ERR_VALIDATION for a text over its limit. */
	async update(id: number, input: MediaTextInput): Promise<MediaRecord> {
		const values: { alt?: string; caption?: string; credit?: string } = {};
		if (input.alt !== undefined) values.alt = cleanMediaText("alt", input.alt);
		if (input.caption !== undefined) values.caption = cleanMediaText("caption", input.caption);
		if (input.credit !== undefined) values.credit = cleanMediaText("credit", input.credit);
		await this.require(id);
		if (Object.keys(values).length > 0) await this.media.update(id, values);
		return this.require(id);
	}

	async get(id: number): Promise<MediaRecord | undefined> {
		const row = await this.media.findById(id);
		return row ? this.withVariants(row) : undefined;
	}

	/** Newest first; `limit` is held to 1–100. */
	async list(page: { limit: number; offset: number }): Promise<{ items: MediaRecord[]; total: number }> {
		const limit = Math.min(Math.max(Math.trunc(page.limit), 1), MAX_PAGE);
		const offset = Math.max(Math.trunc(page.offset), 0);
		const rows = await this.media.list({ limit, offset });
		return { items: await this.withAllVariants(rows), total: await this.media.count() };
	}

	/** The view model of one image, or undefined when there is no such image. */
	async imageFor(id: number, options: { sizes?: string } = {}): Promise<ImageModel | undefined> {
		return (await this.imagesFor([id], options)).get(id);
	}

	/** View models by id, in two queries; unknown ids are left out. */
	async imagesFor(ids: readonly number[], options: { sizes?: string } = {}): Promise<Map<number, ImageModel>> {
		const records = await this.withAllVariants(await this.media.findByIds([...new Set(ids)]));
		const images = new Map<number, ImageModel>();
		for (const record of records) {
			const image = buildImageModel(record, options);
			if (image) images.set(record.id, image);
		}
		return images;
	}

	/**
	 * The stored copy at a public storage key, or undefined. Only keys of the
	 * form Dateline makes, and only those recorded as a variant, are answered:
	 * originals keep their EXIF (GPS included) and are never served.
	 */
	async fileFor(storageKey: string): Promise<MediaFile | undefined> {
		const parts = parseStorageKey(storageKey);
		if (parts?.kind !== "variant") return undefined;
		const media = await this.media.findBySha256(parts.sha256);
		if (!media) return undefined;
		const variant = await this.media.findVariant(media.id, storageKey);
		const absolutePath = this.storage.resolve(storageKey);
		if (!variant || !absolutePath) return undefined;
		return {
			absolutePath,
			contentType: IMAGE_TYPES[parts.type].mime,
			bytes: variant.bytes,
			etag: `"${parts.contentHash}"`,
		};
	}

	private async require(id: number): Promise<MediaRecord> {
		const record = await this.get(id);
		if (!record) throw new AppError("ERR_MEDIA_NOT_FOUND", `There is no image ${id}.`);
		return record;
	}

	private async withVariants(row: MediaRow): Promise<MediaRecord> {
		return toRecord(row, await this.media.variantsFor([row.id]));
	}

	private async withAllVariants(rows: readonly MediaRow[]): Promise<MediaRecord[]> {
		const byMedia = new Map<number, MediaVariantRow[]>();
		for (const variant of await this.media.variantsFor(rows.map((row) => row.id))) {
			const list = byMedia.get(variant.media_id) ?? [];
			list.push(variant);
			byMedia.set(variant.media_id, list);
		}
		return rows.map((row) => toRecord(row, byMedia.get(row.id) ?? []));
	}
}
