import { articleKey, FEEDS_KEY, HOME_KEY, personKey, sectionKey, tagKey } from "../../cache/purge-bus.js";
import type { Clock } from "../../clock.js";
import { type BodyFormat, type Db, inBatches, inTransaction } from "../../db/database.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import { AppError } from "../../errors.js";
import type { Correction, CorrectionInput } from "../corrections/correction.js";
import { CorrectionRepository } from "../corrections/correction-repository.js";
import { PersonRepository } from "../people/person-repository.js";
import type { FirstRelated } from "../related/related-repository.js";
import { RelatedService } from "../related/related-service.js";
import { searchDocument } from "../search/search.js";
import { SectionRepository } from "../sections/section-repository.js";
import { TagRepository } from "../tags/tag-repository.js";
import { canonicalPath, slugify } from "../text.js";
import {
	type Article,
	type ArticleStatus,
	type ArticleSummary,
	type ArticleTranslation,
	articlePath,
	type CheckAlsoStory,
} from "./article.js";
import { renderStoredBody } from "./article-body.js";
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
	/** The story's featured image; left as it is by `update` when absent. */
	featuredMediaId?: number | null;
	/** The newsroom user who creates the story; read by `createDraft` only. */
	createdBy?: number | null;
	/** What `bodySource` is written in: Markdown (the default for a new story), or HTML; `update` keeps the story's own when absent. */
	bodyFormat?: BodyFormat;
}

/** `db`: the caller's transaction, when this write is one step of a larger change that must land whole. */
export interface WriteOptions {
	db?: Db;
}

/** Statuses a story may be published or scheduled from. */
const PUBLISHABLE: ReadonlySet<ArticleStatus> = new Set(["draft", "submitted", "scheduled", "unpublished"]);

