import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";
import { articlePath } from "../../content/articles/article.js";
import { SEARCHES_WAITING } from "../../content/search/search-service.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import { sqliteAdapter } from "../../db/dialects/sqlite/sqlite-adapter.js";

/** Lets pending requests move on until none can without the database answering. */
async function drain(rounds = 50): Promise<void> {
	for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe("a flood of distinct searches", () => {
	let site: TestSite;
	let storyPath: string;
	// Every search that reaches the database waits here until the test lets it go.
	const holds: (() => void)[] = [];
	let searched = 0;

	beforeAll(async () => {
		const adapter: DialectAdapter = {
			...sqliteAdapter,
			searchAllTerms: async (database, query) => {
				searched += 1;
				await new Promise<void>((resolve) => holds.push(resolve));
				return sqliteAdapter.searchAllTerms(database, query);
			},
		};
		site = await createTestSite({ adapter });
		const { services } = site;
		const section = await services.sections.create({ name: "National News", slug: "news" });
		const person = await services.people.create({ name: "Farida Amiri" });
		const id = await services.articles.createDraft({
			headline: "Kunar river talks open in Kabul",
			bodySource: "Delegations met on Monday.",
			sectionId: section.id,
			personIds: [person.id],
		});
		await services.articles.publish(id);
		const story = await services.articles.getPublished("kunar-river-talks-open-in-kabul");
		if (!story) throw new Error("the story was not published");
		storyPath = articlePath(story, site.config.timeZone);
	});

	afterAll(async () => {
		for (const release of holds.splice(0)) release();
		await site.close();
	});

	it("runs one at a time on SQLite, lets 64 wait, refuses the next at once with a 503, and keeps the rest of the site answering", async () => {
		const admitted = sqliteAdapter.searchesAtOnce + SEARCHES_WAITING;
		const flood = Array.from({ length: admitted }, (_, i) => site.app.inject({ url: `/search?q=word${i}` }));
		await drain();
		expect(searched).toBe(sqliteAdapter.searchesAtOnce);

		const refused = await site.app.inject({ url: "/search?q=one+more" });
		expect(refused.statusCode).toBe(503);
		expect(refused.headers["retry-after"]).toBe("5");
		expect(refused.headers["cache-control"]).toBe("no-store");
		expect(refused.headers["content-type"]).toMatch(/^text\/html/);

		// A story page does not wait behind the searches.
		const story = await site.app.inject({ url: storyPath });
		expect(story.statusCode).toBe(200);
		expect(story.body).toContain("Kunar river talks open in Kabul");

		// Let them all go: every admitted search is answered.
		while (searched < admitted || holds.length > 0) {
			for (const release of holds.splice(0)) release();
			await drain(5);
		}
		const answers = await Promise.all(flood);
		expect(answers.map((answer) => answer.statusCode)).toEqual(Array(admitted).fill(200));
		expect(searched).toBe(admitted);

		// The queue is empty again: the refused search runs now.
		const later = site.app.inject({ url: "/search?q=one+more" });
		await drain();
		for (const release of holds.splice(0)) release();
		expect((await later).statusCode).toBe(200);
	});
	it("drops a waiting search whose reader has gone, so it neither holds a place nor runs", async () => {
		await site.app.listen({ port: 0, host: "127.0.0.1" });
		const base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
		const before = searched;
		const running = fetch(`${base}/search?q=alpha`);
		while (searched === before) await drain(5);

		// This reader waits behind it, then leaves.
		const leaving = http.get(`${base}/search?q=beta`);
		leaving.on("error", () => {});
		await new Promise((resolve) => setTimeout(resolve, 100));
		leaving.destroy();
		await new Promise((resolve) => setTimeout(resolve, 100));

		for (const release of holds.splice(0)) release();
		expect((await running).status).toBe(200);
		await drain();
		expect(holds).toEqual([]);
		expect(searched).toBe(before + 1);

		// The queue is free: the next reader's search runs.
		const next = fetch(`${base}/search?q=beta`);
		while (searched === before + 1) await drain(5);
		for (const release of holds.splice(0)) release();
		expect((await next).status).toBe(200);
	});
});
