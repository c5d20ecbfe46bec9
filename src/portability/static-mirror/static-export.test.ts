import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.js";
import { isAppError } from "../../errors.js";
import { readManifest } from "./mirror-manifest.js";
import { exportStaticMirror } from "./static-export.js";

const SITE = "https://news.example.org";
const HTML = "text/html; charset=utf-8";
const clock = fixedClock(new Date("2026-03-15T09:30:00.000Z"));

/** A tiny site with every kind of link the exporter follows, and switches to break parts of it. */
function tinySite(state: { failing: boolean; withB: boolean }): FastifyInstance {
	const app = Fastify({ logger: false });
	const page = (body: string) =>
		`<!doctype html><html><head><link rel="stylesheet" href="/assets/s.css"></head><body>${body}</body></html>`;
	app.get("/", async (_request, reply) =>
		reply
			.type(HTML)
			.send(
				page(
					[
						'<a href="/a/">a</a>',
						state.withB ? '<a href="/b/">b</a>' : "",
						'<a href="/missing/">missing</a>',
						'<a href="/boom/">boom</a>',
						'<a href="https://other.example/x/">elsewhere</a>',
						'<a href="/search?q=water">search</a>',
						'<a href="/old/">old</a>',
						'<a href="/admin/">newsroom</a>',
						`<link rel="alternate" type="application/rss+xml" href="${SITE}/feed/">`,
						'<img src="/media/p-320.webp" srcset="/media/p-320.webp 320w, /media/p-640.webp 640w" alt="">',
					].join(""),
				),
			),
	);
	app.get("/a/", async (_request, reply) => reply.type(HTML).send(page('<a href="/">home</a> <a href="../c/">c</a>')));
	app.get("/b/", async (_request, reply) =>
		state.withB ? reply.type(HTML).send(page("b")) : reply.code(404).type(HTML).send("gone"),
	);
	app.get("/c/", async (_request, reply) => reply.type(HTML).send(page(`<a href="${SITE}/a/#top">a</a>`)));
	app.get("/old/", async (_request, reply) => reply.redirect("/a/", 301));
	app.get("/boom/", async (_request, reply) =>
		state.failing ? reply.code(500).type(HTML).send("boom") : reply.type(HTML).send(page("fine")),
	);
	app.get("/admin/", async (_request, reply) => reply.type(HTML).send("private"));
	app.get("/assets/s.css", async (_request, reply) =>
		reply.type("text/css; charset=utf-8").send("body{background:url(/media/p-320.webp)}"),
	);
	app.get("/media/:file", async (request, reply) =>
		reply.type("image/webp").send(Buffer.from(`image ${(request.params as { file: string }).file}`)),
	);
	app.get("/robots.txt", async (_request, reply) =>
		reply.type("text/plain; charset=utf-8").send(`User-agent: *\nSitemap: ${SITE}/sitemap.xml\n`),
	);
	app.get("/sitemap.xml", async (_request, reply) =>
		reply
			.type("application/xml")
			.send(`<urlset><url><loc>${SITE}/b/</loc></url><url><loc>${SITE}/a/</loc></url></urlset>`),
	);
	app.get("/news-sitemap.xml", async (_request, reply) => reply.type("application/xml").send("<urlset></urlset>"));
	const rss = `<rss><channel><link>${SITE}/</link><atom:link href="${SITE}/feed/" rel="self"/><item><link>${SITE}/a/</link></item></channel></rss>`;
	app.get("/feed/", async (_request, reply) => reply.type("application/rss+xml; charset=utf-8").send(rss));
	app.get("/feed/atom/", async (_request, reply) =>
		reply.type("application/atom+xml; charset=utf-8").send(`<feed><id>${SITE}/feed/atom/</id></feed>`),
	);
	app.get("/feed.json", async (_request, reply) =>
		reply.type("application/feed+json").send(JSON.stringify({ home_page_url: `${SITE}/`, items: [] })),
	);
	app.setNotFoundHandler(async (_request, reply) =>
		reply.code(404).type(HTML).send(page('Not here. <a href="/">Home</a>')),
	);
	return app;
}

let dir: string;
let state: { failing: boolean; withB: boolean };
let app: FastifyInstance;

beforeEach(() => {
	dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-export-")), "mirror");
	state = { failing: false, withB: true };
	app = tinySite(state);
});

