import { readFile } from "node:fs/promises";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { cachedPage } from "../../cache/page-cache.js";
import { HOME_KEY, pageKey, personKey, sectionKey, tagKey } from "../../cache/purge-bus.js";
import { chooseEncoding } from "../../cache/serve-cached.js";
import type { Config } from "../../config.js";
import {
	type Article,
	type ArticleSummary,
	articlePath,
	authorPath,
	datePartsIn,
	pagedPath,
	sectionPath,
	tagPath,
} from "../../content/articles/article.js";
import { pagePath } from "../../content/pages/page-service.js";
import { MAX_QUERY_LENGTH } from "../../content/search/search.js";
import type { SectionNode } from "../../content/sections/section-service.js";
import { asUnavailable } from "../../db/database-unavailable.js";
import { AppError, isAppError } from "../../errors.js";
import type { Services } from "../../services.js";
import { clientGone, hangUpSignal } from "../client-gone.js";
import { articleView } from "./article-view.js";
import { siteCss } from "./assets/site-css.js";
import { breadcrumbJsonLd, homeHead, siteFeed } from "./page-heads.js";
import { type ReaderRenderer, SECTIONS_INDEX_PATH } from "./reader-render.js";
import { matchReaderPath, type ReaderRoute } from "./reader-routes.js";
import { toCard } from "./view-model-builders.js";
import { HomePage } from "./views/home-page.js";
import { ListingPage } from "./views/listing-page.js";
import type { PageContext } from "./views/page-context.js";
import { SearchPage } from "./views/search-page.js";
import { type SectionIndexEntry, SectionsPage } from "./views/sections-page.js";
import { StandingPage } from "./views/standing-page.js";
import type { ArticlePageModel, StoryCardModel } from "./views/view-models.js";

export interface ReaderOptions {
	services: Services;
	config: Pick<Config, "timeZone" | "publicUrl">;
	renderer: ReaderRenderer;
	/** Reads a story page needs from other domains (media). */
	extras: {
		image(story: Article): Promise<ArticlePageModel["image"]>;
	};
}

const PAGE_SIZE = 15;
const HOME_LATEST = 12;
const HOME_BLOCK = 4;

