import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articlePath } from "../../src/content/articles/article.js";
import { writeSyntheticWxr } from "../../src/demo/synthetic-wxr.js";
import { isAppError } from "../../src/errors.js";
import { createTestSite, type TestSite } from "../support/test-site.js";
import { importFixture } from "../support/wordpress.js";

async function count(
	site: TestSite,
	table: "articles" | "import_keys" | "revisions" | "people" | "sections",
): Promise<number> {
	const row = await site.db
		.selectFrom(table)
		.select(({ fn }) => fn.countAll<number>().as("n"))
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

describe("WordPress import runs", () => {
	let site: TestSite;
	let dir: string;

	beforeEach(async () => {
		site = await createTestSite();
		dir = mkdtempSync(join(tmpdir(), "dateline-wxr-"));
	});
	afterEach(async () => site.close());

	it("stops on malformed XML with its line and column, having written nothing", async () => {
		const good = join(dir, "good.xml");
		await writeSyntheticWxr(good, { posts: 300, seed: 3 });
		const lines = readFileSync(good, "utf8").split("\n");
		const broken = lines.findIndex((line) => line.includes("<wp:post_id>250</wp:post_id>"));
		lines[broken] = "\t\t<wp:post_id>250</wp:post_idd>";
		const bad = join(dir, "bad.xml");
		writeFileSync(bad, lines.join("\n"));

		const failure = await importFixture(site, bad, { batchSize: 50 }).catch((error: unknown) => error);
		expect(isAppError(failure, "ERR_IMPORT_MALFORMED")).toBe(true);
		expect((failure as Error).message).toMatch(new RegExp(`line ${broken + 1}, column \\d+`));
		expect(await count(site, "articles")).toBe(0);
		expect(await count(site, "import_keys")).toBe(0);

		const report = await importFixture(site, good, { batchSize: 50 });
		expect(report.counts.post.imported).toBe(300);
	});

	it("refuses a file that is XML but not a WordPress export", async () => {
		const rss = join(dir, "feed.xml");
		writeFileSync(
			rss,
			`<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title><item><title>x</title></item></channel></rss>`,
		);
		const failure = await importFixture(site, rss).catch((error: unknown) => error);
		expect(isAppError(failure, "ERR_IMPORT_NOT_WXR")).toBe(true);
		const html = join(dir, "page.xml");
		writeFileSync(html, "<html><body>not an export</body></html>");
		expect(isAppError(await importFixture(site, html).catch((error: unknown) => error), "ERR_IMPORT_NOT_WXR")).toBe(
			true,
		);
	});

	it("reports and skips an item with a bad date, and imports the rest", async () => {
		const file = join(dir, "dates.xml");
		await writeSyntheticWxr(file, { posts: 20, seed: 5 });
		const text = readFileSync(file, "utf8");
		const start = text.indexOf("<wp:post_id>105</wp:post_id>");
		const end = text.indexOf("</item>", start);
		const item = text
			.slice(start, end)
			.replace(/<wp:post_date><!\[CDATA\[[^\]]*\]\]>/, "<wp:post_date><![CDATA[2019-13-45 99:00:00]]>")
			.replace(/<wp:post_date_gmt><!\[CDATA\[[^\]]*\]\]>/, "<wp:post_date_gmt><![CDATA[yesterday]]>");
		writeFileSync(file, text.slice(0, start) + item + text.slice(end));

		const report = await importFixture(site, file);
		expect(report.counts.post).toEqual({ imported: 19, updated: 0, unchanged: 0, skipped: 1 });
		expect(report.warnings).toContainEqual({ item: "post 105", message: `Its date "yesterday" cannot be read.` });
	});

	it("updates a post that changed, keeping the earlier version as a revision, and leaves the rest alone", async () => {
		const file = join(dir, "site.xml");
		await writeSyntheticWxr(file, { posts: 30, seed: 7 });
		await importFixture(site, file);
		const text = readFileSync(file, "utf8");
		const at = text.indexOf("<wp:post_id>110</wp:post_id>");
		const titleStart = text.lastIndexOf("<title>", at);
		const titleEnd = text.indexOf("</title>", titleStart);
		writeFileSync(
			file,
			`${text.slice(0, titleStart)}<title><![CDATA[Corrected headline for story ten]]>${text.slice(titleEnd)}`,
		);

		const again = await importFixture(site, file);
		expect(again.counts.post).toEqual({ imported: 0, updated: 1, unchanged: 29, skipped: 0 });
		const story = await site.db
			.selectFrom("articles")
			.select(["id", "slug", "headline", "revision", "published_at"])
			.where("slug", "=", "story-10")
			.executeTakeFirstOrThrow();
		expect(story.headline).toBe("Corrected headline for story ten");
		expect(story.revision).toBe(2);
		const revisions = await site.db
			.selectFrom("revisions")
			.select("number")
			.where("article_id", "=", story.id)
			.execute();
		expect(revisions.map((row) => row.number).sort()).toEqual([1, 2]);
		const page = await site.app.inject({
			method: "GET",
			url: articlePath({ slug: story.slug, publishedAt: new Date(story.published_at ?? "") }, site.config.timeZone),
		});
		expect(page.body).toContain("Corrected headline for story ten");
		expect(await count(site, "articles")).toBe(30);
	});

	it("recomputes every story's Check Also on the next run when a run stopped before doing so", async () => {
		const file = join(dir, "export.xml");
		await writeSyntheticWxr(file, { posts: 300, seed: 5 });
		const stopped = importFixture(site, file, {
			batchSize: 100,
			onProgress: (phase, done) => {
				if (phase === "related" && done > 0) throw new Error("stopped while relating");
			},
		});
		await expect(stopped).rejects.toThrow("stopped while relating");
		expect(await count(site, "articles")).toBe(300);
		const relatedRows = async () =>
			Number(
				(
					await site.db
						.selectFrom("related")
						.select(({ fn }) => fn.countAll<number>().as("n"))
						.executeTakeFirst()
				)?.n ?? 0,
			);
		expect(await relatedRows()).toBe(0);

		const again = await importFixture(site, file, { batchSize: 100 });
		expect(again.counts.post).toMatchObject({ imported: 0, updated: 0, unchanged: 300 });
		const published = await site.db.selectFrom("articles").select("id").where("status", "=", "published").execute();
		const listed = await site.db.selectFrom("related").select("article_id").distinct().execute();
		expect(published.length).toBeGreaterThan(250);
		expect(listed.length).toBe(published.length);
		const pending = await site.db
			.selectFrom("settings")
			.select("key")
			.where("key", "=", "import_related_pending")
			.execute();
		expect(pending).toEqual([]);

		// A third run has nothing to do, and writes no lists.
		await site.db.deleteFrom("related").execute();
		await importFixture(site, file, { batchSize: 100 });
		expect(await relatedRows()).toBe(0);
	});

	it("writes nothing on a dry run, and reports what it would do", async () => {
		const file = join(dir, "dry.xml");
		await writeSyntheticWxr(file, { posts: 40, seed: 9 });
		const report = await importFixture(site, file, { dryRun: true });
		expect(report.dryRun).toBe(true);
		expect(report.counts.post.imported).toBe(40);
		expect(report.counts.author.imported).toBe(12);
		for (const table of ["articles", "import_keys", "people", "sections", "revisions"] as const)
			expect(await count(site, table), table).toBe(0);
	});

	it("takes the files from --uploads, stores them with resized copies, and points bodies at them", async () => {
		const uploads = join(dir, "uploads");
		mkdirSync(join(uploads, "2008", "06"), { recursive: true });
		const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#4a7" } })
			.jpeg()
			.toBuffer();
		writeFileSync(join(uploads, "2008", "06", "canola2.jpg"), jpeg);

		const report = await importFixture(site, "themeunittestdata.wordpress.xml", { uploadsDir: uploads });
		expect(report.counts.attachment.imported).toBe(37);
		const stored = await site.db
			.selectFrom("media")
			.select(["id", "remote_url", "storage_key"])
			.where("original_name", "=", "canola2.jpg")
			.executeTakeFirstOrThrow();
		expect(stored.remote_url).toBe("");
		expect(stored.storage_key).not.toBe("");
		const variants = await site.db
			.selectFrom("media_variants")
			.select("storage_key")
			.where("media_id", "=", stored.id)
			.execute();
		expect(variants.length).toBeGreaterThan(0);
		const bodies = await site.db.selectFrom("articles").select("body_html").execute();
		expect(bodies.some((row) => row.body_html.includes('src="/media/'))).toBe(true);
		expect(bodies.some((row) => row.body_html.includes("files.wordpress.com/2008/06/canola2.jpg"))).toBe(false);
		// A file missing from the folder is linked where it was, with a warning naming it.
		expect(report.warnings.some((warning) => /is not in the uploads folder/.test(warning.message))).toBe(true);
	});
});
