import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { PageCache } from "./cache/page-cache.js";
import { PurgeBus } from "./cache/purge-bus.js";
import { cachingHandler } from "./cache/serve-cached.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Article } from "./content/articles/article.js";
import type { Db } from "./db/database.js";
import type { DialectAdapter } from "./db/dialects/dialect.js";
import { createNewsroomServices } from "./newsroom/newsroom-services.js";
import { createServices, type Services } from "./services.js";
import { API_PREFIX, apiPlugin } from "./web/api/api-plugin.js";
import { feedsPlugin } from "./web/feeds/feeds-plugin.js";
import { mediaPlugin } from "./web/media/media-plugin.js";
import { frontPageRoutes } from "./web/newsroom/front-page-routes.js";
import { mediaRoutes } from "./web/newsroom/media-routes.js";
import { newsroomPlugin } from "./web/newsroom/newsroom-plugin.js";
import { siteRoutes } from "./web/newsroom/site-routes.js";
import { storyRoutes } from "./web/newsroom/story-routes.js";
import { readerPlugin } from "./web/reader/reader-plugin.js";
import { createReaderRenderer } from "./web/reader/reader-render.js";
import type { ArticlePageModel } from "./web/reader/views/view-models.js";

export interface AppDeps {
	db: Db;
	adapter: DialectAdapter;
	config: Config;
	clock: Clock;
	/** scrypt cost for new passwords; tests lower it to stay fast. */
	passwordCost?: number;
	/** Carries purges between services and page caches; pass one to share it with work outside the app (the scheduler). */
	purge?: PurgeBus;
}

/** The app with the parts its caller may need: the page cache (for inspection) and the purge bus. */
export interface BuiltApp {
	app: FastifyInstance;
	cache: PageCache | undefined;
	purge: PurgeBus;
}

/** Builds the HTTP application around its dependencies. It does not listen: the caller decides. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
	return (await buildSite(deps)).app;
}

/** The featured image a story page shows, or null. */
export function storyImage(services: Pick<Services, "media">) {
	return async (story: Pick<Article, "featuredMediaId">): Promise<ArticlePageModel["image"]> =>
		story.featuredMediaId === null ? null : ((await services.media.imageFor(story.featuredMediaId)) ?? null);
}

/** A URL as logs may keep it: the token of a password link replaced by "…". */
export function redactSecrets(url: string): string {
	return url.replace(/^(\/admin\/password\/)[^/?#]+/, "$1…");
}

/**
 * Builds the app with its page cache. A cache hit is answered before Fastify
 * routes the request: the stored bytes and headers go straight out.
 */
export async function buildSite(deps: AppDeps): Promise<BuiltApp> {
	const purge = deps.purge ?? new PurgeBus();
	const cache = deps.config.pageCacheBytes > 0 ? new PageCache(deps.config.pageCacheBytes) : undefined;
	if (cache) purge.subscribe((keys) => cache.purge(keys));
	const services = createServices({
		db: deps.db,
		adapter: deps.adapter,
		clock: deps.clock,
		config: deps.config,
		purge,
	});
	const renderer = createReaderRenderer({ services, config: deps.config, cache, purge, clock: deps.clock });
	const cacheControl = deps.config.cacheControl;
	const app = Fastify({
		...(cache
			? {
					serverFactory: (handler: (request: IncomingMessage, response: ServerResponse) => void) =>
						createServer(cachingHandler({ cache, cacheControl, handler })),
				}
			: {}),
		logger:
			deps.config.logLevel === "silent"
				? false
				: {
						level: deps.config.logLevel,
						serializers: {
							// The request line as usual, without the secret of a one-time password link.
							req: (request: FastifyRequest) => ({
								method: request.method,
								url: redactSecrets(request.url),
								remoteAddress: request.ip,
							}),
						},
					},
		trustProxy: true,
		routerOptions: { maxParamLength: 500 },
		// A request Fastify cannot parse (a path with broken percent-encoding, say) gets the reader's 400 page.
		frameworkErrors: (_error, _request, reply) => {
			void renderer.messagePage(reply, 400);
		},
	});
	await app.register(feedsPlugin, { services, config: deps.config, cache });
	await app.register(apiPlugin, {
		prefix: API_PREFIX,
		services,
		config: deps.config,
		cache,
		image: storyImage(services),
	});
	const newsroom = createNewsroomServices({
		db: deps.db,
		adapter: deps.adapter,
		clock: deps.clock,
		articles: services.articles,
		timeZone: deps.config.timeZone,
		...(deps.passwordCost ? { passwordCost: deps.passwordCost } : {}),
	});
	await app.register(mediaPlugin, { media: services.media });
	await app.register(newsroomPlugin, {
		newsroom,
		config: deps.config,
		clock: deps.clock,
		routes: [
			storyRoutes({
				stories: newsroom.stories,
				services,
				media: services.media,
				audit: newsroom.audit,
				renderer,
				config: deps.config,
				clock: deps.clock,
			}),
			mediaRoutes({ media: services.media, maxUploadBytes: deps.config.maxUploadBytes }),
			siteRoutes({ services, newsroom }),
			frontPageRoutes({ frontPage: services.frontPage, services, config: deps.config }),
		],
	});
	await app.register(readerPlugin, {
		services,
		config: deps.config,
		renderer,
		extras: { image: storyImage(services) },
	});
	return { app, cache, purge };
}
