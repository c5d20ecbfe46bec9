import Fastify from "fastify";
import { parseRssFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { feedsPlugin } from "../../src/web/feeds/feeds-plugin.js";
import { createTestSite, TEST_NOW, type TestSite } from "../support/test-site.js";

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite();
	const { services } = site;
	const world = await services.sections.create({ name: "World" });
	const asia = await services.sections.create({ name: "Asia", parentId: world.id });
	const afghanistan = await services.sections.create({ name: "Afghanistan", parentId: asia.id });
	const person = await services.people.create({ name: "Farida Amiri" });
	const deep = await services.articles.createDraft({
		headline: "Border crossing reopens",
		bodySource: "Trucks crossed again on Sunday.",
		sectionId: afghanistan.id,
		personIds: [person.id],
	});
	await services.articles.publish(deep, { at: new Date(TEST_NOW.getTime() - 3_600_000) });
	// A story whose slug is "feed": its address looks like a three-level section's feed.
	const feed = await services.articles.createDraft({
		headline: "What the herds feed on",
		slug: "feed",
		bodySource: "Grass, mostly.",
		sectionId: world.id,
		personIds: [person.id],
	});
	await services.articles.publish(feed, { at: new Date("2026-03-14T06:00:00.000Z") });
});

afterAll(async () => {
	await site.close();
});

describe("feed routes beside the reader's", () => {
	it.each(["/world/feed/", "/world/asia/feed/", "/world/asia/afghanistan/feed/"])(
		"%s is the feed of a section up to three levels deep, with its subsections' stories",
		async (url) => {
			const response = await site.app.inject(url);
			expect(response.statusCode).toBe(200);
			expect(parseRssFeed(response.body).items?.map((item) => item.title)).toContain("Border crossing reopens");
		},
	);

	it("leaves a story whose slug is 'feed' to the reader", async () => {
		const response = await site.app.inject("/2026/03/14/feed/");
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
		expect(response.body).toContain("What the herds feed on");
	});

	it("finds a section whose slug is in another script", async () => {
		await site.services.sections.create({ name: "اخبار", description: "" });
		const response = await site.app.inject(`/${encodeURIComponent("اخبار")}/feed/atom/`);
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toBe("application/atom+xml; charset=utf-8");
	});

	it("leaves the reader's pages alone", async () => {
		const response = await site.app.inject("/world/asia/");
		expect(response.statusCode).toBe(200);
		expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
	});
});

describe("a failure inside a feed", () => {
	it("answers 500 in plain text that is not cached and says nothing of the cause", async () => {
		const app = Fastify();
		await app.register(feedsPlugin, { services: site.services, config: site.config });
		const spy = vi.spyOn(site.services.syndication, "feed").mockRejectedValueOnce(new Error("disk on fire"));
		try {
			const response = await app.inject("/feed/");
			expect(response.statusCode).toBe(500);
			expect(response.headers["content-type"]).toBe("text/plain; charset=utf-8");
			expect(response.headers["cache-control"]).toBe("no-store");
			expect(response.body).toBe("Something went wrong on our side.\n");
		} finally {
			spy.mockRestore();
			await app.close();
		}
	});
});
