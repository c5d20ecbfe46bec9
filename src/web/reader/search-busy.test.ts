import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heldSearches } from "../../../test/support/held-searches.js";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";
import { articlePath } from "../../content/articles/article.js";
import { SEARCHES_WAITING } from "../../content/search/search-service.js";
import { sqliteAdapter } from "../../db/dialects/sqlite/sqlite-adapter.js";

/** Lets pending requests move on until none can without the database answering. */
async function drain(rounds = 50): Promise<void> {
	for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe("a flood of distinct searches", () => {
	let site: TestSite;
	let storyPath: string;
	// Every search that reaches the database waits until the test lets it go.
	const held = heldSearches();

	beforeAll(async () => {
		site = await createTestSite({ adapter: held.adapter });
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
		held.releaseAll();
		await site.close();
	});

	it("runs one at a time on SQLite, lets 64 wait, refuses the next at once with a 503, and keeps the rest of the site answering", async () => {
		const admitted = sqliteAdapter.searchesAtOnce + SEARCHES_WAITING;
		const flood = Array.from({ length: admitted }, (_, i) => site.app.inject({ url: `/search?q=word${i}` }));
		await drain();
		expect(held.reached).toBe(sqliteAdapter.searchesAtOnce);

		const refused = await site.app.inject({ url: "/search?q=one+more" });
		expect(refused.statusCode).toBe(503);
		expect(refused.headers["retry-after"]).toBe("5");
		expect(refused.headers["cache-control"]).toBe("no-store");
		expect(refused.headers["content-type"]).toMatch(/^text\/html/);
		// The content API's search waits in the same queue, and is refused the same way, in JSON.
		const refusedApi = await site.app.inject({ url: "/api/v1/search?q=one+more" });
		expect([refusedApi.statusCode, refusedApi.headers["retry-after"]]).toEqual([503, "5"]);
		expect(refusedApi.headers["cache-control"]).toBe("no-store");
		expect(refusedApi.json()).toMatchObject({ error: { code: "ERR_SEARCH_BUSY" } });

		// A story page does not wait behind the searches.
		const story = await site.app.inject({ url: storyPath });
		expect(story.statusCode).toBe(200);
		expect(story.body).toContain("Kunar river talks open in Kabul");

		// Let them all go: every admitted search is answered.
		while (held.reached < admitted || held.held > 0) {
			held.releaseAll();
			await drain(5);
		}
		const answers = await Promise.all(flood);
		expect(answers.map((answer) => answer.statusCode)).toEqual(Array(admitted).fill(200));
		expect(held.reached).toBe(admitted);

		// The queue is empty again: the refused search runs now.
		const later = site.app.inject({ url: "/search?q=one+more" });
		await drain();
		held.releaseAll();
		expect((await later).statusCode).toBe(200);
	});
	it("drops a waiting search whose reader has gone, so it neither holds a place nor runs", async () => {
		await site.app.listen({ port: 0, host: "127.0.0.1" });
		const base = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
		const before = held.reached;
		const running = fetch(`${base}/search?q=alpha`);
		while (held.reached === before) await drain(5);

		// This reader waits behind it, then leaves.
		const leaving = http.get(`${base}/search?q=beta`);
		leaving.on("error", () => {});
		await new Promise((resolve) => setTimeout(resolve, 100));
		leaving.destroy();
		await new Promise((resolve) => setTimeout(resolve, 100));

		held.releaseAll();
		expect((await running).status).toBe(200);
		await drain();
		expect(held.held).toBe(0);
		expect(held.reached).toBe(before + 1);

		// The queue is free: the next reader's search runs.
		const next = fetch(`${base}/search?q=beta`);
		while (held.reached === before + 1) await drain(5);
		held.releaseAll();
		expect((await next).status).toBe(200);
	});
});
