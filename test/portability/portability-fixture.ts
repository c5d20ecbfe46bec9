import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import { buildSite } from "../../src/app.js";
import { fixedClock } from "../../src/clock.js";
import type { Db } from "../../src/db/database.js";
import type { DialectAdapter } from "../../src/db/dialects/dialect.js";
import { openSqlite } from "../../src/db/dialects/sqlite/open-sqlite.js";
import { sqliteAdapter } from "../../src/db/dialects/sqlite/sqlite-adapter.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import type { Actor } from "../../src/newsroom/roles/access.js";
import { storyInputSchema } from "../../src/newsroom/stories/story-input.js";
import { createTestSite, TEST_NOW, type TestSite } from "../support/test-site.js";

/**
 * The demo newsroom plus one of everything the demo lacks, so that every
 * collection of the portable format has rows: an account, an image with its
 * variants, a story with revisions, a correction and the image as its featured
 * image, a redirect, a standing page, an import key and audit entries.
 */
export async function createFullSite(): Promise<TestSite> {
	const site = await createTestSite({ demo: true });
	const { services, newsroom, db } = site;
	const user = await newsroom.users.create(null, {
		email: "desk@example.org",
		displayName: "Night Desk",
		role: "admin",
		password: "copper kettles hum at midnight",
	});
	const actor: Actor = { id: user.id, role: "admin", personId: null };
	const image = await services.media.upload({
		bytes: await sharp({ create: { width: 700, height: 400, channels: 3, background: "#2a6f97" } })
			.jpeg()
			.toBuffer(),
		originalName: "kunar-river.jpg",
		userId: user.id,
		alt: "The Kunar river below Asadabad",
		caption: "The river at the gauge station.",
		credit: "Dateline News",
	});
	const section = await db.selectFrom("sections").select("id").orderBy("id").executeTakeFirstOrThrow();
	const person = await db.selectFrom("people").select("id").orderBy("id").executeTakeFirstOrThrow();
	const input = (body: string) =>
		storyInputSchema.parse({
			headline: "River gauges go online along the Kunar",
			standfirst: "Readings every hour, published for farmers downstream.",
			bodySource: body,
			datelinePlace: "Asadabad",
			sectionId: section.id,
			personIds: [person.id],
			tagNames: ["Water", "Gauges"],
			featuredMediaId: image.id,
		});
	const created = await newsroom.stories.create(actor, input("Engineers switched on the first gauge."));
	const saved = await newsroom.stories.save(
		actor,
		created.id,
		input("Engineers switched on the first gauge on Monday.\n\nFive more follow this month."),
		created.revision,
	);
	await newsroom.stories.save(
		actor,
		created.id,
		input("Engineers switched on the first gauge on Monday.\n\nFive more follow in March."),
		saved.revision,
	);
	await newsroom.stories.publish(actor, created.id);
	await newsroom.stories.addCorrection(actor, created.id, {
		kind: "correction",
		body: "An earlier version gave the wrong month for the next gauges.",
	});
	const now = TEST_NOW.toISOString();
	await db
		.insertInto("redirects")
		.values({ from_path: "/2026/03/01/old-gauge-story/", to_path: "/about/", created_at: now })
		.execute();
	await db
		.insertInto("pages")
		.values({
			path: "about",
			status: "published",
			title: "About Dateline News",
			body_format: "markdown",
			body_source: "We report from Kabul and the provinces.",
			body_html: "<p>We report from Kabul and the provinces.</p>",
			body_text: "We report from Kabul and the provinces.",
			language: "en",
			position: 0,
			published_at: now,
			created_at: now,
			modified_at: now,
		})
		.execute();
	await db
		.insertInto("import_keys")
		.values({
			source: "wordpress:https://old.example.org",
			kind: "post",
			source_id: "4711",
			target_id: created.id,
			checksum: "5d41402abc4b2a76b9719d911017c592",
			imported_at: now,
		})
		.execute();
	return site;
}

/** A reader app over another database and data directory, with the original site's config and fixed clock. */
export async function appOver(deps: {
	db: Db;
	adapter: DialectAdapter;
	dataDir: string;
	like: TestSite;
}): Promise<FastifyInstance> {
	const { app } = await buildSite({
		db: deps.db,
		adapter: deps.adapter,
		config: { ...deps.like.config, dataDir: deps.dataDir },
		clock: fixedClock(TEST_NOW),
		passwordCost: 2 ** 10,
	});
	return app;
}

/** A fresh, migrated, empty SQLite database in a temporary directory. */
export async function emptySqliteSite(): Promise<{ db: Db; dataDir: string; close(): Promise<void> }> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-portability-"));
	const db = openSqlite(path.join(dataDir, "dateline.sqlite"));
	await migrateToLatest(db, sqliteAdapter);
	return {
		db,
		dataDir,
		async close() {
			await db.destroy();
			fs.rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

/** Public pages to start from besides the links found on them: feeds, sitemaps and searches. */
const ENTRY_POINTS = [
	"/",
	"/feed/",
	"/feed/atom/",
	"/feed.json",
	"/sitemap.xml",
	"/news-sitemap.xml",
	"/robots.txt",
	"/search?q=kabul",
	"/search?q=water+talks",
	"/search?q=%DA%A9%D8%A7%D8%A8%D9%84",
	"/about/",
];

/** Links a crawl follows: the site's own reader pages, not the newsroom, media files or assets. */
function followable(href: string): boolean {
	return href.startsWith("/") && !href.startsWith("//") && !/^\/(admin|api|media|assets)(\/|$)/.test(href);
}

/**
 * Every public page reachable from the entry points (home, articles, sections,
 * authors, tags, their feeds and pages), as status and body by path.
 */
export async function crawl(app: FastifyInstance, limit = 3000): Promise<Map<string, string>> {
	const pages = new Map<string, string>();
	const queue = [...ENTRY_POINTS];
	while (queue.length > 0 && pages.size < limit) {
		const url = queue.shift() as string;
		if (pages.has(url)) continue;
		const response = await app.inject({ method: "GET", url });
		pages.set(url, `${response.statusCode} ${response.headers["content-type"] ?? ""}\n${response.body}`);
		if (response.statusCode !== 200) continue;
		for (const match of response.body.matchAll(/href="([^"]+)"/g)) {
			const href = (match[1] ?? "").replaceAll("&amp;", "&").split("#")[0] ?? "";
			const local = href.startsWith("https://news.example.org/") ? href.slice("https://news.example.org".length) : href;
			if (followable(local) && !pages.has(local)) queue.push(local);
		}
	}
	return pages;
}
