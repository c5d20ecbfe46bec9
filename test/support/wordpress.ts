import { sqliteAdapter } from "../../src/db/dialects/sqlite/sqlite-adapter.js";
import {
	type ImportReport,
	importWordPress,
	type WordPressImportOptions,
} from "../../src/import/wordpress/wordpress-import.js";
import type { TestSite } from "./test-site.js";

const FIXTURES = new URL("../fixtures/wordpress/", import.meta.url).pathname;

/** Imports a fixture by name (or a file by absolute path) into a test site. */
export async function importFixture(
	site: TestSite,
	file: string,
	options: Omit<WordPressImportOptions, "file"> = {},
): Promise<ImportReport> {
	return importWordPress(
		{
			db: site.db,
			adapter: sqliteAdapter,
			clock: site.clock,
			timeZone: site.config.timeZone,
			media: site.services.media,
		},
		{ file: file.startsWith("/") ? file : `${FIXTURES}${file}`, ...options },
	);
}
