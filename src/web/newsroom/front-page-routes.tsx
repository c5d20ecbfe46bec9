import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import { type FrontPageService, MAX_FEATURED } from "../../content/front-page/front-page-service.js";
import { AppError, isAppError } from "../../errors.js";
import { canCurateHome } from "../../newsroom/roles/access.js";
import type { Services } from "../../services.js";
import type { NewsroomKit } from "./newsroom-plugin.js";
import { parseLocalDateTime } from "./story-routes.js";
import { type AdminContext, AdminLayout, CsrfField, Field } from "./views/admin-layout.js";

interface FrontPageModel {
	stories: readonly { id: number; headline: string }[];
	leadId: number | null;
	featuredIds: readonly number[];
	breaking: { text: string; url: string; expiresAt: Date } | null;
	formatDate: (at: Date) => string;
	notice?: string;
	errors: Record<string, string>;
	typed: { text: string; url: string; expires: string };
}

/** The editors' front page controls: pin the lead and featured stories, show or take down the breaking-news banner. */
export function frontPageRoutes(deps: {
	frontPage: FrontPageService;
	services: Services;
	config: Pick<Config, "timeZone">;
}) {
	const dates = new Intl.DateTimeFormat("en-GB", {
		dateStyle: "medium",
		timeStyle: "short",
		timeZone: deps.config.timeZone,
	});
	return async (app: FastifyInstance, kit: NewsroomKit): Promise<void> => {
		async function model(extra: Partial<FrontPageModel> = {}): Promise<FrontPageModel> {
			const [{ items }, curation, breaking] = await Promise.all([
				deps.services.articles.listPublished({}, { limit: 60, offset: 0 }),
				deps.frontPage.curation(),
				deps.frontPage.breaking(),
			]);
			return {
				stories: items.map((story) => ({ id: story.id, headline: story.headline })),
				leadId: curation.leadId,
				featuredIds: curation.featuredIds,
				breaking,
				formatDate: (at) => dates.format(at),
				errors: {},
				typed: { text: "", url: "", expires: "" },
				...extra,
			};
		}

		const guard = (request: FastifyRequest) => {
			const actor = kit.actor(request);
			if (!canCurateHome(actor)) throw new AppError("ERR_FORBIDDEN");
			return actor;
		};

		app.get("/admin/front-page", async (request, reply) => {
			guard(request);
			const ctx = kit.context(request, "home");
			const saved = (request.query as { saved?: string }).saved;
			return kit.render(
				reply,
				<FrontPage ctx={ctx} model={await model(saved ? { notice: ctx.t("front.saved") } : {})} />,
			);
		});

		app.post("/admin/front-page", async (request, reply) => {
			const actor = guard(request);
			const id = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : null);
			const featuredIds = kit.formAll(request, "featured").flatMap((value) => {
				const parsed = id(value);
				return parsed ? [parsed] : [];
			});
			try {
				await deps.frontPage.setCuration(actor, { leadId: id(kit.form(request).lead), featuredIds });
			} catch (error) {
				if (!isAppError(error, "ERR_VALIDATION")) throw error;
				const ctx = kit.context(request, "home");
				return kit.render(reply, <FrontPage ctx={ctx} model={await model({ errors: { form: error.message } })} />, 400);
			}
			return reply.redirect("/admin/front-page?saved=1", 303);
		});

		app.post("/admin/front-page/breaking", async (request, reply) => {
			const actor = guard(request);
			const form = kit.form(request);
			const typed = { text: form.text ?? "", url: form.url ?? "", expires: form.expires ?? "" };
			const expiresAt = parseLocalDateTime(typed.expires, deps.config.timeZone);
			try {
				if (!expiresAt) throw new AppError("ERR_VALIDATION", "expires: enter a date and time.");
				await deps.frontPage.setBreaking(actor, { text: typed.text, url: typed.url, expiresAt });
			} catch (error) {
				if (!isAppError(error, "ERR_VALIDATION")) throw error;
				const detail = error.detail ?? error.message;
				const match = /^(\w+): (.*)$/.exec(detail);
				const field = match?.[1] === "expiresAt" ? "expires" : (match?.[1] ?? "form");
				const ctx = kit.context(request, "home");
				return kit.render(
					reply,
					<FrontPage ctx={ctx} model={await model({ errors: { [field]: match?.[2] ?? detail }, typed })} />,
					400,
				);
			}
			return reply.redirect("/admin/front-page?saved=1", 303);
		});

		app.post("/admin/front-page/breaking/clear", async (request, reply) => {
			await deps.frontPage.clearBreaking(guard(request));
			return reply.redirect("/admin/front-page?saved=1", 303);
		});
	};
}

function StorySelect(props: {
	id: string;
	name: string;
	label: string;
	empty: string;
	stories: FrontPageModel["stories"];
	selected: number | null;
}) {
	return (
		<div>
			<label for={props.id}>{props.label}</label>
			<select id={props.id} name={props.name}>
				<option value="">{props.empty}</option>
				{props.stories.map((story) => (
					<option key={story.id} value={String(story.id)} selected={props.selected === story.id}>
						{story.headline}
					</option>
				))}
			</select>
		</div>
	);
}

function FrontPage({ ctx, model }: { ctx: AdminContext; model: FrontPageModel }) {
	return (
		<AdminLayout ctx={ctx} title={ctx.t("front.title")}>
			<h1>{ctx.t("front.title")}</h1>
			{model.notice ? (
				<p class="notice ok" role="status">
					{model.notice}
				</p>
			) : null}
			{model.errors.form ? (
				<p class="notice bad" role="alert">
					{model.errors.form}
				</p>
			) : null}
			<form method="post" action="/admin/front-page">
				<CsrfField ctx={ctx} />
				<StorySelect
					id="front-lead"
					name="lead"
					label={ctx.t("front.lead")}
					empty={ctx.t("front.newest")}
					stories={model.stories}
					selected={model.leadId}
				/>
				{Array.from({ length: MAX_FEATURED }, (_, index) => (
					<StorySelect
						key={String(index)}
						id={`front-featured-${index}`}
						name="featured"
						label={ctx.t("front.featured", { n: index + 1 })}
						empty={ctx.t("front.none")}
						stories={model.stories}
						selected={model.featuredIds[index] ?? null}
					/>
				))}
				<div class="actions">
					<button type="submit">{ctx.t("front.save")}</button>
				</div>
			</form>
			<h2>{ctx.t("front.breaking")}</h2>
			<p>
				{model.breaking
					? ctx.t("front.breakingNow", { when: model.formatDate(model.breaking.expiresAt), text: model.breaking.text })
					: ctx.t("front.breakingOff")}
			</p>
			<form method="post" action="/admin/front-page/breaking">
				<CsrfField ctx={ctx} />
				<Field
					name="text"
					label={ctx.t("front.text")}
					value={model.typed.text}
					error={model.errors.text}
					dir="auto"
					required
				/>
				<Field name="url" label={ctx.t("front.url")} value={model.typed.url} error={model.errors.url} />
				<Field
					name="expires"
					type="datetime-local"
					label={ctx.t("front.expires")}
					value={model.typed.expires}
					error={model.errors.expires}
					required
				/>
				<div class="actions">
					<button type="submit">{ctx.t("front.show")}</button>
				</div>
			</form>
			{model.breaking ? (
				<form method="post" action="/admin/front-page/breaking/clear">
					<CsrfField ctx={ctx} />
					<button type="submit" class="danger">
						{ctx.t("front.clear")}
					</button>
				</form>
			) : null}
		</AdminLayout>
	);
}
