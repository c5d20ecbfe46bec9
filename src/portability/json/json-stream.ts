import { createReadStream } from "node:fs";
import { AppError } from "../../errors.js";
import { findJsonSyntaxProblem } from "./json-syntax.js";

/** Where a value starts in the file (line and column from 1). */
export interface FilePosition {
	line: number;
	column: number;
}

/**
 * What the reader meets in a file, in order: the top-level keys that are not
 * arrays of records ("format", "version", "migrations", or a stranger), and
 * for each collection its start, each record, and its end. Each record is
 * parsed on its own, so a file of any size is read with one record in memory.
 */
export type ExportEvent =
	| { kind: "header"; key: string; value: unknown; at: FilePosition }
	| { kind: "collection"; name: string; at: FilePosition }
	| { kind: "record"; collection: string; index: number; value: unknown; at: FilePosition }
	| { kind: "end"; collection: string; count: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function isSpace(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === NEWLINE || code === 0x0d;
}

/**
 * Text arriving in chunks, read with a position that knows its line and
 * column. Values are cut out whole (strings and nesting followed) and handed
 * to JSON.parse; what is already read is dropped as the reader moves on.
 */
class ChunkedText {
	private buffer = "";
	private pos = 0;
	private ended = false;
	private line = 1;
	/** Offset in the whole text of `buffer[0]`, and of the start of the current line. */
	private base = 0;
	private lineStart = 0;

	constructor(
		private readonly chunks: AsyncIterator<string>,
		private readonly source: string,
	) {}

	/** Appends the next chunk, dropping what lies before `keep`; false at the end of the text. */
	private async more(keep = this.pos): Promise<boolean> {
		if (this.ended) return false;
		const next = await this.chunks.next();
		if (next.done) {
			this.ended = true;
			return false;
		}
		this.buffer = this.buffer.slice(keep) + next.value;
		this.base += keep;
		this.pos -= keep;
		return true;
	}

	position(): FilePosition {
		return { line: this.line, column: this.base + this.pos - this.lineStart + 1 };
	}

	private advance(): void {
		if (this.buffer.charCodeAt(this.pos) === NEWLINE) {
			this.line += 1;
			this.lineStart = this.base + this.pos + 1;
		}
		this.pos += 1;
	}

	/** The next character's code after any whitespace, or -1 at the end of the text. */
	async peek(): Promise<number> {
		for (;;) {
			while (this.pos < this.buffer.length) {
				const code = this.buffer.charCodeAt(this.pos);
				if (!isSpace(code)) return code;
				this.advance();
			}
			if (!(await this.more())) return -1;
		}
	}

	/** Consumes `expected` (after whitespace) or fails naming what was wanted. */
	async take(expected: string, wanted: string): Promise<void> {
		const code = await this.peek();
		if (code !== expected.charCodeAt(0)) this.fail(wanted, code);
		this.advance();
	}

	/** Consumes one of `choices`, returning which. */
	async takeOneOf(choices: string, wanted: string): Promise<string> {
		const code = await this.peek();
		const found = code === -1 ? "" : String.fromCharCode(code);
		if (found === "" || !choices.includes(found)) this.fail(wanted, code);
		this.advance();
		return found;
	}

	fail(wanted: string, code: number): never {
		const { line, column } = this.position();
		const found = code === -1 ? "the end of the file" : JSON.stringify(String.fromCharCode(code));
		throw new AppError(
			"ERR_JSON_SYNTAX",
			`${this.source}, line ${line}, column ${column}: expected ${wanted}, found ${found}.`,
		);
	}

	/** Reads one JSON value (after whitespace) and parses it; a broken value is reported at its own line and column. */
	async value(): Promise<{ value: unknown; at: FilePosition }> {
		const first = await this.peek();
		const at = this.position();
		if (first === -1) this.fail("a value", first);
		let depth = 0;
		let inString = false;
		let escaped = false;
		let done = false;
		const container = first === 0x7b || first === 0x5b;
		const scalar = !container && first !== QUOTE;
		let index = this.pos;
		while (!done) {
			if (index >= this.buffer.length) {
				// The value's text so far is kept (the position is still at its start) and moves with it.
				const offset = index - this.pos;
				if (!(await this.more())) break;
				index = this.pos + offset;
				continue;
			}
			const code = this.buffer.charCodeAt(index);
			if (inString) {
				if (escaped) escaped = false;
				else if (code === BACKSLASH) escaped = true;
				else if (code === QUOTE) {
					inString = false;
					if (!container) done = true;
				}
			} else if (scalar) {
				if (isSpace(code) || code === 0x2c || code === 0x5d || code === 0x7d) break;
			} else if (code === QUOTE) inString = true;
			else if (code === 0x7b || code === 0x5b) depth += 1;
			else if (code === 0x7d || code === 0x5d) {
				depth -= 1;
				if (depth === 0) done = true;
			}
			index += 1;
		}
		const text = this.buffer.slice(this.pos, index);
		while (this.pos < index) this.advance();
		try {
			return { value: JSON.parse(text), at };
		} catch (error) {
			const problem = findJsonSyntaxProblem(text);
			if (!problem) throw error;
			const line = at.line + problem.line - 1;
			const column = problem.line === 1 ? at.column + problem.column - 1 : problem.column;
			throw new AppError(
				"ERR_JSON_SYNTAX",
				`${this.source}, line ${line}, column ${column}: expected ${problem.expected}, found ${problem.found}.`,
				{ cause: error },
			);
		}
	}
}

/**
 * Reads a Dateline export from text chunks as a stream of events. Only the
 * layout is checked here (an object whose collection keys hold arrays); what
 * the values mean is json-read.ts's business.
 */
export async function* exportEvents(
	chunks: AsyncIterable<string>,
	options: { source: string; collections: ReadonlySet<string> },
): AsyncGenerator<ExportEvent> {
	const text = new ChunkedText(chunks[Symbol.asyncIterator](), options.source);
	await text.take("{", '"{" (a Dateline export is one JSON object)');
	if ((await text.peek()) === 0x7d) await text.take("}", '"}"');
	else {
		for (;;) {
			if ((await text.peek()) !== QUOTE) text.fail("a property name in double quotes", await text.peek());
			const { value: key, at } = await text.value();
			await text.take(":", '":" after the property name');
			const name = String(key);
			if (options.collections.has(name)) {
				await text.take("[", `"[": "${name}" is an array of records`);
				yield { kind: "collection", name, at };
				let count = 0;
				if ((await text.peek()) === 0x5d) await text.take("]", '"]"');
				else {
					for (;;) {
						const record = await text.value();
						yield { kind: "record", collection: name, index: count, value: record.value, at: record.at };
						count += 1;
						if ((await text.takeOneOf(",]", '"," or "]"')) === "]") break;
					}
				}
				yield { kind: "end", collection: name, count };
			} else {
				const { value } = await text.value();
				yield { kind: "header", key: name, value, at };
			}
			if ((await text.takeOneOf(",}", '"," or "}"')) === "}") break;
		}
	}
	const after = await text.peek();
	if (after !== -1) text.fail("the end of the file", after);
}

/** A file's text in chunks, without a leading byte-order mark (editors add one; it carries nothing). */
export async function* fileChunks(file: string): AsyncGenerator<string> {
	let first = true;
	for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1024 * 1024 })) {
		const text = String(chunk);
		yield first ? text.replace(/^\uFEFF/, "") : text;
		first = false;
	}
}

/** One string as a single chunk. */
export async function* textChunks(text: string): AsyncGenerator<string> {
	yield text.replace(/^\uFEFF/, "");
}
