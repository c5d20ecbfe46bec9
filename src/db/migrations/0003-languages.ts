import type { Kysely, Migration } from "kysely";
import type { DialectAdapter } from "../dialects/dialect.js";

/**
 * Translations and names per language: `articles.translation_group` links a
 * story to its translations, and `section_names` / `tag_names` hold a
 * section's or a tag's name in other languages than its own.
 *
 * No table here has an auto-numbered id (a group is numbered after one of its
 * stories), so nothing differs between SQLite and PostgreSQL; the adapter is
 * taken like every migration's, for the day something does.
 */
export function languagesMigration(_adapter: DialectAdapter): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema.alterTable("articles").addColumn("translation_group", "integer").execute();
			await db.schema.createIndex("articles_translation_group").on("articles").column("translation_group").execute();

			await db.schema
				.createTable("section_names")
				.addColumn("section_id", "integer", (col) => col.notNull().references("sections.id").onDelete("cascade"))
				.addColumn("language", "text", (col) => col.notNull())
				.addColumn("name", "text", (col) => col.notNull())
				.addPrimaryKeyConstraint("section_names_pk", ["section_id", "language"])
				.execute();

			await db.schema
				.createTable("tag_names")
				.addColumn("tag_id", "integer", (col) => col.notNull().references("tags.id").onDelete("cascade"))
				.addColumn("language", "text", (col) => col.notNull())
				.addColumn("name", "text", (col) => col.notNull())
				.addPrimaryKeyConstraint("tag_names_pk", ["tag_id", "language"])
				.execute();
		},

		async down(db: Kysely<unknown>) {
			await db.schema.dropTable("tag_names").execute();
			await db.schema.dropTable("section_names").execute();
			await db.schema.dropIndex("articles_translation_group").execute();
			await db.schema.alterTable("articles").dropColumn("translation_group").execute();
		},
	};
}
