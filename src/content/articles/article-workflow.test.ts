import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";
import { isAppError } from "../../errors.js";

let site: TestSite;
let sectionId: number;

beforeEach(async () => {
	site = await createTestSite();
	sectionId = (await site.services.sections.create({ name: "News", slug: "news" })).id;
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

const draft = (headline = "Story") =>
	site.services.articles.createDraft({ headline, bodySource: "Text of the story.", sectionId, personIds: [] });

const status = async (id: number) =>
	(await site.db.selectFrom("articles").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

const minutesFromNow = (minutes: number) => new Date(site.clock.now().getTime() + minutes * 60_000);

describe("ArticleService in the newsroom's workflow", () => {
	it("stores only sanitized HTML, in either body format and after an edit, which the public page sends as stored", async () => {
		const unsafe = '<p onclick="steal()">Hi<script>steal()</script><a href="javascript:steal()">x</a></p>';
		const storedHtml = async (id: number) =>
			(await site.db.selectFrom("articles").select("body_html").where("id", "=", id).executeTakeFirstOrThrow())
				.body_html;
		const html = await site.services.articles.createDraft({
			headline: "Stored safely",
			bodySource: unsafe,
			bodyFormat: "html",
			sectionId,
			personIds: [],
		});
		expect(await storedHtml(html)).toBe("<p>Hi<a>x</a></p>");
		const markdown = await draft("Written in Markdown");
		await site.services.articles.update(markdown, {
			headline: "Written in Markdown",
			bodySource: `Before.\n\n${unsafe}`,
			sectionId,
			personIds: [],
		});
		// Markdown keeps the raw HTML as text, escaped: no element, handler or script link survives.
		expect(await storedHtml(markdown)).not.toMatch(/<[^>]*\son\w+=|<script|href="javascript:/i);
		expect(await storedHtml(markdown)).toContain("&lt;script&gt;");
		await site.services.articles.publish(html);
		expect((await site.services.articles.getPublished("stored-safely"))?.bodyHtml).toBe("<p>Hi<a>x</a></p>");
	});

	it("leaves a story untouched when an edit expects an older revision", async () => {
		const id = await draft();
		const input = { headline: "Edited", bodySource: "New.", sectionId, personIds: [] };
		expect(await site.services.articles.update(id, input, { expectedRevision: 1 })).toBe(2);
		const before = await site.db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
		expect(await errorCode(site.services.articles.update(id, input, { expectedRevision: 1 }))).toBe(
			"ERR_REVISION_CONFLICT",
		);
		expect(await site.db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirstOrThrow()).toEqual(
			before,
		);
	});

	it("submits drafts only, and schedules unpublished stories for a future time only", async () => {
		const id = await draft();
		await site.services.articles.submit(id);
		expect(await status(id)).toBe("submitted");
		expect(await errorCode(site.services.articles.submit(id))).toBe("ERR_INVALID_TRANSITION");
		expect(await errorCode(site.services.articles.schedule(id, minutesFromNow(0)))).toBe("ERR_VALIDATION");
		await site.services.articles.schedule(id, minutesFromNow(5));
		expect(await status(id)).toBe("scheduled");
		await site.services.articles.publish(id);
		const row = await site.db
			.selectFrom("articles")
			.select(["status", "scheduled_at"])
			.where("id", "=", id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ status: "published", scheduled_at: null });
		expect(await errorCode(site.services.articles.schedule(id, minutesFromNow(5)))).toBe("ERR_INVALID_TRANSITION");
	});

	it("claims due scheduled stories once, and finishes their publishing separately", async () => {
		const due = await draft("Due now");
		const later = await draft("Due later");
		await site.services.articles.schedule(due, minutesFromNow(5));
		await site.services.articles.schedule(later, minutesFromNow(50));
		site.clock.set(minutesFromNow(10));
		expect(await site.services.articles.claimDueScheduled()).toEqual([due]);
		expect(await site.services.articles.claimDueScheduled()).toEqual([]);
		expect((await site.services.search.search("due")).total).toBe(0);
		await site.services.articles.finishScheduledPublish(due);
		expect((await site.services.search.search("due")).total).toBe(1);
		expect(await status(later)).toBe("scheduled");
		expect(await errorCode(site.services.articles.finishScheduledPublish(later))).toBe("ERR_INVALID_TRANSITION");
	});

	it("writes inside a caller's transaction, and rolls back with it", async () => {
		await expect(
			site.db.transaction().execute(async (trx) => {
				const id = await site.services.articles.createDraft(
					{ headline: "Never", bodySource: "", sectionId, personIds: [] },
					{ db: trx },
				);
				await site.services.articles.publish(id, { db: trx });
				throw new Error("the caller changes its mind");
			}),
		).rejects.toThrow("the caller changes its mind");
		expect(await site.services.articles.countAll()).toBe(0);
	});

	it("refuses a featured image that does not exist", async () => {
		expect(
			await errorCode(
				site.services.articles.createDraft({
					headline: "x",
					bodySource: "",
					sectionId,
					personIds: [],
					featuredMediaId: 404,
				}),
			),
		).toBe("ERR_VALIDATION");
	});
});
