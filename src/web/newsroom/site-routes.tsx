import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sectionPath } from "../../content/articles/article.js";
import type { SectionNode } from "../../content/sections/section-service.js";
import type { SiteSettings } from "../../content/settings/settings-service.js";
import type { NewsroomServices } from "../../newsroom/newsroom-services.js";
import { SiteAdminService } from "../../newsroom/site/site-admin-service.js";
import type { User } from "../../newsroom/users/user-service.js";
import type { Services } from "../../services.js";
import type { NewsroomKit } from "./newsroom-plugin.js";
import type { FormErrors } from "./views/auth-pages.js";
import {
	type SectionFormValues,
	type SectionItem,
	SectionsPage,
	SiteSettingsPage,
	type SiteSettingsValues,
} from "./views/site-pages.js";

function sectionItems(nodes: readonly SectionNode[]): SectionItem[] {
	return nodes.map((node) => ({
		id: node.id,
		name: node.name,
		href: sectionPath(node),
		children: sectionItems(node.children),
	}));
}

function parentChoices(nodes: readonly SectionNode[], depth = 0): { id: number; label: string }[] {
	return nodes.flatMap((node) => [
		{ id: node.id, label: `${"— ".repeat(depth)}${node.name}` },
		...parentChoices(node.children, depth + 1),
	]);
}

const emptySection: SectionFormValues = { name: "", slug: "", description: "", parentId: "" };

function settingsValues(site: SiteSettings): SiteSettingsValues {
	return {
		name: site.name,
		tagline: site.tagline,
		language: site.language,
		sourceLine: site.sourceLine,
		logoUrl: site.logoUrl,
	};
}

/**
 * The admin's site pages: /admin/sections (the section tree and a form to add
 * one) and /admin/site (the site's name, tagline, language, source line and
 * logo). Access is checked by SiteAdminService; the plugin checks CSRF.
 */
export function siteRoutes(deps: { services: Services; newsroom: NewsroomServices }) {
	const admin = new SiteAdminService({
		sections: deps.services.sections,
		settings: deps.services.settings,
		audit: deps.newsroom.audit,
	});

	return async (app: FastifyInstance, kit: NewsroomKit): Promise<void> => {
		async function sectionsPage(
			request: FastifyRequest,
			reply: FastifyReply,
			input: { actor: User; values: SectionFormValues; errors: FormErrors; notice?: string; status?: number },
		) {
			const tree = await admin.sectionTree(input.actor);
			return kit.render(
				reply,
				<SectionsPage
					ctx={kit.context(request, "site")}
					tree={sectionItems(tree)}
					parents={parentChoices(tree)}
					values={input.values}
					errors={input.errors}
					{...(input.notice ? { notice: input.notice } : {})}
				/>,
				input.status ?? 200,
			);
		}

		app.get("/admin/sections", async (request, reply) => {
			const actor = kit.actor(request);
			const added = (request.query as { added?: unknown }).added;
			const t = kit.context(request).t;
			return sectionsPage(request, reply, {
				actor,
				values: emptySection,
				errors: {},
				...(typeof added === "string" && added ? { notice: t("sections.added", { path: added }) } : {}),
			});
		});

		app.post("/admin/sections", async (request, reply) => {
			const actor = kit.actor(request);
			const form = kit.form(request);
			const result = await admin.addSection(actor, form);
			if (result.ok)
				return reply.redirect(`/admin/sections?added=${encodeURIComponent(sectionPath(result.value))}`, 303);
			const values: SectionFormValues = {
				name: form.name ?? "",
				slug: form.slug ?? "",
				description: form.description ?? "",
				parentId: form.parentId ?? "",
			};
			return sectionsPage(request, reply, { actor, values, errors: result.errors, status: 400 });
		});

		app.get("/admin/site", async (request, reply) => {
			const actor = kit.actor(request);
			const site = await admin.siteSettings(actor);
			const ctx = kit.context(request, "site");
			const saved = (request.query as { saved?: unknown }).saved === "1";
			return kit.render(
				reply,
				<SiteSettingsPage
					ctx={ctx}
					values={settingsValues(site)}
					errors={{}}
					{...(saved ? { notice: ctx.t("settings.saved") } : {})}
				/>,
			);
		});

		app.post("/admin/site", async (request, reply) => {
			const actor = kit.actor(request);
			const form = kit.form(request);
			const result = await admin.updateSite(actor, form);
			if (result.ok) return reply.redirect("/admin/site?saved=1", 303);
			const values: SiteSettingsValues = {
				name: form.name ?? "",
				tagline: form.tagline ?? "",
				language: form.language ?? "",
				sourceLine: form.sourceLine ?? "",
				logoUrl: form.logoUrl ?? "",
			};
			return kit.render(
				reply,
				<SiteSettingsPage ctx={kit.context(request, "site")} values={values} errors={result.errors} />,
				400,
			);
		});
	};
}
