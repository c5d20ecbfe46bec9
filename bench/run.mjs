// Dateline's benchmark (issue 5). See bench/README.md.
//
//   npm run bench          100,000 stories, 10 s per run
//   npm run bench:quick    5,000 stories, 5 s per run
//
// It seeds a synthetic archive, starts the app in child processes (cache on,
// cache off) and a bare node:http server sending the same bytes, loads each
// with autocannon on 127.0.0.1, prints a table and the targets, and writes
// JSON to bench/results/. A missed target is reported, not an exit code.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { measurePageCost } from "./page-cost.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quick = process.argv.includes("--quick");

function fail(message) {
	process.stderr.write(`bench: ${message}\n`);
	process.exit(1);
}

function wholeNumber(name, fallback, min) {
	const raw = process.env[name];
	if (raw === undefined || raw === "") return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min)
		fail(`${name}=${JSON.stringify(raw)} is not valid: expected a whole number of at least ${min}.`);
	return value;
}

const config = {
	kind: process.env.BENCH_KIND || (quick ? "quick" : "full"),
	articles: wholeNumber("BENCH_ARTICLES", quick ? 5000 : 100_000, 1),
	seed: wholeNumber("BENCH_SEED", 1, 0),
	durationSeconds: wholeNumber("BENCH_DURATION", quick ? 5 : 10, 1),
	warmupSeconds: wholeNumber("BENCH_WARMUP", quick ? 2 : 3, 0),
	connections: wholeNumber("BENCH_CONNECTIONS", 50, 1),
	pipelining: wholeNumber("BENCH_PIPELINING", 1, 1),
};
if (!/^[a-z0-9-]+$/.test(config.kind))
	fail(`BENCH_KIND=${JSON.stringify(config.kind)} is not valid: expected letters, digits and hyphens.`);

const TARGETS = {
	cachedRatio: 0.8,
	uncachedRatio: 0.25,
	rssMegabytes: 250,
	searchP99Ms: 50,
	pageWeightBytes: 14 * 1024,
	/** RSS and search targets are defined for an archive of this size. */
	atArticles: 100_000,
};

// --- The compiled app: `npm run bench` builds it first.
const distEntry = path.join(root, "dist", "demo", "seed-synthetic.js");
if (!fs.existsSync(distEntry)) fail("the compiled code is missing; run `npm run build` first.");
const dist = (file) => import(pathToFileURL(path.join(root, "dist", file)).href);
const { openSite } = await dist("main.js");
const { seedSynthetic, SYNTHETIC_SETTINGS_KEY } = await dist("demo/seed-synthetic.js");
const { systemClock } = await dist("clock.js");

// --- Small helpers.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** A plain GET without Accept-Encoding, as autocannon sends it: the bytes come back as served. */
function get(url) {
	return new Promise((resolve, reject) => {
		const request = http.get(url, { headers: { "user-agent": "dateline-bench" } }, (response) => {
			const chunks = [];
			response.on("data", (chunk) => chunks.push(chunk));
			response.on("end", () =>
				resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
			);
			response.on("error", reject);
		});
		request.on("error", reject);
		request.setTimeout(30_000, () => request.destroy(new Error(`GET ${url} timed out`)));
	});
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MB. */
function memoryOf(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
		const field = (name) => {
			const match = status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, "m"));
			return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : null;
		};
		return { peakRssMB: field("VmHWM"), rssMB: field("VmRSS") };
	} catch {
		return { peakRssMB: null, rssMB: null };
	}
}

function git(args) {
	try {
		return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
	} catch {
		return null;
	}
}

function machine() {
	const cpus = os.cpus();
	return {
		cpuModel: cpus[0]?.model ?? "unknown",
		cpus: cpus.length,
		availableParallelism: os.availableParallelism(),
		totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024),
		node: process.version,
		kernel: `${os.type()} ${os.release()}`,
		platform: `${os.platform()} ${os.arch()}`,
	};
}

