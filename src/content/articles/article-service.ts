import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import { AppError } from "../../errors.js";
import { PersonRepository } from "../people/person-repository.js";
import { RelatedService } from "../related/related-service.js";
import { searchDocument } from "../search/search.js";
import { SectionRepository } from "../sections/section-repository.js";
import { TagRepository } from "../tags/tag-repository.js";
import { slugify } from "../text.js";
import { type Article, type ArticleSummary, articlePath } from "./article.js";
import { renderBody } from "./article-body.js";
import { ArticleRepository, type ArticleRow, type PublishedFilter, type SummaryRow } from "./article-repository.js";

/** What an editor writes; the service derives the rest. */
export interface ArticleInput {
	headline: string;
	slug?: string;
	standfirst?: string;
	bodySource: string;
	datelinePlace?: string;
	sourceLine?: string;
	language?: string;
	sectionId: number;
	personIds: readonly number[];
	tagNames?: readonly string[];
}

/** The columns an editor's input sets, with the body rendered and sanitized. */
function editableFields(input: ArticleInput, derived: { headline: string; slug: string; language: string }) {
	const body = renderBody(input.bodySource);
	return {
		slug: derived.slug,
		headline: derived.headline,
		standfirst: input.standfirst?.trim() ?? "",
		body_source: input.bodySource,
		body_html: body.html,
		body_text: body.text,
		dateline_place: input.datelinePlace?.trim() ?? "",
		source_line: input.sourceLine?.trim() ?? "",
		language: derived.language,
		section_id: input.sectionId,
	};
}

export interface ArticleServiceDeps {
	db: Db;
	adapter: DialectAdapter;
	clock: Clock;
	timeZone: string;
	defaultLanguage: string;
}

/**
 * Writing and reading stories. Publishing, editing and unpublishing keep the
 * text index and the stored related stories in step, in the same transaction.
 */
export class ArticleService {
	private readonly articles: ArticleRepository;
	private readonly people: PersonRepository;
	private readonly sections: SectionRepository;
	private readonly tags: TagRepository;
	private readonly relatedService: RelatedService;

	constructor(private readonly deps: ArticleServiceDeps) {
		this.articles = new ArticleRepository(deps.db);
		this.people = new PersonRepository(deps.db);
		this.sections = new SectionRepository(deps.db);
		this.tags = new TagRepository(deps.db);
		this.relatedService = new RelatedService(deps.db, deps.adapter);
	}

	/** Creates a draft; the slug comes from the headline unless given, and must be free. */
	async createDraft(input: ArticleInput): Promise<number> {
		const headline = input.headline.trim();
		if (!headline) throw new AppError("ERR_VALIDATION", "A story needs a headline.");
		const given = input.slug?.trim() ? slugify(input.slug) : undefined;
		const base = given ?? slugify(headline);
		if (!base) throw new AppError("ERR_VALIDATION", "The slug must contain a letter or a digit.");
		if (given && (await this.articles.slugExists(given))) throw new AppError("ERR_SLUG_TAKEN", `"${given}" is taken.`);
		const slug = given ?? (await this.freeSlug(base));
		const now = this.deps.clock.now().toISOString();
		return this.deps.db.transaction().execute(async (trx) => {
			await this.requireSection(input.sectionId, trx);
			const id = await this.articles.insert(
				{
					...editableFields(input, { headline, slug, language: input.language ?? this.deps.defaultLanguage }),
					status: "draft",
					created_at: now,
					modified_at: now,
					revision: 1,
				},
				trx,
			);
			await this.linkBylinesAndTags(id, input, trx);
			return id;
		});
	}

	/** Publishes a story at `at` (default: now) and refreshes the related stories around it. */
	async publish(id: number, options: { at?: Date; updatedAt?: Date } = {}): Promise<void> {
		await this.deps.db.transaction().execute(async (trx) => {
			const row = await this.requireArticle(id, trx);
			if (row.status === "published") throw new AppError("ERR_INVALID_TRANSITION", "The story is already published.");
			const now = this.deps.clock.now().toISOString();
			const publishedAt = (options.at ?? this.deps.clock.now()).toISOString();
			await this.articles.update(
				id,
				{
					status: "published",
					published_at: publishedAt,
					updated_at: options.updatedAt ? options.updatedAt.toISOString() : null,
					modified_at: now,
				},
				trx,
			);
			await this.deps.adapter.indexDocument(
				trx,
				searchDocument({ id, headline: row.headline, bodyText: row.body_text }),
			);
			await this.relatedService.refreshAround(id, trx);
		});
	}

