import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { PageCache } from "../../cache/page-cache.js";
import { FEEDS_KEY, SITE_KEY } from "../../cache/purge-bus.js";
import type { Config } from "../../config.js";
import { articlePath, authorPath, hreflangAlternates, sectionPath, tagPath } from "../../content/articles/article.js";
import { pagePath } from "../../content/pages/page-service.js";
import {
	type FeedScope,
	LISTING_SITEMAP_PAGE_SIZE,
	latest,
	SITEMAP_PAGE_SIZE,
	type SyndicatedStory,
} from "../../content/syndication/syndication.js";
import { AppError, errorCatalog } from "../../errors.js";
import type { Services } from "../../services.js";
import { machineError } from "../machine-error.js";
import { sendValidated } from "../send-validated.js";
import { renderAtom } from "./atom.js";
import type { Feed } from "./feed.js";
import { buildFeed, type FeedSource } from "./feed-model.js";
import { renderJsonFeed } from "./json-feed.js";
import { renderRobots } from "./robots.js";
import { renderRss } from "./rss.js";
import { renderNewsSitemap, renderSitemapIndex, renderUrlSet, type SitemapUrl } from "./sitemaps.js";

export interface FeedsOptions {
	services: Services;
	config: Pick<Config, "publicUrl" | "timeZone">;
	/** The page cache; feeds are kept in it like pages, and served from it before routing. */
	cache?: PageCache | undefined;
	/** Stories per feed; 20 unless a test says otherwise. */
	feedSize?: number;
	/** Stories per article sitemap; SITEMAP_PAGE_SIZE unless a test says otherwise. */
	sitemapPageSize?: number;
	/** Authors or tags per sitemap; LISTING_SITEMAP_PAGE_SIZE unless a test says otherwise. */
	listingSitemapPageSize?: number;
}

const CACHE_CONTROL = "public, max-age=300";
const XML = "application/xml; charset=utf-8";

/** The three feed formats, each under its own suffix of a listing's path (see `feedPaths`). */
const FORMATS = [
	{ suffix: "feed/", contentType: "application/rss+xml; charset=utf-8", render: renderRss },
	{ suffix: "feed/atom/", contentType: "application/atom+xml; charset=utf-8", render: renderAtom },
	{ suffix: "feed.json", contentType: "application/feed+json; charset=utf-8", render: renderJsonFeed },
] as const satisfies readonly { suffix: string; contentType: string; render: (feed: Feed) => string }[];

/**
 * Route prefixes for section feeds one to three levels deep (the reader's limit).
 * At three levels a path could also be an article's date (`/2026/03/14/feed/` is
 * the story whose slug is "feed"), so those prefixes exclude yyyy/mm/dd and
 * such a path falls through to the reader.
 */
const SECTION_PREFIXES = [
	"/:s1/",
	"/:s1/:s2/",
	"/:s1(^(?!\\d{4}$).+$)/:s2/:s3/",
	"/:s1(^\\d{4}$)/:s2(^(?!\\d{2}$).+$)/:s3/",
	"/:s1(^\\d{4}$)/:s2(^\\d{2}$)/:s3(^(?!\\d{2}$).+$)/",
];

const ARTICLE_SITEMAP = /^articles-([1-9]\d{0,8})\.xml$/;
const LISTING_SITEMAP = /^(authors|tags)-([1-9]\d{0,8})\.xml$/;
const LISTING_KINDS = ["authors", "tags"] as const;

