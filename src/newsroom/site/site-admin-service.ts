import type { SectionRecord } from "../../content/sections/section-repository.js";
import type { SectionNode, SectionService } from "../../content/sections/section-service.js";
import type { SettingsService, SiteSettings } from "../../content/settings/settings-service.js";
import { AppError, isAppError } from "../../errors.js";
import type { AuditLog } from "../audit/audit-log.js";
import { type Actor, canEditSettings, canManageSections } from "../roles/access.js";
import { fieldErrors, sectionInputSchema, siteSettingsInputSchema } from "./site-input.js";

/** A form's outcome: the saved thing, or errors keyed by field name to show beside each field. */
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

function flatten(nodes: readonly SectionNode[]): SectionNode[] {
	return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/**
 * The admin's side of the site's structure and identity: sections and site
 * settings, checked against the actor's role and written to the audit log.
 * The content services below it know nothing of users.
 */
export class SiteAdminService {
	constructor(private readonly deps: { sections: SectionService; settings: SettingsService; audit: AuditLog }) {}

	async sectionTree(actor: Actor): Promise<SectionNode[]> {
		if (!canManageSections(actor)) throw new AppError("ERR_FORBIDDEN", "Only an admin can manage sections.");
		return this.deps.sections.tree();
	}

	/** Adds a section from the form as sent; a refused name, slug or parent comes back beside its field. */
	async addSection(actor: Actor, form: Record<string, unknown>): Promise<FormResult<SectionRecord>> {
		if (!canManageSections(actor)) throw new AppError("ERR_FORBIDDEN", "Only an admin can manage sections.");
		const parsed = sectionInputSchema.safeParse(form);
		if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
		const input = parsed.data;
		const all = flatten(await this.deps.sections.tree());
		if (input.parentId !== null && !all.some((section) => section.id === input.parentId))
			return { ok: false, errors: { parentId: "That parent section no longer exists." } };
		const siblings = all.filter((section) => section.parentId === input.parentId);
		let section: SectionRecord;
		try {
			section = await this.deps.sections.create({
				name: input.name,
				...(input.slug ? { slug: input.slug } : {}),
				description: input.description,
				parentId: input.parentId,
				// A new section goes after its siblings, so the existing navigation keeps its order.
				position: Math.max(-1, ...siblings.map((sibling) => sibling.position)) + 1,
			});
		} catch (error) {
			// The name and the parent are checked above; what the section service still refuses is the
			// slug (made from the name when left empty): reserved, without letters, or already in use.
			if (isAppError(error, "ERR_VALIDATION") || isAppError(error, "ERR_SLUG_TAKEN"))
				return { ok: false, errors: { slug: error.detail ?? error.message } };
			throw error;
		}
		// SectionService.create takes no transaction, so the entry follows the change rather than sharing its commit.
		await this.deps.audit.record({
			userId: actor.id,
			action: "section.create",
			subjectType: "section",
			subjectId: section.id,
			detail: { path: section.path, name: section.name },
		});
		return { ok: true, value: section };
	}

	async siteSettings(actor: Actor): Promise<SiteSettings> {
		if (!canEditSettings(actor)) throw new AppError("ERR_FORBIDDEN", "Only an admin can change the site settings.");
		return this.deps.settings.site();
	}

	/** Saves the site settings form; the audit entry names the fields that changed. */
	async updateSite(actor: Actor, form: Record<string, unknown>): Promise<FormResult<SiteSettings>> {
		if (!canEditSettings(actor)) throw new AppError("ERR_FORBIDDEN", "Only an admin can change the site settings.");
		const parsed = siteSettingsInputSchema.safeParse(form);
		if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
		const before = await this.deps.settings.site();
		const after = await this.deps.settings.updateSite(parsed.data);
		const changed = (Object.keys(parsed.data) as (keyof typeof parsed.data)[]).filter(
			(key) => before[key] !== after[key],
		);
		if (changed.length > 0)
			await this.deps.audit.record({
				userId: actor.id,
				action: "settings.site",
				subjectType: "settings",
				subjectId: null,
				detail: { changed },
			});
		return { ok: true, value: after };
	}
}
