import { type Kysely, type Migration, sql } from "kysely";
import { sanitizeBodyHtml } from "../../content/articles/article-body.js";
import type { DialectAdapter } from "../dialects/dialect.js";

/** Rows read and checked per statement. */
const BATCH = 500;

/**
 * Runs every stored story and page body through the allowlist once more.
 *
 * Readers get `body_html` as it is stored, since every write path sanitizes
 * it. Before that was so, pages sanitized it again on every read, and a JSON
 * import stored the file's HTML unchecked; a site that imported one then would
 * send that HTML as it is. Only bodies the sanitizer changes are written, so a
 * site whose bodies are already clean reads them and writes nothing.
 *
 * This migration runs the sanitizer of the build that applies it, which is the
 * point: a later allowlist is not applied to old rows by editing this file.
 */
export function resanitizeBodiesMigration(_adapter: DialectAdapter): Migration {
	return {
		async up(db: Kysely<unknown>) {
			for (const table of ["articles", "pages"]) await resanitize(db, table);
		},

		async down() {
			// Nothing to undo: the bodies stay sanitized.
		},
	};
}

async function resanitize(db: Kysely<unknown>, table: string): Promise<void> {
	let after = 0;
	for (;;) {
		const { rows } = await sql<{ id: number; body_html: string }>`select id, body_html from ${sql.table(table)}
			where id > ${after} order by id limit ${BATCH}`.execute(db);
		for (const row of rows) {
			const clean = sanitizeBodyHtml(row.body_html);
			if (clean !== row.body_html) {
				await sql`update ${sql.table(table)} set body_html = ${clean} where id = ${row.id}`.execute(db);
			}
		}
		const last = rows.at(-1);
		if (!last || rows.length < BATCH) return;
		after = last.id;
	}
}
