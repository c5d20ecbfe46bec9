import type { Kysely, Migration } from "kysely";
import type { DialectAdapter } from "../dialects/dialect.js";

/**
 * `articles_sitemap`: every story's address and dates in id order, which is
 * how the article sitemaps page through the archive. SQLite stores the dates
 * past the bodies, so reading them for a page of 50,000 stories walked every
 * row's overflow pages; this index covers those reads (the sitemap index took
 * 0.31 s at 100,000 stories before it, mostly here).
 */
export function sitemapIndexMigration(_adapter: DialectAdapter): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createIndex("articles_sitemap")
				.on("articles")
				.columns(["status", "id", "published_at", "updated_at", "slug"])
				.execute();
		},

		async down(db: Kysely<unknown>) {
			await db.schema.dropIndex("articles_sitemap").execute();
		},
	};
}