/** A progress bar on stderr for the seeding phases. */
function progressBar(label) {
	const started = performance.now();
	let lastPhase = "";
	let lastDraw = 0;
	const tty = process.stderr.isTTY;
	return (done, total, phase) => {
		const now = performance.now();
		const changed = phase !== lastPhase;
		if (!changed && done < total && now - lastDraw < 250) return;
		lastDraw = now;
		const width = 30;
		const filled = total > 0 ? Math.min(width, Math.round((width * done) / total)) : width;
		const line = `  ${label}: ${phase.padEnd(8)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}  ${((now - started) / 1000).toFixed(1)} s`;
		if (tty) process.stderr.write(`${changed && lastPhase ? "\n" : "\r"}${line}`);
		else if (changed || done === total) process.stderr.write(`${line}\n`);
		lastPhase = phase;
	};
}

// --- The archive.

/**
 * Opens the database the way the app does and seeds it, or reuses an archive
 * of the same size seeded before (BENCH_DATA_DIR). Returns undefined when this
 * build cannot open the requested database.
 */
async function prepareArchive(target) {
	let site;
	try {
		site = await openSite({ ...target.env, DATELINE_LOG_LEVEL: "silent" });
	} catch (error) {
		return { skipped: `could not open the database: ${error instanceof Error ? error.message : String(error)}` };
	}
	try {
		if (site.adapter.name !== target.dialect) {
			return {
				skipped: `this build of Dateline opened ${site.adapter.name}, not ${target.dialect} (DATABASE_URL not supported yet)`,
			};
		}
		const countRow = await site.db
			.selectFrom("articles")
			.select((eb) => eb.fn.countAll().as("n"))
			.executeTakeFirstOrThrow();
		const count = Number(countRow.n);
		const record = await site.db
			.selectFrom("settings")
			.select("value")
			.where("key", "=", SYNTHETIC_SETTINGS_KEY)
			.executeTakeFirst();
		if (record) {
			const info = JSON.parse(record.value);
			if (info.articles === config.articles && count === config.articles) {
				process.stdout.write(
					`  ${target.dialect}: reusing the synthetic archive of ${count.toLocaleString("en-US")} stories\n`,
				);
				return { reused: true, seconds: null, seedPeakRssMB: null, ...info };
			}
			fail(
				`${target.where} holds a synthetic archive of ${info.articles} stories, not ${config.articles}; empty it or use another one.`,
			);
		}
		if (count > 0)
			fail(`${target.where} already has ${count} stories that are not a synthetic archive; use an empty database.`);
		const started = performance.now();
		const result = await seedSynthetic(
			{ db: site.db, adapter: site.adapter, clock: systemClock },
			{ articles: config.articles, seed: config.seed, onProgress: progressBar(`seeding ${target.dialect}`) },
		);
		const seconds = Math.round((performance.now() - started) / 100) / 10;
		process.stderr.write("\n");
		const seedPeakRssMB = memoryOf(process.pid).peakRssMB;
		process.stdout.write(
			`  ${target.dialect}: seeded ${result.articles.toLocaleString("en-US")} stories in ${seconds} s (this process peaked at ${seedPeakRssMB} MB RSS)\n`,
		);
		return { reused: false, seconds, seedPeakRssMB, seed: config.seed, ...result };
	} finally {
		await site.db.destroy();
	}
}

// --- Servers.

/** The environment for children: ours, without anything that would pick another database, port or cache mode. */
function childEnvironment(extra) {
	const env = { ...process.env };
	for (const name of [
		"DATABASE_URL",
		"DATELINE_DATA_DIR",
		"PORT",
		"DATELINE_HOST",
		"DATELINE_PAGE_CACHE",
		"DATELINE_PUBLIC_URL",
	]) {
		delete env[name];
	}
	return { ...env, ...extra };
}

function startChild(label, args, env, ready) {
	const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
	let output = "";
	const keep = (chunk) => {
		output = (output + chunk.toString()).slice(-4000);
	};
	child.stdout.on("data", keep);
	child.stderr.on("data", keep);
	const server = { label, child, output: () => output };
	return ready(server).then(
		() => server,
		async (error) => {
			await stopChild(server);
			throw new Error(`${label} did not start: ${error.message}\n${output}`);
		},
	);
}

