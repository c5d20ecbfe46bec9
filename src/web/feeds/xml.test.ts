import { describe, expect, it } from "vitest";
import { HOSTILE_HEADLINE, HOSTILE_HEADLINE_CLEAN } from "../../../test/feeds/fake-feed.js";
import { parseXmlStrict } from "../../../test/feeds/xml-tree.js";
import {
	cdata,
	element,
	emptyElement,
	escapeAttribute,
	escapeText,
	rfc3339,
	textElement,
	xmlDocument,
	xmlSafe,
} from "./xml.js";

describe("xml helpers", () => {
	it("drop the characters XML 1.0 forbids and keep tab, newline, carriage return and every script", () => {
		expect(xmlSafe("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i")).toBe("abcdefghi");
		expect(xmlSafe("tab\tnew\nret\r")).toBe("tab\tnew\nret\r");
		expect(xmlSafe("باران 🌧 雨 Ünïcödé")).toBe("باران 🌧 雨 Ünïcödé");
	});

	it("escape markup in text and attributes", () => {
		expect(escapeText('Tea & trade: "<script>"')).toBe('Tea &amp; trade: "&lt;script&gt;"');
		expect(escapeAttribute(`a"b'c<d>&e\tf\ng`)).toBe("a&quot;b&apos;c&lt;d&gt;&amp;e&#9;f&#10;g");
	});

	it("split a CDATA section around every ]]>", () => {
		expect(cdata("a]]>b]]>c")).toBe("<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>c]]>");
	});

	it("write RFC 3339 instants in UTC to the second", () => {
		expect(rfc3339(new Date("2026-03-15T09:30:00.123Z"))).toBe("2026-03-15T09:30:00Z");
	});

	it("build documents a strict parser reads back character for character, whatever the text", () => {
		const xml = xmlDocument(
			element("root", { title: HOSTILE_HEADLINE }, [
				textElement("text", HOSTILE_HEADLINE),
				`<raw>${cdata(HOSTILE_HEADLINE)}</raw>`,
				emptyElement("empty", { a: 1, skipped: undefined }),
				element("none", {}, []),
			]),
		);
		const root = parseXmlStrict(xml);
		expect(root.attributes.title).toBe(HOSTILE_HEADLINE_CLEAN);
		expect(root.children.map((child) => child.local)).toEqual(["text", "raw", "empty", "none"]);
		expect(root.children[0]?.text).toBe(HOSTILE_HEADLINE_CLEAN);
		expect(root.children[1]?.text).toBe(HOSTILE_HEADLINE_CLEAN);
		expect(root.children[2]?.attributes).toEqual({ a: "1" });
	});

	it("keep a carriage return through a parser's line-end normalisation", () => {
		const root = parseXmlStrict(xmlDocument(textElement("t", "a\r\nb", { v: "c\rd" })));
		expect(root.text).toBe("a\r\nb");
		expect(root.attributes.v).toBe("c\rd");
	});
});
