import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createNewsroomFixture, type NewsroomFixture } from "../../../test/support/newsroom-fixture.js";
import { ArticleService } from "../../content/articles/article-service.js";
import type { Db } from "../../db/database.js";
import { openSqlite } from "../../db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "../../db/dialects/sqlite/sqlite-adapter.js";
import { AuditLog } from "../audit/audit-log.js";
import { Scheduler } from "./scheduler.js";

const MINUTE = 60_000;

let fx: NewsroomFixture;
let second: Db | undefined;

beforeEach(async () => {
	fx = await createNewsroomFixture();
});

afterEach(async () => {
	await second?.destroy();
	second = undefined;
	await fx.close();
});

const at = (minutesFromNow: number) => new Date(fx.site.clock.now().getTime() + minutesFromNow * MINUTE);

/** A scheduler with its own ArticleService and audit log over `db`. */
function schedulerOn(db: Db): Scheduler {
	const { clock, config } = fx.site;
	const articles = new ArticleService({
		db,
		adapter: sqliteAdapter,
		clock,
		timeZone: config.timeZone,
		defaultLanguage: "en",
	});
	return new Scheduler({ db, clock, articles, audit: new AuditLog({ db, clock }) });
}

async function scheduled(headline: string, minutesFromNow: number): Promise<number> {
	const { editor } = fx.actors;
	const { id } = await fx.stories.create(editor, fx.input({ headline, bodySource: `${headline}: the full story.` }));
	await fx.stories.schedule(editor, id, at(minutesFromNow));
	return id;
}

async function row(id: number) {
	return fx.site.db
		.selectFrom("articles")
		.select(["status", "published_at", "scheduled_at"])
		.where("id", "=", id)
		.executeTakeFirstOrThrow();
}

async function scheduledPublications(id: number) {
	return fx.site.db
		.selectFrom("audit_log")
		.select(["user_id", "action", "at"])
		.where("subject_id", "=", id)
		.where("action", "=", "story.publish.scheduled")
		.execute();
}

describe("Scheduler", () => {
	it("publishes a story scheduled for T once the clock passes T, dated T", async () => {
		const scheduler = schedulerOn(fx.site.db);
		const due = at(30);
		const id = await scheduled("Budget vote at noon", 30);

		fx.site.clock.set(at(29));
		expect(await scheduler.publishDue()).toEqual([]);
		expect((await row(id)).status).toBe("scheduled");

		fx.site.clock.set(new Date(due.getTime() + 5_000));
		expect(await scheduler.publishDue()).toEqual([id]);
		expect(await row(id)).toEqual({ status: "published", published_at: due.toISOString(), scheduled_at: null });
		expect(await scheduler.publishDue()).toEqual([]);

		const story = await fx.site.services.articles.getPublished("budget-vote-at-noon");
		expect(story?.publishedAt).toEqual(due);
		// The publishing side effects ran: the text index finds it.
		expect((await fx.site.services.search.search("budget")).total).toBe(1);
		expect(await scheduledPublications(id)).toEqual([
			{ user_id: null, action: "story.publish.scheduled", at: fx.site.clock.now().toISOString() },
		]);
	});

	it("with two workers on two connections to one database file, publishes a due story exactly once", async () => {
		second = openSqlite(path.join(fx.site.config.dataDir, "dateline.sqlite"));
		const workers = [schedulerOn(fx.site.db), schedulerOn(second)];
		const dueIds = [await scheduled("Due first", 5), await scheduled("Due second", 10)];
		const notYet = await scheduled("Due tomorrow", 60 * 24);
		fx.site.clock.set(at(15));

		const claims: number[][] = [];
		for (let round = 0; round < 5; round += 1) {
			const results = await Promise.all(workers.map((worker) => worker.publishDue()));
			claims.push(...results);
		}

		expect(claims.flat().sort((a, b) => a - b)).toEqual(dueIds);
		for (const id of dueIds) {
			expect((await row(id)).status).toBe("published");
			expect(await scheduledPublications(id)).toHaveLength(1);
		}
		expect(await row(notYet)).toMatchObject({ status: "scheduled", published_at: null });
		expect(await scheduledPublications(notYet)).toEqual([]);
		expect((await fx.site.services.search.search("due")).total).toBe(2);
	});

	it("keeps the first publication time of a story unpublished and scheduled again", async () => {
		const { editor } = fx.actors;
		const scheduler = schedulerOn(fx.site.db);
		const { id } = await fx.stories.create(editor, fx.input({ headline: "Back online" }));
		await fx.stories.publish(editor, id);
		const first = fx.site.clock.now().toISOString();
		await fx.stories.unpublish(editor, id);
		await fx.stories.schedule(editor, id, at(10));
		fx.site.clock.set(at(11));
		expect(await scheduler.publishDue()).toEqual([id]);
		const published = await fx.site.db
			.selectFrom("articles")
			.select(["published_at", "updated_at"])
			.where("id", "=", id)
			.executeTakeFirstOrThrow();
		expect(published).toEqual({ published_at: first, updated_at: fx.site.clock.now().toISOString() });
	});

	it("runs rounds on a timer only once started, and stops", async () => {
		const scheduler = schedulerOn(fx.site.db);
		const id = await scheduled("On the timer", 1);
		fx.site.clock.set(at(2));
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect((await row(id)).status).toBe("scheduled");

		const running = scheduler.start(10);
		for (let wait = 0; wait < 100 && (await row(id)).status !== "published"; wait += 1) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		await running.stop();
		expect((await row(id)).status).toBe("published");

		const later = await scheduled("After stop", 1);
		fx.site.clock.set(at(2));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect((await row(later)).status).toBe("scheduled");
	});
});
