import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestSite, TEST_NOW, type TestSite } from "../../../test/support/test-site.js";
import { importFixture } from "../../../test/support/wordpress.js";
import { sqliteAdapter } from "../../db/dialects/sqlite/sqlite-adapter.js";
import { writeSyntheticWxr } from "../../demo/synthetic-wxr.js";
import { RelatedService } from "./related-service.js";

const DAY = 86_400_000;

/** A small archive where the follow-up on the Kunar talks is plainly related to their opening. */
const archive = [
	{
		key: "talksOpen",
		section: "news",
		daysAgo: 6,
		headline: "Water talks open in Kabul on sharing the Kunar river",
		body: "Delegations from both sides of the border met in Kabul to discuss sharing the waters of the Kunar river. Officials said the water-sharing talks would cover river flow data, irrigation needs and a possible treaty. Farmers along the Kunar rely on the river for irrigation in the dry months.",
	},
	{
		key: "talksEnd",
		section: "news",
		daysAgo: 1,
		headline: "Kunar talks end with agreement to share river flow data",
		body: "The water-sharing talks on the Kunar river ended in Kabul with both delegations agreeing to exchange daily flow data. Negotiators said a treaty on irrigation and the river's flow could follow next year.",
	},
	{
		key: "roads",
		section: "news",
		daysAgo: 2,
		headline: "Ring road repairs reach Kabul outskirts",
		body: "Crews resurfaced a long stretch of the ring road near Kabul, officials said. Drivers welcomed the smoother surface after years of potholes and delays.",
	},
	{
		key: "cricket",
		section: "sport",
		daysAgo: 1.5,
		headline: "Balkh beat Nangarhar in a last-over cricket thriller",
		body: "Balkh chased down 187 with two balls to spare in the first match of the series. The captain praised his bowlers and the crowd in Mazar-i-Sharif.",
	},
	{
		key: "weather",
		section: "weather",
		daysAgo: 3,
		headline: "Heavy snow closes the Salang pass",
		body: "Snowfall closed the Salang pass overnight and forecasters warned of more snow and freezing temperatures across the north this week.",
	},
	{
		key: "prices",
		section: "business",
		daysAgo: 4,
		headline: "Flour prices climb in Kabul markets",
		body: "The price of a sack of wheat flour rose sharply in Kabul markets as imports slowed, traders said, and bakers cut the size of their bread.",
	},
] as const;

