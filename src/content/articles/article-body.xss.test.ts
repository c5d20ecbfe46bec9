import { load } from "cheerio";
import type { AnyNode } from "domhandler";
import { describe, expect, it } from "vitest";
import { XSS_PAYLOADS } from "../../../test/support/xss-payloads.js";
import { renderBody, sanitizeBodyHtml } from "./article-body.js";

/** True when the HTML could run script in a browser: script elements, event handlers, or script URLs. */
function dangerous(html: string): string[] {
	const $ = load(html);
	const problems: string[] = [];
	const tagOf = (el: AnyNode) => String($(el).prop("tagName")).toLowerCase();
	$("script, iframe, object, embed, style, link, meta, base, form, input, button, svg, math, template, noscript").each(
		(_, el) => {
			problems.push(`<${tagOf(el)}>`);
		},
	);
	$("*").each((_, el) => {
		const tag = tagOf(el);
		for (const [name, value] of Object.entries($(el).attr() ?? {})) {
			if (/^on/i.test(name)) problems.push(`${tag}[${name}]`);
			if (["style", "background", "formaction", "srcset", "srcdoc"].includes(name)) problems.push(`${tag}[${name}]`);
			const squashed = value.replace(/[\s\p{Cc}]+/gu, "").toLowerCase();
			if (/^(javascript|vbscript|data):/.test(squashed)) problems.push(`${tag}[${name}=${value}]`);
		}
	});
	return problems;
}

describe("article HTML is safe", () => {
	it("has at least 50 payloads to try", () => {
		expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
	});

	it.each(XSS_PAYLOADS)("neutralises %s written in Markdown", (payload) => {
		const { html } = renderBody(`Before.\n\n${payload}\n\nAfter.`);
		expect(dangerous(html)).toEqual([]);
	});

	it.each(XSS_PAYLOADS)("neutralises %s arriving as HTML", (payload) => {
		expect(dangerous(sanitizeBodyHtml(`<p>Before.</p>${payload}<p>After.</p>`))).toEqual([]);
	});

	it("has a checker that notices the raw payloads it is meant to catch", () => {
		const caught = XSS_PAYLOADS.filter((payload) => payload.startsWith("<") && dangerous(payload).length > 0);
		expect(caught.length).toBeGreaterThanOrEqual(40);
	});

	it("keeps ordinary formatting", () => {
		const { html } = renderBody(
			"## Heading\n\nA **bold** [link](https://example.org) and a list:\n\n- one\n- two\n\n> quote",
		);
		expect(html).toContain("<h2>Heading</h2>");
		expect(html).toContain("<strong>bold</strong>");
		expect(html).toContain('<a href="https://example.org" rel="noopener">link</a>');
		expect(html).toContain("<blockquote>");
	});
});
