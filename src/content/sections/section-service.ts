import { SITE_KEY } from "../../cache/purge-bus.js";
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import { AppError } from "../../errors.js";
import { slugify } from "../text.js";
import { type SectionRecord, SectionRepository } from "./section-repository.js";

/** A section with its children, for navigation and the home page. */
export interface SectionNode extends SectionRecord {
	children: SectionNode[];
}

/** Sections form a tree; a child's URL path is its parent's path plus its own slug. */
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
		if (["author", "tag", "page", "feed", "search", "admin", "api", "media", "assets"].includes(slug)) {
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

	async getByPath(path: string): Promise<SectionRecord | undefined> {
		return this.sections.findByPath(path);
	}

	/** The whole tree, top-level sections first in position order. */
	async tree(): Promise<SectionNode[]> {
		const all = await this.sections.listAll();
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
