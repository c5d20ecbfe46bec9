import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { PageCache } from "../../cache/page-cache.js";
import { articleKey, FEEDS_KEY, SITE_KEY } from "../../cache/purge-bus.js";
import type { Config } from "../../config.js";
import type { Article } from "../../content/articles/article.js";
import type { PublishedFilter } from "../../content/articles/article-repository.js";
import type { ImageModel } from "../../content/media/media.js";
import { MAX_QUERY_LENGTH } from "../../content/search/search.js";
import { AppError, errorCatalog } from "../../errors.js";
import type { Services } from "../../services.js";
import { clientGone, hangUpSignal } from "../client-gone.js";
import { machineError } from "../machine-error.js";
import { sendValidated } from "../send-validated.js";
import { type ApiContext, absoluteUrl, articleJson, articleSummaryJson, sectionTreeJson } from "./api-json.js";

export interface ApiOptions {
	services: Services;
	config: Pick<Config, "publicUrl" | "timeZone" | "cacheControl">;
	/** The page cache: answers without a query string are kept in it until what they show changes. */
	cache?: PageCache | undefined;
	/** The featured image of a story, as its page shows it. */
	image: (story: Pick<Article, "featuredMediaId">) => Promise<ImageModel | null>;
}

/** The API's version prefix, which the plugin is registered under: a change that breaks a client gets a new one. */
export const API_PREFIX = "/api/v1";

/** Stories per page of a list when the client names no `limit`, and the most it may ask for. */
export const API_PAGE_SIZE = 20;
export const API_MAX_PAGE_SIZE = 100;

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * Published content is public: any site may read it from a browser. No
 * credentials are ever honoured here (the API sees no session cookie).
 */
const CORS = { "access-control-allow-origin": "*" } as const;

const listQuery = z
	.object({
		page: z.coerce.number().int().min(1).max(1_000_000).default(1),
		limit: z.coerce.number().int().min(1).max(API_MAX_PAGE_SIZE).default(API_PAGE_SIZE),
		section: z.string().min(1).max(500).optional(),
		author: z.string().min(1).max(200).optional(),
		tag: z.string().min(1).max(200).optional(),
	})
	.strict();

type ListQuery = z.infer<typeof listQuery>;

const searchQuery = z
	.object({
		q: z.string().max(MAX_QUERY_LENGTH),
		page: z.coerce.number().int().min(1).max(1_000_000).default(1),
	})
	.strict();

/** ERR_BAD_REQUEST naming the first parameter that was not accepted, and why. */
function badQuery(error: z.ZodError): AppError {
	const issue = error.issues[0];
	const field = issue?.path.join(".") || "query";
	return new AppError("ERR_BAD_REQUEST", `${field}: ${issue?.message ?? "not accepted"}.`);
}

/**
 * The read-only content API: published stories, sections, in JSON, for apps,
 * partners and newsletters. Public, cacheable like the reader's pages, and it
 * never sees a session: nothing here changes anything.
 */
