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
}

export type Db = Kysely<Database>;
