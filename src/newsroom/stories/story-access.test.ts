import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsroomFixture, type NewsroomFixture, outcome } from "../../../test/support/newsroom-fixture.js";
import type { ArticleStatus, Role } from "../../db/database.js";
import type { Actor } from "../roles/access.js";

/**
 * Every role × every story action, allowed and denied, through the service.
 * "own" stories were created by the acting user; "other's" by a second editor,
 * with a byline the acting user is not in. A story the actor may not see is
 * ERR_ARTICLE_NOT_FOUND (it is hidden, not just closed); a step the actor may
 * not take on a story they can see is ERR_FORBIDDEN.
 */

type Outcome = "ok" | "ERR_FORBIDDEN" | "ERR_ARTICLE_NOT_FOUND";
type Whose = "own" | "other's";

const ROLES: readonly Role[] = ["admin", "editor", "author", "contributor"];
const NF = "ERR_ARTICLE_NOT_FOUND";
const FORBIDDEN = "ERR_FORBIDDEN";

/** What each role gets on its own story and on someone else's. */
const editing: Record<Role, Record<Whose, Outcome>> = {
	admin: { own: "ok", "other's": "ok" },
	editor: { own: "ok", "other's": "ok" },
	author: { own: "ok", "other's": NF },
	contributor: { own: "ok", "other's": NF },
};
const publishing: Record<Role, Record<Whose, Outcome>> = {
	admin: { own: "ok", "other's": "ok" },
	editor: { own: "ok", "other's": "ok" },
	author: { own: "ok", "other's": NF },
	contributor: { own: FORBIDDEN, "other's": NF },
};

let fx: NewsroomFixture;
let otherEditor: Actor;

beforeAll(async () => {
	fx = await createNewsroomFixture();
	otherEditor = await fx.addUser("editor", "Olga Other");
});

afterAll(async () => {
	await fx.close();
});

const later = () => new Date(fx.site.clock.now().getTime() + 3_600_000);

/** A story created by `owner` and moved to `status` by an editor; with `revisions: 2`, saved once more by its owner. */
async function story(owner: Actor, status: ArticleStatus, options: { revisions?: number } = {}): Promise<number> {
	const { id } = await fx.stories.create(owner, fx.input({ headline: `Story of ${owner.id}`, personIds: [] }));
	if (options.revisions === 2) await fx.stories.save(owner, id, fx.input({ headline: "Second revision" }), 1);
	if (status === "submitted") await fx.stories.submit(fx.actors.editor, id);
	if (status === "published" || status === "unpublished") await fx.stories.publish(fx.actors.editor, id);
	if (status === "unpublished") await fx.stories.unpublish(fx.actors.editor, id);
	return id;
}

async function state(id: number) {
	const row = await fx.site.db
		.selectFrom("articles")
		.select(["status", "headline", "revision", "updated_at", "scheduled_at"])
		.where("id", "=", id)
		.executeTakeFirstOrThrow();
	const revisions = await fx.site.db
		.selectFrom("revisions")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("article_id", "=", id)
		.executeTakeFirstOrThrow();
	const autosaves = await fx.site.db
		.selectFrom("autosaves")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("article_id", "=", id)
		.executeTakeFirstOrThrow();
	const corrections = await fx.site.db
		.selectFrom("corrections")
		.select((eb) => eb.fn.countAll<number>().as("n"))
		.where("article_id", "=", id)
		.executeTakeFirstOrThrow();
	return {
		...row,
		revisions: Number(revisions.n),
		autosaves: Number(autosaves.n),
		corrections: Number(corrections.n),
		audit: await fx.auditActions(id),
	};
}

interface Action {
	/** The status the story is put in before the action. */
	status: ArticleStatus;
	revisions?: number;
	rules: Record<Role, Record<Whose, Outcome>>;
	run(actor: Actor, id: number): Promise<unknown>;
	/** Checks what the action did, when it was allowed. */
	allowed(id: number, actor: Actor): Promise<void>;
}

