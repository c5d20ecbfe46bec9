import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join, normalize as normalizePath, sep } from "node:path";
import type { Clock } from "../../clock.js";
import { articlePath, sectionPath } from "../../content/articles/article.js";
import { ArticleRepository } from "../../content/articles/article-repository.js";
import { buildImageModel } from "../../content/media/media.js";
import { MediaRepository } from "../../content/media/media-repository.js";
import { type MediaService, toRecord } from "../../content/media/media-service.js";
import { RelatedService } from "../../content/related/related-service.js";
import { searchDocument } from "../../content/search/search.js";
import { RESERVED_SECTION_SLUGS } from "../../content/sections/section-service.js";
import { SettingsService } from "../../content/settings/settings-service.js";
import { canonicalPath, decodeEntities, slugify } from "../../content/text.js";
import { type ArticleStatus, type Db, inTransaction, type PageStatus } from "../../db/database.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import { AppError, isAppError } from "../../errors.js";
import type { StorySnapshot } from "../../newsroom/revisions/revision.js";
import { RevisionRepository } from "../../newsroom/revisions/revision-repository.js";
import { wordPressMoment } from "./wordpress-dates.js";
import { type ContentContext, convertBody, type ShortcodeImage } from "./wp-content.js";
import { readWxr, type WxrAuthor, type WxrChannel, type WxrItem, type WxrTerm } from "./wxr-reader.js";

export type ImportKind = "author" | "category" | "tag" | "attachment" | "post" | "page";

export interface ImportCounts {
	imported: number;
	updated: number;
	unchanged: number;
	skipped: number;
}

export interface ImportWarning {
	/** The WordPress item: "post 1234", "author jdoe", "category news". */
	item: string;
	message: string;
}

export interface ImportReport {
	source: string;
	dryRun: boolean;
	counts: Record<ImportKind, ImportCounts>;
	/** Items of types Dateline does not import (menu items, templates…), by type. */
	ignoredTypes: Record<string, number>;
	/** Shortcodes left in the text as they were, by name, with how often. */
	unknownShortcodes: Record<string, number>;
	comments: number;
	redirects: number;
	warnings: ImportWarning[];
}

export type ImportPhase = "reading" | "people and sections" | "media" | "stories" | "related";