describe("related stories (Check Also)", () => {
	let site: TestSite;
	const ids = new Map<string, number>();

	beforeEach(async () => {
		site = await createTestSite();
		const person = await site.services.people.create({ name: "Test Reporter" });
		const sections = new Map<string, number>();
		for (const slug of ["news", "sport", "weather", "business"]) {
			sections.set(slug, (await site.services.sections.create({ name: slug, slug })).id);
		}
		ids.clear();
		for (const story of [...archive].sort((a, b) => b.daysAgo - a.daysAgo)) {
			const id = await site.services.articles.createDraft({
				headline: story.headline,
				bodySource: story.body,
				sectionId: sections.get(story.section) ?? 0,
				personIds: [person.id],
			});
			await site.services.articles.publish(id, { at: new Date(TEST_NOW.getTime() - story.daysAgo * DAY) });
			ids.set(story.key, id);
		}
	});

	afterEach(async () => {
		await site.close();
	});

	/** The ids of a story's stored related stories still published, best first. */
	const relatedIds = (id: number) => new RelatedService(site.db, sqliteAdapter).relatedIds(id, 5);
	const relatedOf = async (key: string) => {
		const found = await relatedIds(ids.get(key) ?? 0);
		const headlines = new Map(
			(await site.db.selectFrom("articles").select(["id", "headline"]).execute()).map((row) => [row.id, row.headline]),
		);
		return found.map((id) => headlines.get(id));
	};

	it("chooses the story about the same talks, not the same section's other story", async () => {
		expect((await relatedOf("talksEnd"))[0]).toBe("Water talks open in Kabul on sharing the Kunar river");
		// The earlier story learns of the later one when the later one is published.
		expect((await relatedOf("talksOpen"))[0]).toBe("Kunar talks end with agreement to share river flow data");
	});

	it("never lists the story itself", async () => {
		for (const [key, id] of ids) {
			expect(await relatedIds(id), key).not.toContain(id);
		}
	});

	it("leaves out drafts, and drops a story once it is unpublished", async () => {
		const news = await site.services.sections.getByPath("news");
		const person = await site.services.people.getBySlug("test-reporter");
		await site.services.articles.createDraft({
			headline: "Kunar river water-sharing talks: draft notes on flow and treaty",
			bodySource:
				"Draft about the Kunar river water-sharing talks, river flow data, irrigation and treaty delegations.",
			sectionId: news?.id ?? 0,
			personIds: [person?.id ?? 0],
		});
		expect(await relatedOf("talksEnd")).not.toContain(
			"Kunar river water-sharing talks: draft notes on flow and treaty",
		);

		await site.services.articles.unpublish(ids.get("talksOpen") ?? 0);
		expect(await relatedOf("talksEnd")).not.toContain("Water talks open in Kabul on sharing the Kunar river");
	});

	it("is stored when a story is published, so a page view only reads it", async () => {
		const talksEnd = ids.get("talksEnd") ?? 0;
		const stored = await site.db.selectFrom("related").selectAll().where("article_id", "=", talksEnd).execute();
		expect(stored.length).toBeGreaterThan(0);
		expect(stored.find((row) => row.rank === 0)?.related_id).toBe(ids.get("talksOpen"));

		await site.db.deleteFrom("related").where("article_id", "=", talksEnd).execute();
		expect(await relatedOf("talksEnd")).toEqual([]);
	});

	it("gives the Check Also box the best related story still published, with the opening of its text", async () => {
		const talksEnd = ids.get("talksEnd") ?? 0;
		// What the story page reads with the story.
		const { slug } = await site.db
			.selectFrom("articles")
			.select("slug")
			.where("id", "=", talksEnd)
			.executeTakeFirstOrThrow();
		const checkAlso = async () => (await site.services.articles.readPublished(slug))?.checkAlso;
		const first = await checkAlso();
		expect(first?.id).toBe(ids.get("talksOpen"));
		expect(first?.headline).toBe("Water talks open in Kabul on sharing the Kunar river");
		expect(first?.bodyText.startsWith("Delegations from both sides of the border")).toBe(true);
		expect(first?.publishedAt).toBeInstanceOf(Date);

		const stored = await site.db
			.selectFrom("related")
			.select("related_id")
			.where("article_id", "=", talksEnd)
			.orderBy("rank")
			.execute();
		// A story no longer published, while the stored list still names it first, is skipped for the next one.
		await site.db
			.updateTable("articles")
			.set({ status: "unpublished" })
			.where("id", "=", first?.id ?? 0)
			.execute();
		expect((await checkAlso())?.id).toBe(stored[1]?.related_id);
		await site.db.deleteFrom("related").where("article_id", "=", talksEnd).execute();
		expect(await checkAlso()).toBeUndefined();
	});

	it("follows an edit that changes what a story is about", async () => {
		const prices = ids.get("prices") ?? 0;
		const business = await site.services.sections.getByPath("business");
		const person = await site.services.people.getBySlug("test-reporter");
		await site.services.articles.update(prices, {
			headline: "Snow on the Salang pass delays flour lorries",
			bodySource:
				"Heavy snow on the Salang pass held up lorries of flour for two days as forecasters warned of more snow.",
			sectionId: business?.id ?? 0,
			personIds: [person?.id ?? 0],
		});
		expect((await relatedOf("prices"))[0]).toBe("Heavy snow closes the Salang pass");
	});
});

describe("recomputing every list after a bulk load", () => {
	let site: TestSite;
	let work: string;

	beforeEach(async () => {
		site = await createTestSite({ demo: true });
		work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-related-"));
	});

	afterEach(async () => {
		await site.close();
		fs.rmSync(work, { recursive: true, force: true });
	});

	const storedLists = async () =>
		(
			await site.db
				.selectFrom("related")
				.select(["article_id", "related_id", "rank", "score"])
				.orderBy("article_id")
				.orderBy("rank")
				.execute()
		).map((row) => `${row.article_id}:${row.rank}:${row.related_id}:${row.score}`);

	it("stores, in memory, exactly the lists that computing story by story stores", async () => {
		const file = path.join(work, "export.xml");
		await writeSyntheticWxr(file, { posts: 250, seed: 3 });
		await importFixture(site, file);
		const related = new RelatedService(site.db, sqliteAdapter);

		await related.recomputeAll();
		const inMemory = await storedLists();
		expect(inMemory.length).toBeGreaterThan(250 * 4);

		await site.db.deleteFrom("related").execute();
		const published = await site.db.selectFrom("articles").select("id").where("status", "=", "published").execute();
		for (const { id } of published) await related.computeFor(id);
		expect(await storedLists()).toEqual(inMemory);
	}, 60_000);
});
