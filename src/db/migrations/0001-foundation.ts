import type { ColumnDefinitionBuilder, Kysely, Migration } from "kysely";
import type { DialectAdapter } from "../dialects/dialect.js";

/** Sections, people, tags, articles and their links, related stories, redirects, settings and the text index. */
export function foundationMigration(adapter: DialectAdapter): Migration {
	return {
		async up(db: Kysely<unknown>) {
			// PostgreSQL: `serial` is the auto-numbered integer; Kysely's autoIncrement() is SQLite and MySQL syntax.
			const serial = adapter.name === "postgres" ? "serial" : "integer";
			const primaryId = (col: ColumnDefinitionBuilder) =>
				adapter.name === "postgres" ? col.primaryKey() : col.primaryKey().autoIncrement();
			await db.schema
				.createTable("sections")
				.addColumn("id", serial, primaryId)
				.addColumn("slug", "text", (col) => col.notNull())
				.addColumn("name", "text", (col) => col.notNull())
				.addColumn("description", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("parent_id", "integer", (col) => col.references("sections.id").onDelete("restrict"))
				.addColumn("path", "text", (col) => col.notNull().unique())
				.addColumn("position", "integer", (col) => col.notNull().defaultTo(0))
				.addColumn("created_at", "text", (col) => col.notNull())
				.execute();

			await db.schema
				.createTable("people")
				.addColumn("id", serial, primaryId)
				.addColumn("slug", "text", (col) => col.notNull().unique())
				.addColumn("name", "text", (col) => col.notNull())
				.addColumn("job_title", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("bio", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("created_at", "text", (col) => col.notNull())
				.execute();

			await db.schema
				.createTable("tags")
				.addColumn("id", serial, primaryId)
				.addColumn("slug", "text", (col) => col.notNull().unique())
				.addColumn("name", "text", (col) => col.notNull())
				.execute();

			await db.schema
				.createTable("articles")
				.addColumn("id", serial, primaryId)
				.addColumn("slug", "text", (col) => col.notNull().unique())
				.addColumn("status", "text", (col) => col.notNull())
				.addColumn("headline", "text", (col) => col.notNull())
				.addColumn("standfirst", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("body_source", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("body_html", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("body_text", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("dateline_place", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("source_line", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("language", "text", (col) => col.notNull())
				.addColumn("section_id", "integer", (col) => col.notNull().references("sections.id").onDelete("restrict"))
				.addColumn("published_at", "text")
				.addColumn("updated_at", "text")
				.addColumn("scheduled_at", "text")
				.addColumn("created_at", "text", (col) => col.notNull())
				.addColumn("modified_at", "text", (col) => col.notNull())
				.addColumn("revision", "integer", (col) => col.notNull().defaultTo(1))
				.execute();
			await db.schema
				.createIndex("articles_status_published")
				.on("articles")
				.columns(["status", "published_at"])
				.execute();
			await db.schema
				.createIndex("articles_section_published")
				.on("articles")
				.columns(["section_id", "status", "published_at"])
				.execute();

			await db.schema
				.createTable("article_people")
				.addColumn("article_id", "integer", (col) => col.notNull().references("articles.id").onDelete("cascade"))
				.addColumn("person_id", "integer", (col) => col.notNull().references("people.id").onDelete("restrict"))
				.addColumn("position", "integer", (col) => col.notNull())
				.addPrimaryKeyConstraint("article_people_pk", ["article_id", "person_id"])
				.execute();
			await db.schema
				.createIndex("article_people_person")
				.on("article_people")
				.columns(["person_id", "article_id"])
				.execute();

			await db.schema
				.createTable("article_tags")
				.addColumn("article_id", "integer", (col) => col.notNull().references("articles.id").onDelete("cascade"))
				.addColumn("tag_id", "integer", (col) => col.notNull().references("tags.id").onDelete("cascade"))
				.addColumn("position", "integer", (col) => col.notNull())
				.addPrimaryKeyConstraint("article_tags_pk", ["article_id", "tag_id"])
				.execute();
			await db.schema.createIndex("article_tags_tag").on("article_tags").columns(["tag_id", "article_id"]).execute();

			await db.schema
				.createTable("related")
				.addColumn("article_id", "integer", (col) => col.notNull().references("articles.id").onDelete("cascade"))
				.addColumn("related_id", "integer", (col) => col.notNull().references("articles.id").onDelete("cascade"))
				.addColumn("rank", "integer", (col) => col.notNull())
				.addColumn("score", "double precision", (col) => col.notNull())
				.addPrimaryKeyConstraint("related_pk", ["article_id", "related_id"])
				.execute();
			await db.schema.createIndex("related_related").on("related").column("related_id").execute();

			await db.schema
				.createTable("redirects")
				.addColumn("from_path", "text", (col) => col.primaryKey())
				.addColumn("to_path", "text", (col) => col.notNull())
				.addColumn("created_at", "text", (col) => col.notNull())
				.execute();

			await db.schema
				.createTable("settings")
				.addColumn("key", "text", (col) => col.primaryKey())
				.addColumn("value", "text", (col) => col.notNull())
				.execute();

			await adapter.createTextIndex(db);
		},

		async down(db: Kysely<unknown>) {
			await adapter.dropTextIndex(db);
			for (const table of [
				"settings",
				"redirects",
				"related",
				"article_tags",
				"article_people",
				"articles",
				"tags",
				"people",
				"sections",
			]) {
				await db.schema.dropTable(table).execute();
			}
		},
	};
}
