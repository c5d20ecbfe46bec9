import { hash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** One stored response: the body in three encodings and the headers for each, computed once when stored. */
export interface CachedPage {
	contentType: string;
	etag: string;
	keys: readonly string[];
	/** Headers of its own that every answer from the cache carries (the API's CORS header). */
	headers: Readonly<Record<string, string>>;
	identity: Buffer;
	gzip: Buffer;
	br: Buffer;
	/** Memory the entry holds, for the byte bound. */
	bytes: number;
}

/** A strong validator for a body. */
export function strongEtag(body: Buffer | string): string {
	return `"${hash("sha256", body, "base64url").slice(0, 27)}"`;
}

/** Builds a cache entry: compresses once, so every later hit is a plain write. */
export function cachedPage(input: {
	body: string | Buffer;
	contentType: string;
	keys: readonly string[];
	headers?: Readonly<Record<string, string>>;
}): CachedPage {
	const identity = Buffer.isBuffer(input.body) ? input.body : Buffer.from(input.body);
	const gzip = gzipSync(identity, { level: 9 });
	const br = brotliCompressSync(identity, {
		params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
	});
	const keys = [...new Set(input.keys)];
	return {
		contentType: input.contentType,
		etag: strongEtag(identity),
		keys,
		headers: input.headers ?? {},
		identity,
		gzip,
		br,
		bytes: identity.length + gzip.length + br.length + 200 + keys.join(" ").length * 2,
	};
}

/**
 * Rendered pages kept in memory, bounded by total bytes, least recently used
 * out first. Each page carries surrogate keys ("article:42", "section:7",
 * "home"); `purge` drops exactly the pages carrying any of the given keys.
 */
export class PageCache {
	private readonly pages = new Map<string, CachedPage>();
	private readonly byKey = new Map<string, Set<string>>();
	private total = 0;

	constructor(private readonly maxBytes: number) {}

	get size(): number {
		return this.pages.size;
	}

	get bytes(): number {
		return this.total;
	}

	/** The page stored for a URL, marked as recently used. */
	get(url: string): CachedPage | undefined {
		const page = this.pages.get(url);
		if (page) {
			this.pages.delete(url);
			this.pages.set(url, page);
		}
		return page;
	}

	/** Stores a page; a page larger than a quarter of the budget is not kept. */
	set(url: string, page: CachedPage): void {
		this.delete(url);
		if (page.bytes > this.maxBytes / 4) return;
		this.pages.set(url, page);
		this.total += page.bytes;
		for (const key of page.keys) {
			let urls = this.byKey.get(key);
			if (!urls) {
				urls = new Set();
				this.byKey.set(key, urls);
			}
			urls.add(url);
		}
		for (const [oldest] of this.pages) {
			if (this.total <= this.maxBytes) break;
			this.delete(oldest);
		}
	}

	/** Drops every page that carries any of `keys`; returns how many were dropped. */
	purge(keys: readonly string[]): number {
		let dropped = 0;
		for (const key of keys) {
			for (const url of [...(this.byKey.get(key) ?? [])]) {
				if (this.delete(url)) dropped += 1;
			}
		}
		return dropped;
	}

	clear(): void {
		this.pages.clear();
		this.byKey.clear();
		this.total = 0;
	}

	private delete(url: string): boolean {
		const page = this.pages.get(url);
		if (!page) return false;
		this.pages.delete(url);
		this.total -= page.bytes;
		for (const key of page.keys) {
			const urls = this.byKey.get(key);
			urls?.delete(url);
			if (urls?.size === 0) this.byKey.delete(key);
		}
		return true;
	}
}
