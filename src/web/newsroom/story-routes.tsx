import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { renderToString } from "preact-render-to-string";
import { z } from "zod";
import type { Clock } from "../../clock.js";
import type { Config } from "../../config.js";
import type { Article, ArticleStatus } from "../../content/articles/article.js";
import { renderStoredBody } from "../../content/articles/article-body.js";
import type { MediaService } from "../../content/media/media-service.js";
import type { SectionNode } from "../../content/sections/section-service.js";
import { slugify } from "../../content/text.js";
import { AppError, isAppError } from "../../errors.js";
import { zoneOffsetMs } from "../../i18n/time-zones.js";
import type { AuditLog } from "../../newsroom/audit/audit-log.js";
import {
	canAddCorrection,
	canPublishStory,
	canSubmitStory,
	canUnpublishStory,
	type StoryAccess,
} from "../../newsroom/roles/access.js";
import { type StoryInput, storyInputSchema } from "../../newsroom/stories/story-input.js";
import type { NewsroomStoryService } from "../../newsroom/stories/story-service.js";
import type { Services } from "../../services.js";
import { articleView } from "../reader/article-view.js";
import { directionOf } from "../reader/messages.js";
import type { ReaderRenderer } from "../reader/reader-render.js";
import { withDateline } from "../reader/views/article-page.js";
import { editorJs } from "./assets/editor-js.js";
import type { NewsroomKit } from "./newsroom-plugin.js";
import { ConflictPage } from "./views/conflict-page.js";
import { type EditorModel, EditorPage, type EditorValues, valuesOf } from "./views/editor-page.js";
import { RevisionsPage } from "./views/revisions-page.js";
import { StoryListPage } from "./views/story-list-page.js";

export interface StoryRoutesDeps {
	stories: NewsroomStoryService;
	services: Services;
	media: MediaService;
	audit: AuditLog;
	renderer: ReaderRenderer;
	config: Pick<Config, "timeZone">;
	clock: Clock;
}

const PAGE_SIZE = 25;
const STATUSES: readonly ArticleStatus[] = ["draft", "submitted", "scheduled", "published", "unpublished"];

/** The typed form as strings, exactly as sent, so a failed save shows it again untouched. */
function typedValues(kit: NewsroomKit, request: FastifyRequest): EditorValues {
	const form = kit.form(request);
	return {
		headline: form.headline ?? "",
		slug: form.slug ?? "",
		standfirst: form.standfirst ?? "",
		datelinePlace: form.datelinePlace ?? "",
		sourceLine: form.sourceLine ?? "",
		language: form.language ?? "",
		sectionId: form.sectionId ?? "",
		personIds: kit.formAll(request, "personIds").filter((id) => id !== ""),
		tagNames: form.tagNames ?? "",
		featuredMediaId: form.featuredMediaId ?? "",
		bodySource: form.bodySource ?? "",
		bodyFormat: form.bodyFormat === "html" ? "html" : "markdown",
	};
}

/** Parses the typed form; field errors come back keyed by field name. */
function parseStory(values: EditorValues): { input: StoryInput } | { errors: Record<string, string> } {
	const parsed = storyInputSchema.safeParse(values);
	if (parsed.success) return { input: parsed.data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? "form");
		errors[field] ??= issue.message;
	}
	return { errors };
}

function flattenSections(nodes: readonly SectionNode[], depth = 0): { id: number; label: string }[] {
	return nodes.flatMap((node) => [
		{ id: node.id, label: `${"— ".repeat(depth)}${node.name}` },
		...flattenSections(node.children, depth + 1),
	]);
}