async function startApp(label, target, extraEnv) {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const env = childEnvironment({
		...target.env,
		PORT: String(port),
		DATELINE_HOST: "127.0.0.1",
		DATELINE_PUBLIC_URL: base,
		DATELINE_LOG_LEVEL: "warn",
		...extraEnv,
	});
	const server = await startChild(
		label,
		[path.join(root, "bin", "dateline.js"), "serve", "--no-demo"],
		env,
		async (s) => {
			const deadline = Date.now() + 120_000;
			while (Date.now() < deadline) {
				if (s.child.exitCode !== null) throw new Error(`exited with code ${s.child.exitCode}`);
				try {
					const response = await get(`${base}/`);
					if (response.status === 200) return;
				} catch {
					// not listening yet
				}
				await sleep(200);
			}
			throw new Error("no answer within 120 s");
		},
	);
	return { ...server, base };
}

async function startBare(bodyFile, contentType) {
	const port = await freePort();
	const server = await startChild(
		"bare node:http",
		[path.join(root, "bench", "bare-server.mjs"), bodyFile, contentType, String(port)],
		childEnvironment({}),
		(s) =>
			new Promise((resolve, reject) => {
				s.child.stdout.on("data", (chunk) => {
					if (chunk.toString().includes("ready")) resolve();
				});
				s.child.once("exit", (code) => reject(new Error(`exited with code ${code}`)));
			}),
	);
	return { ...server, base: `http://127.0.0.1:${port}` };
}

async function stopChild(server) {
	const { child } = server;
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once("exit", resolve));
	child.kill("SIGTERM");
	const timeout = sleep(5000).then(() => "timeout");
	if ((await Promise.race([exited, timeout])) === "timeout") {
		child.kill("SIGKILL");
		await exited;
	}
}

// --- Load.

/** autocannon's requests that take each of `paths` in turn (same host). */
function cycling(paths) {
	let next = 0;
	return [
		{
			setupRequest: (request) => {
				next = (next + 1) % paths.length;
				return { ...request, path: paths[next] };
			},
		},
	];
}

/** What a run reports of autocannon's result. */
function summary(result) {
	return {
		requestsPerSecond: Math.round(result.requests.average),
		latencyP50Ms: result.latency.p50,
		latencyP99Ms: result.latency.p99,
		latencyMeanMs: result.latency.mean,
		requests: result.requests.total,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		bytesPerSecond: Math.round(result.throughput.average),
	};
}

/** Loads `url`; with `paths`, each request takes the next of them in turn (same host). */
async function load(number, label, url, paths, connections = config.connections) {
	process.stdout.write(`  ${number}. ${label.padEnd(26)} `);
	const options = { url, connections, pipelining: config.pipelining };
	if (paths) options.requests = cycling(paths);
	if (config.warmupSeconds > 0) await autocannon({ ...options, duration: config.warmupSeconds });
	const result = await autocannon({ ...options, duration: config.durationSeconds });
	const run = { number, label, url, ...summary(result) };
	const problems =
		run.non2xx + run.errors + run.timeouts > 0
			? `  (${run.non2xx} non-2xx, ${run.errors} errors, ${run.timeouts} timeouts)`
			: "";
	process.stdout.write(`${run.requestsPerSecond.toLocaleString("en-US").padStart(8)} req/s${problems}\n`);
	return run;
}

/** Run 9: readers and searchers at once, as a breaking story brings them. */
const READERS_BESIDE_FLOOD = 10;
const SEARCHERS_IN_FLOOD = 40;

/**
 * Loads `url` with a few readers while many searchers send distinct searches
 * (`floodPaths` on `floodBase`) to the same server, from before the warm-up to
 * after the measured run. Returns the readers' run, with the searches' as `beside`.
 */
