import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articlePath } from "../../src/content/articles/article.js";
import type { ImportReport } from "../../src/import/wordpress/wordpress-import.js";
import { createTestSite, type TestSite } from "../support/test-site.js";
import { importFixture } from "../support/wordpress.js";

/** The public path of the story imported from WordPress post `postId`. */
async function pathOfPost(site: TestSite, source: string, postId: string): Promise<{ path: string; status: string }> {
	const row = await site.db
		.selectFrom("import_keys")
		.innerJoin("articles", "articles.id", "import_keys.target_id")
		.select(["articles.slug", "articles.published_at", "articles.status"])
		.where("import_keys.source", "=", source)
		.where("import_keys.kind", "=", "post")
		.where("import_keys.source_id", "=", postId)
		.executeTakeFirstOrThrow();
	const publishedAt = new Date(row.published_at ?? "2000-01-01T00:00:00Z");
	return { path: articlePath({ slug: row.slug, publishedAt }, site.config.timeZone), status: row.status };
}

async function get(site: TestSite, url: string) {
	return site.app.inject({ method: "GET", url });
}

describe("WordPress import: the theme unit test export", () => {
	let site: TestSite;
	let report: ImportReport;
	const source = "wordpress:https://wpthemetestdata.wordpress.com";

	beforeAll(async () => {
		site = await createTestSite();
		report = await importFixture(site, "themeunittestdata.wordpress.xml");
	});
	afterAll(async () => site.close());

	it("imports every type, counted, with one broken item reported by ID and skipped", async () => {
		expect(report.source).toBe(source);
		expect(report.counts.author.imported).toBe(2);
		expect(report.counts.category.imported).toBe(68);
		expect(report.counts.attachment.imported).toBe(37);
		expect(report.counts.page.imported).toBe(21);
		// 58 posts: post 1730's author is written ">themereviewteam" in the export itself, so it is skipped.
		expect(report.counts.post).toEqual({ imported: 57, updated: 0, unchanged: 0, skipped: 1 });
		expect(report.warnings).toContainEqual({
			item: "post 1730",
			message: `Its author ">themereviewteam" is not among the export's authors.`,
		});
		expect(report.ignoredTypes).toEqual({ nav_menu_item: 70 });
		expect(report.unknownShortcodes).toEqual({ simple: 1 });
		expect(report.comments).toBe(33);
		const stories = await site.db
			.selectFrom("articles")
			.select(({ fn }) => fn.countAll<number>().as("n"))
			.executeTakeFirst();
		expect(Number(stories?.n)).toBe(57);
	});

	it("makes each author a byline and a newsroom account that must set its password", async () => {
		const users = await site.db
			.selectFrom("users")
			.innerJoin("people", "people.id", "users.person_id")
			.select(["users.email", "users.password_hash", "users.must_reset_password", "people.name"])
			.orderBy("users.email")
			.execute();
		expect(users).toEqual([
			{ email: "themereviewteam@gmail.com", password_hash: null, must_reset_password: 1, name: "Theme Reviewer" },
			{ email: "themeshaperwp+demos@gmail.com", password_hash: null, must_reset_password: 1, name: "Theme Buster" },
		]);
	});

	it("keeps the category tree, three levels deep, with the old category address redirecting", async () => {
		const grandchild = await site.services.sections.getByPath("parent-category/child-category-03/grandchild-category");
		expect(grandchild?.name).toBe("Grandchild Category");
		const page = await get(site, "/parent-category/child-category-03/grandchild-category/");
		expect(page.statusCode).toBe(200);
		expect(load(page.body)("h1").text()).toBe("Grandchild Category");
		const old = await get(site, "/category/parent-category/child-category-03/grandchild-category/");
		expect(old.statusCode).toBe(301);
		expect(old.headers.location).toBe("/parent-category/child-category-03/grandchild-category/");
	});

	it("answers the old ?p= address and the old permalink with a 301 to the new page", async () => {
		const { path } = await pathOfPost(site, source, "1241");
		const short = await get(site, "/?p=1241");
		expect(short.statusCode).toBe(301);
		expect(short.headers.location).toBe(path);
		const permalink = await get(site, "/2012/01/07/template-sticky/");
		expect(permalink.statusCode).toBe(path === "/2012/01/07/template-sticky/" ? 200 : 301);
		const page = await get(site, path);
		expect(page.statusCode).toBe(200);
		expect(load(page.body)("h1").text()).toBe("Template: Sticky");
	});

	it("features the sticky post on the front page", async () => {
		const curation = await site.services.frontPage.curation();
		const sticky = await site.db
			.selectFrom("import_keys")
			.select("target_id")
			.where("source_id", "=", "1241")
			.where("kind", "=", "post")
			.executeTakeFirstOrThrow();
		expect(curation.featuredIds).toContain(sticky.target_id);
	});

	it("keeps drafts, scheduled, private and password-protected posts off the public site", async () => {
		const hidden = [
			{ id: "1164", status: "draft" }, // Draft
			{ id: "1153", status: "scheduled" }, // Scheduled
			{ id: "1168", status: "unpublished" }, // password-protected
		];
		for (const { id, status } of hidden) {
			const post = await pathOfPost(site, source, id);
			expect(post.status, id).toBe(status);
			expect((await get(site, post.path)).statusCode, id).toBe(404);
			expect((await get(site, `/?p=${id}`)).statusCode, id).not.toBe(301);
		}
		const sitemap = await get(site, "/sitemaps/articles-1.xml");
		expect(sitemap.body).not.toContain("template-password-protected");
		expect(sitemap.body).not.toContain("/draft/");
	});

	it("renders a very long unbroken title and special characters, escaped", async () => {
		const long = await get(site, (await pathOfPost(site, source, "1175")).path);
		expect(load(long.body)("h1").text()).toMatch(
			/^Taumatawhakatangihangakoauauotamateaturipukakapikimaungahoronukupokaiwhenuakitanatahu/,
		);
		const special = await get(site, (await pathOfPost(site, source, "1174")).path);
		const $ = load(special.body);
		expect($("h1").text()).toBe("Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>");
		expect(special.body).not.toMatch(/<h1[^>]*>[^<]*[^\\]">/);
	});

	it("renders [caption] as a figure with its caption, and [gallery] as its images", async () => {
		const caption = await get(site, (await pathOfPost(site, source, "1163")).path);
		const $c = load(caption.body);
		expect($c(".body figure img").length).toBeGreaterThan(0);
		expect($c(".body figure figcaption").first().text().length).toBeGreaterThan(0);
		const gallery = await get(site, (await pathOfPost(site, source, "555")).path);
		const $g = load(gallery.body);
		expect($g(".body figure img").length).toBeGreaterThanOrEqual(2);
		expect(gallery.body).not.toContain("[gallery");
	});

	it("keeps an unknown shortcode as text, and strips what the sanitizer does not allow", async () => {
		const rows = await site.db.selectFrom("articles").select(["body_html", "body_source"]).execute();
		expect(rows.some((row) => row.body_html.includes("[simple"))).toBe(true);
		for (const row of rows) {
			expect(row.body_html).not.toMatch(/<script|<iframe|<style|onerror=|javascript:/i);
			expect(row.body_html).not.toContain("<!--");
		}
	});

	it("renders the HTML tags and formatting post with its lists, quotes, tables and code", async () => {
		const page = await get(site, (await pathOfPost(site, source, "1178")).path);
		const $ = load(page.body);
		expect($("h1").text()).toBe("Markup: HTML Tags and Formatting");
		for (const selector of ["blockquote", "ul li", "ol li", "pre", "table td", "strong", "em", "code"])
			expect($(`.body ${selector}`).length, selector).toBeGreaterThan(0);
	});

	it("serves pages at their WordPress paths, unicode and nested included; a draft page is not public", async () => {
		const about = await get(site, "/about/");
		expect(about.statusCode).toBe(200);
		expect(load(about.body)("h1").text()).toBe("About The Tests");
		const nested = await get(site, "/level-1/level-2/level-3/");
		expect(nested.statusCode).toBe(200);
		const greek = await get(site, `/greek/${encodeURIComponent("επιπεδο-2")}/`);
		expect(greek.statusCode).toBe(200);
		expect(load(greek.body)("h1").text()).toMatch(/^Επίπεδο 2/);
		const sitemap = await get(site, "/sitemaps/pages.xml");
		expect(sitemap.body).toContain("/level-1/level-2/level-3/");
	});

	it("links the featured image of a post", async () => {
		const { path } = await pathOfPost(site, source, "1011");
		const page = await get(site, path);
		expect(page.statusCode).toBe(200);
		const row = await site.db
			.selectFrom("articles")
			.select("featured_media_id")
			.where("slug", "=", path.split("/").at(-2) ?? "")
			.executeTakeFirstOrThrow();
		expect(row.featured_media_id).not.toBeNull();
	});

	it("creates nothing twice when the same file is imported again", async () => {
		const again = await importFixture(site, "themeunittestdata.wordpress.xml");
		expect(again.counts.post).toEqual({ imported: 0, updated: 0, unchanged: 57, skipped: 1 });
		expect(again.counts.page).toEqual({ imported: 0, updated: 0, unchanged: 21, skipped: 0 });
		expect(again.counts.attachment.imported).toBe(0);
		expect(again.counts.category.imported).toBe(0);
		for (const table of ["articles", "pages", "media", "sections", "people", "users", "tags", "revisions"] as const) {
			const row = await site.db
				.selectFrom(table)
				.select(({ fn }) => fn.countAll<number>().as("n"))
				.executeTakeFirst();
			expect(Number(row?.n), table).toBeGreaterThan(0);
		}
		const revisions = await site.db
			.selectFrom("revisions")
			.select(({ fn }) => fn.countAll<number>().as("n"))
			.executeTakeFirst();
		expect(Number(revisions?.n)).toBe(57);
	});
});

describe("WordPress import: other real exports", () => {
	it("small export (WXR 1.1): nested categories, private and draft items stay private", async () => {
		const site = await createTestSite();
		try {
			const report = await importFixture(site, "small-export.xml");
			expect(report.counts.author.imported).toBe(3);
			expect(report.counts.category.imported).toBe(30);
			expect(report.counts.post.imported).toBe(6);
			expect(report.counts.page.imported).toBe(5);
			expect((await site.services.sections.getByPath("bar/foo-bar"))?.name).toBe("Foo");
			const statuses = await site.db.selectFrom("articles").select(["status", "headline"]).orderBy("id").execute();
			expect(statuses.filter((row) => row.status === "unpublished").map((row) => row.headline)).toEqual([
				"Private Post",
			]);
			const draftPage = await site.db
				.selectFrom("pages")
				.select(["path", "status"])
				.where("status", "=", "draft")
				.execute();
			expect(draftPage).toHaveLength(1);
			expect((await get(site, `/${draftPage[0]?.path}/`)).statusCode).toBe(404);
			const hello = await get(site, "/?p=1");
			expect(hello.statusCode).toBe(301);
			expect((await get(site, hello.headers.location as string)).statusCode).toBe(200);
		} finally {
			await site.close();
		}
	});

	it("UTF-8 challenges: emoji and right-to-left overrides survive into the headline", async () => {
		const site = await createTestSite();
		try {
			await importFixture(site, "wxr-utf-8-challenges.xml");
			const row = await site.db
				.selectFrom("articles")
				.select(["headline", "slug", "published_at"])
				.executeTakeFirstOrThrow();
			const page = await get(
				site,
				articlePath({ slug: row.slug, publishedAt: new Date(row.published_at ?? "") }, site.config.timeZone),
			);
			expect(page.statusCode).toBe(200);
			expect(load(page.body)("h1").text()).toBe(row.headline);
			expect(row.headline).toBe('"The Road \u202eNot\u202c Taken" by Rob\u202dert \u202eFrost \u202a🌲\u202c');
		} finally {
			await site.close();
		}
	});

	it("block editor export: block comments are gone, and video and audio players become links", async () => {
		const site = await createTestSite();
		try {
			const report = await importFixture(site, "64-block-test-data.xml");
			expect(report.counts.post.imported).toBe(61);
			expect(report.counts.category.imported).toBe(7);
			const rows = await site.db.selectFrom("articles").select(["headline", "body_html"]).execute();
			for (const row of rows) expect(row.body_html, row.headline).not.toContain("wp:");
			for (const headline of ["Video", "Audio"]) {
				const row = rows.find((candidate) => candidate.headline === headline);
				expect(row?.body_html, headline).toMatch(/<a href="https?:\/\/[^"]+\.(mp4|mp3|m4a|ogg|wav|webm|mov)"/);
			}
		} finally {
			await site.close();
		}
	});
});