export interface WordPressImportOptions {
	file: string;
	/** A copy of the old site's `wp-content/uploads`; without it, images stay where they were and are linked. */
	uploadsDir?: string;
	/** Read and convert everything, write nothing, and report what an import would do. */
	dryRun?: boolean;
	/** Stories and pages per transaction. */
	batchSize?: number;
	onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

export interface WordPressImportDeps {
	db: Db;
	adapter: DialectAdapter;
	clock: Clock;
	timeZone: string;
	media: MediaService;
}

/** Sections nest at most this deep, as the reader's addresses allow. */
const MAX_SECTION_DEPTH = 3;
const DEFAULT_BATCH = 250;

/** WordPress post statuses and what they become; private posts were never public and stay so. */
const ARTICLE_STATUS: Record<string, ArticleStatus | undefined> = {
	publish: "published",
	future: "scheduled",
	draft: "draft",
	pending: "submitted",
	private: "unpublished",
};
const PAGE_STATUS: Record<string, PageStatus | undefined> = {
	publish: "published",
	draft: "draft",
	pending: "draft",
	future: "draft",
	private: "unpublished",
};
const FEATURED_LIMIT = 4;
/**
 * Set in the transaction of every batch that changes a story, cleared once
 * "Check Also" is recomputed: a run killed in between leaves it, and the next
 * run recomputes every list even if it finds nothing new to import.
 */
const RELATED_PENDING_KEY = "import_related_pending";

interface AttachmentInfo {
	postId: string;
	url: string;
	title: string;
	caption: string;
	alt: string;
	description: string;
	parent: string;
	menuOrder: number;
	width: number;
	height: number;
	checksum: string;
}

interface PageInfo {
	name: string;
	parent: string;
}

/** What the first pass learns: the site, its people and terms, and the attachments and page tree posts refer to. */
interface Scan {
	channel: WxrChannel;
	authors: WxrAuthor[];
	terms: WxrTerm[];
	attachments: Map<string, AttachmentInfo>;
	pages: Map<string, PageInfo>;
	items: number;
}

/** "Sticky Post", "<em>markup</em> &amp; more" → plain text. */
export function plainTitle(html: string): string {
	return decodeEntities(html.replace(/<[^>]*>/g, ""))
		.replace(/\s+/g, " ")
		.trim();
}

/** A WordPress slug may be percent-encoded UTF-8 ("%d0%bf%d1%80…"). */
function decodeSlug(slug: string): string {
	try {
		return decodeURIComponent(slug);
	} catch {
		return slug;
	}
}

/** `width` and `height` from `_wp_attachment_metadata`, which is PHP-serialized. */
function attachmentSize(meta: string | undefined): { width: number; height: number } {
	const width = /s:5:"width";i:(\d+);/.exec(meta ?? "")?.[1];
	const height = /s:6:"height";i:(\d+);/.exec(meta ?? "")?.[1];
	return { width: Number(width ?? 0), height: Number(height ?? 0) };
}

function hashOf(value: unknown): string {
	return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

function itemChecksum(item: WxrItem): string {
	return hashOf([
		item.postType,
		item.title,
		item.content,
		item.excerpt,
		item.postName,
		item.status,
		item.password !== "",
		item.isSticky,
		item.postDate,
		item.postDateGmt,
		item.postModified,
		item.postModifiedGmt,
		item.postParent,
		item.menuOrder,
		item.creator,
		item.terms,
		item.meta.get("_thumbnail_id") ?? "",
	]);
}

/**
 * The terms of one taxonomy, once per slug: WXR 1.2 lists a category both as
 * `wp:category` and as `wp:term`, and the first is kept.
 */
function termsOf(terms: readonly WxrTerm[], taxonomy: string): WxrTerm[] {
	const bySlug = new Map<string, WxrTerm>();
	for (const term of terms) if (term.taxonomy === taxonomy && !bySlug.has(term.slug)) bySlug.set(term.slug, term);
	return [...bySlug.values()];
}

function emptyCounts(): ImportCounts {
	return { imported: 0, updated: 0, unchanged: 0, skipped: 0 };
}

/** Thrown to roll a dry run's transaction back once its report is made. */
class DryRunRollback extends Error {}

/**
 * Imports a WordPress export (WXR 1.0–1.2). The file is read twice, as a
 * stream: first for people, terms, attachments and the page tree, then for
 * posts and pages, written in batches, each batch one transaction together
 * with the import keys that make a re-run skip what is done. A broken item is
 * reported and skipped; malformed XML stops the run with line and column,
 * leaving the finished batches in place for a re-run to continue from.
 */
export class WordPressImport {
	private readonly report: ImportReport;
	private source = "";
	private scan: Scan | undefined;
	/** WordPress author login → Dateline person id. */
	private readonly people = new Map<string, number>();
	/** Category slug → section id and path. */
	private readonly sections = new Map<string, { id: number; path: string }>();
	/** Tag slug → Dateline tag id. */
	private readonly tags = new Map<string, number>();
	/** Attachment post ID → Dateline media id and the address its image is shown at. */
	private readonly media = new Map<string, { id: number; src: string }>();
	/** Old upload URL (without size suffix) → the imported copy's address. */
	private readonly uploadUrls = new Map<string, string>();
	private readonly changedArticles: number[] = [];
	/** An earlier run changed stories and stopped before recomputing "Check Also". */
	private relatedPendingBefore = false;
	private readonly stickyArticles: { id: number; publishedAt: string }[] = [];
	private fallbackSectionId: number | undefined;
	private language = "en";
	private readonly articles: ArticleRepository;
	private readonly revisions: RevisionRepository;
	private readonly mediaRows: MediaRepository;

	constructor(
		private readonly deps: WordPressImportDeps,
		private readonly options: WordPressImportOptions,
	) {
		this.articles = new ArticleRepository(deps.db, deps.adapter);
		this.revisions = new RevisionRepository(deps.db);
		this.mediaRows = new MediaRepository(deps.db);
		this.report = {
			source: "",
			dryRun: options.dryRun === true,
			counts: {
				author: emptyCounts(),
				category: emptyCounts(),
				tag: emptyCounts(),
				attachment: emptyCounts(),
				post: emptyCounts(),
				page: emptyCounts(),
			},
			ignoredTypes: {},
			unknownShortcodes: {},
			comments: 0,
			redirects: 0,
			warnings: [],
		};
	}

	async run(): Promise<ImportReport> {
		const scan = await this.firstPass();
		this.scan = scan;
		this.source = `wordpress:${(scan.channel.baseBlogUrl || scan.channel.link).replace(/\/+$/, "")}`;
		this.report.source = this.source;
		this.language = (await new SettingsService(this.deps.db).site()).language;

		if (!this.options.dryRun) {
			await this.importAll(this.deps.db);
			return this.report;
		}
		try {
			await this.deps.db.transaction().execute(async (trx) => {
				await this.importAll(trx);
				throw new DryRunRollback();
			});
		} catch (error) {
			if (!(error instanceof DryRunRollback)) throw error;
		}
		return this.report;
	}

	private async importAll(db: Db): Promise<void> {
		const scan = this.requireScan();
		this.relatedPendingBefore = await this.relatedPending(db);
		this.progress("people and sections", 0, 1);
		await inTransaction(db, async (trx) => {
			await this.importAuthors(scan.authors, trx);
			await this.importCategories(termsOf(scan.terms, "category"), trx);
			await this.importTags(termsOf(scan.terms, "post_tag"), trx);
		});
		this.progress("people and sections", 1, 1);
		await this.importAttachments(db);
		await this.secondPass(db);
		await this.featureStickyPosts(db);
		await this.relate(db);
	}

	private requireScan(): Scan {
		if (!this.scan) throw new Error("The export has not been read yet.");
		return this.scan;
	}

	private progress(phase: ImportPhase, done: number, total: number): void {
		this.options.onProgress?.(phase, done, total);
	}

	private warn(item: string, message: string): void {
		this.report.warnings.push({ item, message });
	}

	// ——— First pass ———

	private async firstPass(): Promise<Scan> {
		let channel: WxrChannel | undefined;
		const authors: WxrAuthor[] = [];
		const terms: WxrTerm[] = [];
		const attachments = new Map<string, AttachmentInfo>();
		const pages = new Map<string, PageInfo>();
		let items = 0;
		this.progress("reading", 0, 1);
		for await (const record of readWxr(this.options.file)) {
			if (record.kind === "channel") channel = record.channel;
			else if (record.kind === "author") authors.push(record.author);
			else if (record.kind === "term") terms.push(record.term);
			else {
				const item = record.item;
				items += 1;
				if (item.postType === "attachment") {
					const size = attachmentSize(item.meta.get("_wp_attachment_metadata"));
					attachments.set(item.postId, {
						postId: item.postId,
						url: item.attachmentUrl || item.guid,
						title: plainTitle(item.title),
						caption: plainTitle(item.excerpt),
						alt: plainTitle(item.meta.get("_wp_attachment_image_alt") ?? ""),
						description: plainTitle(item.content),
						parent: item.postParent,
						menuOrder: item.menuOrder,
						...size,
						checksum: itemChecksum(item),
					});
				} else if (item.postType === "page") {
					pages.set(item.postId, { name: decodeSlug(item.postName), parent: item.postParent });
				}
			}
		}
		if (!channel) throw new AppError("ERR_IMPORT_NOT_WXR", "The file has no channel.");
		this.progress("reading", 1, 1);
		return { channel, authors, terms, attachments, pages, items };
	}

	// ——— Keys ———

	private async key(kind: ImportKind, sourceId: string, db: Db) {
		return db
			.selectFrom("import_keys")
			.select(["target_id", "checksum", "imported_at"])
			.where("source", "=", this.source)
			.where("kind", "=", kind)
			.where("source_id", "=", sourceId)
			.executeTakeFirst();
	}

	private async setKey(kind: ImportKind, sourceId: string, targetId: number, checksum: string, db: Db) {
		const importedAt = this.deps.clock.now().toISOString();
		await db
			.insertInto("import_keys")
			.values({
				source: this.source,
				kind,
				source_id: sourceId,
				target_id: targetId,
				checksum,
				imported_at: importedAt,
			})
			.onConflict((oc) =>
				oc
					.columns(["source", "kind", "source_id"])
					.doUpdateSet({ target_id: targetId, checksum, imported_at: importedAt }),
			)
			.execute();
	}

	// ——— People, sections, tags ———

	private async importAuthors(authors: readonly WxrAuthor[], db: Db): Promise<void> {
		const now = this.deps.clock.now().toISOString();
		for (const author of authors) {
			const counts = this.report.counts.author;
			if (!author.login) {
				counts.skipped += 1;
				this.warn("author (no login)", "An author without a login was skipped.");
				continue;
			}
			const name = author.displayName || [author.firstName, author.lastName].filter(Boolean).join(" ") || author.login;
			const checksum = hashOf([name, author.email]);
			const known = await this.key("author", author.login, db);
			if (known) {
				this.people.set(author.login, known.target_id);
				if (known.checksum === checksum) counts.unchanged += 1;
				else {
					await db.updateTable("people").set({ name }).where("id", "=", known.target_id).execute();
					await this.setKey("author", author.login, known.target_id, checksum, db);
					counts.updated += 1;
				}
				continue;
			}
			const slug = await this.freeSlug("people", slugify(author.login) || slugify(name) || "author", db);
			const person = await db
				.insertInto("people")
				.values({ slug, name, job_title: "", bio: "", created_at: now })
				.returning("id")
				.executeTakeFirstOrThrow();
			this.people.set(author.login, person.id);
			await this.setKey("author", author.login, person.id, checksum, db);
			counts.imported += 1;
			await this.addUser(author, name, person.id, db);
		}
	}

	/** A newsroom account for an imported author: no password, so it must be set before the first login. */
	private async addUser(author: WxrAuthor, name: string, personId: number, db: Db): Promise<void> {
		const email = author.email.trim().toLowerCase();
		if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
			this.warn(`author ${author.login}`, "No usable email address; a byline was made but no newsroom account.");
			return;
		}
		const existing = await db
			.selectFrom("users")
			.select(["id", "person_id"])
			.where("email", "=", email)
			.executeTakeFirst();
		if (existing) {
			if (existing.person_id === null)
				await db.updateTable("users").set({ person_id: personId }).where("id", "=", existing.id).execute();
			return;
		}
		await db
			.insertInto("users")
			.values({
				email,
				display_name: name,
				role: "author",
				password_hash: null,
				must_reset_password: 1,
				person_id: personId,
				created_at: this.deps.clock.now().toISOString(),
				disabled_at: null,
			})
			.execute();
	}

	private async freeSlug(table: "people" | "tags" | "articles", base: string, db: Db): Promise<string> {
		for (let n = 1; ; n += 1) {
			const candidate = n === 1 ? base : `${base}-${n}`;
			const taken = await db.selectFrom(table).select("id").where("slug", "=", candidate).executeTakeFirst();
			if (!taken) return candidate;
		}
	}

	/** Categories become sections, parents before children; deeper than three levels joins the nearest allowed ancestor. */
	private async importCategories(categories: readonly WxrTerm[], db: Db): Promise<void> {
		const bySlug = new Map(categories.map((category) => [category.slug, category]));
		const depthOf = (category: WxrTerm, seen = new Set<string>()): number => {
			const parent = bySlug.get(category.parentSlug);
			if (!parent || seen.has(category.slug)) return 1;
			seen.add(category.slug);
			return depthOf(parent, seen) + 1;
		};
		const ordered = [...categories].sort((a, b) => depthOf(a) - depthOf(b));
		const now = this.deps.clock.now().toISOString();
		for (const [position, category] of ordered.entries()) {
			const counts = this.report.counts.category;
			const label = `category ${category.slug}`;
			const name = plainTitle(category.name) || category.slug;
			let parent = category.parentSlug ? this.sections.get(category.parentSlug) : undefined;
			if (category.parentSlug && !parent)
				this.warn(label, `Its parent "${category.parentSlug}" is not in the export; it is made a top-level section.`);
			if (parent && parent.path.split("/").length >= MAX_SECTION_DEPTH) {
				this.warn(label, `Sections nest ${MAX_SECTION_DEPTH} deep at most; it joins /${parent.path}/ as a sibling.`);
				const grandparent = parent.path.split("/").slice(0, -1).join("/");
				parent = [...this.sections.values()].find((section) => section.path === grandparent);
			}
			const known = await this.key("category", category.slug, db);
			const checksum = hashOf([name, category.description, category.parentSlug]);
			if (known) {
				const row = await db
					.selectFrom("sections")
					.select(["id", "path"])
					.where("id", "=", known.target_id)
					.executeTakeFirst();
				if (row) {
					this.sections.set(category.slug, { id: row.id, path: row.path });
					if (known.checksum === checksum) counts.unchanged += 1;
					else {
						await db
							.updateTable("sections")
							.set({ name, description: plainTitle(category.description) })
							.where("id", "=", row.id)
							.execute();
						await this.setKey("category", category.slug, row.id, checksum, db);
						counts.updated += 1;
					}
					continue;
				}
			}
			let slug = slugify(decodeSlug(category.slug)) || slugify(name) || `category-${category.termId}`;
			if (RESERVED_SECTION_SLUGS.has(slug)) {
				this.warn(label, `"${slug}" is one of Dateline's own addresses; the section is "${slug}-section".`);
				slug = `${slug}-section`;
			}
			let path = parent ? `${parent.path}/${slug}` : slug;
			for (let n = 2; await db.selectFrom("sections").select("id").where("path", "=", path).executeTakeFirst(); n += 1)
				path = parent ? `${parent.path}/${slug}-${n}` : `${slug}-${n}`;
			const section = await db
				.insertInto("sections")
				.values({
					slug: path.split("/").at(-1) ?? slug,
					name,
					description: plainTitle(category.description),
					parent_id: parent?.id ?? null,
					path,
					position,
					created_at: now,
				})
				.returning(["id", "path"])
				.executeTakeFirstOrThrow();
			this.sections.set(category.slug, section);
			await this.setKey("category", category.slug, section.id, checksum, db);
			counts.imported += 1;
			await this.addRedirect(`/category/${this.categoryPath(category, bySlug)}/`, sectionPath(section), db);
			if (category.parentSlug) await this.addRedirect(`/category/${category.slug}/`, sectionPath(section), db);
		}
	}

	/** WordPress's category address: the slugs from the top, as it writes them. */
	private categoryPath(category: WxrTerm, bySlug: Map<string, WxrTerm>): string {
		const chain: string[] = [category.slug];
		const seen = new Set([category.slug]);
		let parent = bySlug.get(category.parentSlug);
		while (parent && !seen.has(parent.slug)) {
			chain.unshift(parent.slug);
			seen.add(parent.slug);
			parent = bySlug.get(parent.parentSlug);
		}
		return chain.join("/");
	}

	private async importTags(terms: readonly WxrTerm[], db: Db): Promise<void> {
		for (const term of terms) await this.tagFor(term.slug, term.name, db);
	}

	private async tagFor(wordpressSlug: string, rawName: string, db: Db): Promise<number | undefined> {
		const found = this.tags.get(wordpressSlug);
		if (found !== undefined) return found;
		const counts = this.report.counts.tag;
		const name = plainTitle(rawName) || decodeSlug(wordpressSlug);
		const known = await this.key("tag", wordpressSlug, db);
		if (known) {
			this.tags.set(wordpressSlug, known.target_id);
			counts.unchanged += 1;
			return known.target_id;
		}
		const slug = slugify(decodeSlug(wordpressSlug)) || slugify(name);
		if (!slug) {
			counts.skipped += 1;
			this.warn(`tag ${wordpressSlug}`, "The tag has no letters or digits to make an address from.");
			return undefined;
		}
		const existing = await db.selectFrom("tags").select("id").where("slug", "=", slug).executeTakeFirst();
		const id =
			existing?.id ?? (await db.insertInto("tags").values({ slug, name }).returning("id").executeTakeFirstOrThrow()).id;
		this.tags.set(wordpressSlug, id);
		await this.setKey("tag", wordpressSlug, id, hashOf([name]), db);
		counts.imported += 1;
		if (slug !== wordpressSlug)
			await this.addRedirect(`/tag/${wordpressSlug}/`, `/tag/${encodeURIComponent(slug)}/`, db);
		return id;
	}

	private async addRedirect(from: string, to: string, db: Db): Promise<void> {
		const fromPath = canonicalPath(from);
		if (fromPath === canonicalPath(to)) return;
		await db
			.insertInto("redirects")
			.values({ from_path: fromPath, to_path: to, created_at: this.deps.clock.now().toISOString() })
			.onConflict((oc) => oc.column("from_path").doUpdateSet({ to_path: to }))
			.execute();
		this.report.redirects += 1;
	}

	/** The path of an old address on this site, or undefined for an address elsewhere. */
	private oldPath(link: string): string | undefined {
		const scan = this.requireScan();
		try {
			const url = new URL(link);
			const base = new URL(scan.channel.baseBlogUrl || scan.channel.link);
			if (url.host !== base.host) return undefined;
			return `${url.pathname}${url.search}`;
		} catch {
			return undefined;
		}
	}

	/** `/?p=123` under the blog's own path, the address every WordPress post answers at. */
	private shortLink(query: string): string {
		const scan = this.requireScan();
		try {
			const base = new URL(scan.channel.baseBlogUrl || scan.channel.link).pathname.replace(/\/?$/, "/");
			return `${base}?${query}`;
		} catch {
			return `/?${query}`;
		}
	}

	// ——— Media ———

	/** The file under `--uploads` that an upload URL names ("…/wp-content/uploads/2008/06/a.jpg" → "2008/06/a.jpg"). */
	private localUpload(url: string): string | undefined {
		const root = this.options.uploadsDir;
		if (!root) return undefined;
		let pathname: string;
		try {
			pathname = decodeURIComponent(new URL(url).pathname);
		} catch {
			return undefined;
		}
		const match = /\/wp-content\/uploads\/(.+)$/.exec(pathname) ?? /^\/(\d{4}\/\d{2}\/.+)$/.exec(pathname);
		const relative = match?.[1];
		if (!relative) return undefined;
		const full = normalizePath(join(root, relative));
		return full.startsWith(normalizePath(root) + sep) ? full : undefined;
	}

	private async importAttachments(db: Db): Promise<void> {
		const attachments = [...this.requireScan().attachments.values()];
		let done = 0;
		this.progress("media", 0, attachments.length);
		for (const attachment of attachments) {
			try {
				await this.importAttachment(attachment, db);
			} catch (error) {
				this.report.counts.attachment.skipped += 1;
				this.warn(
					`attachment ${attachment.postId}`,
					isAppError(error) ? (error.detail ?? error.message) : String(error),
				);
			}
			done += 1;
			this.progress("media", done, attachments.length);
		}
	}

	private async importAttachment(attachment: AttachmentInfo, db: Db): Promise<void> {
		const counts = this.report.counts.attachment;
		const label = `attachment ${attachment.postId}`;
		if (!/^https?:\/\//i.test(attachment.url)) {
			counts.skipped += 1;
			this.warn(label, "It has no file address.");
			return;
		}
		const alt = attachment.alt || attachment.title;
		const known = await this.key("attachment", attachment.postId, db);
		if (known) {
			const row = await db.selectFrom("media").select("id").where("id", "=", known.target_id).executeTakeFirst();
			if (row) {
				if (known.checksum !== attachment.checksum) {
					await db.updateTable("media").set({ alt, caption: attachment.caption }).where("id", "=", row.id).execute();
					await this.setKey("attachment", attachment.postId, row.id, attachment.checksum, db);
					counts.updated += 1;
				} else counts.unchanged += 1;
				await this.rememberMedia(attachment, row.id, db);
				return;
			}
		}
		const local = this.localUpload(attachment.url);
		let mediaId: number | undefined;
		if (local && !this.options.dryRun) {
			const bytes = await readFile(local).catch(() => undefined);
			if (!bytes) this.warn(label, `${local} is not in the uploads folder; the image is linked where it was.`);
			else {
				try {
					const record = await this.deps.media.upload({
						bytes,
						originalName: attachment.url.split("/").at(-1) ?? "upload",
						userId: null,
						alt,
						caption: attachment.caption,
					});
					mediaId = record.id;
				} catch (error) {
					if (!isAppError(error)) throw error;
					this.warn(label, `${error.message} The file is linked where it was.`);
				}
			}
		}
		mediaId ??= await this.insertRemoteMedia(attachment, alt, db);
		await this.setKey("attachment", attachment.postId, mediaId, attachment.checksum, db);
		counts.imported += 1;
		await this.rememberMedia(attachment, mediaId, db);
	}

	/** A file left where it was: its row holds the URL, and pages show it from there. */
	private async insertRemoteMedia(attachment: AttachmentInfo, alt: string, db: Db): Promise<number> {
		const existing = await db
			.selectFrom("media")
			.select("id")
			.where("remote_url", "=", attachment.url)
			.executeTakeFirst();
		if (existing) return existing.id;
		const extension = /\.([a-z0-9]+)$/i.exec(new URL(attachment.url).pathname)?.[1]?.toLowerCase() ?? "";
		const mime =
			{
				jpg: "image/jpeg",
				jpeg: "image/jpeg",
				png: "image/png",
				gif: "image/gif",
				webp: "image/webp",
				avif: "image/avif",
			}[extension] ?? "application/octet-stream";
		const row = await db
			.insertInto("media")
			.values({
				// A remote file's bytes are not here; its hash is that of its address, which keeps the column unique.
				sha256: createHash("sha256").update(`remote:${attachment.url}`).digest("hex"),
				mime,
				width: attachment.width,
				height: attachment.height,
				bytes: 0,
				storage_key: "",
				original_name: attachment.url.split("/").at(-1) ?? "",
				alt: alt.slice(0, 1000),
				caption: attachment.caption.slice(0, 2000),
				credit: "",
				created_at: this.deps.clock.now().toISOString(),
				created_by: null,
				remote_url: attachment.url,
			})
			.returning("id")
			.executeTakeFirstOrThrow();
		return row.id;
	}

	private async rememberMedia(attachment: AttachmentInfo, mediaId: number, db: Db): Promise<void> {
		// Read through this run's handle: on a dry run that is the one open transaction.
		const row = await this.mediaRows.findById(mediaId, db);
		if (!row) return;
		const image = buildImageModel(toRecord(row, await this.mediaRows.variantsFor([mediaId], db)));
		const src = image?.src ?? attachment.url;
		this.media.set(attachment.postId, { id: mediaId, src });
		if (src !== attachment.url) this.uploadUrls.set(attachment.url.replace(/^https?:/i, ""), src);
	}

	private contentContext(): ContentContext {
		const scan = this.requireScan();
		const imageOf = (attachment: AttachmentInfo | undefined): ShortcodeImage | undefined => {
			if (!attachment) return undefined;
			const stored = this.media.get(attachment.postId);
			return {
				src: stored?.src ?? attachment.url,
				alt: attachment.alt || attachment.title,
				caption: attachment.caption,
			};
		};
		return {
			image: (id) => imageOf(scan.attachments.get(id)),
			attachedImages: (postId) =>
				[...scan.attachments.values()]
					.filter((attachment) => attachment.parent === postId && /\.(jpe?g|png|gif|webp|avif)$/i.test(attachment.url))
					.sort((a, b) => a.menuOrder - b.menuOrder || Number(a.postId) - Number(b.postId))
					.flatMap((attachment) => {
						const image = imageOf(attachment);
						return image ? [image] : [];
					}),
			rewriteUrl: (url) => {
				// WordPress links resized copies as name-300x200.jpg; each goes to the imported original's copy.
				const bare = url.replace(/^https?:/i, "");
				return this.uploadUrls.get(bare) ?? this.uploadUrls.get(bare.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, "$1"));
			},
		};
	}