async function loadBesideFlood(number, label, url, floodBase, floodPaths) {
	const flood = autocannon({
		url: floodBase,
		connections: SEARCHERS_IN_FLOOD,
		pipelining: config.pipelining,
		duration: config.warmupSeconds + config.durationSeconds + 1,
		requests: cycling(floodPaths),
	});
	await sleep(500);
	const run = await load(number, label, url, undefined, READERS_BESIDE_FLOOD);
	run.beside = { label: `distinct searches, ${SEARCHERS_IN_FLOOD} connections`, ...summary(await flood) };
	return run;
}

const CACHE_HEADERS = ["cache-control", "etag", "surrogate-key", "x-cache", "age", "content-encoding", "vary"];

function cacheHeaders(headers) {
	return Object.fromEntries(
		CACHE_HEADERS.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]]),
	);
}

/** Runs the workloads against one database; returns the section of the report. */
async function benchmark(target, archive, scratch) {
	const servers = [];
	try {
		process.stdout.write(`  starting the servers (${target.dialect})…\n`);
		const cached = await startApp("app, cache on", target, {});
		servers.push(cached);
		const uncached = await startApp("app, cache off", target, { DATELINE_PAGE_CACHE: "off" });
		servers.push(uncached);

		// One article, from the home page, for runs 1–3.
		const home = await get(`${cached.base}/`);
		const link = home.body.toString("utf8").match(/href="(\/\d{4}\/\d{2}\/\d{2}\/[^"/]+\/)"/)?.[1];
		if (!link) throw new Error("the home page links to no article");
		await get(`${cached.base}${link}`);
		const article = await get(`${cached.base}${link}`);
		if (article.status !== 200) throw new Error(`${link} answered ${article.status}`);
		const uncachedArticle = await get(`${uncached.base}${link}`);
		const contentType = String(article.headers["content-type"] ?? "text/html; charset=utf-8");
		const bodyFile = path.join(scratch, `article-${target.dialect}.html`);
		fs.writeFileSync(bodyFile, article.body);
		const bare = await startBare(bodyFile, contentType);
		servers.push(bare);

		// Page weight: the article's HTML and its stylesheet, gzipped at level 9 (as test/budgets does).
		const stylesheet =
			article.body.toString("utf8").match(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/)?.[1] ??
			article.body.toString("utf8").match(/<link[^>]+href="([^"]+)"[^>]*rel="stylesheet"/)?.[1];
		const css = stylesheet ? await get(new URL(stylesheet, cached.base).href) : undefined;
		const pageWeight = {
			htmlBytes: article.body.length,
			htmlGzipBytes: gzipSync(article.body, { level: 9 }).length,
			cssGzipBytes: css?.status === 200 ? gzipSync(css.body, { level: 9 }).length : 0,
		};
		pageWeight.totalGzipBytes = pageWeight.htmlGzipBytes + pageWeight.cssGzipBytes;

		const searchWord = archive.searchWord || "water";
		process.stdout.write(
			`  article ${link} (${article.body.length.toLocaleString("en-US")} bytes); search "${searchWord}"\n`,
		);
		const feed = await get(`${cached.base}/feed/`);
		const searchesNotKept = freshSearches(`${article.body.toString("utf8")} ${feed.body.toString("utf8")}`);
		const runs = [
			await load(1, "bare node:http, same bytes", `${bare.base}/`),
			await load(2, "article, cache on", `${cached.base}${link}`),
			await load(3, "article, cache off", `${uncached.base}${link}`),
			await load(4, "home page", `${cached.base}/`),
			await load(5, "search", `${cached.base}/search?q=${encodeURIComponent(searchWord)}`),
			await load(6, "RSS feed", `${cached.base}/feed/`),
			await load(7, "search, never repeated", `${cached.base}/`, searchesNotKept),
			await load(8, "articles, cache off, each new", `${uncached.base}/`, await archivePaths(uncached.base)),
			await loadBesideFlood(
				9,
				"article, cache on, in a search flood",
				`${cached.base}${link}`,
				`${cached.base}/`,
				searchesNotKept,
			),
			await load(10, "API story list, cache on", `${cached.base}/api/v1/articles`),
			await load(11, "API story list, cache off", `${uncached.base}/api/v1/articles`),
		];
		const memory = Object.fromEntries(servers.map((server) => [server.label, memoryOf(server.child.pid)]));
		const ceiling = runs[0].requestsPerSecond;
		const ratios = {
			cachedToBare: ceiling > 0 ? runs[1].requestsPerSecond / ceiling : 0,
			uncachedToBare: ceiling > 0 ? runs[2].requestsPerSecond / ceiling : 0,
		};
		// The story page's own work, measured here with the servers idle, against what a request may cost.
		process.stdout.write("  measuring the uncached story page's own work, without HTTP…\n");
		const slug = link.split("/")[4];
		const pageCost = {
			...(await measurePageCost({ root, env: target.env, slug })),
			servedMicroseconds: microsecondsPer(runs[2].requestsPerSecond),
			budgetMicroseconds: microsecondsPer(TARGETS.uncachedRatio * ceiling),
		};
		const onHeaders = cacheHeaders(article.headers);
		const offHeaders = cacheHeaders(uncachedArticle.headers);
		const cacheDetected =
			["etag", "surrogate-key", "x-cache", "age"].some((name) => name in onHeaders) ||
			runs[1].requestsPerSecond > 1.5 * runs[2].requestsPerSecond;
		const appPeak = Math.max(memory["app, cache on"].peakRssMB ?? 0, memory["app, cache off"].peakRssMB ?? 0);
		const atScale = config.articles >= TARGETS.atArticles;
		const targets = [
			{
				target: `article cached / bare >= ${TARGETS.cachedRatio}`,
				value: round(ratios.cachedToBare, 3),
				pass: ratios.cachedToBare >= TARGETS.cachedRatio,
			},
			{
				target: `article uncached / bare >= ${TARGETS.uncachedRatio}`,
				value: round(ratios.uncachedToBare, 3),
				pass: ratios.uncachedToBare >= TARGETS.uncachedRatio,
			},
			{
				target: `app peak RSS < ${TARGETS.rssMegabytes} MB`,
				value: appPeak,
				pass: appPeak > 0 && appPeak < TARGETS.rssMegabytes,
				note: atScale ? undefined : `defined at ${TARGETS.atArticles.toLocaleString("en-US")} stories`,
			},
			{
				target: `search p99 < ${TARGETS.searchP99Ms} ms`,
				value: runs[4].latencyP99Ms,
				pass: runs[4].latencyP99Ms < TARGETS.searchP99Ms,
				note: atScale ? undefined : `defined at ${TARGETS.atArticles.toLocaleString("en-US")} stories`,
			},
			{
				target: `search p99 < ${TARGETS.searchP99Ms} ms, no search repeated`,
				value: runs[6].latencyP99Ms,
				// A refused search is answered fast; it must not pass for a fast one.
				pass: runs[6].latencyP99Ms < TARGETS.searchP99Ms && runs[6].non2xx + runs[6].errors + runs[6].timeouts === 0,
				note: "run 7: every search misses the kept result pages; any refused or failed one fails it",
			},
			{
				target: `article HTML+CSS <= ${TARGETS.pageWeightBytes} B gzip`,
				value: pageWeight.totalGzipBytes,
				pass: pageWeight.totalGzipBytes <= TARGETS.pageWeightBytes,
			},
		];
		return {
			database: target.dialect,
			archive,
			article: link,
			searchWord,
			pageCache: { detected: cacheDetected, cacheOnHeaders: onHeaders, cacheOffHeaders: offHeaders },
			pageWeight,
			runs,
			ratios: { cachedToBare: round(ratios.cachedToBare, 3), uncachedToBare: round(ratios.uncachedToBare, 3) },
			pageCost,
			memory,
			targets,
		};
	} finally {
		for (const server of servers.reverse()) await stopChild(server);
	}
}

