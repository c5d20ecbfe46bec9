import type { Clock } from "../../clock.js";
import { type ArticleStatus, articlePath } from "../../content/articles/article.js";
import type { ArticleInput, ArticleService } from "../../content/articles/article-service.js";
import type { CorrectionInput } from "../../content/corrections/correction.js";
import { CorrectionRepository } from "../../content/corrections/correction-repository.js";
import type { Db } from "../../db/database.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import { AppError } from "../../errors.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { FieldDiff, RevisionSummary, StorySnapshot } from "../revisions/revision.js";
import { diffSnapshots } from "../revisions/revision-diff.js";
import { RevisionRepository } from "../revisions/revision-repository.js";
import {
	type Actor,
	canAddCorrection,
	canCreateStory,
	canEditStory,
	canPublishStory,
	canSeeAllStories,
	canSubmitStory,
	canUnpublishStory,
	canViewStory,
	type StoryAccess,
} from "../roles/access.js";
import { AutosaveRepository } from "./autosave-repository.js";
import type { EditableStory, NewsroomStoryRow, StoryListFilter } from "./story.js";
import type { StoryInput } from "./story-input.js";
import { type StoryRecord, StoryRepository } from "./story-repository.js";

export interface NewsroomStoryServiceDeps {
	db: Db;
	adapter: DialectAdapter;
	clock: Clock;
	articles: ArticleService;
	audit: AuditLog;
	/** The newsroom's IANA time zone, which dates public addresses. */
	timeZone: string;
}

type AccessRule = (actor: Actor, story: StoryAccess) => boolean;

/** A workflow step: who may take it, from which statuses, and what it records. */
interface Transition {
	action: string;
	rule: AccessRule;
	from: readonly ArticleStatus[];
	to: ArticleStatus;
}

const NOT_PUBLISHED: readonly ArticleStatus[] = ["draft", "submitted", "scheduled", "unpublished"];
const MAX_PAGE_SIZE = 100;

/** The editor's fields as ArticleService reads them; no slug means "keep it" on an edit, "derive it" on a new story. */
function articleInput(input: StoryInput): ArticleInput {
	return {
		headline: input.headline,
		...(input.slug ? { slug: input.slug } : {}),
		standfirst: input.standfirst,
		bodySource: input.bodySource,
		...(input.bodyFormat ? { bodyFormat: input.bodyFormat } : {}),
		datelinePlace: input.datelinePlace,
		sourceLine: input.sourceLine,
		language: input.language,
		sectionId: input.sectionId,
		personIds: input.personIds,
		tagNames: input.tagNames,
		featuredMediaId: input.featuredMediaId,
	};
}

const toDate = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The newsroom's stories: the list, the editor, the workflow, revisions,
 * autosave and corrections. Every method checks the actor against the pure
 * rules of roles/access.ts. A story the actor may not see is
 * ERR_ARTICLE_NOT_FOUND, as if it did not exist; a step the actor may not take
 * on a story they can see is ERR_FORBIDDEN. Every change lands in one
 * transaction with its audit entry.
 */
export class NewsroomStoryService {
	private readonly stories: StoryRepository;
	private readonly revisionRepository: RevisionRepository;
	private readonly autosaves: AutosaveRepository;
	private readonly correctionRepository: CorrectionRepository;

	constructor(private readonly deps: NewsroomStoryServiceDeps) {
		this.stories = new StoryRepository(deps.db);
		this.revisionRepository = new RevisionRepository(deps.db);
		this.autosaves = new AutosaveRepository(deps.db);
		this.correctionRepository = new CorrectionRepository(deps.db);
	}

