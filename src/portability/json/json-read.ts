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
import { type ExportEvent, exportEvents, type FilePosition, fileChunks, textChunks } from "./json-stream.js";

const HEADER_KEYS = new Set(["format", "version", "migrations"]);
export const COLLECTION_NAMES: ReadonlySet<string> = new Set(COLLECTIONS.map((spec) => spec.name));
/** Collections that others refer to: their ids are kept while a file is read. */
const REFERENCED: ReadonlySet<string> = new Set(
	COLLECTIONS.flatMap((spec) =>
		spec.columns.flatMap(([, type]) => (type.kind === "integer" && type.references ? [type.references] : [])),
	),
);

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

/** What a checked record is, for the importer. */
export interface CheckedRecord {
	collection: CollectionSpec;
	values: RecordValues;
}

/**
 * Checks a file's events as they come: the header before any collection,
 * collections known, complete and in the format's order (each after those it
 * refers to), every record's fields (zod), no two records with one key, and
 * every reference naming a record read earlier. A problem is ERR_JSON_INVALID
 * naming the collection, the record's place, key and line, and the field.
 */
export class ExportChecker {
	private readonly header = new Map<string, unknown>();
	private next = 0;
	private current: { spec: CollectionSpec; schema: z.ZodType<RecordValues>; keys: Set<string> } | undefined;
	/** Ids of every collection read so far that others refer to. */
	private readonly ids = new Map<string, Set<number>>();
	/** References within the collection being read (a section's parent), checked at its end. */
	private pending: { column: string; value: number; where: string }[] = [];
	migrations: string[] = [];

	constructor(readonly source: string) {}

	private where(spec: CollectionSpec, index: number, values: unknown, at: FilePosition): string {
		const record = typeof values === "object" && values !== null ? (values as Record<string, unknown>) : {};
		const key = spec.primaryKey
			.map((column) => (record[column] === undefined ? undefined : `${column} ${JSON.stringify(record[column])}`))
			.filter((part) => part !== undefined)
			.join(", ");
		return `${spec.name}[${index}]${key ? ` (${key})` : ""}, line ${at.line}`;
	}

	/** Checks one event; a record comes back checked and typed, anything else as undefined. */
	check(event: ExportEvent): CheckedRecord | undefined {
		switch (event.kind) {
			case "header":
				this.checkHeader(event.key, event.value, event.at);
				return undefined;
			case "collection":
				this.startCollection(event.name);
				return undefined;
			case "record":
				return this.checkRecord(event.index, event.value, event.at);
			case "end":
				this.endCollection();
				return undefined;
		}
	}

	private checkHeader(key: string, value: unknown, at: FilePosition): void {
		if (!HEADER_KEYS.has(key)) throw invalid(`${this.source}, line ${at.line}: unknown collection "${key}".`);
		if (this.next > 0) throw invalid(`${this.source}, line ${at.line}: "${key}" must come before the collections.`);
		this.header.set(key, value);
		if (key === "format" && value !== JSON_FORMAT)
			throw invalid(`${this.source} is not a Dateline export: "format" is ${JSON.stringify(value)}, not "dateline".`);
		if (key === "version" && value !== JSON_FORMAT_VERSION)
			throw invalid(
				`${this.source} is version ${JSON.stringify(value)} of the format; this Dateline reads version ${JSON_FORMAT_VERSION}.`,
			);
		if (key === "migrations") {
			const parsed = z.array(z.string()).safeParse(value);
			if (!parsed.success) throw invalid(`${this.source}: "migrations" must be a list of migration names.`);
			this.migrations = parsed.data;
		}
	}