/** Feeds (RSS, Atom, JSON Feed), sitemaps and robots.txt. Public, cacheable, and never sees a session. */
export async function feedsPlugin(app: FastifyInstance, options: FeedsOptions): Promise<void> {
	const { services, config } = options;
	const feedSize = options.feedSize ?? 20;
	const pageSize = options.sitemapPageSize ?? SITEMAP_PAGE_SIZE;
	const listingPageSize = options.listingSitemapPageSize ?? LISTING_SITEMAP_PAGE_SIZE;
	const absolute = (path: string) => `${config.publicUrl}${path}`;

	/**
	 * Sends a feed, sitemap or robots.txt with its validators. With `keep`, the
	 * body also goes into the page cache until the next story change ("feeds")
	 * or settings change ("site"): a sitemap reads across the whole archive,
	 * too much to do again for every crawler.
	 */
	function sendCached(
		request: FastifyRequest,
		reply: FastifyReply,
		response: { contentType: string; body: string; lastModified: Date | null; keep?: boolean },
	): FastifyReply {
		const keep =
			response.keep && options.cache && request.method === "GET" && !request.url.includes("?")
				? { cache: options.cache, keys: [SITE_KEY, FEEDS_KEY] }
				: undefined;
		return sendValidated(request, reply, {
			body: response.body,
			contentType: response.contentType,
			cacheControl: CACHE_CONTROL,
			lastModified: response.lastModified,
			keep,
		});
	}

	async function sendFeed(
		request: FastifyRequest,
		reply: FastifyReply,
		format: (typeof FORMATS)[number],
		scope: FeedScope,
		listing?: FeedSource["listing"],
	): Promise<FastifyReply> {
		const [site, { stories, lastModified }] = await Promise.all([
			services.settings.site(),
			services.syndication.feed(scope, feedSize),
		]);
		const feed = buildFeed(
			{ site, stories: await inOwnLanguages(stories), lastModified, ...(listing ? { listing } : {}) },
			config,
		);
		const body = format.render(feed);
		return sendCached(request, reply, { contentType: format.contentType, body, lastModified, keep: true });
	}

	/** Each story with its section and tags named in its own language, where they have a name there. */
	async function inOwnLanguages(stories: readonly SyndicatedStory[]): Promise<SyndicatedStory[]> {
		const named = new Map<number, SyndicatedStory>();
		for (const language of new Set(stories.map((story) => story.language))) {
			const inLanguage = stories.filter((story) => story.language === language);
			const [sectionNames, tags] = await Promise.all([
				services.sections.namesIn(language),
				services.tags.localize(
					inLanguage.flatMap((story) => story.tags),
					language,
				),
			]);
			const tagNames = new Map(tags.map((tag) => [tag.id, tag.name]));
			for (const story of inLanguage) {
				named.set(story.id, {
					...story,
					section: { ...story.section, name: sectionNames.get(story.section.id) ?? story.section.name },
					tags: story.tags.map((tag) => ({ ...tag, name: tagNames.get(tag.id) ?? tag.name })),
				});
			}
		}
		return stories.map((story) => named.get(story.id) ?? story);
	}

	/** A listing's name in the site's language: feeds, like listing pages, are in the site's language. */
	async function listingName(kind: "section" | "tag", item: { id: number; name: string }): Promise<string> {
		const language = (await services.settings.site()).language;
		const [named] =
			kind === "section"
				? await services.sections.localize([item], language)
				: await services.tags.localize([item], language);
		return named?.name ?? item.name;
	}

	for (const format of FORMATS) {
		app.get(`/${format.suffix}`, (request, reply) => sendFeed(request, reply, format, { kind: "site" }));

		app.get<{ Params: { slug: string } }>(`/author/:slug/${format.suffix}`, async (request, reply) => {
			const person = await services.people.getBySlug(request.params.slug);
			if (!person) throw new AppError("ERR_PERSON_NOT_FOUND");
			const listing = { name: person.name, description: person.bio, path: authorPath(person) };
			return sendFeed(request, reply, format, { kind: "person", personId: person.id }, listing);
		});

		app.get<{ Params: { slug: string } }>(`/tag/:slug/${format.suffix}`, async (request, reply) => {
			const tag = await services.tags.getBySlug(request.params.slug);
			if (!tag) throw new AppError("ERR_TAG_NOT_FOUND");
			const listing = { name: await listingName("tag", tag), description: "", path: tagPath(tag) };
			return sendFeed(request, reply, format, { kind: "tag", tagId: tag.id }, listing);
		});

		for (const prefix of SECTION_PREFIXES) {
			app.get<{ Params: { s1: string; s2?: string; s3?: string } }>(
				`${prefix}${format.suffix}`,
				async (request, reply) => {
					const { s1, s2, s3 } = request.params;
					const path = [s1, s2, s3].filter((segment) => segment !== undefined).join("/");
					const section = await services.sections.getByPath(path);
					if (!section) throw new AppError("ERR_SECTION_NOT_FOUND");
					const listing = {
						name: await listingName("section", section),
						description: section.description,
						path: sectionPath(section),
					};
					return sendFeed(request, reply, format, { kind: "section", sectionId: section.id }, listing);
				},
			);
		}
	}

	app.get("/sitemap.xml", async (request, reply) => {
		const [pages, authors, tags, standing, lastModified] = await Promise.all([
			services.syndication.articleSitemapPages(pageSize),
			services.syndication.listingSitemapPages("authors", listingPageSize),
			services.syndication.listingSitemapPages("tags", listingPageSize),
			services.pages.listPublished(),
			services.syndication.lastModified({ kind: "site" }),
		]);
		const paged = (name: string, list: { page: number; lastModified: Date }[]) =>
			list.map((page) => ({ loc: absolute(`/sitemaps/${name}-${page.page}.xml`), lastModified: page.lastModified }));
		// An empty child sitemap is not listed; the sections sitemap always holds the home page.
		const sitemaps: SitemapUrl[] = [
			...paged("articles", pages),
			{ loc: absolute("/sitemaps/sections.xml"), lastModified },
			...paged("authors", authors),
			...paged("tags", tags),
			...(standing.length > 0
				? [
						{
							loc: absolute("/sitemaps/pages.xml"),
							lastModified: standing.reduce<Date | null>((max, page) => latest(max, page.modifiedAt), null),
						},
					]
				: []),
		];
		return sendCached(request, reply, {
			contentType: XML,
			body: renderSitemapIndex(sitemaps),
			lastModified,
			keep: true,
		});
	});

	// Before the listings were paged they had one file each; an address a crawler kept leads to the first page.
	for (const kind of LISTING_KINDS) {
		app.get(`/sitemaps/${kind}.xml`, async (_request, reply) =>
			reply.header("cache-control", CACHE_CONTROL).redirect(absolute(`/sitemaps/${kind}-1.xml`), 301),
		);
	}

	app.get<{ Params: { file: string } }>("/sitemaps/:file", async (request, reply) => {
		const urls = await childSitemap(request.params.file);
		const lastModified = await services.syndication.lastModified({ kind: "site" });
		return sendCached(request, reply, { contentType: XML, body: renderUrlSet(urls), lastModified, keep: true });
	});

	async function childSitemap(file: string): Promise<SitemapUrl[]> {
		const articlePage = ARTICLE_SITEMAP.exec(file)?.[1];
		if (articlePage !== undefined) {
			const page = Number(articlePage);
			const stories = await services.syndication.articleSitemapPage(page, pageSize);
			// Page 1 exists even on an empty site, so the address never breaks.
			if (stories.length === 0 && page > 1) throw new AppError("ERR_PAGE_OUT_OF_RANGE");
			const [site, groups] = await Promise.all([
				services.settings.site(),
				services.articles.translationGroupsOf(stories.map((story) => story.id)),
			]);
			return stories.map((story) => {
				const group = groups.get(story.id);
				return {
					loc: absolute(articlePath(story, config.timeZone)),
					lastModified: story.lastModified,
					...(group
						? {
								alternates: hreflangAlternates(group, site.language).map((alternate) => ({
									hreflang: alternate.hreflang,
									href: absolute(alternate.path),
								})),
							}
						: {}),
				};
			});
		}
		const listing = LISTING_SITEMAP.exec(file);
		if (listing) {
			const kind = listing[1] === "authors" ? "authors" : "tags";
			const page = Number(listing[2]);
			const entries = await services.syndication.listingSitemapPage(kind, page, listingPageSize);
			if (entries.length === 0 && page > 1) throw new AppError("ERR_PAGE_OUT_OF_RANGE");
			const path = kind === "authors" ? authorPath : tagPath;
			return entries.map((entry) => ({ loc: absolute(path(entry)), lastModified: entry.lastModified }));
		}
		switch (file) {
			case "sections.xml": {
				const [sections, home] = await Promise.all([
					services.syndication.sections(),
					services.syndication.lastModified({ kind: "site" }),
				]);
				return [
					{ loc: absolute("/"), lastModified: home },
					...sections.map((section) => ({
						loc: absolute(sectionPath(section)),
						lastModified: section.lastModified,
					})),
				];
			}
			case "pages.xml":
				return (await services.pages.listPublished()).map((page) => ({
					loc: absolute(pagePath(page)),
					lastModified: page.modifiedAt,
				}));
			default:
				throw new AppError("ERR_NOT_FOUND");
		}
	}

	// No Last-Modified here: stories leave the 48-hour window as time passes, which
	// changes the document without any story changing. The ETag still validates.
	app.get("/news-sitemap.xml", async (request, reply) => {
		const [site, stories] = await Promise.all([services.settings.site(), services.syndication.recentNews()]);
		const body = renderNewsSitemap({
			publicationName: site.name,
			entries: stories.map((story) => ({
				loc: absolute(articlePath(story, config.timeZone)),
				title: story.headline,
				language: story.language,
				publishedAt: story.publishedAt,
			})),
		});
		return sendCached(request, reply, { contentType: XML, body, lastModified: null });
	});

	// "$" ends a pattern (RFC 9309), so "/search$" and "/search?" keep crawlers off the
	// search page without also blocking a section whose slug starts with "search".
	const robots = renderRobots({
		disallow: ["/admin/", "/search$", "/search?"],
		sitemaps: [absolute("/sitemap.xml"), absolute("/news-sitemap.xml")],
	});
	app.get("/robots.txt", async (request, reply) =>
		sendCached(request, reply, { contentType: "text/plain; charset=utf-8", body: robots, lastModified: null }),
	);

	// Feeds and sitemaps are read by machines: errors are short plain text, not the reader's HTML page.
	app.setErrorHandler(async (raw, request, reply) => {
		const { error, status, code } = machineError(raw);
		if (status === 503) reply.header("retry-after", "5");
		if (status === 500) request.log.error({ err: error }, "feed or sitemap failed");
		const message = errorCatalog[code].message;
		return reply
			.code(status)
			.header("content-type", "text/plain; charset=utf-8")
			.header("cache-control", status >= 500 ? "no-store" : "public, max-age=30")
			.send(`${message}\n`);
	});
}