export async function apiPlugin(app: FastifyInstance, options: ApiOptions): Promise<void> {
	const { services, config } = options;
	const context: ApiContext = { publicUrl: config.publicUrl, timeZone: config.timeZone };

	/**
	 * Sends a JSON document with a strong ETag (304 when the client's copy is
	 * current). An answer at its canonical address (`canonical`, or the path
	 * without a query string) is kept in the page cache, carrying `keys`, so the
	 * next request for it is answered before routing. Other spellings of the
	 * same query are answered but not kept, so they cannot crowd the cache.
	 */
	function sendJson(
		request: FastifyRequest,
		reply: FastifyReply,
		document: unknown,
		cache: { keys: readonly string[]; canonical?: string; keep?: boolean },
	) {
		const keys = [SITE_KEY, ...cache.keys];
		const canonical = cache.canonical ?? request.url.split("?")[0];
		const keep =
			options.cache && cache.keep !== false && request.method === "GET" && request.url === canonical
				? { cache: options.cache, keys }
				: undefined;
		reply.header("surrogate-key", keys.join(" "));
		return sendValidated(request, reply, {
			body: JSON.stringify(document),
			contentType: JSON_TYPE,
			cacheControl: config.cacheControl,
			lastModified: null,
			headers: CORS,
			keep,
		});
	}

	/** The stories a list covers: a section with its subsections, an author, a tag, or the whole site. */
	async function filterFor(query: ListQuery): Promise<PublishedFilter> {
		const filter: { sectionIds?: number[]; personId?: number; tagId?: number } = {};
		if (query.section !== undefined) {
			const section = await services.sections.getByPath(query.section.replace(/^\/+|\/+$/g, ""));
			if (!section) throw new AppError("ERR_SECTION_NOT_FOUND", `No section at "${query.section}".`);
			filter.sectionIds = await services.sections.withDescendants(section.id);
		}
		if (query.author !== undefined) {
			const person = await services.people.getBySlug(query.author);
			if (!person) throw new AppError("ERR_PERSON_NOT_FOUND", `No author "${query.author}".`);
			filter.personId = person.id;
		}
		if (query.tag !== undefined) {
			const tag = await services.tags.getBySlug(query.tag);
			if (!tag) throw new AppError("ERR_TAG_NOT_FOUND", `No tag "${query.tag}".`);
			filter.tagId = tag.id;
		}
		return filter;
	}

	/** The path of a page of a list, its parameters in one order and defaults left out. */
	function pagePath(query: ListQuery, page: number): string {
		const params = new URLSearchParams();
		if (query.section !== undefined) params.set("section", query.section);
		if (query.author !== undefined) params.set("author", query.author);
		if (query.tag !== undefined) params.set("tag", query.tag);
		if (query.limit !== API_PAGE_SIZE) params.set("limit", String(query.limit));
		if (page > 1) params.set("page", String(page));
		const search = params.toString();
		return `${API_PREFIX}/articles${search ? `?${search}` : ""}`;
	}

	app.get("/articles", async (request, reply) => {
		const parsed = listQuery.safeParse(request.query);
		if (!parsed.success) throw badQuery(parsed.error);
		const query = parsed.data;
		const filter = await filterFor(query);
		// One story past the page says whether another page follows, without counting the archive.
		const stories = await services.articles.publishedSlice(filter, {
			limit: query.limit + 1,
			offset: (query.page - 1) * query.limit,
		});
		if (stories.length === 0 && query.page > 1) throw new AppError("ERR_PAGE_OUT_OF_RANGE");
		const more = stories.length > query.limit;
		return sendJson(
			request,
			reply,
			{
				articles: stories.slice(0, query.limit).map((story) => articleSummaryJson(context, story)),
				meta: {
					page: query.page,
					limit: query.limit,
					next: more ? absoluteUrl(context, pagePath(query, query.page + 1)) : null,
					prev: query.page > 1 ? absoluteUrl(context, pagePath(query, query.page - 1)) : null,
				},
			},
			{ keys: [FEEDS_KEY], canonical: pagePath(query, query.page) },
		);
	});

	app.get<{ Params: { slug: string } }>("/articles/:slug", async (request, reply) => {
		const read = await services.articles.readPublished(request.params.slug);
		if (!read) throw new AppError("ERR_ARTICLE_NOT_FOUND");
		const { story } = read;
		const [image, translations] = await Promise.all([
			options.image(story),
			services.articles.translations(story.id, story.translationGroup),
		]);
		const document = {
			article: articleJson(context, story, { corrections: read.corrections, image, translations }),
		};
		// The document names its translations' headlines: an edit of one of them changes it too.
		return sendJson(request, reply, document, {
			keys: [articleKey(story.id), ...translations.map((version) => articleKey(version.id))],
		});
	});

	app.get("/search", async (request, reply) => {
		const parsed = searchQuery.safeParse(request.query);
		if (!parsed.success) throw badQuery(parsed.error);
		const { q, page } = parsed.data;
		// A client that hangs up before its search's turn comes (a flood makes searches wait) leaves the queue.
		const found = await services.search.search(q, page, hangUpSignal(reply));
		if (found.total > 0 && page > found.pages) throw new AppError("ERR_PAGE_OUT_OF_RANGE");
		const pathOf = (n: number) =>
			`${API_PREFIX}/search?${new URLSearchParams({ q: found.query.text, ...(n > 1 ? { page: String(n) } : {}) })}`;
		// Not kept in the page cache: the search service keeps result pages itself, for a minute.
		return sendJson(
			request,
			reply,
			{
				results: found.results.map((result) => ({
					...articleSummaryJson(context, result.story),
					snippet: result.snippet,
				})),
				meta: {
					query: found.query.text,
					page,
					total: found.total,
					more: found.more,
					next: page < found.pages ? absoluteUrl(context, pathOf(page + 1)) : null,
					prev: page > 1 && found.total > 0 ? absoluteUrl(context, pathOf(page - 1)) : null,
				},
			},
			{ keys: [], keep: false },
		);
	});

	// Sections purge every cached page when they change (SITE_KEY, which every answer carries).
	app.get("/sections", async (request, reply) =>
		sendJson(request, reply, { sections: sectionTreeJson(context, await services.sections.tree()) }, { keys: [] }),
	);

	// Where a client starts: the lists it can read, by absolute address.
	app.get("/", async (request, reply) =>
		sendJson(
			request,
			reply,
			{
				articles: absoluteUrl(context, `${API_PREFIX}/articles`),
				article: absoluteUrl(context, `${API_PREFIX}/articles/{slug}`),
				sections: absoluteUrl(context, `${API_PREFIX}/sections`),
				search: absoluteUrl(context, `${API_PREFIX}/search?q={words}`),
			},
			{ keys: [] },
		),
	);

	// Every other address under the prefix is the API's to answer, in JSON, ahead of the reader's pages.
	app.all("/*", async () => {
		throw new AppError("ERR_NOT_FOUND");
	});

	// A client gets JSON for every error too: the catalog's code, its message, and what was wrong.
	app.setErrorHandler(async (raw, request, reply) => {
		// The client has gone (a search dropped from the queue): there is no one to answer.
		if (clientGone(raw, reply)) return reply.code(499).send();
		const { error, status, code, detail } = machineError(raw);
		// A search refused in a flood, or a database out of reach: the client may try again shortly.
		if (status === 503) reply.header("retry-after", "5");
		if (status === 500) request.log.error({ err: error }, "API request failed");
		return reply
			.code(status)
			.headers(CORS)
			.header("content-type", JSON_TYPE)
			.header("cache-control", status >= 500 ? "no-store" : "public, max-age=30")
			.send({ error: { code, message: errorCatalog[code].message, ...(detail ? { detail } : {}) } });
	});
}