	private startCollection(name: string): void {
		if (this.header.get("format") !== JSON_FORMAT)
			throw invalid(
				`${this.source} is not a Dateline export: it must start with "format": "dateline" and "version": 1.`,
			);
		for (const key of HEADER_KEYS)
			if (!this.header.has(key)) throw invalid(`${this.source}: "${key}" is missing before the collections.`);
		const position = COLLECTIONS.findIndex((spec) => spec.name === name);
		const expected = COLLECTIONS[this.next];
		if (position < this.next) throw invalid(`${this.source}: the collection "${name}" appears twice or out of order.`);
		if (position > this.next && expected)
			throw invalid(`${this.source}: the collection "${expected.name}" must come before "${name}".`);
		const spec = COLLECTIONS[position] as CollectionSpec;
		this.current = { spec, schema: recordSchema(spec), keys: new Set() };
		this.next = position + 1;
	}

	private checkRecord(index: number, value: unknown, at: FilePosition): CheckedRecord {
		const current = this.current;
		if (!current) throw new Error("a record outside a collection");
		const { spec, schema, keys } = current;
		const parsed = schema.safeParse(value);
		if (!parsed.success) throw invalid(`${this.where(spec, index, value, at)}: ${describeIssue(parsed.error, value)}.`);
		const values = parsed.data;
		const key = JSON.stringify(spec.primaryKey.map((column) => values[column]));
		if (keys.has(key)) throw invalid(`${this.where(spec, index, value, at)}: another record has the same key.`);
		keys.add(key);
		for (const [column, type] of spec.columns) {
			if (type.kind !== "integer" || !type.references) continue;
			const target = values[column];
			if (target === null || target === undefined) continue;
			if (type.references === spec.name) {
				this.pending.push({ column, value: Number(target), where: this.where(spec, index, value, at) });
			} else if (!this.ids.get(type.references)?.has(Number(target)))
				throw invalid(
					`${this.where(spec, index, value, at)}: field "${column}": no ${type.references} record has id ${target}.`,
				);
		}
		if (REFERENCED.has(spec.name)) {
			const set = this.ids.get(spec.name) ?? new Set<number>();
			this.ids.set(spec.name, set);
			set.add(Number(values.id));
		}
		return { collection: spec, values };
	}

	private endCollection(): void {
		const spec = this.current?.spec;
		for (const reference of this.pending)
			if (!this.ids.get(spec?.name ?? "")?.has(reference.value))
				throw invalid(
					`${reference.where}: field "${reference.column}": no ${spec?.name} record has id ${reference.value}.`,
				);
		this.pending = [];
		this.current = undefined;
	}

	/** After the last event: every collection must have been there. */
	finish(): void {
		if (this.next === 0) this.startCollection(COLLECTIONS[0]?.name ?? "");
		const missing = COLLECTIONS[this.next];
		if (missing)
			throw invalid(`${this.source}: the collection "${missing.name}" is missing (an empty one is written as []).`);
	}
}

/** Checked records of a file, read as a stream: one record in memory at a time, whatever the file's size. */
export async function* readExportFile(file: string, checker = new ExportChecker(file)): AsyncGenerator<CheckedRecord> {
	yield* checkedRecords(fileChunks(file), checker);
}

/** Checked records from text chunks. */
export async function* checkedRecords(
	chunks: AsyncIterable<string>,
	checker: ExportChecker,
): AsyncGenerator<CheckedRecord> {
	for await (const event of exportEvents(chunks, { source: checker.source, collections: COLLECTION_NAMES })) {
		const record = checker.check(event);
		if (record) yield record;
	}
	checker.finish();
}

/** Checked records of an export held in memory. */
export function readExportText(text: string, source = "the file"): AsyncGenerator<CheckedRecord> {
	return checkedRecords(textChunks(text), new ExportChecker(source));
}

/** Reads a whole export held in memory (tests, small files) into its collections. */
export async function parseJsonExport(text: string, source = "the file"): Promise<DatelineDocument> {
	const checker = new ExportChecker(source);
	const collections = new Map<CollectionName, RecordValues[]>(COLLECTIONS.map((spec) => [spec.name, []]));
	for await (const record of checkedRecords(textChunks(text), checker))
		collections.get(record.collection.name)?.push(record.values);
	return { format: JSON_FORMAT, version: JSON_FORMAT_VERSION, migrations: checker.migrations, collections };
}
