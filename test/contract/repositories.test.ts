import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { ArticleRepository } from "../../src/content/articles/article-repository.js";
import { ArticleService } from "../../src/content/articles/article-service.js";
import { CorrectionRepository } from "../../src/content/corrections/correction-repository.js";
import { PersonRepository } from "../../src/content/people/person-repository.js";
import {
	firstPublishedRelated,
	RelatedRepository,
	toFirstRelated,
} from "../../src/content/related/related-repository.js";
import { RelatedService } from "../../src/content/related/related-service.js";
import { SearchService } from "../../src/content/search/search-service.js";
import { SectionRepository } from "../../src/content/sections/section-repository.js";
import { SyndicationRepository } from "../../src/content/syndication/syndication-repository.js";
import { TagRepository } from "../../src/content/tags/tag-repository.js";
import { TagService } from "../../src/content/tags/tag-service.js";
import { SEARCH_WINDOW } from "../../src/db/dialects/dialect.js";
import { type ContractDatabase, dialects, skippedDialects } from "./dialects.js";

const CREATED = "2026-03-01T00:00:00.000Z";

describe.each(dialects)("repositories on $name", (dialect) => {
	let database: ContractDatabase;
	let sections: SectionRepository;
	let people: PersonRepository;
	let tags: TagRepository;
	let articles: ArticleRepository;
	let related: RelatedRepository;

	beforeEach(async () => {
		database = await dialect.open();
		sections = new SectionRepository(database.db);
		people = new PersonRepository(database.db);
		tags = new TagRepository(database.db);
		articles = new ArticleRepository(database.db, database.adapter);
		related = new RelatedRepository(database.db);
	});

	afterEach(async () => {
		await database.close();
	});

	async function topSection(slug: string, position = 0) {
		return sections.insert({
			slug,
			name: slug,
			description: "",
			parentId: null,
			path: slug,
			position,
			createdAt: CREATED,
		});
	}

	async function article(input: {
		slug: string;
		sectionId: number;
		status?: "draft" | "published";
		publishedAt?: string;
	}) {
		return articles.insert({
			slug: input.slug,
			status: input.status ?? "published",
			headline: `Headline ${input.slug}`,
			standfirst: "",
			body_source: `Body of ${input.slug}`,
			body_html: `<p>Body of ${input.slug}</p>`,
			body_text: `Body of ${input.slug}`,
			dateline_place: "",
			source_line: "",
			revision: 1,
			language: "en",
			section_id: input.sectionId,
			published_at: input.publishedAt ?? (input.status === "draft" ? null : CREATED),
			created_at: CREATED,
			modified_at: CREATED,
		});
	}

	describe("sections", () => {
		it("finds sections by path and lists them by position", async () => {
			const news = await sections.insert({
				slug: "news",
				name: "News",
				description: "",
				parentId: null,
				path: "news",
				position: 2,
				createdAt: CREATED,
			});
			await sections.insert({
				slug: "sport",
				name: "Sport",
				description: "",
				parentId: null,
				path: "sport",
				position: 1,
				createdAt: CREATED,
			});
			const child = await sections.insert({
				slug: "kabul",
				name: "Kabul",
				description: "d",
				parentId: news.id,
				path: "news/kabul",
				position: 0,
				createdAt: CREATED,
			});
			expect(await sections.findByPath("news/kabul")).toEqual(child);
			expect(child.parentId).toBe(news.id);
			expect(await sections.findByPath("kabul")).toBeUndefined();
			expect((await sections.listAll()).map((s) => s.path)).toEqual(["news/kabul", "sport", "news"]);
		});

		it("refuses two sections at one path", async () => {
			await topSection("news");
			await expect(
				sections.insert({
					slug: "news",
					name: "Again",
					description: "",
					parentId: null,
					path: "news",
					position: 0,
					createdAt: CREATED,
				}),
			).rejects.toThrow();
		});
	});

	describe("articles", () => {
		it("lists published stories newest first, filtered by section, person and tag, with counts", async () => {
			const news = await topSection("news");
			const sport = await topSection("sport");
			const anna = await people.insert({ slug: "anna", name: "Anna", jobTitle: "", bio: "", createdAt: CREATED });
			const water = await tags.findOrCreate({ slug: "water", name: "Water" });
			const older = await article({ slug: "older", sectionId: news.id, publishedAt: "2026-03-01T10:00:00.000Z" });
			const newer = await article({ slug: "newer", sectionId: news.id, publishedAt: "2026-03-02T10:00:00.000Z" });
			const sameTime = await article({
				slug: "same-time",
				sectionId: sport.id,
				publishedAt: "2026-03-02T10:00:00.000Z",
			});
			await article({ slug: "draft", sectionId: news.id, status: "draft" });
			await articles.replaceBylines(older, [anna.id]);
			await articles.replaceTags(newer, [water.id]);

			const all = await articles.listPublished({}, { limit: 10, offset: 0 });
			expect(all.map((row) => row.slug)).toEqual(["same-time", "newer", "older"]);
			expect(all[0]).toMatchObject({ id: sameTime, section_path: "sport", section_name: "sport" });
			expect(await articles.countPublished({})).toBe(3);
			expect(
				(await articles.listPublished({ sectionIds: [news.id] }, { limit: 10, offset: 0 })).map((r) => r.slug),
			).toEqual(["newer", "older"]);
			expect(await articles.countPublished({ sectionIds: [] })).toBe(0);
			expect(
				(await articles.listPublished({ personId: anna.id }, { limit: 10, offset: 0 })).map((r) => r.slug),
			).toEqual(["older"]);
			expect((await articles.listPublished({ tagId: water.id }, { limit: 10, offset: 0 })).map((r) => r.slug)).toEqual([
				"newer",
			]);
			expect((await articles.listPublished({}, { limit: 1, offset: 1 })).map((r) => r.slug)).toEqual(["newer"]);
		});

		it("keeps byline and tag order, and replaces them whole", async () => {
			const news = await topSection("news");
			const id = await article({ slug: "story", sectionId: news.id });
			const [a, b, c] = await Promise.all(
				["a", "b", "c"].map((slug) =>
					people.insert({ slug, name: slug.toUpperCase(), jobTitle: "", bio: "", createdAt: CREATED }),
				),
			);
			if (!a || !b || !c) throw new Error("people missing");
			await articles.replaceBylines(id, [c.id, a.id]);
			await articles.replaceBylines(id, [b.id, c.id, a.id]);
			expect((await people.bylinesFor([id])).get(id)?.map((p) => p.name)).toEqual(["B", "C", "A"]);
			const first = await tags.findOrCreate({ slug: "z", name: "Z" });
			const again = await tags.findOrCreate({ slug: "z", name: "Zed" });
			expect(again).toEqual(first);
			const second = await tags.findOrCreate({ slug: "y", name: "Y" });
			await articles.replaceTags(id, [first.id, second.id]);
			expect((await tags.tagsFor([id])).get(id)?.map((t) => t.slug)).toEqual(["z", "y"]);
			// As a story page reads them, and another story's lists, through the same prepared statements, are its own.
			const read = await articles.findPublishedBySlug("story");
			expect(read?.bylines.map((p) => p.name)).toEqual(["B", "C", "A"]);
			expect(read?.tags.map(({ id, slug, name }) => ({ id, slug, name }))).toEqual([first, second]);
			await article({ slug: "other", sectionId: news.id });
			expect(await articles.findPublishedBySlug("other")).toMatchObject({ bylines: [], tags: [] });
		});

		it("tells whether a slug is taken, ignoring the story being edited", async () => {
			const news = await topSection("news");
			const id = await article({ slug: "taken", sectionId: news.id });
			expect(await articles.slugExists("taken")).toBe(true);
			expect(await articles.slugExists("taken", { exceptId: id })).toBe(false);
			expect(await articles.slugExists("free")).toBe(false);
			await expect(article({ slug: "taken", sectionId: news.id })).rejects.toThrow();
		});
	});

	describe("sitemaps", () => {
		it("dates each page of the article sitemaps by its newest story, in id order", async () => {
			const news = await topSection("news");
			const days = [3, 1, 7, 2, 9, 4, 5];
			for (const [index, day] of days.entries())
				await article({ slug: `s${index}`, sectionId: news.id, publishedAt: `2026-03-0${day}T00:00:00.000Z` });
			await article({ slug: "draft", sectionId: news.id, status: "draft" });
			const pages = await new SyndicationRepository(database.db).sitemapPageChanges(3);
			expect(pages).toEqual([
				{ page: 1, published: "2026-03-07T00:00:00.000Z", updated: null },
				{ page: 2, published: "2026-03-09T00:00:00.000Z", updated: null },
				{ page: 3, published: "2026-03-05T00:00:00.000Z", updated: null },
			]);
		});
	});

	describe("listing sitemaps", () => {
		it("list people and tags with published stories in creation order, each dated by its newest story, in slices", async () => {
			const news = await topSection("news");
			const old = await article({ slug: "old", sectionId: news.id, publishedAt: "2026-03-02T00:00:00.000Z" });
			const fresh = await article({ slug: "fresh", sectionId: news.id, publishedAt: "2026-03-06T00:00:00.000Z" });
			const draft = await article({ slug: "draft", sectionId: news.id, status: "draft" });
			await database.db
				.updateTable("articles")
				.set({ updated_at: "2026-03-08T00:00:00.000Z" })
				.where("id", "=", old)
				.execute();
			const [zara, amir, drafted] = await Promise.all(
				["zara", "amir", "drafted"].map((slug) =>
					people.insert({ slug, name: slug.toUpperCase(), jobTitle: "", bio: "", createdAt: CREATED }),
				),
			);
			if (!zara || !amir || !drafted) throw new Error("people missing");
			const floods = await tags.findOrCreate({ slug: "floods", name: "Floods" });
			const budget = await tags.findOrCreate({ slug: "budget", name: "Budget" });
			const secret = await tags.findOrCreate({ slug: "secret", name: "Secret" });
			await articles.replaceBylines(old, [zara.id]);
			await articles.replaceBylines(fresh, [zara.id, amir.id]);
			await articles.replaceBylines(draft, [drafted.id]);
			await articles.replaceTags(old, [floods.id]);
			await articles.replaceTags(fresh, [budget.id, floods.id]);
			await articles.replaceTags(draft, [secret.id]);
			const syndication = new SyndicationRepository(database.db);

			const listed = await syndication.listingWithStories("authors", null);
			expect(listed.map((row) => [row.slug, row.published, row.updated])).toEqual([
				["zara", "2026-03-06T00:00:00.000Z", "2026-03-08T00:00:00.000Z"],
				["amir", "2026-03-06T00:00:00.000Z", null],
			]);
			const tagged = await syndication.listingWithStories("tags", null);
			expect(tagged.map((row) => [row.id, row.slug, row.name])).toEqual([
				[floods.id, "floods", "Floods"],
				[budget.id, "budget", "Budget"],
			]);
			expect((await syndication.listingWithStories("tags", { limit: 1, offset: 1 })).map((row) => row.slug)).toEqual([
				"budget",
			]);
			expect(await syndication.listingWithStories("tags", { limit: 1, offset: 2 })).toEqual([]);
			// Every person or tag, in use or not: the bound the one-page case is read by.
			expect(await syndication.listingSize("authors")).toBe(3);
			expect(await syndication.listingSize("tags")).toBe(3);
			expect(await syndication.latestChangeLinked("tags")).toEqual({
				published: "2026-03-06T00:00:00.000Z",
				updated: "2026-03-08T00:00:00.000Z",
			});
		});
	});

	describe("related", () => {
		it("returns stored related stories in rank order, skipping unpublished ones", async () => {
			const news = await topSection("news");
			const [main, first, second, hidden] = await Promise.all([
				article({ slug: "main", sectionId: news.id }),
				article({ slug: "first", sectionId: news.id }),
				article({ slug: "second", sectionId: news.id }),
				article({ slug: "hidden", sectionId: news.id, status: "draft" }),
			]);
			await related.replace(main, [
				{ id: hidden, score: 0.9 },
				{ id: first, score: 0.8 },
				{ id: second, score: 0.5 },
			]);
			expect(await related.publishedRelatedIds(main, 5)).toEqual([first, second]);
			expect(await related.publishedRelatedIds(main, 1)).toEqual([first]);
			// What a page's "Check Also" box reads with the story: the same first story.
			const checkAlso = async () => (await articles.findPublishedBySlug("main"))?.checkAlso;
			expect((await checkAlso())?.id).toBe(first);
			expect(await related.articlesPointingTo(first)).toEqual([main]);
			await related.replace(main, [{ id: second, score: 1 }]);
			expect(await related.publishedRelatedIds(main, 5)).toEqual([second]);
			expect((await checkAlso())?.id).toBe(second);
			await related.replace(main, [{ id: hidden, score: 1 }]);
			expect(await checkAlso()).toBeUndefined();
		});
	});

	describe("a story page's read", () => {
		it("brings the story's bylines, tags, notes and Check Also with it, in their orders, in one statement", async () => {
			const news = await topSection("news");
			const [main, first, hidden, bare] = await Promise.all([
				article({ slug: "main", sectionId: news.id }),
				article({ slug: "first", sectionId: news.id, publishedAt: "2026-02-11T08:00:00.000Z" }),
				article({ slug: "hidden", sectionId: news.id, status: "draft" }),
				article({ slug: "bare", sectionId: news.id }),
			]);
			const [a, b, c] = await Promise.all(
				["a", "b", "c"].map((slug) =>
					people.insert({ slug, name: slug.toUpperCase(), jobTitle: `${slug} desk`, bio: "", createdAt: CREATED }),
				),
			);
			if (!a || !b || !c) throw new Error("people missing");
			// Inserted in an order that is neither the byline order nor id order.
			await articles.replaceBylines(main, [c.id, a.id, b.id]);
			const z = await tags.findOrCreate({ slug: "z", name: 'Z, "quoted"' });
			const y = await tags.findOrCreate({ slug: "y", name: "Y" });
			await articles.replaceTags(main, [z.id, y.id]);
			const notes = new CorrectionRepository(database.db);
			await notes.insert({
				articleId: main,
				kind: "update",
				body: "Later",
				createdAt: "2026-03-03T00:00:00.000Z",
				createdBy: null,
			});
			await notes.insert({
				articleId: main,
				kind: "correction",
				body: "Earlier",
				createdAt: "2026-03-02T00:00:00.000Z",
				createdBy: null,
			});
			await notes.insert({
				articleId: bare,
				kind: "correction",
				body: "Not main's",
				createdAt: CREATED,
				createdBy: null,
			});
			await related.replace(main, [
				{ id: hidden, score: 0.9 },
				{ id: first, score: 0.8 },
			]);

			const read = await articles.findPublishedBySlug("main");
			expect(read?.id).toBe(main);
			expect(read?.bylines.map((byline) => [byline.name, byline.jobTitle])).toEqual([
				["C", "c desk"],
				["A", "a desk"],
				["B", "b desk"],
			]);
			expect(read?.tags.map(({ id, slug, name }) => ({ id, slug, name }))).toEqual([z, y]);
			// Shown in the page's language where the tag has a name in it ("fa-AF", else "fa"), whether or not the read brought the names.
			await tags.setName({ tagId: z.id, language: "fa", name: "زد" });
			await tags.setName({ tagId: y.id, language: "ps", name: "وای" });
			const named = await articles.findPublishedBySlug("main");
			if (database.adapter.foldsPageReads)
				expect(named?.tags.map((tag) => tag.names)).toEqual([{ fa: "زد" }, { ps: "وای" }]);
			const localized = await new TagService(database.db).localize(named?.tags ?? [], "fa-AF");
			expect(localized.map((tag) => tag.name)).toEqual(["زد", "Y"]);
			expect(read?.notes.map((note) => [note.kind, note.body, note.createdAt.toISOString()])).toEqual([
				["correction", "Earlier", "2026-03-02T00:00:00.000Z"],
				["update", "Later", "2026-03-03T00:00:00.000Z"],
			]);
			// The first related story still published, as the one-story query finds it.
			const [single] = await firstPublishedRelated(database.db, { articleId: main });
			expect(read?.checkAlso).toEqual(single && toFirstRelated(single));
			expect(read?.checkAlso).toMatchObject({ id: first, slug: "first", publishedAt: "2026-02-11T08:00:00.000Z" });
			expect(read?.checkAlso?.bodyText).toBe("Body of first");

			const alone = await articles.findPublishedBySlug("bare");
			expect(alone).toMatchObject({ id: bare, bylines: [], tags: [], checkAlso: undefined });
			expect(alone?.notes.map((note) => note.body)).toEqual(["Not main's"]);
			expect(await articles.findPublishedBySlug("hidden")).toBeUndefined();
		});
	});

	describe("text index", () => {
		it("ranks matches, counts document frequencies and forgets removed documents", async () => {
			const { db, adapter } = database;
			await adapter.indexDocument(db, {
				id: 1,
				headline: "Kunar river talks",
				body: "Water-sharing talks on the Kunar river.",
			});
			await adapter.indexDocument(db, { id: 2, headline: "Cricket final", body: "A final on the river bank." });
			await adapter.indexDocument(db, {
				id: 3,
				headline: "Kunar flow data",
				body: "Delegations agree on Kunar flow data.",
			});
			const { total, df } = await adapter.documentFrequencies(db, ["kunar", "river", "absent"]);
			expect(total).toBe(3);
			expect(df.get("kunar")).toBe(2);
			expect(df.get("river")).toBe(2);
			expect(df.has("absent")).toBe(false);

			const hits = await adapter.matchAnyTerm(db, { terms: ["kunar", "talks"], excludeId: 0, limit: 10 });
			expect(hits.map((hit) => hit.id)).toEqual([1, 3]);
			expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 0);
			expect((await adapter.matchAnyTerm(db, { terms: ["kunar"], excludeId: 1, limit: 10 })).map((h) => h.id)).toEqual([
				3,
			]);

			await adapter.indexDocument(db, { id: 3, headline: "Weather", body: "Snow." });
			await adapter.removeDocument(db, 1);
			expect(await adapter.matchAnyTerm(db, { terms: ["kunar"], excludeId: 0, limit: 10 })).toEqual([]);
		});

		// The index holds published stories only (the services add and remove them); search counts its matches.
		it("searches the index for all terms, newest first among equals", async () => {
			const { db, adapter } = database;
			const news = await topSection("news");
			const old = await article({ slug: "old", sectionId: news.id, publishedAt: "2025-01-01T00:00:00.000Z" });
			const recent = await article({ slug: "recent", sectionId: news.id, publishedAt: "2026-02-28T00:00:00.000Z" });
			await article({ slug: "hidden", sectionId: news.id, status: "draft" });
			for (const id of [old, recent]) {
				await adapter.indexDocument(db, { id, headline: "flour prices", body: "bakers and bread" });
			}
			await adapter.indexDocument(db, { id: 999, headline: "flour", body: "no bakers here" });
			const now = new Date("2026-03-01T00:00:00.000Z");
			const result = await adapter.searchAllTerms(db, { terms: ["flour", "bread"], limit: 10, offset: 0, now });
			expect(result.total).toBe(2);
			expect(result.hits.map((hit) => hit.id)).toEqual([recent, old]);
			const second = await adapter.searchAllTerms(db, { terms: ["flour", "bread"], limit: 1, offset: 1, now });
			expect(second.hits.map((hit) => hit.id)).toEqual([old]);
			expect(result.more).toBe(false);
			expect(await adapter.searchAllTerms(db, { terms: [], limit: 10, offset: 0, now })).toEqual({
				total: 0,
				more: false,
				hits: [],
			});
		});

		it("ranks only the newest SEARCH_WINDOW matches of a word found nearly everywhere, and says there are more", async () => {
			const { db, adapter } = database;
			const news = await topSection("news");
			const stories = SEARCH_WINDOW + 5;
			const rows = Array.from({ length: stories }, (_, index) => ({
				slug: `story-${index}`,
				status: "published" as const,
				headline: `Story ${index}`,
				standfirst: "",
				body_source: "",
				body_html: "",
				body_text: "",
				dateline_place: "",
				source_line: "",
				revision: 1,
				language: "en",
				section_id: news.id,
				published_at: CREATED,
				created_at: CREATED,
				modified_at: CREATED,
			}));
			for (let start = 0; start < rows.length; start += 200)
				await db
					.insertInto("articles")
					.values(rows.slice(start, start + 200))
					.execute();
			const ids = (await db.selectFrom("articles").select("id").orderBy("id").execute()).map((row) => row.id);
			const [oldest, , , , , firstInWindow] = ids;
			if (oldest === undefined || firstInWindow === undefined) throw new Error("stories missing");
			for (const id of ids) {
				// The oldest story matches best of all, but is not among the newest SEARCH_WINDOW.
				const best = id === oldest || id === firstInWindow;
				await adapter.indexDocument(db, {
					id,
					headline: best ? "flour flour flour" : `Story ${id}`,
					body: id % 500 === 0 ? "flour and saffron" : "the price of flour",
				});
			}
			const now = new Date("2026-03-01T00:00:00.000Z");
			const common = await adapter.searchAllTerms(db, { terms: ["flour"], limit: 10, offset: 0, now });
			expect(common.more).toBe(true);
			expect(common.total).toBe(SEARCH_WINDOW);
			expect(common.hits[0]?.id).toBe(firstInWindow);
			const all: number[] = [];
			for (let offset = 0; offset < SEARCH_WINDOW; offset += 250)
				all.push(
					...(await adapter.searchAllTerms(db, { terms: ["flour"], limit: 250, offset, now })).hits.map((h) => h.id),
				);
			expect(all).toHaveLength(SEARCH_WINDOW);
			expect(new Set(all)).toEqual(new Set(ids.slice(5)));
			const rare = await adapter.searchAllTerms(db, { terms: ["saffron"], limit: 10, offset: 0, now });
			expect(rare).toMatchObject({ total: 2, more: false });
		}, 60_000);

		it("reads a rare word through the text index after a bulk load", async () => {
			const { db, adapter } = database;
			const filler = "Delegations met again on Monday to discuss flour prices and the river flow. ".repeat(40);
			for (let id = 1; id <= 400; id += 1) {
				await adapter.indexDocument(db, {
					id,
					headline: `Story ${id}`,
					body: id % 100 === 0 ? `${filler} saffron` : filler,
				});
			}
			await adapter.afterBulkLoad(db);
			const found = await adapter.searchAllTerms(db, { terms: ["saffron"], limit: 10, offset: 0, now: new Date() });
			expect(found.total).toBe(4);
			if (adapter.name === "postgres") {
				// Not a scan that unpacks every document's tsvector.
				const plan = await sql<{ "QUERY PLAN": string }>`EXPLAIN SELECT count(*) FROM article_search
					WHERE document @@ to_tsquery('simple', 'saffron')`.execute(db);
				expect(plan.rows.map((row) => row["QUERY PLAN"]).join("\n")).toContain("Bitmap Index Scan");
			} else {
				const stats = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_stat1`.execute(db);
				expect(stats.rows[0]?.n).toBeGreaterThan(0);
			}
		});

		// PostgreSQL's alone: SQLite has no visibility map (its bulk load gathers statistics, tested above).
		if (dialect.name === "postgres") {
			it("marks a bulk load's pages all-visible, so counting a listing can read only an index", async () => {
				const { db, adapter } = database;
				const news = await topSection("news");
				for (let n = 0; n < 300; n += 1) await article({ slug: `bulk-${n}`, sectionId: news.id });
				await adapter.afterBulkLoad(db);
				const { rows } = await sql<{ pages: number; visible: number }>`SELECT relpages AS pages,
					relallvisible AS visible FROM pg_class WHERE oid = 'articles'::regclass`.execute(db);
				expect(rows[0]?.pages).toBeGreaterThan(0);
				expect(rows[0]?.visible).toBe(rows[0]?.pages);
			});
		}

		it("treats query syntax in terms as plain words", async () => {
			const { db, adapter } = database;
			await adapter.indexDocument(db, { id: 1, headline: "NEAR AND OR", body: "quotes and stars" });
			for (const term of ['"', "NEAR", "*", "-", "(", ")", "AND", "OR", 'a"b', "col:umn"]) {
				await expect(adapter.matchAnyTerm(db, { terms: [term], excludeId: 0, limit: 5 }), term).resolves.toBeInstanceOf(
					Array,
				);
			}
			expect((await adapter.matchAnyTerm(db, { terms: ["NEAR"], excludeId: 0, limit: 5 })).map((h) => h.id)).toEqual([
				1,
			]);
		});
	});
	describe("services", () => {
		it("publishes stories, then finds them by search and links them as related, until one is unpublished", async () => {
			const { db, adapter } = database;
			const clock = fixedClock(new Date("2026-03-10T12:00:00.000Z"));
			// Wired as src/services.ts wires them.
			const articleService = new ArticleService({ db, adapter, clock, timeZone: "Asia/Kabul", defaultLanguage: "en" });
			const search = new SearchService({ db, adapter, clock, articles: articleService });
			const relatedService = new RelatedService(db, adapter);
			const news = await topSection("news");
			const reporter = await people.insert({ slug: "anna", name: "Anna", jobTitle: "", bio: "", createdAt: CREATED });
			const story = async (headline: string, bodySource: string, publishedAt: string) => {
				const id = await articleService.createDraft({
					headline,
					bodySource,
					sectionId: news.id,
					personIds: [reporter.id],
				});
				await articleService.publish(id, { at: new Date(publishedAt) });
				return id;
			};
			const talks = await story(
				"Kunar river talks resume",
				"KABUL: Delegations met in Kābul to discuss sharing the Kunar river's water. The Kunar flows east.",
				"2026-03-08T08:00:00.000Z",
			);
			const flow = await story(
				"Kunar river flow falls",
				"JALALABAD: Farmers along the Kunar river report the lowest water flow in a decade, near کابل.",
				"2026-03-09T08:00:00.000Z",
			);
			const cricket = await story(
				"Cricket final in Kandahar",
				"KANDAHAR: The final drew a record crowd; spectators queued from dawn for the match.",
				"2026-03-09T09:00:00.000Z",
			);

			const river = await search.search("Kunar river");
			expect(river.total).toBe(2);
			expect(river.results.map((result) => result.story.id).sort((a, b) => a - b)).toEqual(
				[talks, flow].sort((a, b) => a - b),
			);
			expect(river.results[0]?.snippet.some((part) => part.match)).toBe(true);
			// Folded on both sides: accents, and Arabic kaf (ك) finding Persian kaf (ک).
			expect((await search.search("KABUL")).results.map((result) => result.story.id)).toContain(talks);
			expect((await search.search("كابل")).results.map((result) => result.story.id)).toEqual([flow]);
			expect((await search.search("cricket final")).results.map((result) => result.story.id)).toEqual([cricket]);
			expect((await search.search('"kunar" -river (crowd) NEAR* OR')).total).toBe(0);

			expect(await relatedService.relatedIds(talks, 5)).toEqual([flow]);
			expect(await relatedService.relatedIds(flow, 5)).toEqual([talks]);
			expect((await articleService.readPublished("kunar-river-talks-resume"))?.checkAlso?.id).toBe(flow);
			expect(await relatedService.relatedIds(cricket, 5)).toEqual([]);

			await articleService.unpublish(flow);
			expect((await search.search("Kunar river")).results.map((result) => result.story.id)).toEqual([talks]);
			expect(await relatedService.relatedIds(talks, 5)).toEqual([]);
		});
	});
});

for (const dialect of skippedDialects) {
	console.warn(`Skipped the ${dialect.name} half of the contract suites: ${dialect.reason}.`);
	describe.skip(`repositories on ${dialect.name}: ${dialect.reason}`, () => {
		it("runs the same contract", () => {});
	});
}