/** Stories run 8 cycles through: spread over the whole archive, far more than a page cache of them would hold. */
const ARCHIVE_SAMPLE = 5000;

/**
 * Paths of stories across the whole archive, from every article sitemap: what a
 * crawler or readers of old links ask for, where no cache has the page yet.
 */
async function archivePaths(base) {
	const index = await get(`${base}/sitemap.xml`);
	const sitemaps = [...index.body.toString("utf8").matchAll(/<loc>[^<]*?(\/sitemaps\/articles-\d+\.xml)<\/loc>/g)];
	const paths = [];
	for (const [, sitemap] of sitemaps) {
		const file = await get(`${base}${sitemap}`);
		for (const match of file.body.toString("utf8").matchAll(/<loc>[^<]*?(\/\d{4}\/\d{2}\/\d{2}\/[^<]+\/)<\/loc>/g))
			paths.push(match[1]);
	}
	if (paths.length === 0) throw new Error("the article sitemaps list no stories");
	const step = Math.max(1, Math.floor(paths.length / ARCHIVE_SAMPLE));
	return paths.filter((_, index) => index % step === 0).slice(0, ARCHIVE_SAMPLE);
}

/** Kept search pages this many: run 7 cycles through more distinct searches than that. */
const KEPT_SEARCH_PAGES = 256;

