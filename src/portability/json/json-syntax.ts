/** Where a text stops being JSON: the offset, its line and column (from 1), and what was expected there. */
export interface JsonSyntaxProblem {
	offset: number;
	line: number;
	column: number;
	expected: string;
	found: string;
}

class Stop extends Error {
	constructor(
		readonly offset: number,
		readonly expected: string,
	) {
		super(expected);
	}
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX = /^[0-9a-fA-F]{4}$/;

/**
 * A strict JSON reader that builds nothing and only finds the first place the
 * text breaks the grammar. JSON.parse says where on some errors and not on
 * others; this is run after it fails, to name the line and column every time.
 */
class Scanner {
	private i = 0;

	constructor(private readonly text: string) {}

	document(): void {
		this.value();
		this.space();
		if (this.i < this.text.length) this.stop("the end of the file");
	}

	private stop(expected: string): never {
		throw new Stop(this.i, expected);
	}

	private space(): void {
		while (this.i < this.text.length && WHITESPACE.has(this.text.charCodeAt(this.i))) this.i += 1;
	}

	private value(): void {
		this.space();
		const c = this.text[this.i];
		if (c === "{") this.object();
		else if (c === "[") this.array();
		else if (c === '"') this.string();
		else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) this.number();
		else {
			const word = ["true", "false", "null"].find((candidate) => this.text.startsWith(candidate, this.i));
			if (word === undefined) this.stop("a value");
			this.i += word.length;
		}
	}

	private object(): void {
		this.i += 1;
		this.space();
		if (this.text[this.i] === "}") {
			this.i += 1;
			return;
		}
		for (;;) {
			this.space();
			if (this.text[this.i] !== '"') this.stop("a property name in double quotes");
			this.string();
			this.space();
			if (this.text[this.i] !== ":") this.stop('":" after the property name');
			this.i += 1;
			this.value();
			this.space();
			const c = this.text[this.i];
			this.i += 1;
			if (c === "}") return;
			if (c !== ",") {
				this.i -= 1;
				this.stop('"," or "}"');
			}
		}
	}

	private array(): void {
		this.i += 1;
		this.space();
		if (this.text[this.i] === "]") {
			this.i += 1;
			return;
		}
		for (;;) {
			this.value();
			this.space();
			const c = this.text[this.i];
			this.i += 1;
			if (c === "]") return;
			if (c !== ",") {
				this.i -= 1;
				this.stop('"," or "]"');
			}
		}
	}

	private string(): void {
		this.i += 1;
		for (;;) {
			if (this.i >= this.text.length) this.stop('a closing "');
			const code = this.text.charCodeAt(this.i);
			if (code === 0x22) {
				this.i += 1;
				return;
			}
			if (code < 0x20) this.stop("a character that is allowed in a string (control characters must be escaped)");
			if (code === 0x5c) {
				const next = this.text[this.i + 1] ?? "";
				if (next === "u") {
					if (!HEX.test(this.text.slice(this.i + 2, this.i + 6))) this.stop("four hex digits after \\u");
					this.i += 6;
				} else if (ESCAPES.has(next)) this.i += 2;
				else this.stop('an escape such as \\n, \\" or \\u0041');
			} else this.i += 1;
		}
	}

	private digits(): void {
		const start = this.i;
		for (let code = this.text.charCodeAt(this.i); code >= 0x30 && code <= 0x39; code = this.text.charCodeAt(this.i))
			this.i += 1;
		if (this.i === start) this.stop("a digit");
	}

	private number(): void {
		if (this.text[this.i] === "-") this.i += 1;
		if (this.text[this.i] === "0") this.i += 1;
		else this.digits();
		if (this.text[this.i] === ".") {
			this.i += 1;
			this.digits();
		}
		if (this.text[this.i] === "e" || this.text[this.i] === "E") {
			this.i += 1;
			if (this.text[this.i] === "+" || this.text[this.i] === "-") this.i += 1;
			this.digits();
		}
	}
}

/** Line and column (both from 1) of a UTF-16 offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let index = text.indexOf("\n"); index !== -1 && index < offset; index = text.indexOf("\n", index + 1)) {
		line += 1;
		lineStart = index + 1;
	}
	return { line, column: offset - lineStart + 1 };
}

/** The first syntax error in `text`, or undefined when it is well-formed JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
	try {
		new Scanner(text).document();
		return undefined;
	} catch (error) {
		// A RangeError is nesting deeper than the stack: report it at the start, where nothing better is known.
		const stop = error instanceof Stop ? error : new Stop(0, "less deeply nested arrays and objects");
		const found =
			stop.offset >= text.length ? "the end of the file" : JSON.stringify([...text.slice(stop.offset)][0] ?? "");
		return { offset: stop.offset, ...lineAndColumn(text, stop.offset), expected: stop.expected, found };
	}
}
