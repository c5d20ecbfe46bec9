import { createHash } from "node:crypto";
import type { FastifyReply } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Config } from "../../config.js";
import { sectionPath } from "../../content/articles/article.js";
import type { Services } from "../../services.js";
import { siteCss } from "./assets/site-css.js";
import { directionOf, translator } from "./messages.js";
import { MessagePage } from "./views/message-page.js";
import type { PageContext } from "./views/page-context.js";

const PAGE_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=86400";

/** What every reader response shares: the page context, HTML sending, and the 404/400/500 pages. */
export interface ReaderRenderer {
	stylesheetHref: string;
	context(language: string, currentPath: string): Promise<PageContext>;
	send(reply: FastifyReply, status: number, page: VNode): FastifyReply;
	messagePage(reply: FastifyReply, status: number): Promise<FastifyReply>;
}

export function createReaderRenderer(options: {
	services: Services;
	config: Pick<Config, "timeZone" | "publicUrl">;
}): ReaderRenderer {
	const { services, config } = options;
	const cssHash = createHash("sha256").update(siteCss).digest("hex").slice(0, 12);
	const stylesheetHref = `/assets/site.${cssHash}.css`;

	async function context(language: string, currentPath: string): Promise<PageContext> {
		const [site, tree, breaking] = await Promise.all([
			services.settings.site(),
			services.sections.tree(),
			services.frontPage.breaking(),
		]);
		const t = translator(language);
		const dates = new Intl.DateTimeFormat(t("locale.dates"), {
			dateStyle: "long",
			timeStyle: "short",
			timeZone: config.timeZone,
		});
		return {
			siteName: site.name,
			tagline: site.tagline,
			language,
			dir: directionOf(language),
			t,
			formatDate: (at) => dates.format(at),
			absolute: (path) => `${config.publicUrl}${path}`,
			stylesheetHref,
			breaking: breaking ? { text: breaking.text, href: breaking.url } : null,
			nav: tree.map((section) => {
				const href = sectionPath(section);
				return {
					name: section.name,
					href,
					current: currentPath.startsWith(href),
				};
			}),
		};
	}

	function send(reply: FastifyReply, status: number, page: VNode): FastifyReply {
		return reply
			.code(status)
			.header("content-type", "text/html; charset=utf-8")
			.header("cache-control", status === 200 ? PAGE_CACHE_CONTROL : "public, max-age=30")
			.send(`<!doctype html>${renderToString(page)}`);
	}

	async function messagePage(reply: FastifyReply, status: number, language?: string): Promise<FastifyReply> {
		const lang = language ?? (await services.settings.site()).language;
		const ctx = await context(lang, "");
		const [title, body] =
			status === 404
				? [ctx.t("notFound.title"), ctx.t("notFound.body")]
				: status < 500
					? [ctx.t("badRequest.title"), ctx.t("badRequest.body")]
					: [ctx.t("error.title"), ctx.t("error.body")];
		return send(reply, status, <MessagePage ctx={ctx} title={title} body={body} />);
	}

	return { stylesheetHref, context, send, messagePage };
}
