/**
 * The few XML building blocks the feed and sitemap renderers share. Text and
 * attribute values are always escaped here, and characters XML 1.0 forbids
 * (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped, so no story
 * text can make a document ill-formed.
 */

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 does not allow anywhere in a document. */
export function xmlSafe(text: string): string {
	return text.replace(NOT_XML_CHAR, "");
}

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
	...TEXT_ESCAPES,
	'"': "&quot;",
	"'": "&apos;",
	"\t": "&#9;",
	"\n": "&#10;",
};

/** Character data for an element's content. A carriage return survives as a reference, as parsers would drop it. */
export function escapeText(text: string): string {
	return xmlSafe(text).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** An attribute value for double or single quotes; whitespace is kept as references, as parsers would fold it. */
export function escapeAttribute(value: string): string {
	return xmlSafe(value).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** `text` as one or more CDATA sections: every "]]>" is split across two, which is the only way to carry it. */
export function cdata(text: string): string {
	return `<![CDATA[${xmlSafe(text).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

export type Attributes = Readonly<Record<string, string | number | undefined>>;

function attributes(attrs: Attributes): string {
	return Object.entries(attrs)
		.filter((entry): entry is [string, string | number] => entry[1] !== undefined)
		.map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
		.join("");
}

/** `<name attrs>text</name>` with the text escaped. */
export function textElement(name: string, text: string, attrs: Attributes = {}): string {
	return `<${name}${attributes(attrs)}>${escapeText(text)}</${name}>`;
}

/** `<name attrs/>`. */
export function emptyElement(name: string, attrs: Attributes = {}): string {
	return `<${name}${attributes(attrs)}/>`;
}

/** `<name attrs>` + children + `</name>`; the children must come from the builders in this module. */
export function element(name: string, attrs: Attributes, children: readonly string[]): string {
	const open = `<${name}${attributes(attrs)}>`;
	return children.length === 0 ? `${open}</${name}>` : `${open}\n${children.join("\n")}\n</${name}>`;
}

/** A whole document: the XML declaration, then the root element. */
export function xmlDocument(root: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

/** An instant as RFC 3339 in UTC, to the second ("2026-03-15T09:30:00Z"): Atom, JSON Feed and sitemaps all take it. */
export function rfc3339(at: Date): string {
	return at.toISOString().replace(/\.\d{3}Z$/, "Z");
}
