import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireBuiltCli, runCli } from "../support/cli-runner.js";

let work: string;

beforeAll(() => {
	requireBuiltCli();
	work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-json-cli-"));
});

afterAll(() => {
	fs.rmSync(work, { recursive: true, force: true });
});

describe("dateline export json and import json", () => {
	it("moves the demo site to a new data directory and back to the same bytes", async () => {
		const source = { DATELINE_DATA_DIR: path.join(work, "source") };
		const target = { DATELINE_DATA_DIR: path.join(work, "target") };
		expect((await runCli(["seed-demo"], source)).code).toBe(0);
		const file = path.join(work, "site.json");
		const exported = await runCli(["export", "json", file], source);
		expect(exported.code, exported.stderr).toBe(0);
		expect(exported.stdout).toMatch(/Exported 44 stories \(\d+ records in all\)/);
		expect(fs.existsSync(`${file}.partial`)).toBe(false);

		expect((await runCli(["init"], target)).code).toBe(0);
		const imported = await runCli(["import", "json", file], target);
		expect(imported.code, imported.stderr).toBe(0);
		expect(imported.stdout).toContain("Imported 44 stories");
		expect(imported.stdout).toContain("44 published stories indexed for search");
		const again = await runCli(["export", "json", "-"], target);
		expect(again.stdout).toBe(fs.readFileSync(file, "utf8"));

		// A second import is refused: the site is no longer empty.
		const twice = await runCli(["import", "json", file], target);
		expect(twice.code).toBe(1);
		expect(twice.stderr).toContain("ERR_SITE_NOT_EMPTY");
		expect(twice.stderr).toContain("44 stories");
	}, 120_000);

	it("answers a broken file with its line and column and writes nothing", async () => {
		const good = path.join(work, "site.json");
		const lines = fs.readFileSync(good, "utf8").split("\n");
		// Break the last story: everything before it would have been inserted, and must be rolled back.
		const last = lines.findLastIndex((line) => line.startsWith('    {"id":') && line.includes('"slug"'));
		lines[last] = (lines[last] ?? "").replace('"status":"published"', '"status":"printed"');
		const bad = path.join(work, "bad.json");
		fs.writeFileSync(bad, lines.join("\n"));
		const env = { DATELINE_DATA_DIR: path.join(work, "bad-target") };
		const result = await runCli(["import", "json", bad], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain("ERR_JSON_INVALID");
		expect(result.stderr).toMatch(new RegExp(`line ${last + 1}: field "status": expected one of`));
		const empty = await runCli(["export", "json", "-"], env);
		expect(empty.stdout).toContain('"articles": []');

		fs.writeFileSync(bad, lines.join("\n").replace('"format": "dateline",', '"format": "dateline"'));
		const syntax = await runCli(["import", "json", bad], env);
		expect(syntax.code).toBe(1);
		expect(syntax.stderr).toContain("ERR_JSON_SYNTAX");
		expect(syntax.stderr).toContain("line 3, column 3");
	}, 120_000);
});
