import type { Kysely, Migration } from "kysely";
import type { DialectAdapter } from "../dialects/dialect.js";

/**
 * `password_links`: one-time links an admin hands to a newsroom member to set
 * a password: an account moved in from WordPress has none, and a forgotten
 * one is replaced the same way. Only the sha256 of the link's token is stored.
 */
export function passwordLinksMigration(_adapter: DialectAdapter): Migration {
	return {
		async up(db: Kysely<unknown>) {
			await db.schema
				.createTable("password_links")
				.addColumn("token_hash", "text", (col) => col.primaryKey())
				.addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
				.addColumn("created_at", "text", (col) => col.notNull())
				.addColumn("expires_at", "text", (col) => col.notNull())
				.execute();
			await db.schema.createIndex("password_links_user").on("password_links").column("user_id").execute();
		},

		async down(db: Kysely<unknown>) {
			await db.schema.dropTable("password_links").execute();
		},
	};
}
