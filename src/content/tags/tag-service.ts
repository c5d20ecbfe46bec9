import type { Db } from "../../db/database.js";
import type { TagRef } from "../articles/article.js";
import { TagRepository } from "./tag-repository.js";

/** Tags are created as stories use them; a tag page lists their stories. */
export class TagService {
	private readonly tags: TagRepository;

	constructor(db: Db) {
		this.tags = new TagRepository(db);
	}

	async getBySlug(slug: string): Promise<TagRef | undefined> {
		return this.tags.findBySlug(slug);
	}
}
