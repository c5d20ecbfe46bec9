import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import { AppError } from "../../errors.js";
import type { Byline } from "../articles/article.js";
import { slugify } from "../text.js";
import { PersonRepository } from "./person-repository.js";

/** People are the names in bylines; an author page lists their stories. */
export class PersonService {
	private readonly people: PersonRepository;

	constructor(private readonly deps: { db: Db; clock: Clock }) {
		this.people = new PersonRepository(deps.db);
	}

	async create(input: { name: string; slug?: string; jobTitle?: string; bio?: string }): Promise<Byline> {
		const name = input.name.trim();
		if (!name) throw new AppError("ERR_VALIDATION", "A person needs a name.");
		const slug = slugify(input.slug ?? name);
		if (!slug) throw new AppError("ERR_VALIDATION", "The slug must contain a letter or a digit.");
		if (await this.people.findBySlug(slug)) throw new AppError("ERR_SLUG_TAKEN", `"${slug}" is taken.`);
		return this.people.insert({
			slug,
			name,
			jobTitle: input.jobTitle?.trim() ?? "",
			bio: input.bio?.trim() ?? "",
			createdAt: this.deps.clock.now().toISOString(),
		});
	}

	/** Everyone who can appear in a byline, by name. */
	async listAll(): Promise<Byline[]> {
		return this.people.listAll();
	}

	async getBySlug(slug: string): Promise<Byline | undefined> {
		return this.people.findBySlug(slug);
	}
}
