import type { ColumnDefinitionBuilder, Kysely, Migration } from "kysely";
import type { DialectAdapter } from "../dialects/dialect.js";

/** Users, sessions, login throttling, the audit log, revisions, corrections and media. */
export function newsroomMigration(adapter: DialectAdapter): Migration {
	return {
		async up(db: Kysely<unknown>) {
			// PostgreSQL: `serial` is the auto-numbered integer; Kysely's autoIncrement() is SQLite and MySQL syntax.
			const serial = adapter.name === "postgres" ? "serial" : "integer";
			const primaryId = (col: ColumnDefinitionBuilder) =>
				adapter.name === "postgres" ? col.primaryKey() : col.primaryKey().autoIncrement();
			await db.schema
				.createTable("users")
				.addColumn("id", serial, primaryId)
				.addColumn("email", "text", (col) => col.notNull().unique())
				.addColumn("display_name", "text", (col) => col.notNull())
				.addColumn("role", "text", (col) => col.notNull())
				.addColumn("password_hash", "text")
				.addColumn("must_reset_password", "integer", (col) => col.notNull().defaultTo(0))
				.addColumn("person_id", "integer", (col) => col.references("people.id").onDelete("set null"))
				.addColumn("created_at", "text", (col) => col.notNull())
				.addColumn("disabled_at", "text")
				.execute();

			await db.schema
				.createTable("sessions")
				.addColumn("token_hash", "text", (col) => col.primaryKey())
				.addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
				.addColumn("csrf_token", "text", (col) => col.notNull())
				.addColumn("created_at", "text", (col) => col.notNull())
				.addColumn("expires_at", "text", (col) => col.notNull())
				.addColumn("last_seen_at", "text", (col) => col.notNull())
				.addColumn("user_agent", "text", (col) => col.notNull().defaultTo(""))
				.execute();
			await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

			await db.schema
				.createTable("login_failures")
				.addColumn("key", "text", (col) => col.notNull())
				.addColumn("failed_at", "text", (col) => col.notNull())
				.execute();
			await db.schema.createIndex("login_failures_key").on("login_failures").columns(["key", "failed_at"]).execute();

			await db.schema
				.createTable("audit_log")
				.addColumn("id", serial, primaryId)
				.addColumn("at", "text", (col) => col.notNull())
				.addColumn("user_id", "integer", (col) => col.references("users.id").onDelete("set null"))
				.addColumn("action", "text", (col) => col.notNull())
				.addColumn("subject_type", "text", (col) => col.notNull())
				.addColumn("subject_id", "integer")
				.addColumn("detail", "text", (col) => col.notNull().defaultTo("{}"))
				.execute();
			await db.schema
				.createIndex("audit_log_subject")
				.on("audit_log")
				.columns(["subject_type", "subject_id"])
				.execute();

			await db.schema
				.createTable("revisions")
				.addColumn("id", serial, primaryId)
				.addColumn("article_id", "integer", (col) => col.notNull().references("articles.id").onDelete("cascade"))
				.addColumn("number", "integer", (col) => col.notNull())
				.addColumn("snapshot", "text", (col) => col.notNull())
				.addColumn("created_at", "text", (col) => col.notNull())
				.addColumn("created_by", "integer", (col) => col.references("users.id").onDelete("set null"))
				.addColumn("note", "text", (col) => col.notNull().defaultTo(""))
				.addUniqueConstraint("revisions_article_number", ["article_id", "number"])
				.execute();

			await db.schema
				.createTable("autosaves")
				.addColumn("article_id", "integer", (col) => col.notNull().references("articles.id").onDelete("cascade"))
				.addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
				.addColumn("base_revision", "integer", (col) => col.notNull())
				.addColumn("snapshot", "text", (col) => col.notNull())
				.addColumn("saved_at", "text", (col) => col.notNull())
				.addPrimaryKeyConstraint("autosaves_pk", ["article_id", "user_id"])
				.execute();

			await db.schema
				.createTable("corrections")
				.addColumn("id", serial, primaryId)
				.addColumn("article_id", "integer", (col) => col.notNull().references("articles.id").onDelete("cascade"))
				.addColumn("kind", "text", (col) => col.notNull())
				.addColumn("body", "text", (col) => col.notNull())
				.addColumn("created_at", "text", (col) => col.notNull())
				.addColumn("created_by", "integer", (col) => col.references("users.id").onDelete("set null"))
				.execute();
			await db.schema
				.createIndex("corrections_article")
				.on("corrections")
				.columns(["article_id", "created_at"])
				.execute();

			await db.schema
				.createTable("media")
				.addColumn("id", serial, primaryId)
				.addColumn("sha256", "text", (col) => col.notNull().unique())
				.addColumn("mime", "text", (col) => col.notNull())
				.addColumn("width", "integer", (col) => col.notNull())
				.addColumn("height", "integer", (col) => col.notNull())
				.addColumn("bytes", "integer", (col) => col.notNull())
				.addColumn("storage_key", "text", (col) => col.notNull())
				.addColumn("original_name", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("alt", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("caption", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("credit", "text", (col) => col.notNull().defaultTo(""))
				.addColumn("created_at", "text", (col) => col.notNull())
				.addColumn("created_by", "integer", (col) => col.references("users.id").onDelete("set null"))
				.execute();

			await db.schema
				.createTable("media_variants")
				.addColumn("media_id", "integer", (col) => col.notNull().references("media.id").onDelete("cascade"))
				.addColumn("format", "text", (col) => col.notNull())
				.addColumn("width", "integer", (col) => col.notNull())
				.addColumn("height", "integer", (col) => col.notNull())
				.addColumn("bytes", "integer", (col) => col.notNull())
				.addColumn("storage_key", "text", (col) => col.notNull())
				.addPrimaryKeyConstraint("media_variants_pk", ["media_id", "format", "width"])
				.execute();

			await db.schema
				.alterTable("articles")
				.addColumn("featured_media_id", "integer", (col) => col.references("media.id").onDelete("set null"))
				.execute();
			await db.schema
				.alterTable("articles")
				.addColumn("created_by", "integer", (col) => col.references("users.id").onDelete("set null"))
				.execute();
			await db.schema
				.createIndex("articles_status_scheduled")
				.on("articles")
				.columns(["status", "scheduled_at"])
				.execute();
		},

		async down(db: Kysely<unknown>) {
			await db.schema.dropIndex("articles_status_scheduled").execute();
			await db.schema.alterTable("articles").dropColumn("created_by").execute();
			await db.schema.alterTable("articles").dropColumn("featured_media_id").execute();
			for (const table of [
				"media_variants",
				"media",
				"corrections",
				"autosaves",
				"revisions",
				"audit_log",
				"login_failures",
				"sessions",
				"users",
			]) {
				await db.schema.dropTable(table).execute();
			}
		},
	};
}
