import { describe, expect, it } from "vitest";
import { keyTerms, rankRelated, termCounts } from "./related.js";

describe("termCounts", () => {
	it("weights headline words, drops stopwords, short words and bare numbers", () => {
		const counts = termCounts({ headline: "Kunar talks", body: "The talks on the Kunar river in 2026 went on." });
		expect(counts.get("kunar")).toBe(4);
		expect(counts.get("talks")).toBe(4);
		expect(counts.get("river")).toBe(1);
		expect(counts.has("the")).toBe(false);
		expect(counts.has("on")).toBe(false);
		expect(counts.has("2026")).toBe(false);
	});
});

describe("keyTerms", () => {
	it("prefers rare terms and leaves out terms no other story has", () => {
		const counts = new Map([
			["kunar", 3],
			["people", 5],
			["unique", 9],
		]);
		const df = new Map([
			["kunar", 2],
			["people", 90],
			["unique", 1],
		]);
		expect(keyTerms({ counts, df, total: 100, limit: 5 })).toEqual(["kunar", "people"]);
	});
});

describe("rankRelated", () => {
	const publishedAt = new Date("2026-03-15T00:00:00Z");
	const daysBefore = (days: number) => new Date(publishedAt.getTime() - days * 86_400_000);

	it("lets relevance lead", () => {
		const ranked = rankRelated({
			candidates: [
				{ id: 1, score: 2, publishedAt: daysBefore(0) },
				{ id: 2, score: 10, publishedAt: daysBefore(200) },
			],
			publishedAt,
			limit: 2,
		});
		expect(ranked.map((c) => c.id)).toEqual([2, 1]);
	});

	it("breaks near-ties towards the story closer in time", () => {
		const ranked = rankRelated({
			candidates: [
				{ id: 1, score: 10, publishedAt: daysBefore(120) },
				{ id: 2, score: 9.5, publishedAt: daysBefore(2) },
			],
			publishedAt,
			limit: 2,
		});
		expect(ranked.map((c) => c.id)).toEqual([2, 1]);
	});

	it("returns nothing when nothing matched", () => {
		expect(rankRelated({ candidates: [], publishedAt, limit: 3 })).toEqual([]);
	});
});