	// ——— Second pass: posts and pages ———

	private async secondPass(db: Db): Promise<void> {
		const scan = this.requireScan();
		const batchSize = this.options.batchSize ?? DEFAULT_BATCH;
		const context = this.contentContext();
		let batch: WxrItem[] = [];
		let done = 0;
		this.progress("stories", 0, scan.items);
		const flush = async () => {
			if (batch.length === 0) return;
			const items = batch;
			batch = [];
			await inTransaction(db, async (trx) => {
				const changedBefore = this.changedArticles.length;
				for (const item of items) await this.importItem(item, context, trx);
				if (this.changedArticles.length > changedBefore) await this.markRelatedPending(trx);
			});
			done += items.length;
			this.progress("stories", done, scan.items);
		};
		for await (const record of readWxr(this.options.file)) {
			if (record.kind !== "item") continue;
			const item = record.item;
			if (item.postType === "post" || item.postType === "page") {
				batch.push(item);
				if (batch.length >= batchSize) await flush();
			} else {
				if (item.postType !== "attachment")
					this.report.ignoredTypes[item.postType || "(none)"] =
						(this.report.ignoredTypes[item.postType || "(none)"] ?? 0) + 1;
				done += 1;
			}
		}
		await flush();
		this.progress("stories", scan.items, scan.items);
	}