afterEach(async () => {
	await app.close();
	fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");

describe("exportStaticMirror", () => {
	it("mirrors every address reachable from the start, reports broken links, and leaves out what a file cannot answer", async () => {
		const result = await exportStaticMirror({ app, publicUrl: SITE, dir, clock });
		const files = (await readManifest(dir))?.files.map((entry) => entry.path).sort();
		expect(files).toEqual([
			"404.html",
			"a/index.html",
			"assets/s.css",
			"b/index.html",
			"boom/index.html",
			"c/index.html",
			"feed.json",
			"feed/atom/index.html",
			"feed/atom/index.xml",
			"feed/index.html",
			"feed/index.xml",
			"index.html",
			"media/p-320.webp",
			"media/p-640.webp",
			"news-sitemap.xml",
			"old/index.html",
			"robots.txt",
			"sitemap.xml",
		]);
		expect(result).toMatchObject({ complete: true, written: 18, unchanged: 0, removed: 0, failed: [] });
		expect(result.broken).toEqual([{ url: "/missing/", status: 404, from: "/" }]);
		expect(result.skipped).toEqual([{ url: "/search?q=water", reason: "has a query string" }]);
		// Bytes as the app sent them, where nothing asked for a rewrite.
		expect(read("index.html")).toBe((await app.inject("/")).body);
		expect(read("404.html")).toContain("Not here.");
		expect(read("old/index.html")).toContain('<meta http-equiv="refresh" content="0; url=/a/">');
		expect(read("feed/index.html")).toContain('type="application/rss+xml" href="index.xml"');
	});

	it("writes nothing the second time when nothing changed", async () => {
		const first = await exportStaticMirror({ app, publicUrl: SITE, dir, clock });
		const second = await exportStaticMirror({ app, publicUrl: SITE, dir, clock });
		expect(second).toMatchObject({ written: 0, unchanged: first.files, removed: 0, files: first.files });
	});

	it("removes what the site no longer has", async () => {
		await exportStaticMirror({ app, publicUrl: SITE, dir, clock });
		state.withB = false;
		app = tinySite(state);
		const result = await exportStaticMirror({ app, publicUrl: SITE, dir, clock });
		// /b/ is still in the sitemap, so the crawl finds it gone rather than forgetting it.
		expect(result).toMatchObject({ complete: true, removed: 1 });
		expect(fs.existsSync(path.join(dir, "b"))).toBe(false);
	});

	it("removes nothing when a page fails, and says the mirror is incomplete", async () => {
		await exportStaticMirror({ app, publicUrl: SITE, dir, clock });
		state.failing = true;
		state.withB = false;
		const result = await exportStaticMirror({ app, publicUrl: SITE, dir, clock });
		expect(result.complete).toBe(false);
		expect(result.failed).toEqual([{ url: "/boom/", status: 500, from: "/" }]);
		expect(result.removed).toBe(0);
		const manifest = await readManifest(dir);
		expect(manifest?.complete).toBe(false);
		// Files it did not reach are still there, and still listed.
		expect(manifest?.files.map((entry) => entry.path)).toEqual(
			expect.arrayContaining(["b/index.html", "boom/index.html"]),
		);
		expect(read("boom/index.html")).toContain("fine");
	});

	it("stops at the page limit", async () => {
		const result = await exportStaticMirror({ app, publicUrl: SITE, dir, clock, maxPages: 3 });
		expect(result).toMatchObject({ limitReached: true, complete: false, addresses: 3 });
	});

	it("refuses a directory that holds other files and no manifest", async () => {
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
		const error = await exportStaticMirror({ app, publicUrl: SITE, dir, clock }).catch((caught: unknown) => caught);
		expect(isAppError(error, "ERR_MIRROR_DIR_IN_USE")).toBe(true);
		expect(fs.readdirSync(dir)).toEqual(["notes.txt"]);
	});

	it("rewrites absolute links to the base URL, and root-relative ones under its path", async () => {
		await exportStaticMirror({ app, publicUrl: SITE, dir, clock, baseUrl: "https://mirror.example/site/" });
		const home = read("index.html");
		expect(home).toContain('href="https://mirror.example/site/feed/"');
		expect(home).toContain('href="/site/a/"');
		expect(home).toContain('srcset="/site/media/p-320.webp 320w, /site/media/p-640.webp 640w"');
		expect(home).toContain('href="https://other.example/x/"');
		expect(read("404.html")).toContain('href="/site/"');
		expect(read("assets/s.css")).toBe("body{background:url(/site/media/p-320.webp)}");
		expect(read("feed/index.xml")).toContain("<link>https://mirror.example/site/a/</link>");
		expect(read("robots.txt")).toContain("Sitemap: https://mirror.example/site/sitemap.xml");
		expect(read("old/index.html")).toContain("url=/site/a/");
		expect((await readManifest(dir))?.baseUrl).toBe("https://mirror.example/site");
	});

	it("with file links, links go to files relative to each page; the 404 page keeps root-relative links", async () => {
		await exportStaticMirror({ app, publicUrl: SITE, dir, clock, fileLinks: true });
		const home = read("index.html");
		expect(home).toContain('href="a/index.html"');
		expect(home).toContain('href="assets/s.css"');
		expect(home).toContain('srcset="media/p-320.webp 320w, media/p-640.webp 640w"');
		// Absolute links (canonical, feeds) stay absolute.
		expect(home).toContain(`href="${SITE}/feed/"`);
		expect(read("a/index.html")).toContain('href="../index.html"');
		expect(read("a/index.html")).toContain('href="../c/index.html"');
		expect(read("assets/s.css")).toBe("body{background:url(../media/p-320.webp)}");
		expect(read("404.html")).toContain('href="/"');
		expect(read("old/index.html")).toContain("url=../a/index.html");
	});
});
