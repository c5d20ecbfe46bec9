import { SITE_KEY } from "../../cache/purge-bus.js";
import type { Db } from "../../db/database.js";
import { AppError } from "../../errors.js";
import type { TagRef } from "../articles/article.js";
import { canonicalLanguageTag, languageFallbacks } from "../language-tags.js";
import { TagRepository } from "./tag-repository.js";

/** Tags are created as stories use them; a tag page lists their stories. A tag may have a name per language. */
export class TagService {
	private readonly tags: TagRepository;

	constructor(
		db: Db,
		/** Told the surrogate keys of pages a change affects. */
		private readonly onChange?: (keys: readonly string[]) => void,
	) {
		this.tags = new TagRepository(db);
	}

	async getBySlug(slug: string): Promise<TagRef | undefined> {
		return this.tags.findBySlug(slug);
	}

	/**
	 * Names a tag in `language`: story pages in that language show it. An
	 * empty name removes it, and the tag's own name is shown again.
	 */
	async setName(input: { tagId: number; language: string; name: string }): Promise<void> {
		const language = canonicalLanguageTag(input.language);
		if (!language) throw new AppError("ERR_VALIDATION", `"${input.language}" is not a language tag such as "fa-AF".`);
		if (!(await this.tags.findById(input.tagId))) throw new AppError("ERR_VALIDATION", `No tag has id ${input.tagId}.`);
		const name = input.name.trim();
		await this.tags.setName({ tagId: input.tagId, language, name: name || null });
		// A tag's name is on every story page that carries it; those pages do not carry its key.
		this.onChange?.([SITE_KEY]);
	}

	/** `tags` with each name in `language` ("fa-AF", else "fa") where the tag has one there. */
	async localize<T extends { id: number; name: string; names?: Readonly<Record<string, string>> }>(
		tags: readonly T[],
		language: string,
	): Promise<T[]> {
		if (tags.length === 0) return [];
		const fallbacks = languageFallbacks(language);
		// Names read with the tags (a story page on PostgreSQL) need no query.
		const stored = tags.every((tag) => tag.names)
			? new Map(tags.map((tag) => [tag.id, new Map(Object.entries(tag.names ?? {}))]))
			: await this.tags.namesIn(
					tags.map((tag) => tag.id),
					fallbacks,
				);
		return tags.map((tag) => {
			const names = stored.get(tag.id);
			const name = names && fallbacks.map((candidate) => names.get(candidate)).find((found) => found !== undefined);
			return name === undefined ? tag : { ...tag, name };
		});
	}
}