	private async importItem(item: WxrItem, context: ContentContext, db: Db): Promise<void> {
		const kind: ImportKind = item.postType === "page" ? "page" : "post";
		const label = `${kind} ${item.postId}`;
		const counts = this.report.counts[kind];
		this.report.comments += item.commentCount;
		if (!/^\d+$/.test(item.postId)) {
			counts.skipped += 1;
			this.warn(label, "It has no post ID.");
			return;
		}
		if (item.status === "trash" || item.status === "auto-draft" || item.status === "inherit") {
			counts.skipped += 1;
			this.warn(label, `Its status is "${item.status}"; it is not imported.`);
			return;
		}
		const checksum = itemChecksum(item);
		const known = await this.key(kind, item.postId, db);
		if (known?.checksum === checksum) {
			counts.unchanged += 1;
			return;
		}
		try {
			if (kind === "page") await this.writePage(item, context, known, checksum, db);
			else await this.writeArticle(item, context, known, checksum, db);
		} catch (error) {
			if (!isAppError(error) || error.code !== "ERR_VALIDATION") throw error;
			counts.skipped += 1;
			this.warn(label, error.detail ?? error.message);
		}
	}

	private convert(item: WxrItem, context: ContentContext) {
		const body = convertBody(item.content, item.postId, context);
		for (const name of body.unknownShortcodes)
			this.report.unknownShortcodes[name] = (this.report.unknownShortcodes[name] ?? 0) + 1;
		return body;
	}

