import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { root, runCli, type ServeProcess, startServe, waitFor } from "../support/cli-runner.js";

const temporary: string[] = [];
const running: ChildProcess[] = [];

function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-cli-"));
	temporary.push(dir);
	return dir;
}

/** Starts `dateline serve ARGS`, stopped after the test. */
async function startServer(args: string[], env: Record<string, string>): Promise<ServeProcess> {
	const server = await startServe(env, args);
	running.push(server.child);
	return server;
}

beforeAll(() => {
	if (!fs.existsSync(path.join(root, "dist/cli/main.js"))) {
		throw new Error("dist/ is missing: `npm test` builds it; run `npm run build` before running this file alone.");
	}
});

afterEach(() => {
	for (const child of running.splice(0)) {
		child.removeAllListeners("close");
		child.kill("SIGTERM");
	}
	for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("dateline serve", () => {
	it("loads the demo newsroom on the first start and serves it", async () => {
		const dataDir = tempDir();
		const { port, output } = await startServer([], { DATELINE_DATA_DIR: dataDir });
		expect(output()).toMatch(/Loaded the demo newsroom: \d+ stories/);
		const home = await fetch(`http://127.0.0.1:${port}/`);
		expect(home.status).toBe(200);
		const html = await home.text();
		expect(html).toContain('class="lead"');
		expect((html.match(/href="\/\d{4}\/\d{2}\/\d{2}\/[^"]+\/"/g) ?? []).length).toBeGreaterThan(10);
		expect(fs.existsSync(path.join(dataDir, "dateline.sqlite"))).toBe(true);
	});

	it("keeps the token of a password link out of its request log", async () => {
		const { port, output } = await startServer(["--no-demo"], {
			DATELINE_DATA_DIR: tempDir(),
			DATELINE_LOG_LEVEL: "info",
		});
		const response = await fetch(`http://127.0.0.1:${port}/admin/password/secret-token-that-must-not-be-logged`);
		expect(response.status).toBe(410);
		await waitFor(() => output().includes('"url":"/admin/password/…"'), "the request in the log", 5_000);
		expect(output()).not.toContain("secret-token-that-must-not-be-logged");
	});

	it("starts empty with --no-demo", async () => {
		const { port, output } = await startServer(["--no-demo"], { DATELINE_DATA_DIR: tempDir() });
		expect(output()).not.toContain("Loaded the demo");
		const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
		expect(html).toContain("No stories have been published here yet.");
		expect((await fetch(`http://127.0.0.1:${port}/nothing/`)).status).toBe(404);
	});

	it("exits with one line naming the data directory when it cannot be written", async () => {
		const dir = tempDir();
		const file = path.join(dir, "a-file");
		fs.writeFileSync(file, "not a directory");
		const dataDir = path.join(file, "data");
		const result = await runCli(["serve"], { DATELINE_DATA_DIR: dataDir });
		expect(result.code).toBe(1);
		const lines = result.stderr.trim().split("\n");
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain("ERR_DATA_DIR_UNWRITABLE");
		expect(lines[0]).toContain(dataDir);
		expect(lines[0]).toContain("ENOTDIR");
	});

	it("refuses a corrupt database file and leaves it untouched", async () => {
		const dataDir = tempDir();
		const file = path.join(dataDir, "dateline.sqlite");
		const garbage = Buffer.from("This is not a SQLite database, it is a note.\n".repeat(200));
		fs.writeFileSync(file, garbage);
		const before = createHash("sha256").update(fs.readFileSync(file)).digest("hex");
		const result = await runCli(["serve"], { DATELINE_DATA_DIR: dataDir });
		expect(result.code).toBe(1);
		expect(result.stderr.trim().split("\n")).toHaveLength(1);
		expect(result.stderr).toContain("ERR_DATABASE_CORRUPT");
		expect(result.stderr).toContain(file);
		expect(createHash("sha256").update(fs.readFileSync(file)).digest("hex")).toBe(before);
		expect(fs.readdirSync(dataDir).sort()).toEqual(["dateline.sqlite"]);
	});

	it("exits naming the variable when a setting is bad", async () => {
		const result = await runCli(["serve"], { DATELINE_DATA_DIR: tempDir(), PORT: "eighty" });
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('PORT="eighty" is not valid');
		expect(result.stderr.trim().split("\n")).toHaveLength(1);
	});
});

describe("dateline init and seed-demo", () => {
	it("init prepares an empty site; seed-demo then loads the demo once", async () => {
		const dataDir = tempDir();
		const init = await runCli(["init"], { DATELINE_DATA_DIR: dataDir });
		expect(init.code).toBe(0);
		expect(init.stdout).toContain("Database ready");
		const seed = await runCli(["seed-demo"], { DATELINE_DATA_DIR: dataDir });
		expect(seed.code).toBe(0);
		expect(seed.stdout).toMatch(/Loaded \d+ demo stories/);
		const again = await runCli(["seed-demo"], { DATELINE_DATA_DIR: dataDir });
		expect(again.stdout).toContain("already has stories");
	});
});

describe("dateline user", () => {
	const PASSPHRASE = "pass phrase here for the desk";

	it("adds an account with a password piped in, and lists it", async () => {
		const env = { DATELINE_DATA_DIR: tempDir() };
		const added = await runCli(
			["user", "add", "--email", "Amina@Example.org", "--role", "admin", "--name", "Amina Noori", "--password-stdin"],
			env,
			`${PASSPHRASE}\n`,
		);
		expect(added.stderr).toBe("");
		expect(added.code).toBe(0);
		expect(added.stdout).toBe("Added amina@example.org as admin.\n");
		await runCli(
			["user", "add", "--email", "omid@example.org", "--role", "contributor", "--password-stdin"],
			env,
			PASSPHRASE,
		);

		const list = await runCli(["user", "list"], env);
		expect(list.code).toBe(0);
		const rows = list.stdout
			.trim()
			.split("\n")
			.map((line) => line.split(/\s{2,}/));
		expect(rows).toEqual([
			["amina@example.org", "admin", "Amina Noori"],
			["omid@example.org", "contributor", "omid"],
		]);
	});

	it("prints a one-time link with which an account sets its password", async () => {
		const env = { DATELINE_DATA_DIR: tempDir(), DATELINE_PUBLIC_URL: "https://news.example.org" };
		await runCli(["user", "add", "--email", "ed@example.org", "--role", "editor", "--password-stdin"], env, PASSPHRASE);
		const link = await runCli(["user", "password-link", "--email", "ED@example.org"], env);
		expect(link.stderr).toBe("");
		expect(link.stdout).toMatch(/^https:\/\/news\.example\.org\/admin\/password\/[\w-]{43}\n/);
		const unknown = await runCli(["user", "password-link", "--email", "nobody@example.org"], env);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toBe("dateline: there is no account with the email nobody@example.org.\n");
	});

	it("refuses a second account with the same email in one line", async () => {
		const env = { DATELINE_DATA_DIR: tempDir() };
		const args = ["user", "add", "--email", "ed@example.org", "--role", "editor", "--password-stdin"];
		expect((await runCli(args, env, PASSPHRASE)).code).toBe(0);
		const again = await runCli(
			["user", "add", "--email", "ED@example.org", "--role", "author", "--password-stdin"],
			env,
			PASSPHRASE,
		);
		expect(again.code).toBe(1);
		expect(again.stdout).toBe("");
		expect(again.stderr.trim().split("\n")).toHaveLength(1);
		expect(again.stderr).toMatch(/^dateline: ERR_VALIDATION: .*already exists/);
	});

	it("refuses a weak password in one line and adds nothing", async () => {
		const env = { DATELINE_DATA_DIR: tempDir() };
		const weak = await runCli(
			["user", "add", "--email", "ed@example.org", "--role", "editor", "--password-stdin"],
			env,
			"password1234\n",
		);
		expect(weak.code).toBe(1);
		expect(weak.stderr.trim().split("\n")).toHaveLength(1);
		expect(weak.stderr).toMatch(/^dateline: ERR_WEAK_PASSWORD: /);
		expect((await runCli(["user", "list"], env)).stdout).toContain("no accounts yet");
	});

	it("will not wait for a password when there is no terminal and no --password-stdin", async () => {
		const result = await runCli(["user", "add", "--email", "ed@example.org", "--role", "editor"], {
			DATELINE_DATA_DIR: tempDir(),
		});
		expect(result.code).toBe(1);
		expect(result.stderr.trim().split("\n")).toHaveLength(1);
		expect(result.stderr).toContain("--password-stdin");
	});

	it("refuses an unknown role", async () => {
		const result = await runCli(
			["user", "add", "--email", "ed@example.org", "--role", "chief", "--password-stdin"],
			{ DATELINE_DATA_DIR: tempDir() },
			PASSPHRASE,
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain("admin, editor, author, contributor");
	});
});
