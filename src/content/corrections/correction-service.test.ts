import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";
import { CorrectionService } from "./correction-service.js";

let site: TestSite;
let corrections: CorrectionService;

beforeEach(async () => {
	site = await createTestSite();
	corrections = new CorrectionService({ db: site.db });
});

afterEach(async () => {
	await site.close();
});

async function publishedStory(headline: string): Promise<number> {
	const sectionId = (await site.services.sections.create({ name: headline, slug: headline })).id;
	const id = await site.services.articles.createDraft({ headline, bodySource: "Text.", sectionId, personIds: [] });
	await site.services.articles.publish(id);
	return id;
}

describe("CorrectionService", () => {
	it("reads a story's notes oldest first, and only that story's", async () => {
		const story = await publishedStory("first");
		const other = await publishedStory("second");
		const start = site.clock.now().getTime();
		site.clock.set(new Date(start + 60_000));
		await site.services.articles.addCorrection(story, { kind: "correction", body: "The date was wrong." });
		site.clock.set(new Date(start + 120_000));
		await site.services.articles.addCorrection(story, { kind: "clarification", body: "The quote was Ahmadi's." });
		await site.services.articles.addCorrection(other, { kind: "update", body: "Elsewhere." });

		expect(await corrections.corrections(story)).toEqual([
			{ id: expect.any(Number), kind: "correction", body: "The date was wrong.", createdAt: new Date(start + 60_000) },
			{
				id: expect.any(Number),
				kind: "clarification",
				body: "The quote was Ahmadi's.",
				createdAt: new Date(start + 120_000),
			},
		]);
		expect(await corrections.corrections(999)).toEqual([]);
	});

	it("moves the story's updated time, which the public page and structured data read", async () => {
		const story = await publishedStory("third");
		const when = new Date(site.clock.now().getTime() + 3_600_000);
		site.clock.set(when);
		await site.services.articles.addCorrection(story, { kind: "update", body: "More news." });
		expect((await site.services.articles.getPublished("third"))?.updatedAt).toEqual(when);
	});
});