	private headline(item: WxrItem, kind: ImportKind): string {
		const title = plainTitle(item.title);
		if (title) return title;
		this.warn(`${kind} ${item.postId}`, "It has no title; it is called by its ID until an editor names it.");
		return `Untitled ${kind} ${item.postId}`;
	}

	private async writeArticle(
		item: WxrItem,
		context: ContentContext,
		known: { target_id: number; imported_at: string } | undefined,
		checksum: string,
		db: Db,
	): Promise<void> {
		const label = `post ${item.postId}`;
		const personId = this.people.get(item.creator);
		if (personId === undefined)
			throw new AppError("ERR_VALIDATION", `Its author "${item.creator}" is not among the export's authors.`);
		const date = wordPressMoment(item.postDateGmt, item.postDate, this.deps.timeZone);
		const modified = wordPressMoment(item.postModifiedGmt, item.postModified, this.deps.timeZone);
		let status: ArticleStatus | undefined = ARTICLE_STATUS[item.status];
		if (!status) throw new AppError("ERR_VALIDATION", `Its status "${item.status}" is not one WordPress writes.`);
		if ((status === "published" || status === "scheduled") && !date)
			throw new AppError("ERR_VALIDATION", `Its date "${item.postDateGmt || item.postDate}" cannot be read.`);
		if (status === "published" && item.password) {
			status = "unpublished";
			this.warn(label, "It was password-protected; it is imported unpublished, for an editor to decide.");
		}
		const sectionSlug = item.terms.find((term) => term.domain === "category" && this.sections.has(term.slug))?.slug;
		const sectionId = sectionSlug ? this.sections.get(sectionSlug)?.id : await this.fallbackSection(db);
		if (sectionId === undefined) throw new AppError("ERR_VALIDATION", "It has no section.");
		const tagIds: number[] = [];
		for (const term of item.terms.filter((term) => term.domain === "post_tag")) {
			const id = await this.tagFor(term.slug, term.name, db);
			if (id !== undefined && !tagIds.includes(id)) tagIds.push(id);
		}
		const body = this.convert(item, context);
		const headline = this.headline(item, "post");
		const thumbnail = item.meta.get("_thumbnail_id")?.trim();
		const featuredMediaId = thumbnail ? (this.media.get(thumbnail)?.id ?? null) : null;
		if (thumbnail && featuredMediaId === null)
			this.warn(label, `Its featured image (attachment ${thumbnail}) is not in the export.`);
		const now = this.deps.clock.now().toISOString();
		const scheduledAt = status === "scheduled" && date ? date.toISOString() : null;
		const published = status === "published" || status === "unpublished";
		const fields = {
			status,
			headline,
			standfirst: plainTitle(item.excerpt),
			body_format: body.format,
			body_source: body.source,
			body_html: body.html,
			body_text: body.text,
			language: this.language,
			section_id: sectionId,
			published_at: published && date ? date.toISOString() : null,
			updated_at:
				published && date && modified && modified.getTime() - date.getTime() > 60_000 ? modified.toISOString() : null,
			scheduled_at: scheduledAt,
			modified_at: now,
			featured_media_id: featuredMediaId,
		};

		let id: number;
		let slug: string;
		let revision: number;
		const existing = known ? await this.articles.findById(known.target_id, db) : undefined;
		if (existing) {
			id = existing.id;
			slug = existing.slug;
			revision = existing.revision + 1;
			if (known && existing.modified_at > known.imported_at)
				this.warn(
					label,
					`The story was edited in the newsroom since the last import; that version is kept as revision ${existing.revision}.`,
				);
			await db
				.updateTable("articles")
				.set({ ...fields, revision })
				.where("id", "=", id)
				.execute();
			if (existing.status === "published" && status !== "published") await this.deps.adapter.removeDocument(db, id);
			this.report.counts.post.updated += 1;
		} else {
			const base = slugify(decodeSlug(item.postName)) || slugify(headline) || `post-${item.postId}`;
			slug = await this.freeSlug("articles", base, db);
			revision = 1;
			id = await this.articles.insert(
				{
					...fields,
					slug,
					dateline_place: "",
					source_line: "",
					created_at: date?.toISOString() ?? now,
					revision,
					created_by: null,
				},
				db,
			);
			this.report.counts.post.imported += 1;
		}
		await this.articles.replaceBylines(id, [personId], db);
		await this.articles.replaceTags(id, tagIds, db);
		const snapshot: StorySnapshot = {
			headline,
			slug,
			standfirst: fields.standfirst,
			datelinePlace: existing?.dateline_place ?? "",
			sourceLine: existing?.source_line ?? "",
			language: this.language,
			sectionId,
			personIds: [personId],
			tagNames: [],
			featuredMediaId,
			bodySource: body.source,
		};
		await this.revisions.insert(
			{ articleId: id, number: revision, snapshot, createdAt: now, createdBy: null, note: "Imported from WordPress" },
			db,
		);
		if (status === "published") {
			await this.deps.adapter.indexDocument(db, searchDocument({ id, headline, bodyText: body.text }));
			this.changedArticles.push(id);
			if (item.isSticky && date) this.stickyArticles.push({ id, publishedAt: date.toISOString() });
			const to = articlePath({ slug, publishedAt: date ?? new Date(now) }, this.deps.timeZone);
			const old = this.oldPath(item.link);
			if (old) await this.addRedirect(old, to, db);
			await this.addRedirect(this.shortLink(`p=${item.postId}`), to, db);
		}
		await this.setKey("post", item.postId, id, checksum, db);
	}

