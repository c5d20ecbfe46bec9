// Where the time of a story page rendered with the cache off goes, measured
// inside one process with no HTTP around it. Run 3 of bench/run.mjs serves the
// same page through HTTP; the difference between the two is what HTTP,
// Fastify's routing and the response writing cost.
//
// The phases are the ones the reader's story route runs, in its order:
//   read    ArticleService.readPublished: the story row, bylines, tags, notes
//           and Check Also (one statement on PostgreSQL, five on SQLite)
//   view    articleView: site settings, section chain, tag names in the
//           story's language, translations, the head and the page's VNode
//   render  preact-render-to-string of that VNode
//   bytes   the UTF-8 bytes of the page and their strong ETag
//
// One page at a time, in a loop: the phases' shares are what to read. Their
// sum is not a floor for a served request: it came out at 0.9–1.2 times run 3's
// time per request on SQLite (the garbage of earlier pages is collected inside
// later phases), and on PostgreSQL `read` is the wall time of a round trip to
// the database, which a loaded server overlaps with other requests' work.
import path from "node:path";
import { pathToFileURL } from "node:url";

const WARM_UP = 500;
const ITERATIONS = 3000;

/**
 * Measures the phases of the story page `slug` on the database `env` opens.
 * Returns microseconds per page for each phase and their sum.
 */
export async function measurePageCost({ root, env, slug }) {
	const dist = (file) => import(pathToFileURL(path.join(root, "dist", file)).href);
	const { openSite } = await dist("main.js");
	const { storyImage } = await dist("app.js");
	const { createServices } = await dist("services.js");
	const { PurgeBus } = await dist("cache/purge-bus.js");
	const { createReaderRenderer } = await dist("web/reader/reader-render.js");
	const { articleView } = await dist("web/reader/article-view.js");
	const { strongEtag } = await dist("cache/page-cache.js");
	const { systemClock } = await dist("clock.js");
	const { renderToString } = await import(
		pathToFileURL(path.join(root, "node_modules", "preact-render-to-string", "dist", "index.mjs")).href
	);

	const site = await openSite({ ...env, DATELINE_LOG_LEVEL: "silent" });
	try {
		// A purge bus, as the server has: settings and the section tree are remembered between pages.
		const purge = new PurgeBus();
		const services = createServices({
			db: site.db,
			adapter: site.adapter,
			clock: systemClock,
			config: site.config,
			purge,
		});
		const renderer = createReaderRenderer({ services, config: site.config, purge, clock: systemClock });
		const deps = { services, config: site.config, renderer };
		const image = storyImage(services);

		const spent = { read: 0, view: 0, render: 0, bytes: 0 };
		let bytes = 0;
		for (let i = 0; i < WARM_UP + ITERATIONS; i++) {
			const measured = i >= WARM_UP;
			const t0 = performance.now();
			const read = await services.articles.readPublished(slug);
			if (!read) throw new Error(`no published story "${slug}"`);
			const t1 = performance.now();
			const { page } = await articleView(deps, read.story, {
				corrections: read.corrections,
				image: await image(read.story),
				checkAlso: read.checkAlso ?? null,
			});
			const t2 = performance.now();
			const html = renderToString(page);
			const t3 = performance.now();
			const body = Buffer.from(`<!doctype html>${html}`);
			strongEtag(body);
			const t4 = performance.now();
			if (measured) {
				spent.read += t1 - t0;
				spent.view += t2 - t1;
				spent.render += t3 - t2;
				spent.bytes += t4 - t3;
				bytes = body.length;
			}
		}
		const perPage = (ms) => Math.round((ms * 1000 * 10) / ITERATIONS) / 10;
		const phases = Object.fromEntries(Object.entries(spent).map(([phase, ms]) => [phase, perPage(ms)]));
		const sum = Math.round(Object.values(phases).reduce((a, b) => a + b, 0) * 10) / 10;
		return { iterations: ITERATIONS, pageBytes: bytes, microsecondsPerPage: { ...phases, sum } };
	} finally {
		await site.db.destroy();
	}
}