	/** Edits a story. A published story gets a visible updated time, and a changed address leaves a redirect. */
	async update(id: number, input: ArticleInput): Promise<void> {
		const headline = input.headline.trim();
		if (!headline) throw new AppError("ERR_VALIDATION", "A story needs a headline.");
		await this.deps.db.transaction().execute(async (trx) => {
			const row = await this.requireArticle(id, trx);
			await this.requireSection(input.sectionId, trx);
			const slug = input.slug?.trim() ? slugify(input.slug) : row.slug;
			if (slug !== row.slug && (await this.articles.slugExists(slug, { exceptId: id, db: trx }))) {
				throw new AppError("ERR_SLUG_TAKEN", `"${slug}" is taken.`);
			}
			const fields = editableFields(input, { headline, slug, language: input.language ?? row.language });
			const now = this.deps.clock.now();
			const published = row.status === "published";
			await this.articles.update(
				id,
				{
					...fields,
					modified_at: now.toISOString(),
					updated_at: published ? now.toISOString() : row.updated_at,
					revision: row.revision + 1,
				},
				trx,
			);
			await this.linkBylinesAndTags(id, input, trx);
			if (published && row.published_at) {
				const publishedAt = new Date(row.published_at);
				const oldPath = articlePath({ slug: row.slug, publishedAt }, this.deps.timeZone);
				const newPath = articlePath({ slug, publishedAt }, this.deps.timeZone);
				if (oldPath !== newPath) {
					await trx.deleteFrom("redirects").where("from_path", "=", newPath).execute();
					await trx
						.insertInto("redirects")
						.values({
							from_path: oldPath,
							to_path: newPath,
							created_at: now.toISOString(),
						})
						.onConflict((oc) => oc.column("from_path").doUpdateSet({ to_path: newPath }))
						.execute();
				}
				await this.deps.adapter.indexDocument(trx, searchDocument({ id, headline, bodyText: fields.body_text }));
				await this.relatedService.refreshAround(id, trx);
			}
		});
	}

	/** Takes a published story off the public site; stories that pointed to it get a new "Check Also". */
	async unpublish(id: number): Promise<void> {
		await this.deps.db.transaction().execute(async (trx) => {
			const row = await this.requireArticle(id, trx);
			if (row.status !== "published")
				throw new AppError("ERR_INVALID_TRANSITION", "Only a published story can be unpublished.");
			await this.articles.update(
				id,
				{
					status: "unpublished",
					modified_at: this.deps.clock.now().toISOString(),
				},
				trx,
			);
			await this.deps.adapter.removeDocument(trx, id);
			await this.relatedService.forget(id, trx);
		});
	}

	/** A published story by slug, whole, or undefined. */
	async getPublished(slug: string): Promise<Article | undefined> {
		const row = await this.articles.findBySlug(slug);
		if (row?.status !== "published" || !row.published_at) return undefined;
		const section = await this.sections.findById(row.section_id);
		if (!section) return undefined;
		const [bylines, tags] = await Promise.all([this.people.bylinesFor([row.id]), this.tags.tagsFor([row.id])]);
		return {
			id: row.id,
			slug: row.slug,
			status: row.status,
			headline: row.headline,
			standfirst: row.standfirst,
			bodyHtml: row.body_html,
			bodyText: row.body_text,
			datelinePlace: row.dateline_place,
			sourceLine: row.source_line,
			language: row.language,
			publishedAt: new Date(row.published_at),
			updatedAt: row.updated_at ? new Date(row.updated_at) : null,
			section: {
				id: section.id,
				slug: section.slug,
				name: section.name,
				path: section.path,
				parentId: section.parentId,
			},
			bylines: bylines.get(row.id) ?? [],
			tags: tags.get(row.id) ?? [],
			revision: row.revision,
		};
	}