	/** Posts without a category go to "Uncategorized", as they did in WordPress. */
	private async fallbackSection(db: Db): Promise<number> {
		if (this.fallbackSectionId !== undefined) return this.fallbackSectionId;
		const existing = await db
			.selectFrom("sections")
			.select("id")
			.where("path", "=", "uncategorized")
			.executeTakeFirst();
		this.fallbackSectionId =
			existing?.id ??
			(
				await db
					.insertInto("sections")
					.values({
						slug: "uncategorized",
						name: "Uncategorized",
						description: "",
						parent_id: null,
						path: "uncategorized",
						position: 999,
						created_at: this.deps.clock.now().toISOString(),
					})
					.returning("id")
					.executeTakeFirstOrThrow()
			).id;
		return this.fallbackSectionId;
	}

	/** A page's path: its ancestors' slugs and its own, as WordPress addresses it. */
	private pagePath(item: WxrItem): string {
		const pages = this.requireScan().pages;
		const own = slugify(decodeSlug(item.postName)) || slugify(plainTitle(item.title)) || `page-${item.postId}`;
		const chain = [own];
		const seen = new Set([item.postId]);
		let parent = pages.get(item.postParent);
		let parentId = item.postParent;
		while (parent && !seen.has(parentId) && chain.length < 3) {
			chain.unshift(slugify(parent.name) || `page-${parentId}`);
			seen.add(parentId);
			parentId = parent.parent;
			parent = pages.get(parentId);
		}
		return chain.join("/");
	}

