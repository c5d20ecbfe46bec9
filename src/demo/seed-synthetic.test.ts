import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, TEST_NOW, type TestSite } from "../../test/support/test-site.js";
import { renderBody } from "../content/articles/article-body.js";
import { keyTerms, termCounts } from "../content/related/related.js";
import { RelatedService } from "../content/related/related-service.js";
import { searchDocument } from "../content/search/search.js";
import { tokenize } from "../content/text.js";
import type { Db } from "../db/database.js";
import { sqliteAdapter } from "../db/dialects/sqlite/sqlite-adapter.js";
import {
	describeSyntheticStory,
	type SeedSyntheticResult,
	SYNTHETIC_SETTINGS_KEY,
	seedSynthetic,
} from "./seed-synthetic.js";

const ARTICLES = 300;

class RolledBack extends Error {}
const wordCount = (text: string) => text.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;

/** Every row of the tables seeding writes, in a stable order. */
async function dump(db: Db): Promise<unknown[]> {
	const tables = [
		"sections",
		"people",
		"tags",
		"articles",
		"article_people",
		"article_tags",
		"related",
		"settings",
		"article_fts",
	];
	const all: unknown[] = [];
	for (const table of tables) {
		const rows = await sql`SELECT * FROM ${sql.table(table)} ORDER BY 1, 2`.execute(db);
		all.push(table, rows.rows);
	}
	return all;
}