	/** A page of published stories, newest first, with the total for pagination. */
	async listPublished(
		filter: PublishedFilter,
		page: { limit: number; offset: number },
	): Promise<{ items: ArticleSummary[]; total: number }> {
		const [rows, total] = await Promise.all([
			this.articles.listPublished(filter, page),
			this.articles.countPublished(filter),
		]);
		return { items: await this.withBylines(rows), total };
	}

	/** The stored "Check Also" stories of a story, best first, with the text for an excerpt. */
	async related(articleId: number, limit = 1): Promise<(ArticleSummary & { bodyText: string })[]> {
		const ids = await this.relatedService.relatedIds(articleId, limit);
		const summaries = new Map((await this.withBylines(await this.articles.summariesByIds(ids))).map((s) => [s.id, s]));
		const textById = await this.articles.bodyTexts(ids);
		return ids.flatMap((id) => {
			const summary = summaries.get(id);
			return summary ? [{ ...summary, bodyText: textById.get(id) ?? "" }] : [];
		});
	}

	/** Published stories by id, with bylines, in no particular order. */
	async summariesByIds(ids: readonly number[]): Promise<ArticleSummary[]> {
		return this.withBylines(await this.articles.summariesByIds(ids));
	}

	/** The plain text of each story's body. */
	async bodyTexts(ids: readonly number[]): Promise<Map<number, string>> {
		return this.articles.bodyTexts(ids);
	}

	/** Where an old article path now points, if a slug or date changed. */
	async redirectFor(path: string): Promise<string | undefined> {
		const row = await this.deps.db
			.selectFrom("redirects")
			.select("to_path")
			.where("from_path", "=", path)
			.executeTakeFirst();
		return row?.to_path;
	}

	async countAll(): Promise<number> {
		return this.articles.countAll();
	}

	/** Recomputes every stored "Check Also" list, after a bulk load. */
	async recomputeAllRelated(onProgress?: (done: number, total: number) => void): Promise<void> {
		await this.relatedService.recomputeAll(onProgress);
	}

	private async withBylines(rows: SummaryRow[]): Promise<ArticleSummary[]> {
		const bylines = await this.people.bylinesFor(rows.map((row) => row.id));
		return rows.map((row) => ({
			id: row.id,
			slug: row.slug,
			headline: row.headline,
			standfirst: row.standfirst,
			publishedAt: new Date(row.published_at),
			updatedAt: row.updated_at ? new Date(row.updated_at) : null,
			section: {
				id: row.section_id,
				slug: row.section_slug,
				name: row.section_name,
				path: row.section_path,
				parentId: row.section_parent_id,
			},
			bylines: bylines.get(row.id) ?? [],
		}));
	}

	private async linkBylinesAndTags(id: number, input: ArticleInput, trx: Db): Promise<void> {
		const personIds = [...new Set(input.personIds)];
		const found = await this.people.findByIds(personIds, trx);
		if (found.length !== personIds.length)
			throw new AppError("ERR_VALIDATION", "A byline names a person who does not exist.");
		await this.articles.replaceBylines(id, personIds, trx);
		const tagIds: number[] = [];
		for (const name of input.tagNames ?? []) {
			const slug = slugify(name);
			if (!slug) continue;
			const tag = await this.tags.findOrCreate({ slug, name: name.trim() }, trx);
			if (!tagIds.includes(tag.id)) tagIds.push(tag.id);
		}
		await this.articles.replaceTags(id, tagIds, trx);
	}

	/** `base`, or `base-2`, `base-3` … for a slug derived from a headline another story already has. */
	private async freeSlug(base: string): Promise<string> {
		if (!(await this.articles.slugExists(base))) return base;
		for (let n = 2; ; n += 1) {
			const candidate = `${base}-${n}`;
			if (!(await this.articles.slugExists(candidate))) return candidate;
		}
	}

	private async requireArticle(id: number, db: Db): Promise<ArticleRow> {
		const row = await this.articles.findById(id, db);
		if (!row) throw new AppError("ERR_ARTICLE_NOT_FOUND", `No story has id ${id}.`);
		return row;
	}

	private async requireSection(id: number, db: Db): Promise<void> {
		if (!(await this.sections.findById(id, db))) throw new AppError("ERR_VALIDATION", `No section has id ${id}.`);
	}
}
