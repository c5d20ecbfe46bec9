import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../../test/support/test-site.js";
import { importFixture } from "../../../../test/support/wordpress.js";
import { keyTerms, termCounts } from "../../../content/related/related.js";
import { writeSyntheticWxr } from "../../../demo/synthetic-wxr.js";
import { totalTokens } from "./fts5-archive-matcher.js";
import { sqliteAdapter } from "./sqlite-adapter.js";

describe("totalTokens", () => {
	it("adds the varint column sizes of a _docsize blob", () => {
		expect(totalTokens(Uint8Array.of(0x0a, 0x81, 0x7e))).toBe(10 + 254);
		expect(totalTokens(Uint8Array.of(0x00, 0x05))).toBe(5);
		expect(totalTokens(Uint8Array.of(0x82, 0x80, 0x01, 0x03))).toBe(2 * 128 * 128 + 1 + 3);
	});
});

describe("the in-memory archive matcher", () => {
	let site: TestSite;
	let work: string;

	beforeAll(async () => {
		// The demo site (English and Dari, with diacritics) and a generated archive with a shared vocabulary.
		site = await createTestSite({ demo: true });
		work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-matcher-"));
		const file = path.join(work, "export.xml");
		await writeSyntheticWxr(file, { posts: 300, seed: 7 });
		await importFixture(site, file);
	}, 60_000);

	afterAll(async () => {
		await site.close();
		fs.rmSync(work, { recursive: true, force: true });
	});

	it("gives FTS5's document frequencies and bm25() scores, bit for bit, for every story's key terms", async () => {
		const matcher = await sqliteAdapter.openArchiveMatcher?.(site.db);
		if (!matcher) throw new Error("SQLite has an archive matcher");
		const stories = await site.db.selectFrom("articles").select(["id", "headline", "body_text"]).execute();
		expect(stories.length).toBeGreaterThan(300);
		const queries = stories.map((story) => {
			const counts = termCounts({ headline: story.headline, body: story.body_text });
			return { id: story.id, counts, terms: keyTerms({ counts, df: matcher.df, total: matcher.total, limit: 20 }) };
		});
		await matcher.loadTerms(queries.flatMap((query) => query.terms));

		let compared = 0;
		for (const query of queries) {
			const fromIndex = await sqliteAdapter.documentFrequencies(site.db, [...query.counts.keys()]);
			expect(matcher.total).toBe(fromIndex.total);
			for (const [term, count] of fromIndex.df) expect(matcher.df.get(term), term).toBe(count);

			const expected = await sqliteAdapter.matchAnyTerm(site.db, {
				terms: query.terms,
				excludeId: query.id,
				limit: 40,
			});
			const actual = matcher.matchAnyTerm({ terms: query.terms, excludeId: query.id, limit: 40 });
			expect(actual, `story ${query.id}`).toEqual(expected);
			compared += expected.length;
		}
		// Not a vacuous pass: most stories have a full list of matches.
		expect(compared).toBeGreaterThan(queries.length * 20);
	});

	it("refuses a term whose occurrences were not loaded", async () => {
		const matcher = await sqliteAdapter.openArchiveMatcher?.(site.db);
		expect(() => matcher?.matchAnyTerm({ terms: ["kabul"], excludeId: 0, limit: 5 })).toThrow(/not loaded/);
	});
});
