import type { ColumnDefinitionBuilder, Kysely, Migration } from "kysely";
import type { DialectAdapter } from "../dialects/dialect.js";

/**
 * What moving a site in needs:
 * - `pages`: standing pages ("About us", "Contact") outside the news flow, at `/{path}/`;
 * - `import_keys`: which Dateline row each imported item became, so an import run twice creates nothing twice;
 * - `articles.body_format`: "markdown", or "html" for a body that does not convert to Markdown losslessly;
 * - `media.remote_url`: an imported image whose file was not brought along, served from where it was.
 */
export function movingInMigration(adapter: DialectAdapter): Migration {
	return {
		async up(db: Kysely<unknown>) {
			const serial = adapter.name === "postgres" ? "serial" : "integer";
			const primaryId = (col: ColumnDefinitionBuilder) =>
				adapter.name === "postgres" ? col.primaryKey() : col.primaryKey().autoIncrement();

			await db.schema
				.createTable("pages")
				.addColumn("id", serial, primaryId)
				.addColumn("path", "text", (col) => col.notNull().unique())
				.addColumn("status", "text", (col) => col.notNull())
				.addColumn("title", "text", (col) => col.notNull())
				.addColumn("body_format", "text", (col) => col.notNull().defaultTo("markdown"))
				.addColumn("body_source", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("body_html", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("body_text", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("language", "text", (col) => col.notNull())
				.addColumn("position", "integer", (col) => col.notNull().defaultTo(0))
				.addColumn("published_at", "text")
				.addColumn("created_at", "text", (col) => col.notNull())
				.addColumn("modified_at", "text", (col) => col.notNull())
				.execute();

			await db.schema
				.createTable("import_keys")
				.addColumn("source", "text", (col) => col.notNull())
				.addColumn("kind", "text", (col) => col.notNull())
				.addColumn("source_id", "text", (col) => col.notNull())
				.addColumn("target_id", "integer", (col) => col.notNull())
				.addColumn("checksum", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("imported_at", "text", (col) => col.notNull())
				.addPrimaryKeyConstraint("import_keys_pk", ["source", "kind", "source_id"])
				.execute();

			await db.schema
				.alterTable("articles")
				.addColumn("body_format", "text", (col) => col.notNull().defaultTo("markdown"))
				.execute();
			await db.schema
				.alterTable("media")
				.addColumn("remote_url", "text", (col) => col.notNull().defaultTo(""))
				.execute();
		},

		async down(db: Kysely<unknown>) {
			await db.schema.alterTable("media").dropColumn("remote_url").execute();
			await db.schema.alterTable("articles").dropColumn("body_format").execute();
			await db.schema.dropTable("import_keys").execute();
			await db.schema.dropTable("pages").execute();
		},
	};
}
