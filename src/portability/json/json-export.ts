import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Kysely } from "kysely";
import type { Db } from "../../db/database.js";
import type { DialectAdapter } from "../../db/dialects/dialect.js";
import {
	COLLECTIONS,
	type CollectionName,
	type CollectionSpec,
	JSON_FORMAT,
	JSON_FORMAT_VERSION,
	type RecordValues,
} from "./json-format.js";
import { type AnyTables, anyTables, appliedMigrations, orderExpressions } from "./json-tables.js";

export interface JsonExportOptions {
	db: Db;
	adapter: DialectAdapter;
	/** Where the file's text goes; it is written in pieces and not ended here. */
	out: Writable;
	/** Keep users' password hashes (default), or leave them out so every account must set a new password. */
	passwordHashes?: boolean;
	/** Rows fetched per query. */
	batchSize?: number;
	/** Called after each batch with the collection and how many of its rows are written so far. */
	onProgress?: (collection: CollectionName, rows: number) => void;
}

export interface JsonExportResult {
	counts: Record<CollectionName, number>;
	/** Bytes of UTF-8 written. */
	bytes: number;
}

/** How much text is gathered before it is handed to the stream. */
const CHUNK_CHARS = 256 * 1024;

/** Collects text and writes it in large pieces, waiting when the stream asks it to. */
class ChunkWriter {
	private pending: string[] = [];
	private pendingChars = 0;
	bytes = 0;

	constructor(private readonly out: Writable) {}

	async write(text: string): Promise<void> {
		this.pending.push(text);
		this.pendingChars += text.length;
		if (this.pendingChars >= CHUNK_CHARS) await this.flush();
	}

	async flush(): Promise<void> {
		if (this.pending.length === 0) return;
		const chunk = Buffer.from(this.pending.join(""), "utf8");
		this.pending = [];
		this.pendingChars = 0;
		this.bytes += chunk.length;
		if (!this.out.write(chunk)) await once(this.out, "drain");
	}
}

/** The record with its columns in the spec's order, whatever order the driver gave. */
function orderedRecord(spec: CollectionSpec, row: Record<string, unknown>): RecordValues {
	const record: RecordValues = {};
	for (const [column] of spec.columns) {
		const value = row[column];
		if (value === null || value === undefined) record[column] = null;
		else if (typeof value === "string" || typeof value === "number") record[column] = value;
		else throw new Error(`${spec.name}.${column} holds a ${typeof value}, which the format has no place for`);
	}
	return record;
}

/** Every row of one table in primary-key order, a batch at a time. */
async function* batches(
	db: Kysely<AnyTables>,
	spec: CollectionSpec,
	adapter: DialectAdapter,
	batchSize: number,
): AsyncGenerator<Record<string, unknown>[]> {
	const columns = spec.columns.map(([name]) => name);
	const order = orderExpressions(spec, adapter);
	const select = () => {
		let query = db.selectFrom(spec.name).select(columns);
		for (const expression of order) query = query.orderBy(expression);
		return query;
	};
	const paging = spec.paging;
	if (paging.kind === "id") {
		let last: number | undefined;
		for (;;) {
			const query = select().limit(batchSize);
			const rows = await (last === undefined ? query : query.where("id", ">", last)).execute();
			if (rows.length === 0) return;
			yield rows;
			last = Number(rows[rows.length - 1]?.id);
			if (rows.length < batchSize) return;
		}
	}
	if (paging.kind === "lead") {
		// A batch is every row of the next few values of the leading column, so no value is split between batches.
		const lead = paging.column;
		const leadsPerBatch = Math.max(1, Math.floor(batchSize / 10));
		let last: number | undefined;
		for (;;) {
			const query = db.selectFrom(spec.name).select(lead).distinct().orderBy(lead).limit(leadsPerBatch);
			const leads = await (last === undefined ? query : query.where(lead, ">", last)).execute();
			const first = leads[0]?.[lead];
			const final = leads[leads.length - 1]?.[lead];
			if (first === undefined || final === undefined || first === null || final === null) return;
			yield await select().where(lead, ">=", first).where(lead, "<=", final).execute();
			last = Number(final);
			if (leads.length < leadsPerBatch) return;
		}
	}
	for (let offset = 0; ; offset += batchSize) {
		const rows = await select().limit(batchSize).offset(offset).execute();
		if (rows.length === 0) return;
		yield rows;
		if (rows.length < batchSize) return;
	}
}

/**
 * Writes the whole site in the portable JSON format (docs/json-format.md):
 * every collection in primary-key order, one record per line, keys in a fixed
 * order, nothing that depends on when or where it ran. All of it is read in one
 * transaction, so a site that is being written to exports as it was at one moment.
 */
export async function exportJson(options: JsonExportOptions): Promise<JsonExportResult> {
	const batchSize = options.batchSize ?? 500;
	const writer = new ChunkWriter(options.out);
	const counts = Object.fromEntries(COLLECTIONS.map((spec) => [spec.name, 0])) as Record<CollectionName, number>;
	const work = async (trx: Db) => {
		const db = anyTables(trx);
		const migrations = await appliedMigrations(trx);
		await writer.write(
			`{\n  "format": ${JSON.stringify(JSON_FORMAT)},\n  "version": ${JSON_FORMAT_VERSION},\n  "migrations": ${JSON.stringify(migrations)}`,
		);
		for (const spec of COLLECTIONS) {
			await writer.write(`,\n  ${JSON.stringify(spec.name)}: [`);
			let count = 0;
			for await (const rows of batches(db, spec, options.adapter, batchSize)) {
				for (const row of rows) {
					const record = orderedRecord(spec, row);
					if (spec.name === "users" && options.passwordHashes === false) {
						record.password_hash = null;
						record.must_reset_password = 1;
					}
					await writer.write(`${count === 0 ? "\n" : ",\n"}    ${JSON.stringify(record)}`);
					count += 1;
				}
				options.onProgress?.(spec.name, count);
			}
			counts[spec.name] = count;
			await writer.write(count === 0 ? "]" : "\n  ]");
		}
		await writer.write("\n}\n");
		await writer.flush();
	};
	// One snapshot for the whole file: PostgreSQL's repeatable read; SQLite's read transaction (WAL keeps it),
	// declared read only so that it never holds the write lock while the site publishes.
	const transaction = options.db.transaction().setAccessMode("read only");
	await (options.adapter.name === "postgres" ? transaction.setIsolationLevel("repeatable read") : transaction).execute(
		work,
	);
	return { counts, bytes: writer.bytes };
}