/** The newsroom's story pages: list, editor, preview, workflow, revisions, corrections. */
export function storyRoutes(deps: StoryRoutesDeps) {
	const scriptHash = createHash("sha256").update(editorJs).digest("hex").slice(0, 12);
	const scriptHref = `/admin/assets/editor.${scriptHash}.js`;
	const dates = new Intl.DateTimeFormat("en-GB", {
		dateStyle: "medium",
		timeStyle: "short",
		timeZone: deps.config.timeZone,
	});
	const formatDate = (at: Date) => dates.format(at);

	return async (app: FastifyInstance, kit: NewsroomKit): Promise<void> => {
		app.get(scriptHref, async (_request, reply) =>
			reply
				.header("content-type", "text/javascript; charset=utf-8")
				.header("cache-control", "public, max-age=31536000, immutable")
				.send(editorJs),
		);

		async function choices() {
			const [tree, people, images] = await Promise.all([
				deps.services.sections.tree(),
				deps.services.people.listAll(),
				deps.media.list({ limit: 100, offset: 0 }),
			]);
			return {
				sections: flattenSections(tree),
				people: people.map((person) => ({ id: person.id, name: person.name })),
				images: images.items.map((image) => ({
					id: image.id,
					label: `${image.alt || image.originalName || `#${image.id}`} (${image.width}×${image.height})`,
				})),
			};
		}

		function previewHtml(values: EditorValues): string {
			return withDateline(
				renderStoredBody(values.bodyFormat, values.bodySource).html,
				values.datelinePlace,
				values.language || "en",
			);
		}

		async function editor(
			request: FastifyRequest,
			reply: FastifyReply,
			input: { id?: number; values?: EditorValues; errors?: Record<string, string>; notice?: string; status?: number },
		) {
			const actor = kit.actor(request);
			const ctx = kit.context(request, input.id ? "stories" : "new");
			const options = await choices();
			let storyPart: EditorModel["story"];
			let values = input.values;
			let baseRevision = 0;
			let notice = input.notice;
			let can = { publish: false, submit: false, unpublish: false, correct: false };
			if (input.id !== undefined) {
				const story = await deps.stories.get(actor, input.id);
				const access: StoryAccess = {
					status: story.status,
					createdBy: story.createdBy,
					bylinePersonIds: story.personIds,
				};
				can = {
					publish: canPublishStory(actor, access),
					submit: canSubmitStory(actor, access),
					unpublish: canUnpublishStory(actor, access),
					correct: canAddCorrection(actor, access),
				};
				const history = await deps.audit.forSubject("article", story.id, 20);
				storyPart = {
					id: story.id,
					status: story.status,
					revision: story.revision,
					publicPath: story.publicPath,
					scheduledAt: story.scheduledAt,
					corrections: story.corrections,
					history: history.map((entry) => ({ at: entry.at, who: entry.who, action: entry.action })),
				};
				baseRevision = story.revision;
				if (!values && story.autosave) {
					const saved = story.autosave.snapshot;
					values = valuesOf({
						...story,
						...saved,
						slug: saved.slug ?? story.slug,
						bodyFormat: saved.bodyFormat ?? story.bodyFormat,
					});
					baseRevision = story.autosave.baseRevision;
					notice ??= ctx.t("editor.autosaveRestored", { when: formatDate(story.autosave.savedAt) });
				}
				values ??= valuesOf(story);
				if (input.values) {
					const typedBase = Number(kit.form(request).baseRevision);
					if (Number.isInteger(typedBase) && typedBase > 0) baseRevision = typedBase;
				}
			}
			const site = await deps.services.settings.site();
			values ??= {
				headline: "",
				slug: "",
				standfirst: "",
				datelinePlace: "",
				sourceLine: "",
				language: site.language,
				sectionId: String(options.sections[0]?.id ?? ""),
				personIds: actor.personId ? [String(actor.personId)] : [],
				tagNames: "",
				featuredMediaId: "",
				bodySource: "",
				bodyFormat: "markdown",
			};
			const model: EditorModel = {
				...(storyPart ? { story: storyPart } : {}),
				values,
				baseRevision,
				errors: input.errors ?? {},
				...(notice ? { notice } : {}),
				...options,
				can,
				rtl: directionOf(values.language || site.language) === "rtl",
				formatDate,
				previewHtml: previewHtml(values),
				scriptHref,
			};
			return kit.render(reply, <EditorPage ctx={ctx} model={model} />, input.status ?? 200);
		}

		app.get("/admin/", async (request, reply) => {
			const actor = kit.actor(request);
			const query = request.query as Record<string, string | undefined>;
			const status = STATUSES.includes(query.status as ArticleStatus) ? (query.status as ArticleStatus) : undefined;
			const number = (value: string | undefined) => (value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined);
			const page = number(query.page) ?? 1;
			const sectionId = number(query.section);
			const personId = number(query.person);
			const text = (query.q ?? "").trim().slice(0, 200);
			const sort = query.sort === "oldest" ? "oldest" : "newest";
			const { items, total } = await deps.stories.list(actor, {
				...(status ? { status } : {}),
				...(sectionId ? { sectionId } : {}),
				...(personId ? { personId } : {}),
				...(text ? { text } : {}),
				sort,
				page,
				pageSize: PAGE_SIZE,
			});
			const options = await choices();
			const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
			const filter = {
				status: status ?? "",
				sectionId: sectionId ? String(sectionId) : "",
				personId: personId ? String(personId) : "",
				text,
				sort,
			};
			const pageHref = (n: number) => {
				const params = new URLSearchParams();
				if (filter.status) params.set("status", filter.status);
				if (filter.sectionId) params.set("section", filter.sectionId);
				if (filter.personId) params.set("person", filter.personId);
				if (filter.text) params.set("q", filter.text);
				if (sort === "oldest") params.set("sort", sort);
				if (n > 1) params.set("page", String(n));
				const qs = params.toString();
				return qs ? `/admin/?${qs}` : "/admin/";
			};
			return kit.render(
				reply,
				<StoryListPage
					ctx={kit.context(request, "stories")}
					list={{
						rows: items,
						total,
						filter,
						sections: options.sections,
						people: options.people,
						page,
						pages,
						pageHref,
						formatDate,
					}}
				/>,
			);
		});

		app.get("/admin/stories/new", async (request, reply) => editor(request, reply, {}));

		app.post("/admin/stories", async (request, reply) => {
			const actor = kit.actor(request);
			const values = typedValues(kit, request);
			const parsed = parseStory(values);
			if ("errors" in parsed) return editor(request, reply, { values, errors: parsed.errors, status: 400 });
			try {
				const { id } = await deps.stories.create(actor, parsed.input);
				return reply.redirect(`/admin/stories/${id}/edit?saved=1`, 303);
			} catch (error) {
				return editor(request, reply, { values, errors: fieldErrors(error), status: statusOf(error) });
			}
		});

		const idParam = (request: FastifyRequest) => {
			const id = Number((request.params as { id: string }).id);
			if (!Number.isInteger(id) || id <= 0) throw new AppError("ERR_ARTICLE_NOT_FOUND");
			return id;
		};

		app.get("/admin/stories/:id/edit", async (request, reply) => {
			const id = idParam(request);
			const query = request.query as Record<string, string | undefined>;
			const notice = query.saved
				? kit
						.context(request)
						.t("editor.saved", { revision: (await deps.stories.get(kit.actor(request), id)).revision })
				: undefined;
			return editor(request, reply, { id, ...(notice ? { notice } : {}) });
		});

		app.post("/admin/stories/:id", async (request, reply) => {
			const actor = kit.actor(request);
			const id = idParam(request);
			const values = typedValues(kit, request);
			const baseRevision = Number(kit.form(request).baseRevision);
			const parsed = parseStory(values);
			if ("errors" in parsed) return editor(request, reply, { id, values, errors: parsed.errors, status: 400 });
			try {
				await deps.stories.save(actor, id, parsed.input, baseRevision);
				return reply.redirect(`/admin/stories/${id}/edit?saved=1`, 303);
			} catch (error) {
				if (isAppError(error, "ERR_REVISION_CONFLICT")) {
					const current = await deps.stories.get(actor, id);
					return kit.render(
						reply,
						<ConflictPage
							ctx={kit.context(request, "stories")}
							storyId={id}
							typed={values}
							current={current}
							currentRevision={current.revision}
						/>,
						409,
					);
				}
				return editor(request, reply, { id, values, errors: fieldErrors(error), status: statusOf(error) });
			}
		});

		app.post("/admin/stories/:id/autosave", async (request, reply) => {
			const actor = kit.actor(request);
			const id = idParam(request);
			const values = typedValues(kit, request);
			const parsed = parseStory(values);
			if ("errors" in parsed) return reply.code(400).send({ code: "ERR_VALIDATION", errors: parsed.errors });
			const { savedAt } = await deps.stories.autosave(
				actor,
				id,
				parsed.input,
				Number(kit.form(request).baseRevision) || 0,
			);
			return reply.send({ savedAt: savedAt.toISOString() });
		});

		app.post("/admin/stories/preview-body", async (request, reply) => {
			kit.actor(request);
			return reply.send({ html: previewHtml(typedValues(kit, request)) });
		});

		// The whole public page for the typed story, rendered by the reader's own code.
		app.post("/admin/stories/preview", async (request, reply) => {
			const values = typedValues(kit, request);
			kit.actor(request);
			const parsed = parseStory(values);
			if ("errors" in parsed) {
				// The preview opens in its own tab: say what to fix, rather than an editor that would save a second story.
				const message = Object.entries(parsed.errors)
					.map(([field, text]) => `${field}: ${text}`)
					.join(" ");
				throw new AppError("ERR_VALIDATION", message);
			}
			const { page } = await previewPage(parsed.input);
			return reply
				.header("content-type", "text/html; charset=utf-8")
				.header("x-robots-tag", "noindex")
				.send(`<!doctype html>${renderToString(page)}`);
		});

		async function previewPage(input: StoryInput) {
			const tree = await deps.services.sections.tree();
			const section = flattenTree(tree).find((node) => node.id === input.sectionId);
			if (!section) throw new AppError("ERR_VALIDATION", "sectionId: choose a section.");
			const people = await deps.services.people.listAll();
			const bylines = input.personIds.flatMap((id) => people.filter((person) => person.id === id));
			const body = renderStoredBody(input.bodyFormat ?? "markdown", input.bodySource);
			const image = input.featuredMediaId ? ((await deps.media.imageFor(input.featuredMediaId)) ?? null) : null;
			const story: Article = {
				id: 0,
				slug: input.slug ? slugify(input.slug) : slugify(input.headline) || "preview",
				status: "draft",
				headline: input.headline,
				standfirst: input.standfirst,
				bodyHtml: body.html,
				bodyText: body.text,
				datelinePlace: input.datelinePlace,
				sourceLine: input.sourceLine,
				language: input.language,
				publishedAt: deps.clock.now(),
				updatedAt: null,
				section: {
					id: section.id,
					slug: section.slug,
					name: section.name,
					path: section.path,
					parentId: section.parentId,
				},
				bylines,
				tags: input.tagNames.map((name, index) => ({ id: -index - 1, slug: slugify(name), name })),
				revision: 0,
				featuredMediaId: input.featuredMediaId,
				// A preview is not at its public address yet: it names no translations.
				translationGroup: null,
			};
			return articleView({ services: deps.services, config: deps.config, renderer: deps.renderer }, story, {
				corrections: [],
				image,
				checkAlso: null,
				noindex: true,
			});
		}

		const transitions = {
			submit: (request: FastifyRequest, id: number) => deps.stories.submit(kit.actor(request), id),
			publish: (request: FastifyRequest, id: number) => deps.stories.publish(kit.actor(request), id),
			unpublish: (request: FastifyRequest, id: number) => deps.stories.unpublish(kit.actor(request), id),
		} as const;
		for (const [name, run] of Object.entries(transitions)) {
			app.post(`/admin/stories/:id/${name}`, async (request, reply) => {
				const id = idParam(request);
				try {
					await run(request, id);
				} catch (error) {
					if (!isAppError(error) || error.status >= 500 || error.code === "ERR_FORBIDDEN") throw error;
					return editor(request, reply, { id, errors: { form: error.message }, status: error.status });
				}
				return reply.redirect(`/admin/stories/${id}/edit`, 303);
			});
		}

		app.post("/admin/stories/:id/schedule", async (request, reply) => {
			const actor = kit.actor(request);
			const id = idParam(request);
			const at = parseLocalDateTime(kit.form(request).at ?? "", deps.config.timeZone);
			if (!at) return editor(request, reply, { id, errors: { at: "Enter a date and time." }, status: 400 });
			try {
				await deps.stories.schedule(actor, id, at);
			} catch (error) {
				if (!isAppError(error) || error.code === "ERR_FORBIDDEN" || error.status >= 500) throw error;
				return editor(request, reply, { id, errors: { at: error.detail ?? error.message }, status: error.status });
			}
			return reply.redirect(`/admin/stories/${id}/edit`, 303);
		});

		app.post("/admin/stories/:id/corrections", async (request, reply) => {
			const actor = kit.actor(request);
			const id = idParam(request);
			const form = kit.form(request);
			const parsed = z
				.object({ kind: z.enum(["correction", "update", "clarification"]), body: z.string().trim().min(1).max(2000) })
				.safeParse(form);
			if (!parsed.success)
				return editor(request, reply, { id, errors: { form: "Write the note for readers." }, status: 400 });
			await deps.stories.addCorrection(actor, id, parsed.data);
			return reply.redirect(`/admin/stories/${id}/edit`, 303);
		});

		app.get("/admin/stories/:id/revisions", async (request, reply) => {
			const actor = kit.actor(request);
			const id = idParam(request);
			const story = await deps.stories.get(actor, id);
			const revisions = await deps.stories.revisions(actor, id);
			const query = request.query as Record<string, string | undefined>;
			const from = Number(query.from);
			const to = Number(query.to);
			const known = (n: number) => revisions.some((revision) => revision.number === n);
			const compare =
				known(from) && known(to) ? { from, to, diff: await deps.stories.diff(actor, id, from, to) } : null;
			return kit.render(
				reply,
				<RevisionsPage
					ctx={kit.context(request, "stories")}
					storyId={id}
					headline={story.headline}
					revisions={revisions}
					current={story.revision}
					compare={compare}
					formatDate={formatDate}
				/>,
			);
		});

		app.post("/admin/stories/:id/revisions/:number/restore", async (request, reply) => {
			const actor = kit.actor(request);
			const id = idParam(request);
			const number = Number((request.params as { number: string }).number);
			try {
				await deps.stories.restore(actor, id, number, Number(kit.form(request).baseRevision));
			} catch (error) {
				if (isAppError(error, "ERR_REVISION_CONFLICT")) return reply.redirect(`/admin/stories/${id}/revisions`, 303);
				throw error;
			}
			return reply.redirect(`/admin/stories/${id}/edit?saved=1`, 303);
		});
	};
}

function flattenTree(nodes: readonly SectionNode[]): SectionNode[] {
	return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** Field errors from a service error ("slug: …" names the field), or a form-level message. */
function fieldErrors(error: unknown): Record<string, string> {
	if (!isAppError(error) || error.code === "ERR_FORBIDDEN" || error.status >= 500) throw error;
	if (error.code === "ERR_SLUG_TAKEN") return { slug: error.message };
	const detail = error.detail ?? error.message;
	const match = /^(\w+): (.*)$/.exec(detail);
	return match?.[1] && match[2] ? { [match[1]]: match[2] } : { form: error.message };
}

function statusOf(error: unknown): number {
	return isAppError(error) ? error.status : 500;
}

/** Reads a `datetime-local` value ("2026-03-15T14:30") as a time in the site's time zone. */
export function parseLocalDateTime(value: string, timeZone: string): Date | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
	if (!match) return undefined;
	const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
	const guess = Date.UTC(y, mo - 1, d, h, mi);
	// The zone's offset at that moment.
	const result = new Date(guess - zoneOffsetMs(new Date(guess), timeZone));
	return Number.isNaN(result.getTime()) ? undefined : result;
}
