import type { Generated, Kysely } from "kysely";

/** Timestamps are stored as ISO 8601 UTC strings ("2026-11-27T15:39:25.000Z"), which sort as text on every dialect. */
export type Timestamp = string;

export interface SectionTable {
	id: Generated<number>;
	slug: string;
	name: string;
	description: string;
	parent_id: number | null;
	path: string;
	position: number;
	created_at: Timestamp;
}

export interface PersonTable {
	id: Generated<number>;
	slug: string;
	name: string;
	job_title: string;
	bio: string;
	created_at: Timestamp;
}

export interface TagTable {
	id: Generated<number>;
	slug: string;
	name: string;
}

export type ArticleStatus = "draft" | "submitted" | "scheduled" | "published" | "unpublished";

export interface ArticleTable {
	id: Generated<number>;
	slug: string;
	status: ArticleStatus;
	headline: string;
	standfirst: string;
	body_source: string;
	body_html: string;
	body_text: string;
	dateline_place: string;
	source_line: string;
	language: string;
	section_id: number;
	published_at: Timestamp | null;
	updated_at: Timestamp | null;
	scheduled_at: Timestamp | null;
	created_at: Timestamp;
	modified_at: Timestamp;
	revision: number;
	featured_media_id: number | null;
	/** The newsroom user who created the story; an author may publish only their own. */
	created_by: number | null;
	/** Stories that are translations of one another share this number; null for a story with none. */
	translation_group: number | null;
	/** What `body_source` is written in: Markdown, or HTML for an imported body that Markdown cannot hold as it is. */
	body_format: Generated<BodyFormat>;
}

export type BodyFormat = "markdown" | "html";

export type PageStatus = "draft" | "published" | "unpublished";

/** A standing page ("About us", "Contact"), outside the news flow, served at `/{path}/`. */
export interface PageTable {
	id: Generated<number>;
	/** "about" or "about/team": the URL path without slashes at the ends. */
	path: string;
	status: PageStatus;
	title: string;
	body_format: Generated<BodyFormat>;
	body_source: string;
	body_html: string;
	body_text: string;
	language: string;
	position: number;
	published_at: Timestamp | null;
	created_at: Timestamp;
	modified_at: Timestamp;
}

/** Which Dateline row an imported item became: an import run again updates it instead of creating another. */
export interface ImportKeyTable {
	/** Where the items come from, as "wordpress:<site URL>". */
	source: string;
	/** "post", "page", "attachment", "category", "tag", "author". */
	kind: string;
	/** The item's id at the source (a WordPress post ID, a term slug, an author login). */
	source_id: string;
	target_id: number;
	/** A hash of the item as last imported: unchanged items are skipped, changed ones updated. */
	checksum: string;
	imported_at: Timestamp;
}

/** A section's name in one language; the section's own `name` is used where a language has none. */
export interface SectionNameTable {
	section_id: number;
	/** BCP 47 language tag ("en", "fa-AF"). */
	language: string;
	name: string;
}

/** A tag's name in one language; the tag's own `name` is used where a language has none. */
export interface TagNameTable {
	tag_id: number;
	language: string;
	name: string;
}

export interface ArticlePersonTable {
	article_id: number;
	person_id: number;
	position: number;
}

export interface ArticleTagTable {
	article_id: number;
	tag_id: number;
	position: number;
}

export interface RelatedTable {
	article_id: number;
	related_id: number;
	rank: number;
	score: number;
}

export interface RedirectTable {
	from_path: string;
	to_path: string;
	created_at: Timestamp;
}

export interface SettingTable {
	key: string;
	value: string;
}

export type Role = "admin" | "editor" | "author" | "contributor";

export interface UserTable {
	id: Generated<number>;
	email: string;
	display_name: string;
	role: Role;
	/** scrypt, as "scrypt$N$r$p$salt$hash"; null for an imported user who must set one. */
	password_hash: string | null;
	must_reset_password: number;
	person_id: number | null;
	created_at: Timestamp;
	disabled_at: Timestamp | null;
}

export interface SessionTable {
	/** sha256 of the cookie's token: a stolen database does not yield live sessions. */
	token_hash: string;
	user_id: number;
	csrf_token: string;
	created_at: Timestamp;
	expires_at: Timestamp;
	last_seen_at: Timestamp;
	user_agent: string;
}

export interface PasswordLinkTable {
	/** sha256 of the link's token, as for sessions. */
	token_hash: string;
	user_id: number;
	created_at: Timestamp;
	expires_at: Timestamp;
}

export interface LoginFailureTable {
	/** "account:<email>" or "ip:<address>". */
	key: string;
	failed_at: Timestamp;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: Timestamp;
	user_id: number | null;
	action: string;
	subject_type: string;
	subject_id: number | null;
	detail: string;
}

export interface RevisionTable {
	id: Generated<number>;
	article_id: number;
	number: number;
	/** JSON of the story's editable fields at this revision. */
	snapshot: string;
	created_at: Timestamp;
	created_by: number | null;
	note: string;
}

/** The editor's latest unsaved text for one story and user, kept every few seconds; not a revision. */
export interface AutosaveTable {
	article_id: number;
	user_id: number;
	base_revision: number;
	snapshot: string;
	saved_at: Timestamp;
}

export type CorrectionKind = "correction" | "update" | "clarification";

export interface CorrectionTable {
	id: Generated<number>;
	article_id: number;
	kind: CorrectionKind;
	body: string;
	created_at: Timestamp;
	created_by: number | null;
}

export interface MediaTable {
	id: Generated<number>;
	sha256: string;
	mime: string;
	width: number;
	height: number;
	bytes: number;
	/** Path of the original under the data directory's media folder. */
	storage_key: string;
	original_name: string;
	alt: string;
	caption: string;
	credit: string;
	created_at: Timestamp;
	created_by: number | null;
	/** For an imported file that was not brought along: where it is still served from. Empty for a stored file. */
	remote_url: Generated<string>;
}

export interface MediaVariantTable {
	media_id: number;
	format: string;
	width: number;
	height: number;
	bytes: number;
	storage_key: string;
}

export interface Database {
	sections: SectionTable;
	people: PersonTable;
	tags: TagTable;
	articles: ArticleTable;
	article_people: ArticlePersonTable;
	article_tags: ArticleTagTable;
	related: RelatedTable;
	redirects: RedirectTable;
	settings: SettingTable;
	users: UserTable;
	sessions: SessionTable;
	login_failures: LoginFailureTable;
	audit_log: AuditLogTable;
	revisions: RevisionTable;
	corrections: CorrectionTable;
	autosaves: AutosaveTable;
	media: MediaTable;
	media_variants: MediaVariantTable;
	section_names: SectionNameTable;
	tag_names: TagNameTable;
	pages: PageTable;
	import_keys: ImportKeyTable;
	password_links: PasswordLinkTable;
}

export type Db = Kysely<Database>;

/** Runs `work` in `db` if it is already a transaction (the caller's larger change), else in a new transaction. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
	return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Values bound in one statement at most: SQLite refuses more than 32,766 and
 * PostgreSQL more than 65,535, and a sitemap page names 50,000 stories.
 */
export const MAX_BOUND_VALUES = 10_000;

/** `read` over `values` in batches of at most MAX_BOUND_VALUES, its rows joined in order. */
export async function inBatches<T, R>(values: readonly T[], read: (batch: readonly T[]) => Promise<R[]>): Promise<R[]> {
	const rows: R[] = [];
	for (let start = 0; start < values.length; start += MAX_BOUND_VALUES)
		rows.push(...(await read(values.slice(start, start + MAX_BOUND_VALUES))));
	return rows;
}