/**
 * Searches for run 7: the words of the article and the feed, more than the
 * app keeps, cycled in order so none is still kept when it comes round again
 * (the oldest-used page goes first). Every one finds at least its own story.
 */
function freshSearches(markup) {
	const text = markup.replace(/<[^>]+>/g, " ");
	const words = [...new Set(text.toLowerCase().match(/\p{L}{5,}/gu) ?? [])];
	const paths = words.map((word) => `/search?q=${encodeURIComponent(word)}`);
	if (paths.length <= KEPT_SEARCH_PAGES)
		throw new Error(
			`only ${paths.length} distinct searches from the article; run 7 needs more than ${KEPT_SEARCH_PAGES}`,
		);
	return paths;
}

/** The time one request may take on one core at `requestsPerSecond`, in microseconds. */
function microsecondsPer(requestsPerSecond) {
	return requestsPerSecond > 0 ? Math.round(1e6 / requestsPerSecond) : null;
}

function round(value, digits) {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

// --- Report.

function table(rows) {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
	return rows
		.map((row) =>
			row
				.map((cell, column) =>
					column <= 1 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]),
				)
				.join("  "),
		)
		.join("\n");
}

function printSection(section) {
	const memoryFor = (number) =>
		number === 1
			? section.memory["bare node:http"]
			: number === 3
				? section.memory["app, cache off"]
				: section.memory["app, cache on"];
	const rows = [["#", "run", "req/s", "p50 ms", "p99 ms", "failed", "server peak RSS MB"]];
	for (const run of section.runs) {
		rows.push([
			run.number,
			run.label,
			run.requestsPerSecond.toLocaleString("en-US"),
			run.latencyP50Ms,
			run.latencyP99Ms,
			run.non2xx + run.errors + run.timeouts,
			memoryFor(run.number).peakRssMB ?? "?",
		]);
	}
	const out = [];
	out.push("");
	out.push(
		`${section.database}: ${section.archive.articles.toLocaleString("en-US")} stories, article ${section.article}`,
	);
	out.push(table(rows));
	out.push("");
	const besideFlood = section.runs.find((run) => run.beside);
	if (besideFlood) {
		const flood = besideFlood.beside;
		out.push(
			`run 9: ${READERS_BESIDE_FLOOD} readers of the cached article at ${besideFlood.requestsPerSecond.toLocaleString("en-US")} req/s (p99 ${besideFlood.latencyP99Ms} ms) beside ${flood.label} at ${flood.requestsPerSecond.toLocaleString("en-US")} req/s (p99 ${flood.latencyP99Ms} ms, ${flood.non2xx} refused or failed)`,
		);
	}
	out.push(`ratio 2/1 (cached / bare):   ${section.ratios.cachedToBare.toFixed(3)}`);
	out.push(`ratio 3/1 (uncached / bare): ${section.ratios.uncachedToBare.toFixed(3)}`);
	out.push(
		section.pageCache.detected
			? `page cache: detected (cache-on headers: ${JSON.stringify(section.pageCache.cacheOnHeaders)})`
			: "page cache: not detected — runs 2 and 3 measure the same uncached code path (no page cache in this build)",
	);
	const cost = section.pageCost;
	const phases = cost.microsecondsPerPage;
	out.push(
		`uncached story page, µs per request: served ${cost.servedMicroseconds} (run 3); ratio ${TARGETS.uncachedRatio} allows ${cost.budgetMicroseconds}`,
	);
	out.push(
		`  its own work, no HTTP: read ${phases.read} + view ${phases.view} + render ${phases.render} + bytes/ETag ${phases.bytes} = ${phases.sum}`,
	);
	out.push(
		`page weight: ${section.pageWeight.htmlGzipBytes} B HTML + ${section.pageWeight.cssGzipBytes} B CSS gzip = ${section.pageWeight.totalGzipBytes} B`,
	);
	out.push("");
	out.push("targets:");
	for (const target of section.targets) {
		out.push(
			`  ${target.pass ? "PASS" : "FAIL"}  ${target.target.padEnd(36)} ${String(target.value).padStart(8)}${target.note ? `  (${target.note})` : ""}`,
		);
	}
	process.stdout.write(`${out.join("\n")}\n`);
}

