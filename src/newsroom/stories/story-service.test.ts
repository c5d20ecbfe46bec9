import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createNewsroomFixture, type NewsroomFixture, outcome } from "../../../test/support/newsroom-fixture.js";

let fx: NewsroomFixture;

beforeEach(async () => {
	fx = await createNewsroomFixture();
});

afterEach(async () => {
	await fx.close();
});

const MINUTE = 60_000;
/** Moves the test clock forward, so timestamps of successive steps differ. */
const tick = (minutes = 1) => fx.site.clock.set(new Date(fx.site.clock.now().getTime() + minutes * MINUTE));

async function articleRow(id: number) {
	return fx.site.db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function auditRows(id: number) {
	return fx.site.db
		.selectFrom("audit_log")
		.select(["user_id", "action", "at", "detail"])
		.where("subject_type", "=", "article")
		.where("subject_id", "=", id)
		.orderBy("id")
		.execute();
}

describe("no lost update", () => {
	it("a save over a stale revision conflicts, changes nothing, and the save after reloading works", async () => {
		const { editor, author } = fx.actors;
		const { id } = await fx.stories.create(author, fx.input({ bodySource: "First text." }));
		// Both open revision 1; the editor saves first.
		tick();
		expect(await fx.stories.save(editor, id, fx.input({ bodySource: "The editor's text." }), 1)).toEqual({
			revision: 2,
		});
		tick();
		await fx.stories.autosave(author, id, fx.input({ bodySource: "The author's typing." }), 1);
		const storedBefore = await articleRow(id);
		const revisionsBefore = await fx.stories.revisions(editor, id);
		const auditBefore = await auditRows(id);

		tick();
		const stale = fx.stories.save(author, id, fx.input({ bodySource: "The author's text." }), 1);
		expect(await outcome(stale)).toBe("ERR_REVISION_CONFLICT");

		expect(await articleRow(id)).toEqual(storedBefore);
		expect(await fx.stories.revisions(editor, id)).toEqual(revisionsBefore);
		expect(await auditRows(id)).toEqual(auditBefore);
		// The author's typing is still there to be merged by hand.
		expect((await fx.stories.get(author, id)).autosave?.snapshot.bodySource).toBe("The author's typing.");

		const reloaded = await fx.stories.get(author, id);
		expect(reloaded.revision).toBe(2);
		expect(reloaded.bodySource).toBe("The editor's text.");
		expect(
			await fx.stories.save(author, id, fx.input({ bodySource: "Both texts, merged." }), reloaded.revision),
		).toEqual({ revision: 3 });
		expect((await articleRow(id)).body_source).toBe("Both texts, merged.");
		expect((await fx.stories.revisions(author, id)).map((r) => r.number)).toEqual([3, 2, 1]);
	});

	it("a restore over a stale revision conflicts too", async () => {
		const { editor } = fx.actors;
		const { id } = await fx.stories.create(editor, fx.input());
		await fx.stories.save(editor, id, fx.input({ headline: "Two" }), 1);
		await fx.stories.save(editor, id, fx.input({ headline: "Three" }), 2);
		expect(await outcome(fx.stories.restore(editor, id, 1, 2))).toBe("ERR_REVISION_CONFLICT");
		expect((await articleRow(id)).headline).toBe("Three");
		expect(await fx.stories.revisions(editor, id)).toHaveLength(3);
	});

	it("of two saves from the same revision racing each other, one wins and the other conflicts", async () => {
		const { editor, admin } = fx.actors;
		const { id } = await fx.stories.create(editor, fx.input());
		const results = await Promise.all([
			outcome(fx.stories.save(editor, id, fx.input({ headline: "Editor's" }), 1)),
			outcome(fx.stories.save(admin, id, fx.input({ headline: "Admin's" }), 1)),
		]);
		expect(results.sort()).toEqual(["ERR_REVISION_CONFLICT", "ok"]);
		expect(await fx.stories.revisions(editor, id)).toHaveLength(2);
	});
});

describe("revisions", () => {
	it("every save adds one revision with who saved it", async () => {
		const { author, editor } = fx.actors;
		const { id } = await fx.stories.create(author, fx.input());
		tick();
		await fx.stories.save(author, id, fx.input({ headline: "Second" }), 1);
		tick();
		await fx.stories.save(editor, id, fx.input({ headline: "Third" }), 2);
		const revisions = await fx.stories.revisions(author, id);
		expect(revisions.map(({ number, createdBy, note }) => ({ number, createdBy, note }))).toEqual([
			{ number: 3, createdBy: "Edna Editor", note: "" },
			{ number: 2, createdBy: "Arash Author", note: "" },
			{ number: 1, createdBy: "Arash Author", note: "Created" },
		]);
		expect(revisions[0]?.createdAt.getTime()).toBeGreaterThan(revisions[1]?.createdAt.getTime() ?? 0);
		expect((await articleRow(id)).revision).toBe(3);
	});

	it("the diff between two revisions is word by word in text fields, item by item in lists", async () => {
		const { editor } = fx.actors;
		const farida = await fx.site.services.people.create({ name: "Farida Amiri" });
		const omid = await fx.site.services.people.create({ name: "Omid Rahimi" });
		const { id } = await fx.stories.create(
			editor,
			fx.input({
				headline: "Salang pass closes after snow",
				personIds: [farida.id],
				tagNames: ["roads", "weather"],
				bodySource: "Snow closed the pass on Monday.",
			}),
		);
		await fx.stories.save(
			editor,
			id,
			fx.input({
				headline: "Salang pass reopens after snow",
				personIds: [farida.id, omid.id],
				tagNames: ["roads", "travel"],
				bodySource: "Ploughs opened the pass on Tuesday.",
			}),
			1,
		);
		const diff = await fx.stories.diff(editor, id, 1, 2);
		expect(diff.map((d) => d.field)).toEqual(["headline", "tagNames", "personIds", "bodySource"]);
		const text = (field: string, kind: "added" | "removed") =>
			diff
				.find((d) => d.field === field)
				?.parts.filter((part) => part[kind])
				.map((part) => part.value.trim());
		expect(text("headline", "removed")).toEqual(["closes"]);
		expect(text("headline", "added")).toEqual(["reopens"]);
		expect(text("bodySource", "removed")).toEqual(["Snow closed", "Monday"]);
		expect(text("bodySource", "added")).toEqual(["Ploughs opened", "Tuesday"]);
		const unchanged = diff.find((d) => d.field === "headline")?.parts.filter((p) => !p.added && !p.removed);
		expect(unchanged?.map((p) => p.value).join("")).toBe("Salang pass  after snow");
		expect(text("tagNames", "removed")).toEqual(["weather"]);
		expect(text("tagNames", "added")).toEqual(["travel"]);
		expect(text("personIds", "added")).toEqual(["Omid Rahimi"]);
		expect(await fx.stories.diff(editor, id, 2, 2)).toEqual([]);
		expect(await outcome(fx.stories.diff(editor, id, 1, 9))).toBe("ERR_VALIDATION");
	});

	it("restore adds a new revision equal to the old one and keeps every earlier revision", async () => {
		const { editor } = fx.actors;
		const { id } = await fx.stories.create(editor, fx.input({ headline: "One", bodySource: "First." }));
		await fx.stories.save(editor, id, fx.input({ headline: "Two", bodySource: "Second.", tagNames: [] }), 1);
		await fx.stories.save(editor, id, fx.input({ headline: "Three", bodySource: "Third." }), 2);
		const snapshotsBefore = await fx.site.db
			.selectFrom("revisions")
			.select(["number", "snapshot"])
			.where("article_id", "=", id)
			.orderBy("number")
			.execute();

		expect(await fx.stories.restore(editor, id, 2, 3)).toEqual({ revision: 4 });

		const snapshotsAfter = await fx.site.db
			.selectFrom("revisions")
			.select(["number", "snapshot"])
			.where("article_id", "=", id)
			.orderBy("number")
			.execute();
		expect(snapshotsAfter.slice(0, 3)).toEqual(snapshotsBefore);
		expect(snapshotsAfter[3]?.number).toBe(4);
		expect(JSON.parse(snapshotsAfter[3]?.snapshot ?? "")).toEqual(JSON.parse(snapshotsBefore[1]?.snapshot ?? ""));
		expect(await fx.stories.diff(editor, id, 2, 4)).toEqual([]);
		const story = await fx.stories.get(editor, id);
		expect(story).toMatchObject({ headline: "Two", bodySource: "Second.", tagNames: [], revision: 4 });
		expect((await fx.stories.revisions(editor, id))[0]?.note).toBe("Restored revision 2");
		expect(await outcome(fx.stories.restore(editor, id, 42, 4))).toBe("ERR_VALIDATION");
	});

	it("a story written before revisions were kept gets its old text stored before the first newsroom save", async () => {
		const { editor } = fx.actors;
		const id = await fx.site.services.articles.createDraft({
			headline: "Imported",
			bodySource: "Old text.",
			sectionId: fx.sectionId,
			personIds: [],
		});
		await fx.stories.save(editor, id, fx.input({ headline: "Edited in the newsroom" }), 1);
		const revisions = await fx.stories.revisions(editor, id);
		expect(revisions.map((r) => [r.number, r.createdBy])).toEqual([
			[2, "Edna Editor"],
			[1, "system"],
		]);
		expect(await fx.stories.restore(editor, id, 1, 2)).toEqual({ revision: 3 });
		expect((await articleRow(id)).body_source).toBe("Old text.");
	});
});

describe("autosave", () => {
	it("is stored per user, returned by get while newer than the last save, cleared by save, and never a revision", async () => {
		const { author, editor } = fx.actors;
		const { id } = await fx.stories.create(author, fx.input());
		expect((await fx.stories.get(author, id)).autosave).toBeNull();

		tick();
		const { savedAt } = await fx.stories.autosave(author, id, fx.input({ bodySource: "Half a sentence" }), 1);
		tick();
		await fx.stories.autosave(author, id, fx.input({ bodySource: "Half a sentence, then more" }), 1);
		expect(savedAt).toEqual(new Date(fx.site.clock.now().getTime() - MINUTE));

		const opened = await fx.stories.get(author, id);
		expect(opened.autosave).toMatchObject({ baseRevision: 1, snapshot: { bodySource: "Half a sentence, then more" } });
		expect(opened.bodySource).toBe("The pass reopened on Monday morning after three days.");
		// Another user's editor does not show it.
		expect((await fx.stories.get(editor, id)).autosave).toBeNull();
		expect(await fx.stories.revisions(author, id)).toHaveLength(1);
		expect((await articleRow(id)).revision).toBe(1);
		expect(await fx.auditActions(id)).toEqual(["story.create"]);

		tick();
		await fx.stories.save(author, id, fx.input({ bodySource: "Half a sentence, then more" }), 1);
		expect((await fx.stories.get(author, id)).autosave).toBeNull();
		expect(await fx.site.db.selectFrom("autosaves").selectAll().execute()).toEqual([]);
	});

	it("is not offered once a newer revision was saved after it", async () => {
		const { author, editor } = fx.actors;
		const { id } = await fx.stories.create(author, fx.input());
		tick();
		await fx.stories.autosave(author, id, fx.input({ bodySource: "Old typing" }), 1);
		tick();
		await fx.stories.save(editor, id, fx.input({ bodySource: "Editor's text" }), 1);
		expect((await fx.stories.get(author, id)).autosave).toBeNull();
	});
});

describe("corrections", () => {
	it("set the story's updated time and appear in get() and in the public read", async () => {
		const { editor } = fx.actors;
		const { id } = await fx.stories.create(editor, fx.input());
		await fx.stories.publish(editor, id);
		const before = await articleRow(id);
		expect(before.updated_at).toBeNull();

		tick(30);
		await fx.stories.addCorrection(editor, id, {
			kind: "correction",
			body: "  The pass is 3,878 m high, not 3,400 m.  ",
		});
		tick(30);
		await fx.stories.addCorrection(editor, id, { kind: "update", body: "The pass closed again at dusk." });

		const after = await articleRow(id);
		expect(after.updated_at).toBe(fx.site.clock.now().toISOString());
		expect(after.revision).toBe(before.revision);
		const published = await fx.site.services.articles.getPublished(after.slug);
		expect(published?.updatedAt).toEqual(fx.site.clock.now());

		const expected = [
			{ kind: "correction", body: "The pass is 3,878 m high, not 3,400 m." },
			{ kind: "update", body: "The pass closed again at dusk." },
		];
		expect((await fx.stories.get(editor, id)).corrections).toMatchObject(expected);
		// What the public page reads with the story.
		const publicRead = (await fx.site.services.articles.readPublished(after.slug))?.corrections;
		expect(publicRead).toMatchObject(expected);
		expect(publicRead?.[0]?.createdAt).toEqual(new Date(fx.site.clock.now().getTime() - 30 * MINUTE));
		expect((await auditRows(id)).filter((row) => row.action === "story.correction")).toHaveLength(2);
	});

	it("are refused on a story that is not published, and without a text", async () => {
		const { editor } = fx.actors;
		const { id } = await fx.stories.create(editor, fx.input());
		expect(await outcome(fx.stories.addCorrection(editor, id, { kind: "update", body: "x" }))).toBe(
			"ERR_INVALID_TRANSITION",
		);
		await fx.stories.publish(editor, id);
		expect(await outcome(fx.stories.addCorrection(editor, id, { kind: "update", body: "   " }))).toBe("ERR_VALIDATION");
	});
});

describe("workflow", () => {
	it("writes an audit entry for each transition: who, what, when", async () => {
		const { contributor, editor } = fx.actors;
		const { id } = await fx.stories.create(contributor, fx.input());
		tick();
		await fx.stories.save(contributor, id, fx.input({ headline: "Better" }), 1);
		tick();
		await fx.stories.submit(contributor, id);
		tick();
		await fx.stories.schedule(editor, id, new Date(fx.site.clock.now().getTime() + 60 * MINUTE));
		tick();
		await fx.stories.publish(editor, id);
		tick();
		await fx.stories.addCorrection(editor, id, { kind: "clarification", body: "Clarified." });
		tick();
		await fx.stories.unpublish(editor, id);
		tick();
		await fx.stories.publish(editor, id);

		const rows = await auditRows(id);
		expect(rows.map((row) => [row.action, row.user_id])).toEqual([
			["story.create", contributor.id],
			["story.save", contributor.id],
			["story.submit", contributor.id],
			["story.schedule", editor.id],
			["story.publish", editor.id],
			["story.correction", editor.id],
			["story.unpublish", editor.id],
			["story.publish", editor.id],
		]);
		const times = rows.map((row) => row.at);
		expect([...times].sort()).toEqual(times);
		expect(new Set(times).size).toBe(times.length);
		expect(JSON.parse(rows[2]?.detail ?? "{}")).toEqual({ from: "draft", to: "submitted" });
		expect(JSON.parse(rows[4]?.detail ?? "{}")).toEqual({ from: "scheduled", to: "published" });
	});

	it("refuses steps the status does not allow", async () => {
		const { editor } = fx.actors;
		const { id } = await fx.stories.create(editor, fx.input());
		expect(await outcome(fx.stories.unpublish(editor, id))).toBe("ERR_INVALID_TRANSITION");
		await fx.stories.publish(editor, id);
		expect(await outcome(fx.stories.publish(editor, id))).toBe("ERR_INVALID_TRANSITION");
		expect(await outcome(fx.stories.submit(editor, id))).toBe("ERR_INVALID_TRANSITION");
		expect(await outcome(fx.stories.schedule(editor, id, new Date(Date.now() + 1e9)))).toBe("ERR_INVALID_TRANSITION");
	});

	it("schedules only for a time in the future", async () => {
		const { editor } = fx.actors;
		const { id } = await fx.stories.create(editor, fx.input());
		const now = fx.site.clock.now();
		expect(await outcome(fx.stories.schedule(editor, id, now))).toBe("ERR_VALIDATION");
		expect(await outcome(fx.stories.schedule(editor, id, new Date(now.getTime() - MINUTE)))).toBe("ERR_VALIDATION");
		expect(await outcome(fx.stories.schedule(editor, id, new Date(Number.NaN)))).toBe("ERR_VALIDATION");
		expect((await articleRow(id)).status).toBe("draft");
		await fx.stories.schedule(editor, id, new Date(now.getTime() + MINUTE));
		expect(await fx.stories.get(editor, id)).toMatchObject({
			status: "scheduled",
			scheduledAt: new Date(now.getTime() + MINUTE),
			publicPath: null,
		});
	});

	it("publishing gives the public address; republishing an unpublished story keeps it", async () => {
		const { editor } = fx.actors;
		const { id } = await fx.stories.create(editor, fx.input({ slug: "salang" }));
		await fx.stories.publish(editor, id);
		const published = await fx.stories.get(editor, id);
		// 09:30 UTC is 14:00 in Kabul, the same day.
		expect(published.publicPath).toBe("/2026/03/15/salang/");
		expect(published.publishedAt).toEqual(fx.site.clock.now());

		await fx.stories.unpublish(editor, id);
		expect((await fx.stories.get(editor, id)).publicPath).toBeNull();
		tick(60 * 24 * 3);
		await fx.stories.publish(editor, id);
		const again = await fx.stories.get(editor, id);
		expect(again.publicPath).toBe("/2026/03/15/salang/");
		expect(again.updatedAt).toEqual(fx.site.clock.now());
	});

	it("refuses to publish or schedule a story whose featured image has no alt text", async () => {
		const { editor } = fx.actors;
		const image = async (alt: string) =>
			(
				await fx.site.db
					.insertInto("media")
					.values({
						sha256: `sha-${alt || "none"}`,
						mime: "image/jpeg",
						width: 800,
						height: 600,
						bytes: 1000,
						storage_key: `x/${alt || "none"}.jpg`,
						original_name: "pass.jpg",
						alt,
						caption: "",
						credit: "",
						created_at: fx.site.clock.now().toISOString(),
						created_by: editor.id,
					})
					.returning("id")
					.executeTakeFirstOrThrow()
			).id;
		const bare = await image("");
		const described = await image("Lorries queue at the Salang tunnel");
		const { id } = await fx.stories.create(editor, fx.input({ featuredMediaId: bare }));
		expect(await outcome(fx.stories.publish(editor, id))).toBe("ERR_ALT_TEXT_REQUIRED");
		expect(await outcome(fx.stories.schedule(editor, id, new Date(fx.site.clock.now().getTime() + MINUTE)))).toBe(
			"ERR_ALT_TEXT_REQUIRED",
		);
		expect((await articleRow(id)).status).toBe("draft");
		expect(await fx.auditActions(id)).toEqual(["story.create"]);

		await fx.stories.save(editor, id, fx.input({ featuredMediaId: described }), 1);
		await fx.stories.publish(editor, id);
		expect(await outcome(fx.stories.save(editor, id, fx.input({ featuredMediaId: bare }), 2))).toBe(
			"ERR_ALT_TEXT_REQUIRED",
		);
		expect((await fx.stories.get(editor, id)).featuredMediaId).toBe(described);
		expect(await outcome(fx.stories.save(editor, id, fx.input({ featuredMediaId: 9999 }), 2))).toBe("ERR_VALIDATION");
	});
});

describe("the story list", () => {
	it("filters by status, section, byline and text, sorts by modification and pages", async () => {
		const { editor } = fx.actors;
		const sport = await fx.site.services.sections.create({ name: "Sport", slug: "sport" });
		const farida = await fx.site.services.people.create({ name: "Farida Amiri" });
		const omid = await fx.site.services.people.create({ name: "Omid Rahimi" });
		const make = async (headline: string, extra: Parameters<NewsroomFixture["input"]>[0] = {}) => {
			tick();
			return (await fx.stories.create(editor, fx.input({ headline, ...extra }))).id;
		};
		const a = await make("Wheat prices fall", { personIds: [farida.id, omid.id] });
		const b = await make("Cricket team wins", { sectionId: sport.id, bodySource: "A 100% effort." });
		const c = await make("Snow in Bamyan", { personIds: [omid.id], bodySource: "Roads_closed in the north." });
		tick();
		await fx.stories.publish(editor, a);

		const ids = async (filter: Omit<Parameters<typeof fx.stories.list>[1], "page" | "pageSize">) =>
			(await fx.stories.list(editor, { page: 1, pageSize: 10, ...filter })).items.map((item) => item.id);

		expect(await ids({})).toEqual([a, c, b]);
		expect(await ids({ sort: "oldest" })).toEqual([b, c, a]);
		expect(await ids({ status: "published" })).toEqual([a]);
		expect(await ids({ status: "draft" })).toEqual([c, b]);
		expect(await ids({ sectionId: sport.id })).toEqual([b]);
		expect(await ids({ personId: omid.id })).toEqual([a, c]);
		expect(await ids({ text: "WHEAT" })).toEqual([a]);
		expect(await ids({ text: "bamyan" })).toEqual([c]);
		expect(await ids({ text: "north" })).toEqual([c]);
		// LIKE wildcards in the query match only themselves.
		expect(await ids({ text: "100%" })).toEqual([b]);
		expect(await ids({ text: "%" })).toEqual([b]);
		expect(await ids({ text: "_" })).toEqual([c]);
		expect(await ids({ text: "s_closed" })).toEqual([c]);
		expect(await ids({ text: "roads closed" })).toEqual([]);

		const page2 = await fx.stories.list(editor, { page: 2, pageSize: 2 });
		expect(page2.total).toBe(3);
		expect(page2.items.map((item) => item.id)).toEqual([b]);

		const [first] = (await fx.stories.list(editor, { page: 1, pageSize: 1 })).items;
		expect(first).toEqual({
			id: a,
			headline: "Wheat prices fall",
			slug: "wheat-prices-fall",
			status: "published",
			sectionName: "News",
			bylineNames: ["Farida Amiri", "Omid Rahimi"],
			modifiedAt: fx.site.clock.now(),
			publishedAt: fx.site.clock.now(),
			scheduledAt: null,
			revision: 1,
		});
	});
});

describe("get", () => {
	it("returns every editable field and where the story stands", async () => {
		const { author } = fx.actors;
		const input = fx.input({ slug: "custom-slug", tagNames: ["Roads", "Weather"], language: "fa" });
		const { id } = await fx.stories.create(author, input);
		const story = await fx.stories.get(author, id);
		expect(story).toEqual({
			...input,
			id,
			bodyFormat: "markdown",
			status: "draft",
			revision: 1,
			publishedAt: null,
			updatedAt: null,
			scheduledAt: null,
			createdBy: author.id,
			publicPath: null,
			corrections: [],
			autosave: null,
		});
	});
});