const actions: Record<string, Action> = {
	view: {
		status: "draft",
		rules: editing,
		run: (actor, id) => fx.stories.get(actor, id),
		allowed: async (id, actor) => {
			expect((await fx.stories.get(actor, id)).id).toBe(id);
		},
	},
	"edit (save)": {
		status: "draft",
		rules: editing,
		run: (actor, id) => fx.stories.save(actor, id, fx.input({ headline: "Edited" }), 1),
		allowed: async (id) => {
			const after = await state(id);
			expect(after).toMatchObject({ headline: "Edited", revision: 2, revisions: 2 });
			expect(after.audit).toContain("story.save");
		},
	},
	autosave: {
		status: "draft",
		rules: editing,
		run: (actor, id) => fx.stories.autosave(actor, id, fx.input({ headline: "Typing" }), 1),
		allowed: async (id) => {
			expect(await state(id)).toMatchObject({ autosaves: 1, revisions: 1 });
		},
	},
	restore: {
		status: "draft",
		revisions: 2,
		rules: editing,
		run: (actor, id) => fx.stories.restore(actor, id, 1, 2),
		allowed: async (id) => {
			const after = await state(id);
			expect(after).toMatchObject({ headline: expect.stringMatching(/^Story of/), revision: 3, revisions: 3 });
			expect(after.audit).toContain("story.restore");
		},
	},
	submit: {
		status: "draft",
		rules: editing,
		run: (actor, id) => fx.stories.submit(actor, id),
		allowed: async (id) => {
			const after = await state(id);
			expect(after.status).toBe("submitted");
			expect(after.audit).toContain("story.submit");
		},
	},
	publish: {
		status: "draft",
		rules: publishing,
		run: (actor, id) => fx.stories.publish(actor, id),
		allowed: async (id) => {
			const after = await state(id);
			expect(after.status).toBe("published");
			expect(after.audit).toContain("story.publish");
		},
	},
	schedule: {
		status: "submitted",
		rules: publishing,
		run: (actor, id) => fx.stories.schedule(actor, id, later()),
		allowed: async (id) => {
			const after = await state(id);
			expect(after.status).toBe("scheduled");
			expect(after.scheduled_at).toBe(later().toISOString());
			expect(after.audit).toContain("story.schedule");
		},
	},
	unpublish: {
		status: "published",
		rules: publishing,
		run: (actor, id) => fx.stories.unpublish(actor, id),
		allowed: async (id) => {
			const after = await state(id);
			expect(after.status).toBe("unpublished");
			expect(after.audit).toContain("story.unpublish");
		},
	},
	"add correction": {
		status: "published",
		rules: publishing,
		run: (actor, id) => fx.stories.addCorrection(actor, id, { kind: "correction", body: "The pass is 3,878 m high." }),
		allowed: async (id) => {
			const after = await state(id);
			expect(after.corrections).toBe(1);
			expect(after.updated_at).not.toBeNull();
			expect(after.audit).toContain("story.correction");
		},
	},
};

const cases = Object.entries(actions).flatMap(([name, action]) =>
	ROLES.flatMap((role) =>
		(["own", "other's"] as const).map((whose) => ({ name, role, whose, expected: action.rules[role][whose] })),
	),
);

describe("every role × action on a story", () => {
	it.each(cases)("$role: $name on $whose story → $expected", async ({ name, role, whose, expected }) => {
		const action = actions[name];
		if (!action) throw new Error(`no action ${name}`);
		const actor = fx.actors[role];
		const owner = whose === "own" ? actor : otherEditor;
		const id = await story(owner, action.status, action.revisions ? { revisions: action.revisions } : {});
		const before = await state(id);
		expect(await outcome(action.run(actor, id))).toBe(expected);
		if (expected === "ok") await action.allowed(id, actor);
		else expect(await state(id)).toEqual(before);
	});
});

