import { readFile } from "node:fs/promises";
import { z } from "zod";
import { AppError } from "../../errors.js";
import {
	COLLECTIONS,
	type CollectionName,
	type CollectionSpec,
	type DatelineDocument,
	JSON_FORMAT,
	JSON_FORMAT_VERSION,
	type RecordValues,
	recordSchema,
} from "./json-format.js";
import { findJsonSyntaxProblem } from "./json-syntax.js";

/**
 * V8 keeps a string under about 512 MiB, so a file must be smaller than that
 * to be read in one piece. Files past it are refused before they are read.
 */
export const MAX_JSON_BYTES = 500 * 1024 * 1024;

const HEADER_KEYS = ["format", "version", "migrations"];

/** "articles[12] (id 45)": the record by its place in the file and its primary key. */
function describeRecord(spec: CollectionSpec, index: number, record: unknown): string {
	const values = typeof record === "object" && record !== null ? (record as Record<string, unknown>) : {};
	const key = spec.primaryKey
		.map((column) => (values[column] === undefined ? undefined : `${column} ${JSON.stringify(values[column])}`))
		.filter((part) => part !== undefined)
		.join(", ");
	return `${spec.name}[${index}]${key ? ` (${key})` : ""}`;
}

function invalid(detail: string): AppError {
	return new AppError("ERR_JSON_INVALID", detail);
}

/** The first problem zod found, as "field "x": what was expected". */
function describeIssue(error: z.ZodError, record: unknown): string {
	const issue = error.issues[0];
	if (!issue) return "not valid";
	if (issue.code === "unrecognized_keys") return `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
	if (issue.path.length === 0) return "expected an object with the collection's fields";
	const field = `field "${issue.path.join(".")}"`;
	const present = typeof record === "object" && record !== null && String(issue.path[0]) in record;
	return present ? `${field}: ${issue.message}` : `${field} is missing`;
}

function checkRecords(spec: CollectionSpec, raw: unknown): RecordValues[] {
	if (!Array.isArray(raw)) throw invalid(`"${spec.name}" must be an array of records.`);
	const schema = recordSchema(spec);
	const keys = new Set<string>();
	return raw.map((record, index) => {
		const parsed = schema.safeParse(record);
		if (!parsed.success)
			throw invalid(`${describeRecord(spec, index, record)}: ${describeIssue(parsed.error, record)}.`);
		const key = JSON.stringify(spec.primaryKey.map((column) => parsed.data[column]));
		if (keys.has(key)) throw invalid(`${describeRecord(spec, index, record)}: another record has the same key.`);
		keys.add(key);
		return parsed.data;
	});
}

/** Every reference (`section_id`, `created_by` …) must name a record of the file. */
function checkReferences(collections: Map<CollectionName, RecordValues[]>): void {
	const ids = new Map<CollectionName, Set<number>>();
	const idsOf = (name: CollectionName) => {
		let set = ids.get(name);
		if (!set) {
			set = new Set((collections.get(name) ?? []).map((record) => Number(record.id)));
			ids.set(name, set);
		}
		return set;
	};
	for (const spec of COLLECTIONS) {
		const references = spec.columns.flatMap(([column, type]) =>
			type.kind === "integer" && type.references ? [{ column, target: type.references }] : [],
		);
		if (references.length === 0) continue;
		(collections.get(spec.name) ?? []).forEach((record, index) => {
			for (const { column, target } of references) {
				const value = record[column];
				if (value === null || value === undefined) continue;
				if (!idsOf(target).has(Number(value)))
					throw invalid(
						`${describeRecord(spec, index, record)}: field "${column}": no ${target} record has id ${value}.`,
					);
			}
		});
	}
}

/**
 * Reads a Dateline JSON export held in `text`. A syntax error is
 * ERR_JSON_SYNTAX with its line and column; a file of the wrong shape is
 * ERR_JSON_INVALID naming the collection, the record and the field.
 */
export function parseJsonExport(text: string, source = "the file"): DatelineDocument {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		const problem = findJsonSyntaxProblem(text);
		const reason = error instanceof Error ? error.message : String(error);
		throw new AppError(
			"ERR_JSON_SYNTAX",
			problem
				? `${source}, line ${problem.line}, column ${problem.column}: expected ${problem.expected}, found ${problem.found}.`
				: `${source}: ${reason}`,
			{ cause: error },
		);
	}
	if (typeof raw !== "object" || raw === null || Array.isArray(raw))
		throw invalid(`${source} holds no object; a Dateline export starts with {"format": "dateline", …}.`);
	const top = raw as Record<string, unknown>;
	if (top.format !== JSON_FORMAT)
		throw invalid(`${source} is not a Dateline export: "format" is ${JSON.stringify(top.format)}, not "dateline".`);
	if (top.version !== JSON_FORMAT_VERSION)
		throw invalid(
			`${source} is version ${JSON.stringify(top.version)} of the format; this Dateline reads version ${JSON_FORMAT_VERSION}.`,
		);
	const migrations = z.array(z.string()).safeParse(top.migrations);
	if (!migrations.success) throw invalid(`"migrations" must be a list of migration names.`);
	const known = new Set<string>([...HEADER_KEYS, ...COLLECTIONS.map((spec) => spec.name)]);
	const unknown = Object.keys(top).filter((key) => !known.has(key));
	if (unknown.length > 0) throw invalid(`unknown collection ${unknown.map((key) => `"${key}"`).join(", ")}.`);
	const collections = new Map<CollectionName, RecordValues[]>();
	for (const spec of COLLECTIONS) {
		if (!(spec.name in top)) throw invalid(`the collection "${spec.name}" is missing (an empty one is written as []).`);
		collections.set(spec.name, checkRecords(spec, top[spec.name]));
	}
	checkReferences(collections);
	return { format: JSON_FORMAT, version: JSON_FORMAT_VERSION, migrations: migrations.data, collections };
}

/** Reads and checks a Dateline JSON export from disk, in one piece (files up to MAX_JSON_BYTES). */
export async function readJsonExport(file: string): Promise<DatelineDocument> {
	const data = await readFile(file);
	if (data.length > MAX_JSON_BYTES)
		throw invalid(
			`${file} is ${(data.length / 1024 / 1024).toFixed(0)} MiB; files up to ${MAX_JSON_BYTES / 1024 / 1024} MiB can be read for now.`,
		);
	// A byte-order mark is not JSON, but editors add one; it carries nothing.
	return parseJsonExport(data.toString("utf8").replace(/^\uFEFF/, ""), file);
}