	/** A page of stories, by last modification: every story for editors and admins, their own for others. */
	async list(actor: Actor, filter: StoryListFilter): Promise<{ items: NewsroomStoryRow[]; total: number }> {
		const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(filter.pageSize) || 1));
		const page = Math.max(1, Math.trunc(filter.page) || 1);
		const { rows, total } = await this.stories.list({
			ownedBy: canSeeAllStories(actor) ? null : { userId: actor.id, personId: actor.personId },
			status: filter.status,
			sectionId: filter.sectionId,
			personId: filter.personId,
			text: filter.text,
			sort: filter.sort ?? "newest",
			limit: pageSize,
			offset: (page - 1) * pageSize,
		});
		const names = await this.stories.bylineNames(rows.map((row) => row.id));
		return {
			items: rows.map((row) => ({
				id: row.id,
				headline: row.headline,
				slug: row.slug,
				status: row.status,
				sectionName: row.section_name,
				bylineNames: names.get(row.id) ?? [],
				modifiedAt: new Date(row.modified_at),
				publishedAt: toDate(row.published_at),
				scheduledAt: toDate(row.scheduled_at),
				revision: row.revision,
			})),
			total,
		};
	}

	/** A story as the editor opens it, with its corrections and the actor's autosave if that is newer than the last save. */
	async get(actor: Actor, id: number): Promise<EditableStory> {
		const story = await this.visible(actor, id, this.deps.db);
		const corrections = await this.correctionRepository.listFor(id);
		const autosave = await this.autosaves.find(id, actor.id);
		const latest = await this.revisionRepository.latest(id);
		const lastSavedAt = latest?.createdAt ?? new Date(story.modifiedAt);
		const publicPath =
			story.status === "published" && story.publishedAt
				? articlePath({ slug: story.snapshot.slug, publishedAt: new Date(story.publishedAt) }, this.deps.timeZone)
				: null;
		return {
			...story.snapshot,
			id: story.id,
			bodyFormat: story.bodyFormat,
			status: story.status,
			revision: story.revision,
			publishedAt: toDate(story.publishedAt),
			updatedAt: toDate(story.updatedAt),
			scheduledAt: toDate(story.scheduledAt),
			createdBy: story.createdBy,
			publicPath,
			corrections,
			autosave: autosave && autosave.savedAt.getTime() > lastSavedAt.getTime() ? autosave : null,
		};
	}

	/** Creates a draft owned by the actor, and its revision 1. */
	async create(actor: Actor, input: StoryInput): Promise<{ id: number; revision: number }> {
		if (!canCreateStory(actor)) throw new AppError("ERR_FORBIDDEN");
		return this.deps.db.transaction().execute(async (trx) => {
			const id = await this.deps.articles.createDraft({ ...articleInput(input), createdBy: actor.id }, { db: trx });
			await this.recordRevision({ id, number: 1, actor, note: "Created" }, trx);
			await this.record(actor, "story.create", id, { revision: 1 }, trx);
			return { id, revision: 1 };
		});
	}

	/**
	 * Saves the editor's text as a new revision. If anyone saved the story since
	 * `baseRevision`, nothing changes and ERR_REVISION_CONFLICT is thrown.
	 */
	async save(actor: Actor, id: number, input: StoryInput, baseRevision: number): Promise<{ revision: number }> {
		return this.announcing(id, async (trx) => {
			const story = await this.permitted(actor, id, canEditStory, trx);
			requireRevision(story, baseRevision);
			const revision = await this.writeRevision({ story, input, baseRevision, actor, note: "" }, trx);
			await this.record(actor, "story.save", id, { revision }, trx);
			return { revision };
		});
	}

	/** Keeps the actor's unsaved text; one autosave per story and user, never a revision. */
	async autosave(actor: Actor, id: number, input: StoryInput, baseRevision: number): Promise<{ savedAt: Date }> {
		await this.permitted(actor, id, canEditStory, this.deps.db);
		const savedAt = this.deps.clock.now();
		await this.autosaves.upsert({
			articleId: id,
			userId: actor.id,
			baseRevision,
			snapshot: input,
			savedAt: savedAt.toISOString(),
		});
		return { savedAt };
	}

	/** draft → submitted, for an editor's review. */
	async submit(actor: Actor, id: number): Promise<void> {
		await this.transition(
			actor,
			id,
			{ action: "story.submit", rule: canSubmitStory, from: ["draft"], to: "submitted" },
			async (_story, trx) => {
				await this.deps.articles.submit(id, { db: trx });
				return {};
			},
		);
	}

	/**
	 * Publishes now. A story published before (and since unpublished) keeps its first
	 * publication time, and so its address, and shows an updated time instead.
	 */
	async publish(actor: Actor, id: number): Promise<void> {
		await this.transition(
			actor,
			id,
			{ action: "story.publish", rule: canPublishStory, from: NOT_PUBLISHED, to: "published" },
			async (story, trx) => {
				const republish = story.publishedAt
					? { at: new Date(story.publishedAt), updatedAt: this.deps.clock.now() }
					: {};
				await this.deps.articles.publish(id, { ...republish, db: trx });
				return republish.at ? { republished: true } : {};
			},
		);
	}

	/** Schedules the story for `at`, which must be in the future; the Scheduler publishes it then. */
	async schedule(actor: Actor, id: number, at: Date): Promise<void> {
		await this.transition(
			actor,
			id,
			{ action: "story.schedule", rule: canPublishStory, from: NOT_PUBLISHED, to: "scheduled" },
			async (_story, trx) => {
				await this.deps.articles.schedule(id, at, { db: trx });
				return { at: at.toISOString() };
			},
		);
	}

	/** published → unpublished: off the public site, kept in the newsroom. */
	async unpublish(actor: Actor, id: number): Promise<void> {
		await this.transition(
			actor,
			id,
			{ action: "story.unpublish", rule: canUnpublishStory, from: ["published"], to: "unpublished" },
			async (_story, trx) => {
				await this.deps.articles.unpublish(id, { db: trx });
				return {};
			},
		);
	}

	/** The story's revisions, newest first. */
	async revisions(actor: Actor, id: number): Promise<RevisionSummary[]> {
		await this.visible(actor, id, this.deps.db);
		return this.revisionRepository.list(id);
	}

	/** The fields that differ from revision `from` to revision `to`; text fields word by word. */
	async diff(actor: Actor, id: number, from: number, to: number): Promise<FieldDiff[]> {
		await this.visible(actor, id, this.deps.db);
		const [older, newer] = [await this.snapshotOf(id, from), await this.snapshotOf(id, to)];
		const names = await this.stories.names({
			people: [...older.personIds, ...newer.personIds],
			sections: [older.sectionId, newer.sectionId],
			media: [older.featuredMediaId, newer.featuredMediaId].filter((mediaId) => mediaId !== null),
		});
		return diffSnapshots(older, newer, {
			person: (personId) => names.people.get(personId) ?? `#${personId}`,
			section: (sectionId) => names.sections.get(sectionId) ?? `#${sectionId}`,
			media: (mediaId) => names.media.get(mediaId) ?? `#${mediaId}`,
		});
	}

	/**
	 * Makes an old revision the story's text again, as a NEW revision; every earlier
	 * revision stays. Conflicts like `save` when the story moved past `baseRevision`.
	 */
	async restore(actor: Actor, id: number, revision: number, baseRevision: number): Promise<{ revision: number }> {
		return this.announcing(id, async (trx) => {
			const story = await this.permitted(actor, id, canEditStory, trx);
			requireRevision(story, baseRevision);
			const old = await this.revisionRepository.find(id, revision, trx);
			if (!old) throw new AppError("ERR_VALIDATION", `Story ${id} has no revision ${revision}.`);
			const number = await this.writeRevision(
				{ story, input: old.snapshot, baseRevision, actor, note: `Restored revision ${revision}` },
				trx,
			);
			await this.record(actor, "story.restore", id, { restored: revision, revision: number }, trx);
			return { revision: number };
		});
	}

	/** Adds a dated note under a published story and moves its updated time to now. */
	async addCorrection(actor: Actor, id: number, input: { kind: CorrectionInput["kind"]; body: string }): Promise<void> {
		await this.transition(
			actor,
			id,
			{ action: "story.correction", rule: canAddCorrection, from: ["published"], to: "published" },
			async (_story, trx) => {
				const correctionId = await this.deps.articles.addCorrection(id, input, { createdBy: actor.id, db: trx });
				return { kind: input.kind, correctionId };
			},
		);
	}

	/** The story, if the actor may see it; otherwise ERR_ARTICLE_NOT_FOUND, as for a story that does not exist. */
	private async visible(actor: Actor, id: number, db: Db): Promise<StoryRecord> {
		const story = await this.stories.find(id, db);
		if (!story || !canViewStory(actor, story)) throw new AppError("ERR_ARTICLE_NOT_FOUND", `No story has id ${id}.`);
		return story;
	}

	/** The story, if the actor may see it and `rule` lets them act on it. */
	private async permitted(actor: Actor, id: number, rule: AccessRule, db: Db): Promise<StoryRecord> {
		const story = await this.visible(actor, id, db);
		if (!rule(actor, story)) throw new AppError("ERR_FORBIDDEN");
		return story;
	}

	/** Runs `work` in a transaction, then tells the page caches which public pages the story was and is on. */
	private async announcing<T>(id: number, work: (trx: Db) => Promise<T>): Promise<T> {
		const before = await this.deps.articles.cacheKeys(id);
		const result = await this.deps.db.transaction().execute(work);
		await this.deps.articles.announce(id, before);
		return result;
	}

	/** Runs one workflow step with its checks and its audit entry, in one transaction. */
	private async transition(
		actor: Actor,
		id: number,
		step: Transition,
		apply: (story: StoryRecord, trx: Db) => Promise<Record<string, unknown>>,
	): Promise<void> {
		await this.announcing(id, async (trx) => {
			const story = await this.visible(actor, id, trx);
			if (!step.from.includes(story.status)) {
				throw new AppError("ERR_INVALID_TRANSITION", `The story is ${story.status}.`);
			}
			if (!step.rule(actor, story)) throw new AppError("ERR_FORBIDDEN");
			const detail = await apply(story, trx);
			await this.record(actor, step.action, id, { from: story.status, to: step.to, ...detail }, trx);
		});
	}

	/** Writes `input` over the story as the next revision, keeping the text it replaces. */
	private async writeRevision(
		change: { story: StoryRecord; input: StoryInput; baseRevision: number; actor: Actor; note: string },
		trx: Db,
	): Promise<number> {
		const { story, actor } = change;
		// A story written before revisions were kept (the demo, an import) gets its current text stored first.
		if ((await this.revisionRepository.find(story.id, story.revision, trx)) === undefined) {
			await this.revisionRepository.insert(
				{
					articleId: story.id,
					number: story.revision,
					snapshot: story.snapshot,
					createdAt: story.modifiedAt,
					createdBy: null,
					note: "Before newsroom editing",
				},
				trx,
			);
		}
		const number = await this.deps.articles.update(story.id, articleInput(change.input), {
			db: trx,
			expectedRevision: change.baseRevision,
		});
		await this.recordRevision({ id: story.id, number, actor, note: change.note }, trx);
		await this.autosaves.delete(story.id, actor.id, trx);
		return number;
	}

	/** Stores the story's fields, as they now are, as revision `number`. */
	private async recordRevision(
		revision: { id: number; number: number; actor: Actor; note: string },
		trx: Db,
	): Promise<void> {
		const story = await this.stories.find(revision.id, trx);
		if (!story) throw new AppError("ERR_ARTICLE_NOT_FOUND", `No story has id ${revision.id}.`);
		await this.revisionRepository.insert(
			{
				articleId: revision.id,
				number: revision.number,
				snapshot: story.snapshot,
				createdAt: this.deps.clock.now().toISOString(),
				createdBy: revision.actor.id,
				note: revision.note,
			},
			trx,
		);
	}

	private async snapshotOf(id: number, number: number): Promise<StorySnapshot> {
		const revision = await this.revisionRepository.find(id, number);
		if (!revision) throw new AppError("ERR_VALIDATION", `Story ${id} has no revision ${number}.`);
		return revision.snapshot;
	}

	private async record(
		actor: Actor,
		action: string,
		id: number,
		detail: Record<string, unknown>,
		trx: Db,
	): Promise<void> {
		await this.deps.audit.record({ userId: actor.id, action, subjectType: "article", subjectId: id, detail }, trx);
	}
}

/** No lost update: a save must start from the story's current revision. */
function requireRevision(story: StoryRecord, baseRevision: number): void {
	if (story.revision !== baseRevision) {
		throw new AppError(
			"ERR_REVISION_CONFLICT",
			`The story is at revision ${story.revision}; this edit started from revision ${baseRevision}.`,
		);
	}
}