/** The public site: home, sections, articles, authors, tags, the stylesheet and the 404 page. Never sees a session. */
export async function readerPlugin(app: FastifyInstance, options: ReaderOptions): Promise<void> {
	const { services, config } = options;
	const { context, send, messagePage, stylesheetHref, site: siteSettings } = options.renderer;

	const logo = await readFile(new URL("../../../public/logo.png", import.meta.url));
	app.get("/assets/logo.png", async (_request, reply) =>
		reply.header("content-type", "image/png").header("cache-control", "public, max-age=86400").send(logo),
	);

	// The stylesheet never changes under its hashed name: compress it once, send the encoding the reader accepts.
	const stylesheet = cachedPage({ body: siteCss, contentType: "text/css; charset=utf-8", keys: [] });
	app.get(stylesheetHref, async (request, reply) => {
		const encoding = chooseEncoding(request.headers["accept-encoding"]);
		reply
			.header("content-type", stylesheet.contentType)
			.header("cache-control", "public, max-age=31536000, immutable")
			.header("etag", stylesheet.etag)
			.header("vary", "accept-encoding");
		if (encoding !== "identity") reply.header("content-encoding", encoding);
		return reply.send(encoding === "br" ? stylesheet.br : encoding === "gzip" ? stylesheet.gzip : stylesheet.identity);
	});

	/** Story cards for a page in `language`: each kicker names the story's section in that language where it has a name there. */
	async function cardsIn(language: string): Promise<(story: ArticleSummary) => StoryCardModel> {
		const names = await services.sections.namesIn(language);
		return (story) => {
			const name = names.get(story.section.id);
			return toCard(name === undefined ? story : { ...story, section: { ...story.section, name } }, config.timeZone);
		};
	}

	async function dispatch(request: FastifyRequest, reply: FastifyReply) {
		const url = new URL(request.url, "http://reader.invalid");
		// A WordPress short link (/?p=123, /?page_id=7, /?cat=4) of a site moved in answers with its new address.
		if (/^\?(?:p|page_id|cat|attachment_id)=\d+$/.test(url.search)) {
			const moved = await services.articles.redirectFor(`${url.pathname}${url.search}`);
			if (moved) return reply.redirect(moved, 301);
		}
		const route: ReaderRoute = matchReaderPath(url.pathname, url.search);
		switch (route.kind) {
			case "home":
				return home(reply);
			case "article":
				return article(reply, route, url.pathname);
			case "section":
				return section(reply, route.path, route.page);
			case "author":
				return author(reply, route.slug, route.page);
			case "tag":
				return tag(reply, route.slug, route.page);
			case "sections":
				return sectionIndex(reply);
			case "redirect":
				return reply.redirect(route.location, 301);
			case "notFound": {
				// An address no route knows may be an old one (a WordPress permalink of a site moved in).
				const moved = await services.articles.redirectFor(url.pathname);
				if (moved) return reply.redirect(moved, 301);
				throw new AppError("ERR_NOT_FOUND");
			}
		}
	}

	async function home(reply: FastifyReply) {
		const site = await siteSettings();
		const ctx = await context(site.language, "/");
		// Editors may pin the lead and featured stories; the newest stories fill the rest.
		const curation = await services.frontPage.curation();
		const pinnedIds = [...(curation.leadId ? [curation.leadId] : []), ...curation.featuredIds];
		const pinned = new Map((await services.articles.summariesByIds(pinnedIds)).map((story) => [story.id, story]));
		const { items: newest } = await services.articles.listPublished(
			{},
			{ limit: HOME_LATEST + 1 + pinned.size, offset: 0 },
		);
		const lead =
			(curation.leadId ? pinned.get(curation.leadId) : undefined) ?? newest.find((story) => !pinned.has(story.id));
		const featured = curation.featuredIds.flatMap((id) => {
			const story = pinned.get(id);
			return story && story.id !== lead?.id ? [story] : [];
		});
		const taken = new Set([...(lead ? [lead.id] : []), ...featured.map((story) => story.id)]);
		const river = newest.filter((story) => !taken.has(story.id)).slice(0, HOME_LATEST);
		const tree = await services.sections.tree(site.language);
		const card = await cardsIn(site.language);
		// A story already in the lead, the featured row or the river is not repeated in a section block.
		const shown = new Set([...taken, ...river.map((item) => item.id)]);
		const blocks = [];
		for (const top of tree) {
			const ids = await services.sections.withDescendants(top.id);
			const { items: candidates } = await services.articles.listPublished(
				{ sectionIds: ids },
				{ limit: HOME_BLOCK + shown.size, offset: 0 },
			);
			const stories = candidates.filter((story) => !shown.has(story.id)).slice(0, HOME_BLOCK);
			if (stories.length > 0) {
				blocks.push({
					section: { name: top.name, href: sectionPath(top) },
					stories: stories.map(card),
				});
			}
		}
		const head = homeHead({ settings: site, absolute: ctx.absolute });
		return send(
			reply,
			200,
			<HomePage
				ctx={ctx}
				head={head}
				home={{
					lead: lead ? card(lead) : null,
					featured: featured.map(card),
					latest: river.map(card),
					blocks,
				}}
			/>,
			[HOME_KEY],
		);
	}

	async function article(reply: FastifyReply, route: Extract<ReaderRoute, { kind: "article" }>, pathname: string) {
		const read = await services.articles.readPublished(route.slug);
		if (!read) {
			const moved = await services.articles.redirectFor(pathname);
			if (moved) return reply.redirect(moved, 301);
			throw new AppError("ERR_ARTICLE_NOT_FOUND");
		}
		const { story } = read;
		const canonical = articlePath(story, config.timeZone);
		const { yyyy, mm, dd } = datePartsIn(story.publishedAt, config.timeZone);
		if (yyyy !== route.yyyy || mm !== route.mm || dd !== route.dd) return reply.redirect(canonical, 301);
		const { page, keys } = await articleView({ services, config, renderer: options.renderer }, story, {
			corrections: read.corrections,
			image: await options.extras.image(story),
			checkAlso: read.checkAlso ?? null,
		});
		return send(reply, 200, page, keys);
	}

	async function section(reply: FastifyReply, path: string, page: number) {
		const found = await services.sections.getByPath(path);
		if (!found) {
			if (page === 1) {
				const standing = await services.pages.getPublished(path);
				if (standing) return standingPage(reply, standing);
			}
			const moved = await services.articles.redirectFor(`/${path}/`);
			if (moved) return reply.redirect(moved, 301);
			throw new AppError("ERR_SECTION_NOT_FOUND");
		}
		const ids = await services.sections.withDescendants(found.id);
		const site = await siteSettings();
		const base = sectionPath(found);
		const ctx = await context(site.language, base);
		// Listings are in the site's language, and so are section names where they have one.
		const chain = await services.sections.localize(await services.sections.ancestry(found), site.language);
		const breadcrumbs = [
			{ name: ctx.t("breadcrumb.home"), href: "/" },
			...chain.map((s) => ({ name: s.name, href: sectionPath(s) })),
		];
		return listing(reply, ctx, {
			kind: "section",
			title: chain.at(-1)?.name ?? found.name,
			description: found.description,
			base,
			page,
			breadcrumbs,
			filter: { sectionIds: ids },
			keys: [sectionKey(found.id)],
		});
	}

	async function sectionIndex(reply: FastifyReply) {
		const site = await siteSettings();
		const ctx = await context(site.language, SECTIONS_INDEX_PATH);
		const entries = (nodes: readonly SectionNode[]): SectionIndexEntry[] =>
			nodes.map((node) => ({ name: node.name, href: sectionPath(node), children: entries(node.children) }));
		const title = ctx.t("site.mainNavigation");
		const breadcrumbs = [
			{ name: ctx.t("breadcrumb.home"), href: "/" },
			{ name: title, href: SECTIONS_INDEX_PATH },
		];
		const head = {
			title: `${title} – ${site.name}`,
			canonicalPath: SECTIONS_INDEX_PATH,
			feeds: [siteFeed({ settings: site, absolute: ctx.absolute })],
			jsonLd: [breadcrumbJsonLd(breadcrumbs, ctx.absolute)],
		};
		const sections = entries(await services.sections.tree(site.language));
		// Sections purge every page when they change (SITE_KEY): nothing more to name.
		return send(reply, 200, <SectionsPage ctx={ctx} head={head} breadcrumbs={breadcrumbs} sections={sections} />, []);
	}

	async function standingPage(
		reply: FastifyReply,
		page: NonNullable<Awaited<ReturnType<Services["pages"]["getPublished"]>>>,
	) {
		const site = await siteSettings();
		const canonical = pagePath(page);
		const ctx = await context(site.language, canonical);
		const breadcrumbs = [
			{ name: ctx.t("breadcrumb.home"), href: "/" },
			{ name: page.title, href: canonical },
		];
		const description = page.bodyText.replace(/\s+/g, " ").trim().slice(0, 160);
		const head = {
			title: `${page.title} – ${site.name}`,
			...(description ? { description } : {}),
			canonicalPath: canonical,
			openGraph: {
				"og:type": "website",
				"og:title": page.title,
				"og:url": ctx.absolute(canonical),
				"og:site_name": site.name,
			},
			feeds: [siteFeed({ settings: site, absolute: ctx.absolute })],
			jsonLd: [
				{
					"@context": "https://schema.org",
					"@type": "WebPage",
					name: page.title,
					url: ctx.absolute(canonical),
					inLanguage: page.language,
					dateModified: page.modifiedAt.toISOString(),
				},
				breadcrumbJsonLd(breadcrumbs, ctx.absolute),
			],
		};
		return send(reply, 200, <StandingPage ctx={ctx} head={head} page={{ ...page, breadcrumbs }} />, [pageKey(page.id)]);
	}

	async function author(reply: FastifyReply, slug: string, page: number) {
		const person = await services.people.getBySlug(slug);
		if (!person) throw new AppError("ERR_PERSON_NOT_FOUND");
		const site = await siteSettings();
		const ctx = await context(site.language, "");
		const base = authorPath(person);
		return listing(reply, ctx, {
			kind: "author",
			title: person.name,
			description: person.bio,
			jobTitle: person.jobTitle,
			base,
			page,
			breadcrumbs: [
				{ name: ctx.t("breadcrumb.home"), href: "/" },
				{ name: person.name, href: base },
			],
			filter: { personId: person.id },
			keys: [personKey(person.id)],
		});
	}

	async function tag(reply: FastifyReply, slug: string, page: number) {
		const found = await services.tags.getBySlug(slug);
		if (!found) throw new AppError("ERR_TAG_NOT_FOUND");
		const site = await siteSettings();
		const ctx = await context(site.language, "");
		const base = tagPath(found);
		const [named = found] = await services.tags.localize([found], site.language);
		const title = ctx.t("listing.tagTitle", { name: named.name });
		return listing(reply, ctx, {
			kind: "tag",
			title,
			description: "",
			base,
			page,
			breadcrumbs: [
				{ name: ctx.t("breadcrumb.home"), href: "/" },
				{ name: title, href: base },
			],
			filter: { tagId: found.id },
			keys: [tagKey(found.id)],
		});
	}

	async function listing(
		reply: FastifyReply,
		ctx: PageContext,
		input: {
			kind: "section" | "author" | "tag";
			title: string;
			description: string;
			jobTitle?: string;
			base: string;
			page: number;
			breadcrumbs: { name: string; href: string }[];
			filter: Parameters<Services["articles"]["listPublished"]>[0];
			/** Surrogate keys: purging any of them drops every page of this listing. */
			keys: readonly string[];
		},
	) {
		const { items, total } = await services.articles.listPublished(input.filter, {
			limit: PAGE_SIZE,
			offset: (input.page - 1) * PAGE_SIZE,
		});
		const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
		if (input.page > pages) throw new AppError("ERR_PAGE_OUT_OF_RANGE");
		const card = await cardsIn(ctx.language);
		const canonicalPath = pagedPath(input.base, input.page);
		const title =
			input.page > 1 ? `${input.title} – ${ctx.t("pagination.pageOf", { page: input.page, pages })}` : input.title;
		const head = {
			title,
			...(input.description ? { description: input.description } : {}),
			canonicalPath,
			openGraph: {
				"og:type": "website",
				"og:title": title,
				"og:url": ctx.absolute(canonicalPath),
				"og:site_name": ctx.siteName,
			},
			feeds: [
				{ title: ctx.siteName, base: "/" },
				{ title: `${ctx.siteName} – ${input.title}`, base: input.base },
			],
		};
		const model = {
			kind: input.kind,
			title: input.title,
			description: input.description,
			...(input.jobTitle ? { jobTitle: input.jobTitle } : {}),
			total,
			breadcrumbs: input.breadcrumbs,
			stories: items.map(card),
			pagination: {
				page: input.page,
				pages,
				newerHref: input.page > 1 ? pagedPath(input.base, input.page - 1) : null,
				olderHref: input.page < pages ? pagedPath(input.base, input.page + 1) : null,
			},
		};
		return send(reply, 200, <ListingPage ctx={ctx} head={head} listing={model} />, input.keys);
	}

	async function search(request: FastifyRequest, reply: FastifyReply) {
		const params = request.query as Record<string, string | string[] | undefined>;
		const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
		const raw = first(params.q);
		const pageText = first(params.page);
		if (pageText !== "" && !/^[1-9]\d{0,5}$/.test(pageText))
			throw new AppError("ERR_BAD_REQUEST", "page must be a whole number from 1.");
		const page = pageText === "" ? 1 : Number(pageText);
		const site = await siteSettings();
		const ctx = await context(site.language, "/search");
		// A reader who leaves before the search's turn comes (a flood makes them wait) takes it off the queue.
		const found = await services.search.search(raw, page, hangUpSignal(reply));
		if (found.total > 0 && page > found.pages) throw new AppError("ERR_PAGE_OUT_OF_RANGE");
		const card = await cardsIn(site.language);
		const hrefFor = (n: number) =>
			`/search?${new URLSearchParams({ q: found.query.text, ...(n > 1 ? { page: String(n) } : {}) })}`;
		const searched = found.query.text !== "";
		const model = {
			query: found.query.text,
			trimmedTo: [...raw.trim()].length > MAX_QUERY_LENGTH ? MAX_QUERY_LENGTH : null,
			total: searched ? found.total : null,
			more: found.more,
			results: found.results.map((result) => ({
				story: card(result.story),
				snippet: result.snippet,
			})),
			pagination: {
				page,
				pages: found.pages,
				newerHref: page > 1 ? hrefFor(page - 1) : null,
				olderHref: page < found.pages ? hrefFor(page + 1) : null,
			},
		};
		const head = {
			title: searched ? ctx.t("search.titleFor", { query: found.query.text }) : ctx.t("search.title"),
			noindex: true,
			feeds: [siteFeed({ settings: site, absolute: ctx.absolute })],
		};
		return send(reply, 200, <SearchPage ctx={ctx} head={head} search={model} />);
	}

	app.get("/search", search);
	app.get("/", dispatch);
	app.get("/*", dispatch);

	app.setNotFoundHandler(async (_request, reply) => messagePage(reply, 404));

	app.setErrorHandler(async (raw, request, reply) => {
		const error = asUnavailable(raw);
		// The reader has gone (a search dropped from the queue): there is no one to answer.
		if (clientGone(error, reply)) {
			request.log.debug("the reader left before the page was ready");
			return reply.code(499).send();
		}
		if (isAppError(error)) {
			// A refused search is the node shedding a flood as designed: one line each would flood the log too.
			if (error.code === "ERR_SEARCH_BUSY") request.log.debug(error.message);
			else if (error.status >= 500) request.log.error({ err: error }, error.message);
			return messagePage(reply, error.status);
		}
		const status =
			typeof (error as { statusCode?: unknown }).statusCode === "number"
				? (error as { statusCode: number }).statusCode
				: 500;
		if (status >= 500) {
			request.log.error({ err: error }, "reader page failed");
			return messagePage(reply, 500);
		}
		return messagePage(reply, status === 404 ? 404 : 400);
	});
}