	private async writePage(
		item: WxrItem,
		context: ContentContext,
		known: { target_id: number } | undefined,
		checksum: string,
		db: Db,
	): Promise<void> {
		const label = `page ${item.postId}`;
		const status: PageStatus | undefined = PAGE_STATUS[item.status];
		if (!status) throw new AppError("ERR_VALIDATION", `Its status "${item.status}" is not one WordPress writes.`);
		const date = wordPressMoment(item.postDateGmt, item.postDate, this.deps.timeZone);
		const body = this.convert(item, context);
		const title = this.headline(item, "page");
		const now = this.deps.clock.now().toISOString();
		const publicStatus: PageStatus = status === "published" && item.password ? "unpublished" : status;
		if (publicStatus !== status) this.warn(label, "It was password-protected; it is imported unpublished.");
		const fields = {
			status: publicStatus,
			title,
			body_format: body.format,
			body_source: body.source,
			body_html: body.html,
			body_text: body.text,
			language: this.language,
			position: item.menuOrder,
			published_at: date?.toISOString() ?? null,
			modified_at: now,
		};
		let id: number;
		let path: string;
		const existing = known
			? await db.selectFrom("pages").select(["id", "path"]).where("id", "=", known.target_id).executeTakeFirst()
			: undefined;
		if (existing) {
			await db.updateTable("pages").set(fields).where("id", "=", existing.id).execute();
			id = existing.id;
			path = existing.path;
			this.report.counts.page.updated += 1;
		} else {
			path = await this.freePagePath(this.pagePath(item), db);
			id = (
				await db
					.insertInto("pages")
					.values({ ...fields, path, created_at: date?.toISOString() ?? now })
					.returning("id")
					.executeTakeFirstOrThrow()
			).id;
			this.report.counts.page.imported += 1;
		}
		if (publicStatus === "published") {
			const to = `/${path.split("/").map(encodeURIComponent).join("/")}/`;
			const old = this.oldPath(item.link);
			if (old) await this.addRedirect(old, to, db);
			await this.addRedirect(this.shortLink(`page_id=${item.postId}`), to, db);
		}
		await this.setKey("page", item.postId, id, checksum, db);
	}

