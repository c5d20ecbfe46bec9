import type { Role } from "../../src/db/database.js";
import { sqliteAdapter } from "../../src/db/dialects/sqlite/sqlite-adapter.js";
import { isAppError } from "../../src/errors.js";
import { AuditLog } from "../../src/newsroom/audit/audit-log.js";
import type { Actor } from "../../src/newsroom/roles/access.js";
import type { StoryInput } from "../../src/newsroom/stories/story-input.js";
import { NewsroomStoryService } from "../../src/newsroom/stories/story-service.js";
import { createTestSite, type TestSite } from "./test-site.js";

/** A test site with the newsroom's story service, a section, and one user per role. */
export interface NewsroomFixture {
	site: TestSite;
	stories: NewsroomStoryService;
	audit: AuditLog;
	sectionId: number;
	/** One user per role; each is linked to a byline person of their own. */
	actors: Record<Role, Actor>;
	/** A user (with a person) who is a byline of no story unless a test puts them there. */
	addUser(role: Role, name: string, options?: { withPerson?: boolean }): Promise<Actor>;
	/** A valid story input in the fixture's section. */
	input(overrides?: Partial<StoryInput>): StoryInput;
	/** The audit actions recorded about a story, oldest first. */
	auditActions(articleId: number): Promise<string[]>;
	close(): Promise<void>;
}

export async function createNewsroomFixture(): Promise<NewsroomFixture> {
	const site = await createTestSite();
	const audit = new AuditLog({ db: site.db, clock: site.clock });
	const stories = new NewsroomStoryService({
		db: site.db,
		adapter: sqliteAdapter,
		clock: site.clock,
		articles: site.services.articles,
		audit,
		timeZone: site.config.timeZone,
	});
	const sectionId = (await site.services.sections.create({ name: "News", slug: "news" })).id;

	let users = 0;
	const addUser = async (role: Role, name: string, options: { withPerson?: boolean } = {}): Promise<Actor> => {
		users += 1;
		const personId = options.withPerson === false ? null : (await site.services.people.create({ name })).id;
		const row = await site.db
			.insertInto("users")
			.values({
				email: `user${users}@example.org`,
				display_name: name,
				role,
				password_hash: null,
				must_reset_password: 0,
				person_id: personId,
				created_at: site.clock.now().toISOString(),
			})
			.returning("id")
			.executeTakeFirstOrThrow();
		return { id: row.id, role, personId };
	};

	const actors: Record<Role, Actor> = {
		admin: await addUser("admin", "Ada Admin"),
		editor: await addUser("editor", "Edna Editor"),
		author: await addUser("author", "Arash Author"),
		contributor: await addUser("contributor", "Cyrus Contributor"),
	};

	return {
		site,
		stories,
		audit,
		sectionId,
		actors,
		addUser,
		input: (overrides = {}) => ({
			headline: "Salang pass reopens after snow",
			standfirst: "Ploughs worked through the night.",
			datelinePlace: "KABUL",
			sourceLine: "Dateline News",
			language: "en",
			sectionId,
			personIds: [],
			tagNames: ["roads"],
			featuredMediaId: null,
			bodySource: "The pass reopened on Monday morning after three days.",
			...overrides,
		}),
		auditActions: async (articleId) => {
			const rows = await site.db
				.selectFrom("audit_log")
				.select("action")
				.where("subject_type", "=", "article")
				.where("subject_id", "=", articleId)
				.orderBy("id")
				.execute();
			return rows.map((row) => row.action);
		},
		close: () => site.close(),
	};
}

/** The catalog code of the error `promise` rejects with, or "ok" when it resolves. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
		return "ok";
	} catch (error) {
		if (isAppError(error)) return error.code;
		throw error;
	}
}
