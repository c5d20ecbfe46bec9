import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireBuiltCli, root, runCliOrThrow, type ServeProcess, startServe } from "../support/cli-runner.js";
import { HttpBrowser } from "../support/http-browser.js";
import { createPostgresDatabase, type TestPostgresDatabase } from "../support/postgres-database.js";

/**
 * Two `dateline serve` processes on one PostgreSQL database behave as one
 * site: a change made through one is read through the other, page caches are
 * purged on both, sessions work on either, and a scheduled story goes out once.
 */
const baseUrl = process.env.TEST_DATABASE_URL;
const PASSWORD = "correct horse battery staple";

if (!baseUrl) {
	console.warn("multi-node tests skipped: set TEST_DATABASE_URL=postgres://… to run them against PostgreSQL.");
}

const maybe = baseUrl ? describe : describe.skip;

maybe("several nodes on one PostgreSQL database", () => {
	let database: TestPostgresDatabase | undefined;
	let databaseUrl = "";
	const nodes: ServeProcess[] = [];
	const dirs: string[] = [];

	/** The environment of every process here: the test database, and a data directory of its own. */
	function env(): Record<string, string> {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-node-"));
		dirs.push(dataDir);
		return {
			DATABASE_URL: databaseUrl,
			DATELINE_DATA_DIR: dataDir,
			DATELINE_SCHEDULER_INTERVAL_MS: "300",
			DATELINE_TIMEZONE: "UTC",
		};
	}

	const run = (args: string[], input?: string) => runCliOrThrow(args, env(), input ?? "");

	async function start(): Promise<ServeProcess> {
		const node = await startServe(env());
		nodes.push(node);
		return node;
	}

	beforeAll(async () => {
		requireBuiltCli();
		database = await createPostgresDatabase(baseUrl ?? "", "dateline_nodes");
		databaseUrl = database.url;
		await run(["init"]);
		await run(
			["user", "add", "--email", "editor@example.org", "--role", "admin", "--name", "Amina", "--password-stdin"],
			`${PASSWORD}\n`,
		);
	}, 60_000);

	afterAll(async () => {
		for (const node of nodes) node.child.kill("SIGTERM");
		await new Promise((resolve) => setTimeout(resolve, 500));
		await database?.drop();
		for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
	});

	it("publishes through one node, purges and serves it on the other, shares sessions, and schedules once", async () => {
		const [a, b] = [await start(), await start()];
		if (!a || !b) throw new Error("nodes did not start");

		// Log in on node A; the session works on node B too.
		const onA = new HttpBrowser();
		const loginCsrf = await onA.csrf(`${a.url}/admin/login`);
		const login = await onA.post(`${a.url}/admin/login`, {
			_csrf: loginCsrf,
			email: "editor@example.org",
			password: PASSWORD,
			next: "/admin/",
		});
		expect(login.status).toBe(303);
		const onB = new HttpBrowser();
		onA.copyCookiesTo(onB);
		expect((await onB.request(`${b.url}/admin/`)).status).toBe(200);

		const csrf = await onA.csrf(`${a.url}/admin/sections`);
		expect(
			(
				await onA.post(`${a.url}/admin/sections`, {
					_csrf: csrf,
					name: "National News",
					slug: "news",
					description: "",
					parentId: "",
				})
			).status,
		).toBe(303);

		// Node B caches its front page.
		await fetch(`${b.url}/`);
		expect((await fetch(`${b.url}/`)).headers.get("x-cache")).toBe("HIT");

		// Write and publish through node A.
		const created = await onA.post(`${a.url}/admin/stories`, {
			_csrf: csrf,
			headline: "Two nodes, one newsroom",
			standfirst: "",
			datelinePlace: "Kabul",
			sourceLine: "",
			language: "en",
			sectionId: await sectionId(),
			tagNames: "Scale",
			featuredMediaId: "",
			bodySource: "Published through one node and read through the other.",
		});
		expect(created.status).toBe(303);
		const storyId = /\/admin\/stories\/(\d+)\/edit/.exec(created.headers.get("location") ?? "")?.[1] ?? "";
		const publishedAt = Date.now();
		expect((await onA.post(`${a.url}/admin/stories/${storyId}/publish`, { _csrf: csrf })).status).toBe(303);

		// Node B's cached front page is purged through LISTEN/NOTIFY within a second.
		let seen = false;
		while (Date.now() - publishedAt < 1000 && !seen) {
			seen = (await (await fetch(`${b.url}/`)).text()).includes("Two nodes, one newsroom");
			if (!seen) await new Promise((resolve) => setTimeout(resolve, 50));
		}
		expect(seen, "node B showed the story within 1 s").toBe(true);

		// A story scheduled to be due now is published exactly once, though both nodes run the scheduler.
		const draft = await onA.post(`${a.url}/admin/stories`, {
			_csrf: csrf,
			headline: "Scheduled across nodes",
			standfirst: "",
			datelinePlace: "",
			sourceLine: "",
			language: "en",
			sectionId: await sectionId(),
			tagNames: "",
			featuredMediaId: "",
			bodySource: "Due in a moment.",
		});
		const scheduledId = Number(/\/admin\/stories\/(\d+)\/edit/.exec(draft.headers.get("location") ?? "")?.[1]);
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		try {
			await client.query("UPDATE articles SET status = 'scheduled', scheduled_at = $1 WHERE id = $2", [
				new Date(Date.now() + 500).toISOString(),
				scheduledId,
			]);
			await new Promise((resolve) => setTimeout(resolve, 2500));
			const status = await client.query<{ status: string }>("SELECT status FROM articles WHERE id = $1", [scheduledId]);
			expect(status.rows[0]?.status).toBe("published");
			const entries = await client.query<{ count: number }>(
				"SELECT count(*)::int AS count FROM audit_log WHERE action = 'story.publish.scheduled' AND subject_id = $1",
				[scheduledId],
			);
			expect(entries.rows[0]?.count).toBe(1);
		} finally {
			await client.end();
		}
		expect(await (await fetch(`${b.url}/`)).text()).toContain("Scheduled across nodes");
	}, 60_000);

	it("renders a page once for a crowd asking at the same moment, and lets them through when it is not stored", async () => {
		const node = nodes[0] ?? (await start());
		const crowd = (path: string) =>
			Promise.all(
				Array.from({ length: 20 }, async () => {
					const response = await fetch(`${node.url}${path}`);
					return { status: response.status, cache: response.headers.get("x-cache"), body: await response.text() };
				}),
			);
		// Each request awaits PostgreSQL, so without coalescing most of the crowd would render the page itself.
		const first = await crowd("/news/");
		expect(first.map((response) => response.status)).toEqual(Array(20).fill(200));
		expect(first.filter((response) => response.cache === "MISS")).toHaveLength(1);
		expect(first.filter((response) => response.cache === "HIT")).toHaveLength(19);
		expect(new Set(first.map((response) => response.body)).size).toBe(1);

		const missing = await crowd("/no-such-section/");
		expect(missing.map((response) => response.status)).toEqual(Array(20).fill(404));
	}, 60_000);

	it("drops the serving nodes' cached pages when a command-line import writes to the database", async () => {
		const node = nodes[0] ?? (await start());
		await fetch(`${node.url}/`);
		const before = await fetch(`${node.url}/`);
		expect(before.headers.get("x-cache")).toBe("HIT");
		expect(await before.text()).not.toContain("Hello world!");

		await run(["import", "wordpress", path.join(root, "test/fixtures/wordpress/small-export.xml")]);
		let after = await fetch(`${node.url}/`);
		for (let waited = 0; after.headers.get("x-cache") === "HIT" && waited < 1000; waited += 50) {
			await new Promise((resolve) => setTimeout(resolve, 50));
			after = await fetch(`${node.url}/`);
		}
		expect(after.headers.get("x-cache")).not.toBe("HIT");
		expect(await after.text()).toContain("Hello world!");
	}, 60_000);

	async function sectionId(): Promise<string> {
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		try {
			const result = await client.query<{ id: number }>("SELECT id FROM sections WHERE slug = 'news'");
			return String(result.rows[0]?.id ?? "");
		} finally {
			await client.end();
		}
	}
});
