import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { load } from "cheerio";
import sharp from "sharp";
import sirv from "sirv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
	type Manifest,
	readManifest,
	sha256Hex,
	verifyMirror,
} from "../../src/portability/static-mirror/mirror-manifest.js";
import { exportStaticMirror, type StaticExportResult } from "../../src/portability/static-mirror/static-export.js";
import { root, runCli } from "../support/cli-runner.js";
import { createTestSite, TEST_NOW, type TestSite } from "../support/test-site.js";

const temporary: string[] = [];

function tempDir(prefix: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	temporary.push(dir);
	return dir;
}

/** Every file under `dir` except the manifest, relative with "/" separators. */
function filesUnder(dir: string): string[] {
	return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
		.filter((file) => file !== "manifest.json")
		.sort();
}

function byPath(manifest: Manifest | undefined): Map<string, string> {
	return new Map((manifest?.files ?? []).map((entry) => [entry.path, entry.sha256]));
}

/** Serves `dir` as a plain static server would: sirv, no rewrites, no index rules beyond index.html. */
async function serveStatic(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
	const server = http.createServer(sirv(dir, { dev: true }));
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

const decode = (text: string) =>
	text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

/**
 * The links a reader, a feed reader or a search engine would follow in a
 * body, read here with cheerio and plain patterns, not with the exporter's
 * own reader.
 */
function linksOf(body: string, contentType: string): string[] {
	if (contentType.startsWith("text/html")) {
		const $ = load(body);
		const links: string[] = [];
		$("[href]").each((_, element) => void links.push($(element).attr("href") ?? ""));
		$("[src]").each((_, element) => void links.push($(element).attr("src") ?? ""));
		$("[srcset]").each((_, element) => {
			for (const candidate of ($(element).attr("srcset") ?? "").split(","))
				links.push(candidate.trim().split(/\s+/)[0] ?? "");
		});
		$("meta[content^='http']").each((_, element) => void links.push($(element).attr("content") ?? ""));
		return links;
	}
	if (contentType.includes("xml")) {
		const texts = [...body.matchAll(/<(loc|link|uri)>([^<]+)<\/\1>/g)].map((match) => decode(match[2] ?? ""));
		const attributes = [...body.matchAll(/\s(?:href|url)="([^"]+)"/g)].map((match) => decode(match[1] ?? ""));
		return [...texts, ...attributes];
	}
	if (contentType.includes("json")) {
		const feed = JSON.parse(body) as {
			home_page_url?: string;
			feed_url?: string;
			items?: { url?: string; image?: string }[];
		};
		return [feed.home_page_url, feed.feed_url, ...(feed.items ?? []).flatMap((item) => [item.url, item.image])].filter(
			(link): link is string => typeof link === "string",
		);
	}
	if (contentType.startsWith("text/plain"))
		return [...body.matchAll(/^Sitemap: (\S+)$/gm)].map((match) => match[1] ?? "");
	return [];
}

/**
 * Crawls a served mirror from the home page, the sitemaps, robots.txt and the
 * feeds, following every internal link (absolute links that start with
 * `siteUrl` are read from the local server). Returns the links that did not
 * answer 200, and every address seen.
 */
async function crawlServed(origin: string, siteUrl: string): Promise<{ broken: string[]; seen: Set<string> }> {
	const queue = ["/", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/feed/", "/feed/atom/", "/feed.json"];
	const seen = new Set(queue);
	const broken: string[] = [];
	while (queue.length > 0) {
		const address = queue.shift() ?? "/";
		const response = await fetch(`${origin}${address}`);
		if (response.status !== 200) {
			broken.push(`${response.status} ${address}`);
			continue;
		}
		const contentType = response.headers.get("content-type") ?? "";
		if (contentType.startsWith("image/") || contentType.startsWith("text/css")) continue;
		for (const link of linksOf(await response.text(), contentType)) {
			if (link === "" || link.startsWith("#") || link.startsWith("data:")) continue;
			const absolute = link.startsWith(siteUrl) ? `${origin}${link.slice(siteUrl.length)}` : link;
			const url = new URL(absolute, `${origin}${address}`);
			if (url.origin !== origin || url.search !== "") continue;
			if (!seen.has(url.pathname)) {
				seen.add(url.pathname);
				queue.push(url.pathname);
			}
		}
	}
	return { broken, seen };
}

let site: TestSite;
let photoStory: { id: number; path: string; input: Parameters<TestSite["services"]["articles"]["createDraft"]>[0] };

beforeAll(async () => {
	site = await createTestSite({ demo: true });
	const section = await site.services.sections.getByPath("news");
	const [person] = await site.services.people.listAll();
	if (!section || !person) throw new Error("the demo has no news section or no people");
	const image = await sharp({ create: { width: 1280, height: 720, channels: 3, background: "#336699" } })
		.jpeg()
		.toBuffer();
	const media = await site.services.media.upload({ bytes: image, originalName: "dam.jpg", userId: null, alt: "A dam" });
	const input = {
		headline: "Engineers inspect the Kajaki dam before the spring floods",
		standfirst: "A team checked the spillway gates and the turbines.",
		bodySource: "Engineers spent three days at the dam.\n\nThey said the gates were in good order.",
		datelinePlace: "Kajaki",
		sectionId: section.id,
		personIds: [person.id],
		tagNames: ["Water"],
		featuredMediaId: media.id,
	};
	const id = await site.services.articles.createDraft(input);
	await site.services.articles.publish(id, { at: TEST_NOW });
	photoStory = { id, path: "/2026/03/15/engineers-inspect-the-kajaki-dam-before-the-spring-floods/", input };
	expect((await site.app.inject(photoStory.path)).statusCode).toBe(200);
});

afterAll(async () => {
	await site?.close();
	for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("a static mirror of the demo site", () => {
	let dir: string;
	let first: StaticExportResult;
	let exportSeconds = 0;

	const exportTo = (target: string, options: { baseUrl?: string; fileLinks?: boolean } = {}) =>
		exportStaticMirror({ app: site.app, publicUrl: site.config.publicUrl, dir: target, clock: site.clock, ...options });

	beforeAll(async () => {
		dir = path.join(tempDir("dateline-mirror-"), "mirror");
		const started = performance.now();
		first = await exportTo(dir);
		exportSeconds = (performance.now() - started) / 1000;
	});

	it("is complete, with no broken link on the site", () => {
		expect(first).toMatchObject({ complete: true, failed: [], broken: [], removed: 0, unchanged: 0 });
		expect(first.written).toBe(first.files);
		expect(first.addresses).toBeGreaterThan(150);
		process.stdout.write(
			`demo mirror: ${first.addresses} addresses, ${first.files} files, ${first.bytes} bytes in ${exportSeconds.toFixed(2)} s\n`,
		);
	});

	it("answers every internal link with 200 from a plain static server", async () => {
		const server = await serveStatic(dir);
		try {
			const { broken, seen } = await crawlServed(server.origin, site.config.publicUrl);
			expect(broken).toEqual([]);
			// The crawl reached articles, listings, feeds of every kind, child sitemaps and the story's images.
			for (const expected of [
				photoStory.path,
				"/author/",
				"/tag/",
				"/news/feed/",
				"/feed/atom/index.xml",
				"/sitemaps/",
				"/media/",
				"/assets/site.",
			])
				expect(
					[...seen].some((address) => address.startsWith(expected)),
					expected,
				).toBe(true);
			expect([...seen].filter((address) => address.startsWith("/media/")).length).toBeGreaterThan(3);
			// A non-Latin slug is a file with that name, found by the server from the percent-encoded address.
			expect([...seen].some((address) => address.startsWith("/tag/%D8"))).toBe(true);
		} finally {
			await server.close();
		}
	});

	it("has the site's own not-found page as 404.html", async () => {
		const notFound = await site.app.inject("/no-such-section/");
		expect(notFound.statusCode).toBe(404);
		expect(fs.readFileSync(path.join(dir, "404.html"), "utf8")).toBe(notFound.body);
	});

	it("writes pages byte for byte as the app sends them", async () => {
		for (const [address, file] of [
			["/", "index.html"],
			[photoStory.path, `${photoStory.path.slice(1)}index.html`],
			["/feed/", "feed/index.xml"],
			["/sitemap.xml", "sitemap.xml"],
		] as const) {
			expect(fs.readFileSync(path.join(dir, file)).equals((await site.app.inject(address)).rawPayload), file).toBe(
				true,
			);
		}
	});

	it("lists every file in the manifest with its SHA-256 and size", async () => {
		const manifest = await readManifest(dir);
		expect(manifest).toMatchObject({ format: "dateline-static-mirror", version: 1, complete: true });
		expect(manifest?.generatedAt).toBe(TEST_NOW.toISOString());
		expect(manifest?.baseUrl).toBe(site.config.publicUrl);
		expect(manifest?.files.map((entry) => entry.path).sort()).toEqual(filesUnder(dir));
		for (const entry of manifest?.files ?? []) {
			const bytes = fs.readFileSync(path.join(dir, entry.path));
			expect([entry.sha256, entry.size], entry.path).toEqual([sha256Hex(bytes), bytes.length]);
		}
		expect((await verifyMirror(dir)).problems).toEqual([]);
	});

	it("writes no file the second time when nothing changed", async () => {
		const started = performance.now();
		const second = await exportTo(dir);
		const seconds = (performance.now() - started) / 1000;
		expect(second).toMatchObject({ written: 0, removed: 0, unchanged: first.files, files: first.files });
		process.stdout.write(`demo mirror, nothing changed: ${seconds.toFixed(2)} s\n`);
	});

	it("after an edit, rewrites the story and the listings and feeds that show it, not unrelated stories", async () => {
		const before = byPath(await readManifest(dir));
		const linking = (file: string) => fs.readFileSync(path.join(dir, file), "utf8").includes(photoStory.path);
		const linkedBefore = new Set([...before.keys()].filter((file) => file.endsWith(".html") && linking(file)));
		site.clock.set(new Date(TEST_NOW.getTime() + 3_600_000));
		await site.services.articles.update(photoStory.id, {
			...photoStory.input,
			headline: "Engineers find the Kajaki dam ready for the spring floods",
		});
		const result = await exportTo(dir);
		const after = byPath(await readManifest(dir));
		const changed = new Set([...after].filter(([file, sha]) => before.get(file) !== sha).map(([file]) => file));
		expect(result.written).toBe(changed.size);
		for (const file of [`${photoStory.path.slice(1)}index.html`, "index.html", "news/index.html", "feed/index.xml"])
			expect(changed.has(file), file).toBe(true);
		const articlePage = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;
		const articles = [...after.keys()].filter((file) => articlePage.test(file));
		const unrelated = articles.filter((file) => !linkedBefore.has(file) && !linking(file));
		expect(unrelated.length).toBeGreaterThan(20);
		expect(unrelated.filter((file) => changed.has(file))).toEqual([]);
		expect(changed.size).toBeLessThan(after.size / 2);
	});

	it("adds a newly published story and removes an unpublished one", async () => {
		const id = await site.services.articles.createDraft({
			...photoStory.input,
			headline: "Kabul river level rises after a week of rain",
			featuredMediaId: null,
		});
		await site.services.articles.publish(id);
		const storyFile = "2026/03/15/kabul-river-level-rises-after-a-week-of-rain/index.html";
		const published = await exportTo(dir);
		expect(fs.existsSync(path.join(dir, storyFile))).toBe(true);
		expect(published.removed).toBe(0);
		expect(fs.readFileSync(path.join(dir, "index.html"), "utf8")).toContain("Kabul river level rises");

		await site.services.articles.unpublish(id);
		const unpublished = await exportTo(dir);
		expect(unpublished.removed).toBeGreaterThanOrEqual(1);
		expect(fs.existsSync(path.join(dir, storyFile))).toBe(false);
		expect(fs.readFileSync(path.join(dir, "index.html"), "utf8")).not.toContain("Kabul river level rises");
		expect((await verifyMirror(dir)).problems).toEqual([]);
	});

	it("verify-mirror finds a changed byte, a missing file and an extra file; the next export repairs the mirror", async () => {
		const changedFile = path.join(dir, "news/index.html");
		const bytes = fs.readFileSync(changedFile);
		bytes[100] = (bytes[100] ?? 0) ^ 1;
		fs.writeFileSync(changedFile, bytes);
		fs.rmSync(path.join(dir, "feed.json"));
		fs.writeFileSync(path.join(dir, "news/notes.txt"), "not from the site");
		const { problems } = await verifyMirror(dir);
		expect(problems).toEqual(
			expect.arrayContaining([
				{ kind: "changed", path: "news/index.html", reason: "SHA-256 differs" },
				{ kind: "missing", path: "feed.json" },
				{ kind: "extra", path: "news/notes.txt" },
			]),
		);
		expect(problems).toHaveLength(3);
		const repaired = await exportTo(dir);
		expect(repaired.written).toBe(2);
		fs.rmSync(path.join(dir, "news/notes.txt"));
		expect((await verifyMirror(dir)).problems).toEqual([]);
	});

	it("with --base-url, canonical links, feeds, sitemaps, structured data and robots.txt name the mirror", async () => {
		const mirror = path.join(tempDir("dateline-mirror-base-"), "mirror");
		const result = await exportTo(mirror, { baseUrl: "https://mirror.example/" });
		expect(result.complete).toBe(true);
		const read = (file: string) => fs.readFileSync(path.join(mirror, file), "utf8");
		expect(load(read("index.html"))('link[rel="canonical"]').attr("href")).toBe("https://mirror.example/");
		expect(read("index.html")).toContain('href="https://mirror.example/feed/"');
		expect(read("index.html")).toContain('"url":"https://mirror.example/"');
		expect(read("feed/index.xml")).toContain(`<link>https://mirror.example${photoStory.path}</link>`);
		expect(read("feed/atom/index.xml")).toContain(
			'<link rel="self" type="application/atom+xml" href="https://mirror.example/feed/atom/"/>',
		);
		expect(read("sitemap.xml")).toContain("<loc>https://mirror.example/sitemaps/sections.xml</loc>");
		expect(read("robots.txt")).toContain("Sitemap: https://mirror.example/sitemap.xml");
		const article = load(read(`${photoStory.path.slice(1)}index.html`));
		expect(article('meta[property="og:url"]').attr("content")).toBe(`https://mirror.example${photoStory.path}`);
		for (const file of filesUnder(mirror).filter((name) => /\.(html|xml|json|txt)$/.test(name)))
			expect(read(file), file).not.toContain(site.config.publicUrl);
		expect((await readManifest(mirror))?.baseUrl).toBe("https://mirror.example");
	});

	it("with --file-links, every link between pages opens a file on disk", async () => {
		const mirror = path.join(tempDir("dateline-mirror-files-"), "mirror");
		expect((await exportTo(mirror, { fileLinks: true })).complete).toBe(true);
		const missing: string[] = [];
		let checked = 0;
		for (const file of filesUnder(mirror).filter((name) => name.endsWith(".html") && name !== "404.html")) {
			const $ = load(fs.readFileSync(path.join(mirror, file), "utf8"));
			const links = [
				...$("a[href], link[rel='stylesheet']")
					.map((_, element) => $(element).attr("href") ?? "")
					.get(),
				...$("img[src]")
					.map((_, element) => $(element).attr("src") ?? "")
					.get(),
			];
			for (const link of links) {
				if (/^([a-z]+:|#|\/)/i.test(link)) continue;
				checked += 1;
				const target = path.join(path.dirname(path.join(mirror, file)), decodeURIComponent(link.split("#")[0] ?? ""));
				if (!fs.existsSync(target) || fs.statSync(target).isDirectory()) missing.push(`${file} → ${link}`);
			}
			// No root-relative link is left to break on file://.
			expect($("a[href^='/']").length, file).toBe(0);
		}
		expect(checked).toBeGreaterThan(1000);
		expect(missing).toEqual([]);
	});
});

describe("dateline export static and verify-mirror", () => {
	beforeAll(() => {
		if (!fs.existsSync(path.join(root, "dist/cli/mirror-commands.js")))
			throw new Error("dist/ is missing the mirror commands: run `npm run build` before running this file alone.");
	});

	it("exports a site, verifies it, reports tampering one line per problem, and rewrites nothing the second time", async () => {
		const env = {
			DATELINE_DATA_DIR: tempDir("dateline-mirror-data-"),
			DATELINE_PUBLIC_URL: "https://news.example.org",
		};
		const mirror = path.join(tempDir("dateline-mirror-cli-"), "mirror");
		expect((await runCli(["seed-demo"], env)).code).toBe(0);

		const exported = await runCli(["export", "static", mirror, "--base-url", "https://mirror.example/"], env);
		expect(exported.stderr).toBe("");
		expect(exported.code).toBe(0);
		expect(exported.stdout).toMatch(
			/^Mirrored \d+ addresses into (\d+) files .* (\1) written, 0 unchanged, 0 removed\.$/m,
		);
		expect(fs.readFileSync(path.join(mirror, "index.html"), "utf8")).toContain('href="https://mirror.example/"');

		const clean = await runCli(["verify-mirror", mirror], {});
		expect(clean).toMatchObject({ code: 0, stderr: "" });
		expect(clean.stdout).toMatch(/^The mirror matches its manifest: \d+ files\.\n$/);

		const robotsSize = fs.statSync(path.join(mirror, "robots.txt")).size;
		fs.appendFileSync(path.join(mirror, "robots.txt"), "#");
		fs.rmSync(path.join(mirror, "404.html"));
		fs.writeFileSync(path.join(mirror, "stray.html"), "");
		const dirty = await runCli(["verify-mirror", mirror], {});
		expect(dirty.code).toBe(1);
		expect(dirty.stdout.trim().split("\n").sort()).toEqual([
			`changed robots.txt (${robotsSize + 1} bytes, manifest says ${robotsSize})`,
			"extra stray.html",
			"missing 404.html",
		]);

		fs.rmSync(path.join(mirror, "stray.html"));
		const again = await runCli(["export", "static", mirror, "--base-url", "https://mirror.example/"], env);
		expect(again.code).toBe(0);
		expect(again.stdout).toMatch(/ 2 written, \d+ unchanged, 0 removed\.$/m);
		const third = await runCli(["export", "static", mirror, "--base-url", "https://mirror.example/"], env);
		expect(third.stdout).toMatch(/ 0 written, \d+ unchanged, 0 removed\.$/m);
		expect((await runCli(["verify-mirror", mirror], {})).code).toBe(0);
	});

	it("refuses a bad base URL and a directory that is not a mirror, in one line each", async () => {
		const env = { DATELINE_DATA_DIR: tempDir("dateline-mirror-data-") };
		const badUrl = await runCli(
			["export", "static", tempDir("dateline-mirror-cli-"), "--base-url", "mirror.example"],
			env,
		);
		expect(badUrl.code).toBe(1);
		expect(badUrl.stderr).toContain("expected an absolute URL");

		const notMirror = tempDir("dateline-mirror-cli-");
		fs.writeFileSync(path.join(notMirror, "thesis.txt"), "keep");
		const refused = await runCli(["export", "static", notMirror], env);
		expect(refused.code).toBe(1);
		expect(refused.stderr.trim().split("\n")).toHaveLength(1);
		expect(refused.stderr).toContain("ERR_MIRROR_DIR_IN_USE");
		expect(fs.readdirSync(notMirror)).toEqual(["thesis.txt"]);

		const noManifest = await runCli(["verify-mirror", tempDir("dateline-mirror-cli-")], {});
		expect(noManifest.code).toBe(1);
		expect(noManifest.stderr).toContain("ERR_MIRROR_MANIFEST_INVALID");
	});
});