	/** A page may not take a section's address, one of Dateline's own, or another page's. */
	private async freePagePath(wanted: string, db: Db): Promise<string> {
		const first = wanted.split("/")[0] ?? wanted;
		let base = wanted;
		if (RESERVED_SECTION_SLUGS.has(first) || /^\d{4}$/.test(first)) base = `${first}-page${wanted.slice(first.length)}`;
		for (let n = 1; ; n += 1) {
			const candidate = n === 1 ? base : `${base}-${n}`;
			const page = await db.selectFrom("pages").select("id").where("path", "=", candidate).executeTakeFirst();
			const section = await db.selectFrom("sections").select("id").where("path", "=", candidate).executeTakeFirst();
			if (!page && !section) return candidate;
		}
	}

	// ——— After the stories ———

	/** Sticky posts become the front page's featured stories, newest first, as many as it holds. */
	private async featureStickyPosts(db: Db): Promise<void> {
		if (this.stickyArticles.length === 0) return;
		const stored = await db.selectFrom("settings").select("value").where("key", "=", "front_page").executeTakeFirst();
		const current = stored
			? (JSON.parse(stored.value) as { leadId: number | null; featuredIds: number[] })
			: { leadId: null, featuredIds: [] };
		const sticky = [...this.stickyArticles]
			.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
			.map((story) => story.id);
		const featuredIds = [...new Set([...current.featuredIds, ...sticky])]
			.filter((id) => id !== current.leadId)
			.slice(0, FEATURED_LIMIT);
		const left = sticky.filter((id) => !featuredIds.includes(id));
		if (left.length > 0)
			this.warn(
				"sticky posts",
				`The front page features ${FEATURED_LIMIT} stories; ${left.length} sticky posts were not featured.`,
			);
		const value = JSON.stringify({ leadId: current.leadId, featuredIds });
		await db
			.insertInto("settings")
			.values({ key: "front_page", value })
			.onConflict((oc) => oc.column("key").doUpdateSet({ value }))
			.execute();
	}

	/**
	 * "Check Also" for what changed, or for the whole archive when an earlier
	 * run stopped before this step.
	 */
	private async relate(db: Db): Promise<void> {
		const related = new RelatedService(db, this.deps.adapter);
		const onProgress = (done: number, total: number) => this.progress("related", done, total);
		if (this.relatedPendingBefore) await related.recomputeAll(onProgress);
		else await related.refreshMany(this.changedArticles, onProgress);
		await db.deleteFrom("settings").where("key", "=", RELATED_PENDING_KEY).execute();
	}

	private async relatedPending(db: Db): Promise<boolean> {
		const row = await db.selectFrom("settings").select("key").where("key", "=", RELATED_PENDING_KEY).executeTakeFirst();
		return row !== undefined;
	}

	private async markRelatedPending(db: Db): Promise<void> {
		await db
			.insertInto("settings")
			.values({ key: RELATED_PENDING_KEY, value: "true" })
			.onConflict((oc) => oc.column("key").doNothing())
			.execute();
	}
}

/** Runs one import; see `WordPressImport`. */
export function importWordPress(deps: WordPressImportDeps, options: WordPressImportOptions): Promise<ImportReport> {
	return new WordPressImport(deps, options).run();
}