// --- Main.

const startedAt = new Date();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-"));
const dataDir = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : path.join(scratch, "sqlite");
const tool = `autocannon ${JSON.parse(fs.readFileSync(path.join(root, "node_modules", "autocannon", "package.json"), "utf8")).version}`;
process.stdout.write(
	`Dateline benchmark (${config.kind}): ${config.articles.toLocaleString("en-US")} stories, ${tool}, ${config.connections} connections, ${config.warmupSeconds} s warm-up + ${config.durationSeconds} s per run, 127.0.0.1\n`,
);

const targets = [{ dialect: "sqlite", where: dataDir, env: { DATELINE_DATA_DIR: dataDir } }];
if (process.env.DATABASE_URL) {
	targets.push({
		dialect: "postgres",
		where: "DATABASE_URL",
		env: { DATELINE_DATA_DIR: path.join(scratch, "postgres-data"), DATABASE_URL: process.env.DATABASE_URL },
	});
} else {
	process.stdout.write("PostgreSQL: skipped (set DATABASE_URL to run it too)\n");
}

const sections = [];
const skipped = [];
try {
	for (const target of targets) {
		process.stdout.write(`\n${target.dialect}:\n`);
		const archive = await prepareArchive(target);
		if (archive.skipped) {
			process.stdout.write(`  skipped: ${archive.skipped}\n`);
			skipped.push({ database: target.dialect, reason: archive.skipped });
			continue;
		}
		const section = await benchmark(target, archive, scratch);
		sections.push(section);
		printSection(section);
	}
} finally {
	if (!process.env.BENCH_DATA_DIR && !process.env.BENCH_KEEP) fs.rmSync(scratch, { recursive: true, force: true });
	else process.stdout.write(`\nData kept in ${process.env.BENCH_DATA_DIR ? dataDir : scratch}\n`);
}

const commit = git(["rev-parse", "HEAD"]);
const report = {
	date: startedAt.toISOString(),
	kind: config.kind,
	git: { commit, dirty: commit ? git(["status", "--porcelain", "--untracked-files=no"]) !== "" : null },
	machine: machine(),
	tool,
	config,
	targets: TARGETS,
	results: sections,
	skipped,
};
const resultsDir = path.join(root, "bench", "results");
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${startedAt.toISOString().slice(0, 10)}-${config.kind}.json`);
fs.writeFileSync(file, `${JSON.stringify(report, null, "\t")}\n`);
process.stdout.write(`\nResults written to ${path.relative(root, file)}\n`);