describe("creating and listing by role", () => {
	it.each(ROLES)("%s may create a story, which they then own", async (role) => {
		const actor = fx.actors[role];
		const { id, revision } = await fx.stories.create(actor, fx.input({ headline: `Created by ${role}` }));
		expect(revision).toBe(1);
		const row = await fx.site.db
			.selectFrom("articles")
			.select(["status", "created_by"])
			.where("id", "=", id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: "draft", created_by: actor.id });
		expect(await fx.auditActions(id)).toEqual(["story.create"]);
	});

	it.each([
		["admin", "all"],
		["editor", "all"],
		["author", "own"],
		["contributor", "own"],
	] as const)("%s sees %s stories in the list", async (role, sees) => {
		const actor = fx.actors[role];
		const mine = await story(actor, "draft");
		const theirs = await story(otherEditor, "draft");
		const { items, total } = await fx.stories.list(actor, { page: 1, pageSize: 100 });
		const ids = items.map((item) => item.id);
		expect(ids).toContain(mine);
		if (sees === "all") {
			expect(ids).toContain(theirs);
			expect(total).toBe(await fx.site.services.articles.countAll());
		} else {
			expect(ids).not.toContain(theirs);
			const owned = await fx.site.db
				.selectFrom("articles")
				.select((eb) => eb.fn.countAll<number>().as("n"))
				.where("created_by", "=", actor.id)
				.executeTakeFirstOrThrow();
			expect(total).toBe(Number(owned.n));
		}
	});
});

describe("ownership through the byline", () => {
	it("an author in the byline of an editor's story may see, edit, publish and correct it", async () => {
		const bylined = await fx.addUser("author", "Bahar Byline");
		const { id } = await fx.stories.create(
			fx.actors.editor,
			fx.input({ personIds: [bylined.personId ?? 0], headline: "By Bahar" }),
		);
		expect((await fx.stories.list(bylined, { page: 1, pageSize: 10 })).items.map((item) => item.id)).toEqual([id]);
		expect(await outcome(fx.stories.get(bylined, id))).toBe("ok");
		expect(await outcome(fx.stories.save(bylined, id, fx.input({ personIds: [bylined.personId ?? 0] }), 1))).toBe("ok");
		expect(await outcome(fx.stories.publish(bylined, id))).toBe("ok");
		expect(await outcome(fx.stories.addCorrection(bylined, id, { kind: "update", body: "Now open." }))).toBe("ok");
	});

	it("a contributor in the byline may edit the draft and submit it, but not publish it", async () => {
		const bylined = await fx.addUser("contributor", "Parisa Byline");
		const { id } = await fx.stories.create(fx.actors.editor, fx.input({ personIds: [bylined.personId ?? 0] }));
		expect(await outcome(fx.stories.save(bylined, id, fx.input({ personIds: [bylined.personId ?? 0] }), 1))).toBe("ok");
		expect(await outcome(fx.stories.publish(bylined, id))).toBe(FORBIDDEN);
		expect(await outcome(fx.stories.submit(bylined, id))).toBe("ok");
	});

	it("an author without a linked person owns only the stories they created", async () => {
		const loner = await fx.addUser("author", "Lone Author", { withPerson: false });
		const theirs = await story(otherEditor, "draft");
		expect(await outcome(fx.stories.get(loner, theirs))).toBe(NF);
		const mine = await story(loner, "draft");
		expect(await outcome(fx.stories.publish(loner, mine))).toBe("ok");
	});
});

describe("a contributor's story after submission", () => {
	it("can no longer be edited, autosaved or restored by the contributor, but an editor can publish it", async () => {
		const contributor = fx.actors.contributor;
		const id = await story(contributor, "draft", { revisions: 2 });
		expect(await outcome(fx.stories.submit(contributor, id))).toBe("ok");
		const before = await state(id);
		expect(await outcome(fx.stories.save(contributor, id, fx.input(), 2))).toBe(FORBIDDEN);
		expect(await outcome(fx.stories.autosave(contributor, id, fx.input(), 2))).toBe(FORBIDDEN);
		expect(await outcome(fx.stories.restore(contributor, id, 1, 2))).toBe(FORBIDDEN);
		expect(await outcome(fx.stories.submit(contributor, id))).toBe("ERR_INVALID_TRANSITION");
		expect(await state(id)).toEqual(before);
		expect(await outcome(fx.stories.get(contributor, id))).toBe("ok");
		expect(await outcome(fx.stories.publish(fx.actors.editor, id))).toBe("ok");
	});
});

describe("a story that does not exist", () => {
	it.each(ROLES)("is ERR_ARTICLE_NOT_FOUND for %s", async (role) => {
		expect(await outcome(fx.stories.get(fx.actors[role], 999_999))).toBe(NF);
		expect(await outcome(fx.stories.publish(fx.actors[role], 999_999))).toBe(NF);
	});
});
