import { describe, expect, it } from "vitest";
import { isAppError } from "../../errors.js";
import { COLLECTIONS } from "./json-format.js";
import { parseJsonExport } from "./json-read.js";
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

function errorOf(text: string): { code: string; message: string } {
	try {
		parseJsonExport(text, "site.json");
	} catch (error) {
		if (isAppError(error)) return { code: error.code, message: error.message };
		throw error;
	}
	throw new Error("expected the file to be refused");
}

describe("reading a Dateline JSON export", () => {
	it("reads a valid file into its collections", () => {
		const document = parseJsonExport(file({ sections: [section] }));
		expect(document.collections.get("sections")).toEqual([section]);
		expect(document.collections.get("articles")).toEqual([]);
	});

	it("answers a syntax error with its line and column, whatever JSON.parse says", () => {
		const broken = '{\n  "format": "dateline",\n  "version": 1,\n  "sections": [\n    {"id": 1,}\n  ]\n}';
		const error = errorOf(broken);
		expect(error.code).toBe("ERR_JSON_SYNTAX");
		expect(error.message).toContain("site.json, line 5, column 14");
		expect(error.message).toContain('found "}"');
		expect(errorOf('{"format": "dateline"').message).toContain(
			'line 1, column 22: expected "," or "}", found the end of the file',
		);
		expect(errorOf('{"a": "tab\there"}').message).toContain("line 1, column 11");
	});

	it("names the collection, the record and the field of a bad value", () => {
		const error = errorOf(file({ sections: [section, { ...section, id: 2, path: "b", position: "first" }] }));
		expect(error.code).toBe("ERR_JSON_INVALID");
		expect(error.message).toContain('sections[1] (id 2): field "position": expected a whole number');
		expect(errorOf(file({ sections: [{ ...section, colour: "red" }] })).message).toContain(
			'sections[0] (id 1): unknown field "colour"',
		);
		const { slug: _slug, ...withoutSlug } = section;
		expect(errorOf(file({ sections: [withoutSlug] })).message).toContain('field "slug" is missing');
	});

	it("refuses a reference to a record that is not in the file", () => {
		const error = errorOf(file({ sections: [{ ...section, parent_id: 9 }] }));
		expect(error.message).toContain('sections[0] (id 1): field "parent_id": no sections record has id 9');
	});

	it("refuses two records with the same key", () => {
		expect(errorOf(file({ sections: [section, { ...section, path: "b" }] })).message).toContain(
			"sections[1] (id 1): another record has the same key",
		);
	});

	it("refuses another format, another version, and unknown or missing collections", () => {
		expect(errorOf(file({}, { format: "wordpress" })).message).toContain('"format" is "wordpress"');
		expect(errorOf(file({}, { version: 2 })).message).toContain(
			"version 2 of the format; this Dateline reads version 1",
		);
		expect(errorOf(file({}, { comments: [] })).message).toContain('unknown collection "comments"');
		const missing = JSON.parse(file()) as Record<string, unknown>;
		delete missing.articles;
		expect(errorOf(JSON.stringify(missing)).message).toContain('the collection "articles" is missing');
		expect(errorOf("[1, 2]").message).toContain("holds no object");
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
