import { SITE_KEY } from "../../cache/purge-bus.js";
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import { AppError } from "../../errors.js";
import { canonicalLanguageTag, languageFallbacks } from "../language-tags.js";
import { slugify } from "../text.js";
import { type SectionRecord, SectionRepository } from "./section-repository.js";

/** A section with its children, for navigation and the home page. */
export interface SectionNode extends SectionRecord {
	children: SectionNode[];
}

/** Sections form a tree; a child's URL path is its parent's path plus its own slug. */
/** First path segments that are Dateline's own addresses: no section (or page) may take them. */
export const RESERVED_SECTION_SLUGS: ReadonlySet<string> = new Set([
	"author",
	"tag",
	"page",
	"feed",
	"search",
	"admin",
	"api",
	"media",
	"assets",
	"sections",
]);

export class SectionService {
	private readonly sections: SectionRepository;

	constructor(private readonly deps: { db: Db; clock: Clock; onChange?: (keys: readonly string[]) => void }) {
		this.sections = new SectionRepository(deps.db);
	}

	async create(input: {
		name: string;
		slug?: string;
		description?: string;
		parentId?: number | null;
		position?: number;
	}): Promise<SectionRecord> {
		const name = input.name.trim();
		if (!name) throw new AppError("ERR_VALIDATION", "A section needs a name.");
		const slug = slugify(input.slug ?? name);
		if (!slug) throw new AppError("ERR_VALIDATION", "The section slug must contain a letter or a digit.");
		if (RESERVED_SECTION_SLUGS.has(slug)) {
			throw new AppError("ERR_VALIDATION", `"${slug}" is a reserved address and cannot name a section.`);
		}
		const parent = input.parentId ? await this.sections.findById(input.parentId) : undefined;
		if (input.parentId && !parent) throw new AppError("ERR_VALIDATION", `No section has id ${input.parentId}.`);
		const path = parent ? `${parent.path}/${slug}` : slug;
		if (await this.sections.findByPath(path))
			throw new AppError("ERR_SLUG_TAKEN", `A section already lives at /${path}/.`);
		const created = await this.sections.insert({
			slug,
			name,
			description: input.description?.trim() ?? "",
			parentId: parent?.id ?? null,
			path,
			position: input.position ?? 0,
			createdAt: this.deps.clock.now().toISOString(),
		});
		// Sections are in every page's navigation.
		this.deps.onChange?.([SITE_KEY]);
		return created;
	}

	/**
	 * Names a section in `language` ("Dari" in English, "دری" in Dari); pages
	 * in that language show it. An empty name removes it, and the section's own
	 * name is shown again.
	 */
	async setName(input: { sectionId: number; language: string; name: string }): Promise<void> {
		const language = canonicalLanguageTag(input.language);
		if (!language) throw new AppError("ERR_VALIDATION", `"${input.language}" is not a language tag such as "fa-AF".`);
		if (!(await this.sections.findById(input.sectionId)))
			throw new AppError("ERR_VALIDATION", `No section has id ${input.sectionId}.`);
		const name = input.name.trim();
		await this.sections.setName({ sectionId: input.sectionId, language, name: name || null });
		// Section names are in every page's navigation and breadcrumbs.
		this.deps.onChange?.([SITE_KEY]);
	}

	/** A section's names in other languages, by language tag. */
	async names(sectionId: number): Promise<{ language: string; name: string }[]> {
		return this.sections.namesOf(sectionId);
	}

	/** Section id → its name in `language` ("fa-AF", else "fa"), for the sections that have one. */
	async namesIn(language: string): Promise<Map<number, string>> {
		const fallbacks = languageFallbacks(language);
		const stored = await this.sections.namesIn(fallbacks);
		const result = new Map<number, string>();
		for (const [sectionId, names] of stored) {
			const name = fallbacks.map((tag) => names.get(tag)).find((found) => found !== undefined);
			if (name !== undefined) result.set(sectionId, name);
		}
		return result;
	}

	/** `sections` with each name in `language` where the section has one there. */
	async localize<T extends { id: number; name: string }>(sections: readonly T[], language: string): Promise<T[]> {
		if (sections.length === 0) return [];
		const names = await this.namesIn(language);
		return sections.map((section) => {
			const name = names.get(section.id);
			return name === undefined ? section : { ...section, name };
		});
	}

	async getByPath(path: string): Promise<SectionRecord | undefined> {
		return this.sections.findByPath(path);
	}

	/** The whole tree, top-level sections first in position order; named in `language` where given and named there. */
	async tree(language?: string): Promise<SectionNode[]> {
		const listed = await this.sections.listAll();
		const all = language === undefined ? listed : await this.localize(listed, language);
		const nodes = new Map(all.map((section) => [section.id, { ...section, children: [] as SectionNode[] }]));
		const roots: SectionNode[] = [];
		for (const node of nodes.values()) {
			const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
			if (parent) parent.children.push(node);
			else roots.push(node);
		}
		return roots;
	}

	/** The section and every section below it, for listing a parent's stories. */
	async withDescendants(sectionId: number): Promise<number[]> {
		const all = await this.sections.listAll();
		const ids = [sectionId];
		for (let i = 0; i < ids.length; i += 1) {
			for (const section of all) if (section.parentId === ids[i]) ids.push(section.id);
		}
		return ids;
	}

	/** The chain from the top-level section down to `section`. */
	async ancestry(section: SectionRecord): Promise<SectionRecord[]> {
		const all = new Map((await this.sections.listAll()).map((s) => [s.id, s]));
		const chain = [section];
		let current = section;
		while (current.parentId !== null) {
			const parent = all.get(current.parentId);
			if (!parent || chain.includes(parent)) break;
			chain.unshift(parent);
			current = parent;
		}
		return chain;
	}
}
