import { describe, expect, it } from "vitest";
import { isAppError } from "../../errors.js";
import { COLLECTIONS } from "./json-format.js";
import { checkedRecords, ExportChecker, parseJsonExport } from "./json-read.js";
import { findJsonSyntaxProblem } from "./json-syntax.js";

/** A minimal valid file: every collection empty except those given. */
function file(collections: Record<string, unknown[]> = {}, header: Record<string, unknown> = {}): string {
	const body: Record<string, unknown> = { format: "dateline", version: 1, migrations: ["0001-foundation"], ...header };
	for (const spec of COLLECTIONS) body[spec.name] = collections[spec.name] ?? [];
	return JSON.stringify(body, null, 2);
}

const section = {
	id: 1,
	slug: "news",
	name: "News",
	description: "",
	parent_id: null,
	path: "news",
	position: 0,
	created_at: "2026-03-15T09:30:00.000Z",
};

async function errorOf(text: string): Promise<{ code: string; message: string }> {
	try {
		await parseJsonExport(text, "site.json");
	} catch (error) {
		if (isAppError(error)) return { code: error.code, message: error.message };
		throw error;
	}
	throw new Error("expected the file to be refused");
}

async function messageOf(text: string): Promise<string> {
	return (await errorOf(text)).message;
}

describe("reading a Dateline JSON export", () => {
	it("reads a valid file into its collections", async () => {
		const document = await parseJsonExport(
			file({ sections: [section, { ...section, id: 2, path: "b", parent_id: 1 }] }),
		);
		expect(document.collections.get("sections")?.[0]).toEqual(section);
		expect(document.collections.get("articles")).toEqual([]);
		expect(document.migrations).toEqual(["0001-foundation"]);
	});

	it("reads the same records whatever the chunks the text arrives in", async () => {
		const text = file({
			sections: [section, { ...section, id: 2, path: "b", name: 'Quotes " and \\ and ]} and ک' }],
		});
		for (const size of [1, 2, 3, 7, 64]) {
			async function* pieces() {
				for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
			}
			const names: unknown[] = [];
			for await (const record of checkedRecords(pieces(), new ExportChecker("chunks"))) names.push(record.values.name);
			expect(names, `chunks of ${size}`).toEqual(["News", 'Quotes " and \\ and ]} and ک']);
		}
	});

	it("answers a syntax error with its line and column, whatever JSON.parse says", async () => {
		const broken = `{\n  "format": "dateline",\n  "version": 1,\n  "migrations": [],\n  "settings": [\n    {"key": "a",}\n  ]\n}`;
		const error = await errorOf(broken);
		expect(error.code).toBe("ERR_JSON_SYNTAX");
		expect(error.message).toContain("site.json, line 6, column 17");
		expect(error.message).toContain('found "}"');
		expect(await messageOf('{"format": "dateline"')).toContain(
			'line 1, column 22: expected "," or "}", found the end of the file',
		);
		expect(await messageOf('{"format": "date\tline"}')).toContain("line 1, column 17");
		expect(await messageOf("[1, 2]")).toContain('line 1, column 1: expected "{"');
		expect(await messageOf('{"format": "dateline"} x')).toContain("line 1, column 24: expected the end of the file");
	});

	it("names the collection, the record, its line and the field of a bad value", async () => {
		const error = await errorOf(file({ sections: [section, { ...section, id: 2, path: "b", position: "first" }] }));
		expect(error.code).toBe("ERR_JSON_INVALID");
		expect(error.message).toContain('sections[1] (id 2), line 21: field "position": expected a whole number');
		expect(await messageOf(file({ sections: [{ ...section, colour: "red" }] }))).toContain(
			'sections[0] (id 1), line 11: unknown field "colour"',
		);
		const { slug: _slug, ...withoutSlug } = section;
		expect(await messageOf(file({ sections: [withoutSlug] }))).toContain('field "slug" is missing');
	});

	it("refuses a reference to a record that is not in the file", async () => {
		expect(await messageOf(file({ sections: [{ ...section, parent_id: 9 }] }))).toContain(
			'sections[0] (id 1), line 11: field "parent_id": no sections record has id 9',
		);
		const article = { id: 1, section_id: 5 };
		expect(await messageOf(file({ sections: [section], articles: [article] }))).toContain("articles[0] (id 1), line");
	});

	it("refuses two records with the same key", async () => {
		expect(await messageOf(file({ sections: [section, { ...section, path: "b" }] }))).toContain(
			"sections[1] (id 1), line 21: another record has the same key",
		);
	});

	it("refuses another format, another version, and unknown, missing or misplaced collections", async () => {
		expect(await messageOf(file({}, { format: "wordpress" }))).toContain('"format" is "wordpress"');
		expect(await messageOf(file({}, { version: 2 }))).toContain(
			"version 2 of the format; this Dateline reads version 1",
		);
		expect(await messageOf(file({}, { comments: [] }))).toContain('unknown collection "comments"');
		const missing = JSON.parse(file()) as Record<string, unknown>;
		delete missing.audit_log;
		expect(await messageOf(JSON.stringify(missing))).toContain('the collection "audit_log" is missing');
		const { settings, ...rest } = JSON.parse(file()) as Record<string, unknown>;
		expect(await messageOf(JSON.stringify({ ...rest, settings }))).toContain(
			'the collection "settings" must come before "people"',
		);
	});
});

describe("finding a JSON syntax error", () => {
	it("accepts well-formed JSON", () => {
		expect(findJsonSyntaxProblem('{"a": [1, -2.5e3, "x\\u00e9", true, null, {}]}')).toBeUndefined();
	});

	it.each([
		['{"a": 01}', 1, 8],
		['{"a": "\\x"}', 1, 8],
		["[1, 2,]", 1, 7],
		['{\n"a" 1}', 2, 5],
		["{} {}", 1, 4],
		["", 1, 1],
	])("finds the problem in %j at line %i, column %i", (text, line, column) => {
		expect(findJsonSyntaxProblem(text)).toMatchObject({ line, column });
	});
});
