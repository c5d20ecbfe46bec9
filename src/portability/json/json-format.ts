import { z } from "zod";

/** The first two keys of every file: what it is, and which version of this format it follows. */
export const JSON_FORMAT = "dateline";
export const JSON_FORMAT_VERSION = 1;

/** How a column's values look in the file. Every column of a record is always present. */
export type ColumnType =
	| { kind: "integer"; nullable: boolean; references?: CollectionName }
	| { kind: "number" }
	| { kind: "text"; nullable: boolean }
	| { kind: "enum"; values: readonly [string, ...string[]] };

/**
 * How an export walks a table in primary-key order, a page at a time:
 * by its integer `id`; by batches of its leading integer column (link tables);
 * or with LIMIT/OFFSET (tables keyed by text, which are small).
 */
export type Paging = { kind: "id" } | { kind: "lead"; column: string } | { kind: "offset" };

export interface CollectionSpec {
	/** The collection's key in the file, which is also its table's name. */
	name: CollectionName;
	/** Columns in the order they are written; the primary key's columns come first. */
	columns: readonly (readonly [string, ColumnType])[];
	primaryKey: readonly string[];
	paging: Paging;
}

const integer = (references?: CollectionName): ColumnType =>
	references === undefined ? { kind: "integer", nullable: false } : { kind: "integer", nullable: false, references };
const nullableInteger = (references?: CollectionName): ColumnType =>
	references === undefined ? { kind: "integer", nullable: true } : { kind: "integer", nullable: true, references };
const text: ColumnType = { kind: "text", nullable: false };
const nullableText: ColumnType = { kind: "text", nullable: true };
const oneOf = (...values: [string, ...string[]]): ColumnType => ({ kind: "enum", values });
const bodyFormat = oneOf("markdown", "html");

export type CollectionName =
	| "settings"
	| "people"
	| "users"
	| "sections"
	| "section_names"
	| "tags"
	| "tag_names"
	| "media"
	| "media_variants"
	| "articles"
	| "article_people"
	| "article_tags"
	| "related"
	| "corrections"
	| "revisions"
	| "redirects"
	| "pages"
	| "import_keys"
	| "audit_log";

/**
 * Every collection, in the order of the file and of an import: each one after
 * those it refers to. (A section's parent may come later; the import links
 * parents once every section is in.)
 */
