import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, requireBuiltCli, runCliOrThrow, type ServeProcess, startServe } from "../support/cli-runner.js";
import { HttpBrowser } from "../support/http-browser.js";
import { createPostgresDatabase, type TestPostgresDatabase } from "../support/postgres-database.js";
import { Relay } from "../support/tcp-relay.js";

/**
 * A node whose PostgreSQL goes away while it serves: cached pages still go
 * out, everything else answers 503 with Retry-After, and the node serves
 * normally again once the database is back, without a restart. The database
 * is reached through a TCP relay the test can cut and restore, so the shared
 * PostgreSQL server itself is never stopped.
 */
const baseUrl = process.env.TEST_DATABASE_URL;
const PASSWORD = "correct horse battery staple";

if (!baseUrl) console.warn("database-lost test skipped: set TEST_DATABASE_URL=postgres://… to run it.");
const maybe = baseUrl ? describe : describe.skip;

maybe("a node that loses its PostgreSQL database", () => {
	let database: TestPostgresDatabase | undefined;
	const dirs: string[] = [];
	let relay: Relay | undefined;
	let node: ServeProcess | undefined;
	let url = "";

	/** The environment of every process here: `databaseUrl`, and a data directory of its own. */
	function env(databaseUrl: string): Record<string, string> {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-lost-"));
		dirs.push(dataDir);
		return { DATABASE_URL: databaseUrl, DATELINE_DATA_DIR: dataDir, DATELINE_SCHEDULER_INTERVAL_MS: "300" };
	}

	const run = (args: string[], databaseUrl: string, input = "") => runCliOrThrow(args, env(databaseUrl), input);

	beforeAll(async () => {
		requireBuiltCli();
		database = await createPostgresDatabase(baseUrl ?? "", "dateline_lost");
		const direct = new URL(database.url);
		await run(["seed-demo"], direct.toString());
		await run(
			["user", "add", "--email", "editor@example.org", "--role", "editor", "--name", "Amina", "--password-stdin"],
			direct.toString(),
			`${PASSWORD}\n`,
		);

		relay = new Relay(await freePort(), { host: direct.hostname, port: Number(direct.port || 5432) });
		await relay.open();
		const relayed = new URL(direct.toString());
		relayed.hostname = "127.0.0.1";
		relayed.port = String(relay.port);

		node = await startServe(env(relayed.toString()));
		url = node.url;
	}, 90_000);

	afterAll(async () => {
		node?.child.kill("SIGTERM");
		await relay?.cut();
		await new Promise((resolve) => setTimeout(resolve, 300));
		await database?.drop();
		for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
	});

	it("serves cached pages, answers the rest and every write with 503, and recovers by itself", async () => {
		if (!relay) throw new Error("the relay did not start");
		// The front page and one story are in the page cache before the database goes.
		const home = await (await fetch(`${url}/`)).text();
		const story = /href="(\/\d{4}\/\d{2}\/\d{2}\/[^"/]+\/)"/.exec(home)?.[1] ?? "";
		expect(story).not.toBe("");
		await fetch(`${url}${story}`);
		expect((await fetch(`${url}${story}`)).headers.get("x-cache")).toBe("HIT");

		// An editor logged in before, with a form open.
		const editor = new HttpBrowser();
		const loginCsrf = await editor.csrf(`${url}/admin/login`);
		const login = await editor.post(`${url}/admin/login`, {
			_csrf: loginCsrf,
			email: "editor@example.org",
			password: PASSWORD,
			next: "/admin/",
		});
		expect(login.status).toBe(303);
		const csrf = await editor.csrf(`${url}/admin/stories/new`);

		await relay.cut();

		const cached = await fetch(`${url}${story}`);
		expect(cached.status).toBe(200);
		expect(cached.headers.get("x-cache")).toBe("HIT");
		expect((await fetch(`${url}/`)).status).toBe(200);

		const search = await fetch(`${url}/search?q=kabul`);
		expect(search.status).toBe(503);
		expect(search.headers.get("retry-after")).toBe("5");
		expect(search.headers.get("cache-control")).toBe("no-store");
		expect(await search.text()).toContain("<html");
		expect((await fetch(`${url}/tag/water/feed/`)).status).toBe(503);

		// A write fails plainly, with the code a client can act on.
		const draft = await editor.post(
			`${url}/admin/stories`,
			{ _csrf: csrf, headline: "Written while the database was away" },
			"application/json",
		);
		expect(draft.status).toBe(503);
		expect(draft.headers.get("retry-after")).toBe("5");
		expect(await draft.json()).toMatchObject({ code: "ERR_DATABASE_UNAVAILABLE" });

		await relay.open();
		let back = await fetch(`${url}/search?q=kabul`);
		for (let waited = 0; back.status !== 200 && waited < 10_000; waited += 250) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			back = await fetch(`${url}/search?q=kabul`);
		}
		expect(back.status).toBe(200);
		expect(node?.child.exitCode).toBeNull();
	}, 60_000);
});
