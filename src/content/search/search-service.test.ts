import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { heldSearches } from "../../../test/support/held-searches.js";
import { createTestSite, TEST_NOW, type TestSite } from "../../../test/support/test-site.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import { sqliteAdapter } from "../../db/dialects/sqlite/sqlite-adapter.js";
import { SearchService } from "./search-service.js";

describe("kept search results", () => {
	let site: TestSite;
	let searches: number;
	let search: SearchService;
	let sectionId: number;
	let personId: number;

	beforeEach(async () => {
		site = await createTestSite();
		sectionId = (await site.services.sections.create({ name: "National News", slug: "news" })).id;
		personId = (await site.services.people.create({ name: "Farida Amiri" })).id;
		searches = 0;
		// Counts the searches that reach the database.
		const counting: DialectAdapter = {
			...sqliteAdapter,
			searchAllTerms: (db, query) => {
				searches += 1;
				return sqliteAdapter.searchAllTerms(db, query);
			},
		};
		search = new SearchService({
			db: site.db,
			adapter: counting,
			clock: site.clock,
			articles: site.services.articles,
			purge: site.purge,
		});
		await publish("Kunar river talks open in Kabul");
	});

	afterEach(async () => {
		site.clock.set(TEST_NOW);
		await site.close();
	});

	async function publish(headline: string): Promise<number> {
		const id = await site.services.articles.createDraft({
			headline,
			bodySource: `${headline}. Delegations met on Monday.`,
			sectionId,
			personIds: [personId],
		});
		await site.services.articles.publish(id);
		return id;
	}

	it("answers a repeated search from memory, with the reader's own spelling shown back", async () => {
		const first = await search.search("kunar");
		const again = await search.search("  KUNAR ");
		expect(searches).toBe(1);
		expect(again.results.map((result) => result.story.id)).toEqual(first.results.map((result) => result.story.id));
		expect(again.query.text).toBe("KUNAR");
		await search.search("kunar", 2);
		expect(searches).toBe(2);
	});

	it("drops what it kept when a story is published or edited, so a new or changed story shows at once", async () => {
		expect((await search.search("kunar")).total).toBe(1);
		const second = await publish("Kunar talks end with an agreement");
		expect((await search.search("kunar")).total).toBe(2);

		await site.services.articles.update(second, {
			headline: "Kunar talks end without an agreement",
			bodySource: "Kunar talks ended without an agreement.",
			sectionId,
			personIds: [personId],
		});
		const edited = await search.search("kunar");
		expect(edited.results.map((result) => result.story.headline)).toContain("Kunar talks end without an agreement");

		await site.services.articles.unpublish(second);
		expect((await search.search("kunar")).total).toBe(1);
		expect(searches).toBe(4);
	});

	it("runs a search once for readers sending it at the same moment", async () => {
		const answers = await Promise.all([search.search("kunar"), search.search("KUNAR"), search.search("kunar")]);
		expect(searches).toBe(1);
		expect(answers.map((answer) => answer.total)).toEqual([1, 1, 1]);
		expect(answers[1]?.query.text).toBe("KUNAR");
	});

	it("forgets a search that failed, so the next one tries again", async () => {
		const failing = new SearchService({
			db: site.db,
			adapter: { ...sqliteAdapter, searchAllTerms: async () => Promise.reject(new Error("database gone")) },
			clock: site.clock,
			articles: site.services.articles,
			purge: site.purge,
		});
		await expect(failing.search("kunar")).rejects.toThrow("database gone");
		expect(failing.keptPages).toBe(0);
	});

	it("drops what it kept on a purge from another node", async () => {
		await search.search("kunar");
		site.purge.publish(["feeds"]);
		await search.search("kunar");
		expect(searches).toBe(2);
	});

	it("searches again after a minute, since recency moves the ranking", async () => {
		await search.search("kunar");
		site.clock.set(new Date(TEST_NOW.getTime() + 59_000));
		await search.search("kunar");
		expect(searches).toBe(1);
		site.clock.set(new Date(TEST_NOW.getTime() + 61_000));
		await search.search("kunar");
		expect(searches).toBe(2);
	});

	it("keeps at most 256 pages however many distinct searches arrive", async () => {
		for (let i = 0; i < 400; i += 1) await search.search(`kunar word${i}`);
		expect(search.keptPages).toBe(256);
		// The newest are the ones kept.
		const before = searches;
		await search.search("kunar word399");
		expect(searches).toBe(before);
		await search.search("kunar word0");
		expect(searches).toBe(before + 1);
	});

	/** A search service whose searches are held (see heldSearches), one running at a time and `waiting` more. */
	function limitedSearch(waiting: number) {
		const held = heldSearches();
		const limited = new SearchService({
			db: site.db,
			adapter: held.adapter,
			clock: site.clock,
			articles: site.services.articles,
			purge: site.purge,
			limit: { running: 1, waiting },
		});
		return { held, limited };
	}

	it("lets searches take turns: one past the waiting ones is refused at once, a repeated one joins its twin", async () => {
		const { held, limited } = limitedSearch(1);
		const running = limited.search("kunar");
		const waiting = limited.search("kabul");
		const twin = limited.search("KABUL");
		await expect(limited.search("talks")).rejects.toMatchObject({ code: "ERR_SEARCH_BUSY", status: 503 });
		await new Promise((resolve) => setImmediate(resolve));
		expect(held.reached).toBe(1);

		held.releaseOne();
		await running;
		await new Promise((resolve) => setImmediate(resolve));
		expect(held.reached).toBe(2);
		held.releaseOne();
		expect((await waiting).total).toBe(1);
		expect((await twin).query.text).toBe("KABUL");
		expect(held.reached).toBe(2);

		// The refused search was not kept: asked again, it runs.
		const again = limited.search("talks");
		await new Promise((resolve) => setImmediate(resolve));
		held.releaseOne();
		expect((await again).total).toBe(1);
		expect(held.reached).toBe(3);
	});

	it("drops a waiting search whose reader has gone, and a reader who joined it searches again", async () => {
		const { held, limited } = limitedSearch(4);
		const running = limited.search("talks");
		const gone = new AbortController();
		const abandoned = limited.search("kunar", 1, gone.signal);
		const joined = limited.search("KUNAR");
		await new Promise((resolve) => setImmediate(resolve));
		gone.abort();
		await expect(abandoned).rejects.toMatchObject({ name: "AbortError" });

		while (held.reached < 2 || held.held > 0) {
			held.releaseOne();
			await new Promise((resolve) => setImmediate(resolve));
		}
		expect((await running).total).toBe(1);
		const found = await joined;
		expect(found.total).toBe(1);
		expect(found.query.text).toBe("KUNAR");
		// "talks" and the joined reader's own "kunar": the abandoned one never reached the database.
		expect(held.reached).toBe(2);
	});

	it("keeps nothing without a purge bus to say when content changes", async () => {
		const unkept = new SearchService({
			db: site.db,
			adapter: sqliteAdapter,
			clock: site.clock,
			articles: site.services.articles,
		});
		await unkept.search("kunar");
		expect(unkept.keptPages).toBe(0);
	});
});