export const COLLECTIONS: readonly CollectionSpec[] = [
	{
		name: "settings",
		columns: [
			["key", text],
			["value", text],
		],
		primaryKey: ["key"],
		paging: { kind: "offset" },
	},
	{
		name: "people",
		columns: [
			["id", integer()],
			["slug", text],
			["name", text],
			["job_title", text],
			["bio", text],
			["created_at", text],
		],
		primaryKey: ["id"],
		paging: { kind: "id" },
	},
	{
		name: "users",
		columns: [
			["id", integer()],
			["email", text],
			["display_name", text],
			["role", oneOf("admin", "editor", "author", "contributor")],
			["password_hash", nullableText],
			["must_reset_password", integer()],
			["person_id", nullableInteger("people")],
			["created_at", text],
			["disabled_at", nullableText],
		],
		primaryKey: ["id"],
		paging: { kind: "id" },
	},
	{
		name: "sections",
		columns: [
			["id", integer()],
			["slug", text],
			["name", text],
			["description", text],
			["parent_id", nullableInteger("sections")],
			["path", text],
			["position", integer()],
			["created_at", text],
		],
		primaryKey: ["id"],
		paging: { kind: "id" },
	},
	{
		name: "section_names",
		columns: [
			["section_id", integer("sections")],
			["language", text],
			["name", text],
		],
		primaryKey: ["section_id", "language"],
		paging: { kind: "lead", column: "section_id" },
	},
	{
		name: "tags",
		columns: [
			["id", integer()],
			["slug", text],
			["name", text],
		],
		primaryKey: ["id"],
		paging: { kind: "id" },
	},
	{
		name: "tag_names",
		columns: [
			["tag_id", integer("tags")],
			["language", text],
			["name", text],
		],
		primaryKey: ["tag_id", "language"],
		paging: { kind: "lead", column: "tag_id" },
	},
	{
		name: "media",
		columns: [
			["id", integer()],
			["sha256", text],
			["mime", text],
			["width", integer()],
			["height", integer()],
			["bytes", integer()],
			["storage_key", text],
			["original_name", text],
			["alt", text],
			["caption", text],
			["credit", text],
			["created_at", text],
			["created_by", nullableInteger("users")],
			["remote_url", text],
		],
		primaryKey: ["id"],
		paging: { kind: "id" },
	},
	{
		name: "media_variants",
		columns: [
			["media_id", integer("media")],
			["format", text],
			["width", integer()],
			["height", integer()],
			["bytes", integer()],
			["storage_key", text],
		],
		primaryKey: ["media_id", "format", "width"],
		paging: { kind: "lead", column: "media_id" },
	},
	{
		name: "articles",
		columns: [
			["id", integer()],
			["slug", text],
			["status", oneOf("draft", "submitted", "scheduled", "published", "unpublished")],
			["headline", text],
			["standfirst", text],
			["body_format", bodyFormat],
			["body_source", text],
			["body_html", text],
			["body_text", text],
			["dateline_place", text],
			["source_line", text],
			["language", text],
			["section_id", integer("sections")],
			["published_at", nullableText],
			["updated_at", nullableText],
			["scheduled_at", nullableText],
			["created_at", text],
			["modified_at", text],
			["revision", integer()],
			["featured_media_id", nullableInteger("media")],
			["created_by", nullableInteger("users")],
			["translation_group", nullableInteger()],
		],
		primaryKey: ["id"],
		paging: { kind: "id" },
	},
	{
		name: "article_people",
		columns: [
			["article_id", integer("articles")],
			["person_id", integer("people")],
			["position", integer()],
		],
		primaryKey: ["article_id", "person_id"],
		paging: { kind: "lead", column: "article_id" },
	},
	{
		name: "article_tags",
		columns: [
			["article_id", integer("articles")],
			["tag_id", integer("tags")],
			["position", integer()],
		],
		primaryKey: ["article_id", "tag_id"],
		paging: { kind: "lead", column: "article_id" },
	},
	{
		name: "related",
		columns: [
			["article_id", integer("articles")],
			["related_id", integer("articles")],
			["rank", integer()],
			["score", { kind: "number" }],
		],
		primaryKey: ["article_id", "related_id"],
		paging: { kind: "lead", column: "article_id" },
	},
	{
		name: "corrections",
		columns: [
			["id", integer()],
			["article_id", integer("articles")],
			["kind", oneOf("correction", "update", "clarification")],
			["body", text],
			["created_at", text],
			["created_by", nullableInteger("users")],
		],
		primaryKey: ["id"],
		paging: { kind: "id" },
	},
	{
		name: "revisions",
		columns: [
			["id", integer()],
			["article_id", integer("articles")],
			["number", integer()],
			["snapshot", text],
			["created_at", text],
			["created_by", nullableInteger("users")],
			["note", text],
		],
		primaryKey: ["id"],
		paging: { kind: "id" },
	},
	{
		name: "redirects",
		columns: [
			["from_path", text],
			["to_path", text],
			["created_at", text],
		],
		primaryKey: ["from_path"],
		paging: { kind: "offset" },
	},
	{
		name: "pages",
		columns: [
			["id", integer()],
			["path", text],
			["status", oneOf("draft", "published", "unpublished")],
			["title", text],
			["body_format", bodyFormat],
			["body_source", text],
			["body_html", text],
			["body_text", text],
			["language", text],
			["position", integer()],
			["published_at", nullableText],
			["created_at", text],
			["modified_at", text],
		],
		primaryKey: ["id"],
		paging: { kind: "id" },
	},
	{
		name: "import_keys",
		columns: [
			["source", text],
			["kind", text],
			["source_id", text],
			["target_id", integer()],
			["checksum", text],
			["imported_at", text],
		],
		primaryKey: ["source", "kind", "source_id"],
		paging: { kind: "offset" },
	},
	{
		name: "audit_log",
		columns: [
			["id", integer()],
			["at", text],
			["user_id", nullableInteger("users")],
			["action", text],
			["subject_type", text],
			["subject_id", nullableInteger()],
			["detail", text],
		],
		primaryKey: ["id"],
		paging: { kind: "id" },
	},
];

/** A value of a column as it appears in the file and in the database. */
export type ColumnValue = string | number | null;
/** One row of a collection, keyed by column name. */
export type RecordValues = Record<string, ColumnValue>;

/** A whole file once read and checked: the header and every collection's rows. */
export interface DatelineDocument {
	format: typeof JSON_FORMAT;
	version: typeof JSON_FORMAT_VERSION;
	/** The exporting site's applied migrations, oldest first. */
	migrations: string[];
	collections: Map<CollectionName, RecordValues[]>;
}

function columnSchema(type: ColumnType): z.ZodType<ColumnValue> {
	switch (type.kind) {
		case "integer": {
			const value = z.number({ message: "expected a whole number" }).int("expected a whole number");
			return type.nullable ? value.nullable() : value;
		}
		case "number":
			return z.number({ message: "expected a number" });
		case "text": {
			const value = z.string({ message: type.nullable ? "expected a string or null" : "expected a string" });
			return type.nullable ? value.nullable() : value;
		}
		case "enum":
			return z.enum(type.values, { message: `expected one of ${type.values.map((v) => `"${v}"`).join(", ")}` });
	}
}

/** The zod schema of one record of `spec`: every column, nothing else. */
export function recordSchema(spec: CollectionSpec): z.ZodType<RecordValues> {
	return z.strictObject(Object.fromEntries(spec.columns.map(([column, type]) => [column, columnSchema(type)])));
}

/** The spec of a collection by name. */
export function collectionSpec(name: CollectionName): CollectionSpec {
	const spec = COLLECTIONS.find((candidate) => candidate.name === name);
	if (!spec) throw new Error(`No collection ${name}`);
	return spec;
}
