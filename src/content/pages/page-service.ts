import type { Db } from "../../db/database.js";

/** A standing page as readers see it. */
export interface Page {
	id: number;
	/** "about" or "about/team": the URL path without slashes at the ends. */
	path: string;
	title: string;
	bodyHtml: string;
	bodyText: string;
	language: string;
	publishedAt: Date | null;
	modifiedAt: Date;
}

/** The public address of a page. */
export function pagePath(page: { path: string }): string {
	return `/${page.path.split("/").map(encodeURIComponent).join("/")}/`;
}

/** Standing pages ("About us", "Contact"): outside the news flow, at `/{path}/` where no section lives. */
export class PageService {
	constructor(private readonly deps: { db: Db }) {}

	/** The published page at `path`, if there is one. */
	async getPublished(path: string): Promise<Page | undefined> {
		const row = await this.deps.db
			.selectFrom("pages")
			.select(["id", "path", "title", "body_html", "body_text", "language", "published_at", "modified_at"])
			.where("path", "=", path)
			.where("status", "=", "published")
			.executeTakeFirst();
		if (!row) return undefined;
		return {
			id: row.id,
			path: row.path,
			title: row.title,
			// Sanitized when stored (WordPress and JSON imports).
			bodyHtml: row.body_html,
			bodyText: row.body_text,
			language: row.language,
			publishedAt: row.published_at ? new Date(row.published_at) : null,
			modifiedAt: new Date(row.modified_at),
		};
	}

	/** Every published page's path and last change, for the sitemap, in menu order. */
	async listPublished(): Promise<{ path: string; modifiedAt: Date }[]> {
		const rows = await this.deps.db
			.selectFrom("pages")
			.select(["path", "modified_at"])
			.where("status", "=", "published")
			.orderBy("position")
			.orderBy("path")
			.execute();
		return rows.map((row) => ({ path: row.path, modifiedAt: new Date(row.modified_at) }));
	}
}
