import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";
import { isAppError } from "../../errors.js";

let site: TestSite;
let sectionId: number;
let personId: number;

beforeEach(async () => {
	site = await createTestSite();
	sectionId = (await site.services.sections.create({ name: "News", slug: "news" })).id;
	personId = (await site.services.people.create({ name: "Farida Amiri" })).id;
});

afterEach(async () => {
	await site.close();
});

async function errorCode(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		if (isAppError(error)) return error.code;
		throw error;
	}
	return "no error";
}

const draft = (headline: string, extra: { slug?: string; bodySource?: string } = {}) =>
	site.services.articles.createDraft({
		headline,
		bodySource: extra.bodySource ?? "Text.",
		sectionId,
		personIds: [personId],
		...extra,
	});

describe("ArticleService", () => {
	it("derives a free slug from the headline, numbering repeats", async () => {
		const ids = [await draft("Live updates"), await draft("Live updates"), await draft("Live updates")];
		const slugs = await site.db.selectFrom("articles").select("slug").where("id", "in", ids).orderBy("id").execute();
		expect(slugs.map((row) => row.slug)).toEqual(["live-updates", "live-updates-2", "live-updates-3"]);
	});

	it("refuses a slug the editor chose when another story has it", async () => {
		await draft("First", { slug: "kabul" });
		expect(await errorCode(draft("Second", { slug: "kabul" }))).toBe("ERR_SLUG_TAKEN");
	});

	it("refuses a story without a headline, in a missing section or with an unknown byline", async () => {
		expect(await errorCode(draft("   "))).toBe("ERR_VALIDATION");
		expect(
			await errorCode(
				site.services.articles.createDraft({ headline: "x", bodySource: "", sectionId: 999, personIds: [] }),
			),
		).toBe("ERR_VALIDATION");
		expect(
			await errorCode(
				site.services.articles.createDraft({ headline: "x", bodySource: "", sectionId, personIds: [999] }),
			),
		).toBe("ERR_VALIDATION");
	});

	it("allows only the workflow steps the status permits", async () => {
		const id = await draft("Story");
		expect(await errorCode(site.services.articles.unpublish(id))).toBe("ERR_INVALID_TRANSITION");
		await site.services.articles.publish(id);
		expect(await errorCode(site.services.articles.publish(id))).toBe("ERR_INVALID_TRANSITION");
	});

	it("keeps the search index in step with publishing, editing and unpublishing", async () => {
		const found = async (q: string) => (await site.services.search.search(q)).total;
		const id = await draft("Salang pass closes", { bodySource: "Snow closed the Salang pass." });
		expect(await found("salang")).toBe(0);
		await site.services.articles.publish(id);
		expect(await found("salang")).toBe(1);
		await site.services.articles.update(id, {
			headline: "Salang pass reopens",
			bodySource: "Ploughs cleared the road overnight.",
			sectionId,
			personIds: [personId],
		});
		expect(await found("ploughs")).toBe(1);
		expect(await found("snow")).toBe(0);
		await site.services.articles.unpublish(id);
		expect(await found("salang")).toBe(0);
	});

	it("renders Markdown to sanitized HTML and keeps a plain-text copy", async () => {
		const id = await draft("Body", { bodySource: "A **bold** claim.\n\n<script>x()</script>\n\n- one\n- two" });
		const row = await site.db
			.selectFrom("articles")
			.select(["body_html", "body_text"])
			.where("id", "=", id)
			.executeTakeFirstOrThrow();
		expect(row.body_html).toContain("<strong>bold</strong>");
		expect(row.body_html).not.toContain("<script>");
		expect(row.body_text).toBe("A bold claim.\n\n<script>x()</script>\n\none\n\ntwo");
	});
});

describe("ArticleService.readPublished", () => {
	async function published(headline: string): Promise<number> {
		const id = await draft(headline);
		await site.services.articles.publish(id);
		return id;
	}

	it("brings a story's notes oldest first, and only that story's", async () => {
		const story = await published("first");
		const other = await published("second");
		const start = site.clock.now().getTime();
		site.clock.set(new Date(start + 60_000));
		await site.services.articles.addCorrection(story, { kind: "correction", body: "The date was wrong." });
		site.clock.set(new Date(start + 120_000));
		await site.services.articles.addCorrection(story, { kind: "clarification", body: "The quote was Ahmadi's." });
		await site.services.articles.addCorrection(other, { kind: "update", body: "Elsewhere." });

		const read = await site.services.articles.readPublished("first");
		expect(read?.story.id).toBe(story);
		expect(read?.corrections).toEqual([
			{ id: expect.any(Number), kind: "correction", body: "The date was wrong.", createdAt: new Date(start + 60_000) },
			{
				id: expect.any(Number),
				kind: "clarification",
				body: "The quote was Ahmadi's.",
				createdAt: new Date(start + 120_000),
			},
		]);
		expect(read?.story.bylines.map((byline) => byline.name)).toEqual(["Farida Amiri"]);
		expect(await site.services.articles.readPublished("no-such-story")).toBeUndefined();
	});

	it("shows the time a note moved the story's updated time to, which the page and structured data read", async () => {
		const story = await published("third");
		const when = new Date(site.clock.now().getTime() + 3_600_000);
		site.clock.set(when);
		await site.services.articles.addCorrection(story, { kind: "update", body: "More news." });
		expect((await site.services.articles.getPublished("third"))?.updatedAt).toEqual(when);
	});
});