describe("seedSynthetic", () => {
	let site: TestSite;
	let result: SeedSyntheticResult;
	const phases = new Set<string>();

	beforeAll(async () => {
		site = await createTestSite();
		result = await seedSynthetic(
			{ db: site.db, adapter: sqliteAdapter, clock: site.clock },
			{ articles: ARTICLES, seed: 7, onProgress: (_done, _total, phase) => phases.add(phase) },
		);
	});

	afterAll(async () => {
		await site.close();
	});

	it("writes the requested numbers of stories, sections, authors and tags, and reports its phases", async () => {
		const count = async (table: "articles" | "sections" | "people" | "tags") =>
			Number(
				(
					await site.db
						.selectFrom(table)
						.select((eb) => eb.fn.countAll<number>().as("n"))
						.executeTakeFirstOrThrow()
				).n,
			);
		expect(await count("articles")).toBe(ARTICLES);
		expect(await count("sections")).toBe(20);
		expect(await count("people")).toBe(200);
		expect(await count("tags")).toBe(2000);
		expect(result).toMatchObject({ articles: ARTICLES, sections: 20, authors: 200, tags: 2000 });
		expect([...phases]).toEqual(["setup", "plan", "articles", "related"]);
		const published = await site.db
			.selectFrom("articles")
			.select((eb) => eb.fn.countAll<number>().as("n"))
			.where("status", "=", "published")
			.executeTakeFirstOrThrow();
		expect(Number(published.n)).toBe(ARTICLES);
		const nested = await site.db.selectFrom("sections").select("path").where("parent_id", "is not", null).execute();
		expect(nested.length).toBeGreaterThan(0);
		for (const section of nested) expect(section.path).toMatch(/^[a-z-]+\/[a-z-]+$/);
	});

	it("gives every story 1–2 bylines and 2–5 tags", async () => {
		const bylines = await site.db
			.selectFrom("article_people")
			.select(["article_id", (eb) => eb.fn.countAll<number>().as("n")])
			.groupBy("article_id")
			.execute();
		expect(bylines).toHaveLength(ARTICLES);
		for (const row of bylines) expect(Number(row.n)).toBeGreaterThanOrEqual(1);
		for (const row of bylines) expect(Number(row.n)).toBeLessThanOrEqual(2);
		expect(bylines.some((row) => Number(row.n) === 2)).toBe(true);
		const tags = await site.db
			.selectFrom("article_tags")
			.select(["article_id", (eb) => eb.fn.countAll<number>().as("n")])
			.groupBy("article_id")
			.execute();
		expect(tags).toHaveLength(ARTICLES);
		for (const row of tags) expect(Number(row.n)).toBeGreaterThanOrEqual(2);
		for (const row of tags) expect(Number(row.n)).toBeLessThanOrEqual(5);
	});

	it("writes text of realistic lengths, in paragraphs, dated over five years before now", async () => {
		const rows = await site.db
			.selectFrom("articles")
			.select(["headline", "standfirst", "body_source", "published_at"])
			.execute();
		for (const row of rows) {
			expect(wordCount(row.headline)).toBeGreaterThanOrEqual(6);
			expect(wordCount(row.headline)).toBeLessThanOrEqual(14);
			expect(wordCount(row.standfirst)).toBeGreaterThanOrEqual(15);
			expect(wordCount(row.standfirst)).toBeLessThanOrEqual(30);
			expect(wordCount(row.body_source)).toBeGreaterThanOrEqual(300);
			expect(wordCount(row.body_source)).toBeLessThanOrEqual(1200);
			expect(row.body_source.split("\n\n").length).toBeGreaterThan(3);
			expect(row.body_source).toMatch(/^[\x20-\x7e\n]+$/);
		}
		const dates = rows.map((row) => new Date(row.published_at ?? "").getTime()).sort((a, b) => a - b);
		const years = ((dates.at(-1) ?? 0) - (dates[0] ?? 0)) / (365.25 * 86_400_000);
		expect(years).toBeGreaterThan(4.9);
		expect(dates.at(-1)).toBeLessThanOrEqual(TEST_NOW.getTime());
	});

	it("stores exactly what the services would: rendered bodies and folded search documents", async () => {
		const rows = await site.db
			.selectFrom("articles")
			.select(["id", "headline", "body_source", "body_html", "body_text"])
			.where("id", "<=", 40)
			.execute();
		for (const row of rows) {
			const body = renderBody(row.body_source);
			expect(row.body_html).toBe(body.html);
			expect(row.body_text).toBe(body.text);
			const indexed = await sql<{
				headline: string;
				body: string;
			}>`SELECT headline, body FROM article_fts WHERE rowid = ${row.id}`.execute(site.db);
			const expected = searchDocument({ id: row.id, headline: row.headline, bodyText: row.body_text });
			expect(indexed.rows[0]).toEqual({ headline: expected.headline, body: expected.body });
		}
	});

	it("reads the text as the search index does, and picks key terms as keyTerms does", async () => {
		for (const index of [0, 1, 17, 150, 299]) {
			const story = describeSyntheticStory({ articles: ARTICLES, seed: 7 }, index);
			const row = await site.db
				.selectFrom("articles")
				.select(["headline", "body_text"])
				.where("id", "=", index + 1)
				.executeTakeFirstOrThrow();
			expect(story.headline).toBe(row.headline);
			expect(story.headlineTokens).toEqual(tokenize(row.headline));
			expect(story.bodyTokens).toEqual(tokenize(row.body_text));
			const counts = termCounts({ headline: row.headline, body: row.body_text });
			const { total, df } = await sqliteAdapter.documentFrequencies(site.db, [...counts.keys()]);
			expect(story.keyTerms).toEqual(keyTerms({ counts, df, total, limit: story.keyTerms.length }));
			expect(story.keyTerms.length).toBeGreaterThanOrEqual(20);
		}
	});

	it("gives every published story related stories, never itself", async () => {
		const related = await site.db.selectFrom("related").select(["article_id", "related_id", "rank"]).execute();
		const byStory = new Map<number, { related_id: number; rank: number }[]>();
		for (const row of related) byStory.set(row.article_id, [...(byStory.get(row.article_id) ?? []), row]);
		expect(byStory.size).toBe(ARTICLES);
		for (const [story, list] of byStory) {
			expect(list.length).toBeGreaterThanOrEqual(1);
			expect(list.length).toBeLessThanOrEqual(5);
			expect(list.map((row) => row.rank).sort()).toEqual(list.map((_, index) => index));
			for (const row of list) expect(row.related_id).not.toBe(story);
		}
		expect(result.relatedRows).toBe(related.length);
	});

	it("mostly agrees with the live related-stories computation", async () => {
		const service = new RelatedService(site.db, sqliteAdapter);
		let sameFirst = 0;
		let firstInTopFive = 0;
		for (let id = 1; id <= ARTICLES; id += 3) {
			const stored = await site.db
				.selectFrom("related")
				.select("related_id")
				.where("article_id", "=", id)
				.orderBy("rank")
				.execute();
			const bulk = stored.map((row) => row.related_id);
			// computeFor stores what it computes: run it in a transaction that is rolled back.
			let live: number[] = [];
			await site.db
				.transaction()
				.execute(async (trx) => {
					live = await service.computeFor(id, trx);
					throw new RolledBack();
				})
				.catch((error: unknown) => {
					if (!(error instanceof RolledBack)) throw error;
				});
			if (bulk[0] === live[0]) sameFirst += 1;
			if (bulk.includes(live[0] ?? -1)) firstInTopFive += 1;
		}
		const sampled = Math.ceil(ARTICLES / 3);
		expect(firstInTopFive / sampled).toBeGreaterThan(0.9);
		expect(sameFirst / sampled).toBeGreaterThan(0.6);
	});

	it("makes generated words findable by search", async () => {
		expect(result.searchWord).toMatch(/^[a-z]{5,}$/);
		expect(result.searchWordStories).toBeGreaterThanOrEqual(2);
		const page = await site.services.search.search(result.searchWord);
		expect(page.total).toBeGreaterThan(0);
		const headline = await site.db
			.selectFrom("articles")
			.select("headline")
			.where("id", "=", 17)
			.executeTakeFirstOrThrow();
		const rare = tokenize(headline.headline).sort((a, b) => b.length - a.length)[0] ?? "";
		const found = await site.services.search.search(rare);
		expect(found.results.map((hit) => hit.story.headline)).toContain(headline.headline);
		const record = await site.db
			.selectFrom("settings")
			.select("value")
			.where("key", "=", SYNTHETIC_SETTINGS_KEY)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(record.value)).toMatchObject({ articles: ARTICLES, seed: 7, searchWord: result.searchWord });
	});

	it("gives every story a unique slug, and serves its page", async () => {
		const slugs = await site.db.selectFrom("articles").select("slug").execute();
		expect(new Set(slugs.map((row) => row.slug)).size).toBe(ARTICLES);
		const home = await site.app.inject({ url: "/" });
		expect(home.statusCode).toBe(200);
		const link = home.body.match(/href="(\/\d{4}\/\d{2}\/\d{2}\/[^"]+\/)"/)?.[1];
		expect(link).toBeDefined();
		const page = await site.app.inject({ url: link ?? "/" });
		expect(page.statusCode).toBe(200);
	});

	it("writes the same archive for the same seed, and another for another seed", async () => {
		const again = await createTestSite();
		const other = await createTestSite();
		try {
			await seedSynthetic(
				{ db: again.db, adapter: sqliteAdapter, clock: again.clock },
				{ articles: ARTICLES, seed: 7 },
			);
			await seedSynthetic(
				{ db: other.db, adapter: sqliteAdapter, clock: other.clock },
				{ articles: ARTICLES, seed: 8 },
			);
			expect(await dump(again.db)).toEqual(await dump(site.db));
			const headlines = async (db: Db) =>
				(await db.selectFrom("articles").select("headline").orderBy("id").execute()).map((row) => row.headline);
			expect(await headlines(other.db)).not.toEqual(await headlines(site.db));
		} finally {
			await again.close();
			await other.close();
		}
	});

	it("refuses a site that already has content", async () => {
		await expect(
			seedSynthetic({ db: site.db, adapter: sqliteAdapter, clock: site.clock }, { articles: 10 }),
		).rejects.toMatchObject({ code: "ERR_VALIDATION" });
		await expect(
			seedSynthetic({ db: site.db, adapter: sqliteAdapter, clock: site.clock }, { articles: -1 }),
		).rejects.toMatchObject({ code: "ERR_VALIDATION" });
	});
});