/** The columns an editor's input sets, with the body rendered and sanitized. */
function editableFields(
	input: ArticleInput,
	derived: { headline: string; slug: string; language: string; bodyFormat: BodyFormat },
) {
	const body = renderStoredBody(derived.bodyFormat, input.bodySource);
	return {
		slug: derived.slug,
		headline: derived.headline,
		standfirst: input.standfirst?.trim() ?? "",
		body_format: derived.bodyFormat,
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
	/** Told the surrogate keys of pages a change affects, after the change is committed. */
	onChange?: (keys: readonly string[]) => void;
}

/** A published story with the notes under it and its "Check Also", as its page shows them. */
export interface PublishedStory {
	story: Article;
	/** Corrections, updates and clarifications, oldest first. */
	corrections: Correction[];
	checkAlso: CheckAlsoStory | undefined;
}

function checkAlsoStory(row: FirstRelated): CheckAlsoStory {
	return { ...row, publishedAt: new Date(row.publishedAt) };
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
	private readonly correctionRepository: CorrectionRepository;

	constructor(private readonly deps: ArticleServiceDeps) {
		this.articles = new ArticleRepository(deps.db, deps.adapter);
		this.correctionRepository = new CorrectionRepository(deps.db);
		this.people = new PersonRepository(deps.db);
		this.sections = new SectionRepository(deps.db);
		this.tags = new TagRepository(deps.db);
		this.relatedService = new RelatedService(deps.db, deps.adapter);
	}

	/** Creates a draft; the slug comes from the headline unless given, and must be free. */
	async createDraft(input: ArticleInput, options: WriteOptions = {}): Promise<number> {
		const headline = input.headline.trim();
		if (!headline) throw new AppError("ERR_VALIDATION", "A story needs a headline.");
		const given = input.slug?.trim() ? slugify(input.slug) : undefined;
		const base = given ?? slugify(headline);
		if (!base) throw new AppError("ERR_VALIDATION", "The slug must contain a letter or a digit.");
		const now = this.deps.clock.now().toISOString();
		return inTransaction(options.db ?? this.deps.db, async (trx) => {
			if (given && (await this.articles.slugExists(given, { db: trx })))
				throw new AppError("ERR_SLUG_TAKEN", `"${given}" is taken.`);
			const slug = given ?? (await this.freeSlug(base, trx));
			await this.requireSection(input.sectionId, trx);
			const featuredMediaId = input.featuredMediaId ?? null;
			await this.requireMedia(featuredMediaId, trx);
			const id = await this.articles.insert(
				{
					...editableFields(input, {
						headline,
						slug,
						language: input.language ?? this.deps.defaultLanguage,
						bodyFormat: input.bodyFormat ?? "markdown",
					}),
					status: "draft",
					created_at: now,
					modified_at: now,
					revision: 1,
					featured_media_id: featuredMediaId,
					created_by: input.createdBy ?? null,
				},
				trx,
			);
			await this.linkBylinesAndTags(id, input, trx);
			return id;
		});
	}

	/**
	 * Publishes a story at `at` (default: now) and refreshes the related stories around it.
	 * Refused with ERR_ALT_TEXT_REQUIRED while the featured image has no alt text.
	 */
	async publish(id: number, options: WriteOptions & { at?: Date; updatedAt?: Date } = {}): Promise<void> {
		await this.changing(id, options, async (trx) => {
			const row = await this.requireArticle(id, trx);
			if (!PUBLISHABLE.has(row.status)) throw new AppError("ERR_INVALID_TRANSITION", "The story is already published.");
			await this.requireAltText(row.featured_media_id, trx);
			const now = this.deps.clock.now().toISOString();
			const publishedAt = (options.at ?? this.deps.clock.now()).toISOString();
			await this.articles.update(
				id,
				{
					status: "published",
					published_at: publishedAt,
					updated_at: options.updatedAt ? options.updatedAt.toISOString() : null,
					scheduled_at: null,
					modified_at: now,
				},
				trx,
			);
			await this.afterPublish(id, trx);
		});
	}

	/** Marks a draft as submitted for an editor's review. */
	async submit(id: number, options: WriteOptions = {}): Promise<void> {
		await inTransaction(options.db ?? this.deps.db, async (trx) => {
			const row = await this.requireArticle(id, trx);
			if (row.status !== "draft") throw new AppError("ERR_INVALID_TRANSITION", "Only a draft can be submitted.");
			await this.articles.update(id, { status: "submitted", modified_at: this.deps.clock.now().toISOString() }, trx);
		});
	}

	/**
	 * Schedules a story that is not published to be published at `at`, which must be in the
	 * future; the scheduler publishes it when it is due. Moving the time of a scheduled story
	 * is scheduling it again.
	 */
	async schedule(id: number, at: Date, options: WriteOptions = {}): Promise<void> {
		const now = this.deps.clock.now();
		if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime())
			throw new AppError("ERR_VALIDATION", "A story can only be scheduled for a time in the future.");
		await inTransaction(options.db ?? this.deps.db, async (trx) => {
			const row = await this.requireArticle(id, trx);
			if (!PUBLISHABLE.has(row.status))
				throw new AppError("ERR_INVALID_TRANSITION", "A published story cannot be scheduled.");
			await this.requireAltText(row.featured_media_id, trx);
			await this.articles.update(
				id,
				{ status: "scheduled", scheduled_at: at.toISOString(), modified_at: now.toISOString() },
				trx,
			);
		});
	}

	/**
	 * Publishes every scheduled story that is due, claiming the rows in one atomic statement,
	 * and returns the ids this call claimed. Their side effects are not done yet: call
	 * `finishScheduledPublish` for each.
	 */
	async claimDueScheduled(options: WriteOptions = {}): Promise<number[]> {
		return this.articles.claimDueScheduled(this.deps.clock.now().toISOString(), options.db ?? this.deps.db);
	}

	/** The side effects of publishing (text index, related stories) for a story claimed by `claimDueScheduled`. */
	async finishScheduledPublish(id: number, options: WriteOptions = {}): Promise<void> {
		await this.changing(id, options, async (trx) => {
			const row = await this.requireArticle(id, trx);
			if (row.status !== "published")
				throw new AppError("ERR_INVALID_TRANSITION", `Story ${id} is ${row.status}, not published.`);
			await this.afterPublish(id, trx);
		});
	}

	/**
	 * Edits a story and returns its new revision number. A published story gets a visible
	 * updated time, and a changed address leaves a redirect. With `expectedRevision`, a story
	 * saved by someone else since is left untouched and ERR_REVISION_CONFLICT is thrown.
	 */
	async update(
		id: number,
		input: ArticleInput,
		options: WriteOptions & { expectedRevision?: number } = {},
	): Promise<number> {
		const headline = input.headline.trim();
		if (!headline) throw new AppError("ERR_VALIDATION", "A story needs a headline.");
		return this.changing(id, options, async (trx) => {
			const row = await this.requireArticle(id, trx);
			if (options.expectedRevision !== undefined && options.expectedRevision !== row.revision) {
				throw new AppError(
					"ERR_REVISION_CONFLICT",
					`The story is at revision ${row.revision}; the edit started from revision ${options.expectedRevision}.`,
				);
			}
			await this.requireSection(input.sectionId, trx);
			const slug = input.slug?.trim() ? slugify(input.slug) : row.slug;
			if (!slug) throw new AppError("ERR_VALIDATION", "The slug must contain a letter or a digit.");
			if (slug !== row.slug && (await this.articles.slugExists(slug, { exceptId: id, db: trx }))) {
				throw new AppError("ERR_SLUG_TAKEN", `"${slug}" is taken.`);
			}
			const featuredMediaId = input.featuredMediaId === undefined ? row.featured_media_id : input.featuredMediaId;
			if (featuredMediaId !== row.featured_media_id) await this.requireMedia(featuredMediaId, trx);
			const published = row.status === "published";
			if (published || row.status === "scheduled") await this.requireAltText(featuredMediaId, trx);
			const fields = editableFields(input, {
				headline,
				slug,
				language: input.language ?? row.language,
				bodyFormat: input.bodyFormat ?? row.body_format,
			});
			const now = this.deps.clock.now();
			const revision = row.revision + 1;
			const written = await this.articles.updateAtRevision(
				id,
				row.revision,
				{
					...fields,
					featured_media_id: featuredMediaId,
					modified_at: now.toISOString(),
					updated_at: published ? now.toISOString() : row.updated_at,
					revision,
				},
				trx,
			);
			if (!written) throw new AppError("ERR_REVISION_CONFLICT", "Another save landed while this one was being made.");
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
			return revision;
		});
	}

	/**
	 * Adds a dated correction, update or clarification under a published story and moves the
	 * story's updated time to now, so readers and structured data see that it changed.
	 */
	async addCorrection(
		id: number,
		input: CorrectionInput,
		options: WriteOptions & { createdBy?: number | null } = {},
	): Promise<number> {
		const body = input.body.trim();
		if (!body) throw new AppError("ERR_VALIDATION", "A correction needs a text.");
		return this.changing(id, options, async (trx) => {
			const row = await this.requireArticle(id, trx);
			if (row.status !== "published")
				throw new AppError("ERR_INVALID_TRANSITION", "Corrections are added to published stories.");
			const now = this.deps.clock.now().toISOString();
			const correctionId = await this.correctionRepository.insert(
				{ articleId: id, kind: input.kind, body, createdAt: now, createdBy: options.createdBy ?? null },
				trx,
			);
			await this.articles.update(id, { updated_at: now, modified_at: now }, trx);
			return correctionId;
		});
	}

	/** Takes a published story off the public site; stories that pointed to it get a new "Check Also". */
	async unpublish(id: number, options: WriteOptions = {}): Promise<void> {
		await this.changing(id, options, async (trx) => {
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
		return (await this.readPublished(slug))?.story;
	}

	/** A published story by slug with the notes and the "Check Also" its page shows, in one read; or undefined. */
	async readPublished(slug: string): Promise<PublishedStory | undefined> {
		const row = await this.articles.findPublishedBySlug(slug);
		if (!row?.published_at) return undefined;
		const story: Article = {
			id: row.id,
			slug: row.slug,
			status: row.status,
			headline: row.headline,
			standfirst: row.standfirst,
			// Sanitized when stored, by every path that stores a body: re-sanitizing cost 141 µs a page.
			bodyHtml: row.body_html,
			bodyText: row.opening,
			datelinePlace: row.dateline_place,
			sourceLine: row.source_line,
			language: row.language,
			publishedAt: new Date(row.published_at),
			updatedAt: row.updated_at ? new Date(row.updated_at) : null,
			section: {
				id: row.section_id,
				slug: row.section_slug,
				name: row.section_name,
				path: row.section_path,
				parentId: row.section_parent_id,
			},
			bylines: row.bylines,
			tags: row.tags,
			revision: row.revision,
			featuredMediaId: row.featured_media_id,
			translationGroup: row.translation_group,
		};
		return { story, corrections: row.notes, checkAlso: row.checkAlso && checkAlsoStory(row.checkAlso) };
	}

	/**
	 * Links stories as translations of one another and returns their group's
	 * number. A story already in a group brings its group along: the groups
	 * merge, since a translation of a translation is a translation too. A group
	 * holds one story per language.
	 */
	async linkTranslations(ids: readonly number[], options: WriteOptions = {}): Promise<number> {
		const unique = [...new Set(ids)];
		if (unique.length < 2) throw new AppError("ERR_VALIDATION", "Link at least two stories as translations.");
		let members: number[] = [];
		const group = await inTransaction(options.db ?? this.deps.db, async (trx) => {
			const rows = [];
			for (const id of unique) rows.push(await this.requireArticle(id, trx));
			const groups = [
				...new Set(rows.flatMap((row) => (row.translation_group === null ? [] : [row.translation_group]))),
			];
			const joined = new Map<number, string>(rows.map((row) => [row.id, row.language]));
			for (const member of await this.articles.groupMembers(groups, trx)) joined.set(member.id, member.language);
			const byLanguage = new Map<string, number>();
			for (const [id, language] of joined) {
				const other = byLanguage.get(language.toLowerCase());
				if (other !== undefined)
					throw new AppError(
						"ERR_VALIDATION",
						`Stories ${other} and ${id} are both in "${language}"; a group holds one story per language.`,
					);
				byLanguage.set(language.toLowerCase(), id);
			}
			members = [...joined.keys()].sort((a, b) => a - b);
			// Numbered after its oldest story, so a group needs no table of its own.
			const number = members[0] as number;
			await this.articles.setTranslationGroup(members, number, trx);
			return number;
		});
		if (!options.db?.isTransaction) this.deps.onChange?.(members.map(articleKey));
		return group;
	}

	/** Takes a story out of its translation group; a group left with one story is dissolved. */
	async unlinkTranslation(id: number, options: WriteOptions = {}): Promise<void> {
		let affected: number[] = [];
		await inTransaction(options.db ?? this.deps.db, async (trx) => {
			const row = await this.requireArticle(id, trx);
			if (row.translation_group === null) return;
			const members = await this.articles.groupMembers([row.translation_group], trx);
			affected = members.map((member) => member.id);
			const rest = affected.filter((member) => member !== id);
			await this.articles.setTranslationGroup([id], null, trx);
			if (rest.length === 1) await this.articles.setTranslationGroup(rest, null, trx);
			else if (rest.length > 1) await this.articles.setTranslationGroup(rest, Math.min(...rest), trx);
		});
		if (!options.db?.isTransaction && affected.length > 0) this.deps.onChange?.(affected.map(articleKey));
	}

	/** The other published stories of a story's translation group, by language tag. */
	async translations(articleId: number, knownGroup?: number | null): Promise<ArticleTranslation[]> {
		// A caller holding the story passes its group, sparing a read of the whole row.
		const translationGroup =
			knownGroup !== undefined ? knownGroup : ((await this.articles.findById(articleId))?.translation_group ?? null);
		if (translationGroup === null) return [];
		const group = (await this.translationGroups([translationGroup])).get(translationGroup) ?? [];
		return group.filter((version) => version.id !== articleId);
	}

	/**
	 * For each of `ids` that has published translations: every published story
	 * of its group, itself included, by language tag. For sitemaps, in one query.
	 */
	async translationGroupsOf(ids: readonly number[]): Promise<Map<number, ArticleTranslation[]>> {
		const result = new Map<number, ArticleTranslation[]>();
		if (ids.length === 0) return result;
		const rows = await inBatches(ids, (batch) =>
			this.deps.db
				.selectFrom("articles")
				.select(["id", "translation_group"])
				.where("id", "in", batch)
				.where("translation_group", "is not", null)
				.execute(),
		);
		const groups = await this.translationGroups(rows.flatMap((row) => row.translation_group ?? []));
		for (const row of rows) {
			const group = row.translation_group === null ? undefined : groups.get(row.translation_group);
			if (group && group.length > 1 && group.some((version) => version.id === row.id)) result.set(row.id, group);
		}
		return result;
	}

	private async translationGroups(groups: readonly number[]): Promise<Map<number, ArticleTranslation[]>> {
		const result = new Map<number, ArticleTranslation[]>();
		for (const row of await inBatches([...new Set(groups)], (batch) => this.articles.publishedInGroups(batch))) {
			const publishedAt = new Date(row.published_at);
			const list = result.get(row.translation_group) ?? [];
			list.push({
				id: row.id,
				language: row.language,
				headline: row.headline,
				slug: row.slug,
				publishedAt,
				path: articlePath({ slug: row.slug, publishedAt }, this.deps.timeZone),
			});
			result.set(row.translation_group, list);
		}
		for (const list of result.values())
			list.sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : a.id - b.id));
		return result;
	}

	/**
	 * The surrogate keys of every page that shows the story: its own page, its
	 * section and the sections above, its authors and tags, the front page, the
	 * feeds, the stories whose "Check Also" points to it, and the other stories
	 * of its translation group (their switchers name it).
	 */
	async cacheKeys(id: number, db: Db = this.deps.db): Promise<string[]> {
		const row = await db
			.selectFrom("articles")
			.select(["section_id", "translation_group"])
			.where("id", "=", id)
			.executeTakeFirst();
		if (!row) return [articleKey(id)];
		const section = await this.sections.findById(row.section_id, db);
		const chain = [];
		for (let current = section; current; ) {
			chain.push(current.id);
			if (current.parentId === null || chain.includes(current.parentId)) break;
			current = await this.sections.findById(current.parentId, db);
		}
		const [people, tags, pointing, translations] = await Promise.all([
			db.selectFrom("article_people").select("person_id").where("article_id", "=", id).execute(),
			db.selectFrom("article_tags").select("tag_id").where("article_id", "=", id).execute(),
			db.selectFrom("related").select("article_id").where("related_id", "=", id).execute(),
			// Its translations' pages name it in their language switcher and hreflang links.
			this.articles.groupMembers(row.translation_group === null ? [] : [row.translation_group], db),
		]);
		return [
			articleKey(id),
			HOME_KEY,
			FEEDS_KEY,
			...chain.map(sectionKey),
			...people.map((p) => personKey(p.person_id)),
			...tags.map((t) => tagKey(t.tag_id)),
			...pointing.map((r) => articleKey(r.article_id)),
			...translations.filter((t) => t.id !== id).map((t) => articleKey(t.id)),
		];
	}

	/**
	 * Tells the page caches a story changed: the pages that showed it before
	 * (`before`) and the pages that show it now. Call after the change committed.
	 */
	async announce(id: number, before: readonly string[] = []): Promise<void> {
		if (!this.deps.onChange) return;
		this.deps.onChange([...before, ...(await this.cacheKeys(id))]);
	}

	/**
	 * Runs a change to one story. In a transaction of its own it announces the
	 * change to the page caches after committing; inside a caller's transaction
	 * the caller announces once its transaction has committed.
	 */
	private async changing<T>(id: number, options: WriteOptions, work: (trx: Db) => Promise<T>): Promise<T> {
		if (options.db?.isTransaction) return work(options.db);
		const before = this.deps.onChange ? await this.cacheKeys(id) : [];
		const result = await inTransaction(options.db ?? this.deps.db, work);
		await this.announce(id, before);
		return result;
	}

	/** A page of published stories, newest first, with the total for pagination. */
	async listPublished(
		filter: PublishedFilter,
		page: { limit: number; offset: number },
	): Promise<{ items: ArticleSummary[]; total: number }> {
		const [items, total] = await Promise.all([this.publishedSlice(filter, page), this.articles.countPublished(filter)]);
		return { items, total };
	}

	/**
	 * A slice of the published stories matching `filter`, newest first, with
	 * bylines, and no count: counting a whole archive's matches is what a
	 * listing costs most (a sequential scan on PostgreSQL, 236 ms at 100,000).
	 */
	async publishedSlice(filter: PublishedFilter, page: { limit: number; offset: number }): Promise<ArticleSummary[]> {
		return this.withBylines(await this.articles.listPublished(filter, page));
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
		// Old addresses are stored in one percent-encoding; a request may carry another ("%d0" or "%D0", or none).
		const canonical = canonicalPath(path);
		const row = await this.deps.db
			.selectFrom("redirects")
			.select("to_path")
			.where("from_path", "in", canonical === path ? [path] : [path, canonical])
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
			language: row.language,
		}));
	}

	private async afterPublish(id: number, trx: Db): Promise<void> {
		const row = await this.requireArticle(id, trx);
		await this.deps.adapter.indexDocument(trx, searchDocument({ id, headline: row.headline, bodyText: row.body_text }));
		await this.relatedService.refreshAround(id, trx);
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
	private async freeSlug(base: string, db: Db): Promise<string> {
		if (!(await this.articles.slugExists(base, { db }))) return base;
		for (let n = 2; ; n += 1) {
			const candidate = `${base}-${n}`;
			if (!(await this.articles.slugExists(candidate, { db }))) return candidate;
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

	private async requireMedia(mediaId: number | null, db: Db): Promise<void> {
		if (mediaId !== null && (await this.articles.mediaAlt(mediaId, db)) === undefined)
			throw new AppError("ERR_VALIDATION", `No image has id ${mediaId}.`);
	}

	/** A story may not reach readers with a featured image that has no alt text. */
	private async requireAltText(mediaId: number | null, db: Db): Promise<void> {
		if (mediaId === null) return;
		const alt = await this.articles.mediaAlt(mediaId, db);
		if (!alt?.trim()) throw new AppError("ERR_ALT_TEXT_REQUIRED", `Image ${mediaId} has no alt text.`);
	}
}
