import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { renderBody, sanitizeBodyHtml } from "./article-body.js";

/**
 * Script injection attempts, written for this suite from the well-known
 * families: script and event-handler injection, dangerous URL schemes (with
 * case, whitespace and entity tricks), style and CSS expressions, SVG and
 * MathML, forms and frames, meta refresh, template and comment confusion,
 * and Markdown-specific link and image forms.
 */
export const XSS_PAYLOADS: readonly string[] = [
	"<script>alert(1)</script>",
	"<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
	"<script/src=data:,alert(1)></script>",
	"<img src=x onerror=alert(1)>",
	'<img src="x" onerror="alert(1)">',
	"<img src=x onError=alert(1)//",
	"<svg onload=alert(1)>",
	"<svg><script>alert(1)</script></svg>",
	'<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
	"<body onload=alert(1)>",
	"<iframe src=javascript:alert(1)></iframe>",
	'<iframe srcdoc="<script>alert(1)</script>"></iframe>',
	"<object data=javascript:alert(1)></object>",
	'<embed src="javascript:alert(1)">',
	'<a href="javascript:alert(1)">x</a>',
	'<a href="JaVaScRiPt:alert(1)">x</a>',
	'<a href=" javascript:alert(1)">x</a>',
	'<a href="jav&#x09;ascript:alert(1)">x</a>',
	'<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
	'<a href="vbscript:msgbox(1)">x</a>',
	'<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
	'<a href="#" onclick="alert(1)">x</a>',
	'<a href="https://example.org" onmouseover="alert(1)">x</a>',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<p style="x:expression(alert(1))">x</p>',
	"<style>body{background:url(javascript:alert(1))}</style>",
	'<link rel="stylesheet" href="javascript:alert(1)">',
	'<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
	'<form action="javascript:alert(1)"><button>x</button></form>',
	'<input autofocus onfocus="alert(1)">',
	'<button formaction="javascript:alert(1)">x</button>',
	"<details open ontoggle=alert(1)>",
	"<marquee onstart=alert(1)>x</marquee>",
	"<video><source onerror=alert(1)></video>",
	"<audio src=x onerror=alert(1)>",
	"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
	"<template><script>alert(1)</script></template>",
	'<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
	'<!--<img src="--><img src=x onerror=alert(1)//">',
	"<![CDATA[<script>alert(1)</script>]]>",
	'<base href="javascript:alert(1)//">',
	'<img src="javascript:alert(1)">',
	'<img srcset="x 1x, javascript:alert(1) 2x">',
	"<table background=javascript:alert(1)>",
	'<td background="javascript:alert(1)">',
	'<object type="text/x-scriptlet" data="https://evil.example/x.sct"></object>',
	"<isindex type=image src=1 onerror=alert(1)>",
	"<xss id=x tabindex=1 onfocus=alert(1)></xss>",
	'"><script>alert(1)</script>',
	"'><img src=x onerror=alert(1)>",
	"[click](javascript:alert(1))",
	"[click](JAVASCRIPT:alert(1))",
	"[click](<javascript:alert(1)>)",
	"![x](javascript:alert(1))",
	'![x](https://example.org/x.png "onerror=alert(1)")',
	"[click](data:text/html,<script>alert(1)</script>)",
	"<a href=javascript&colon;alert(1)>x</a>",
	"<scr<script>ipt>alert(1)</scr</script>ipt>",
];

/** True when the HTML could run script in a browser: script elements, event handlers, or script URLs. */
function dangerous(html: string): string[] {
	const $ = load(html);
	const problems: string[] = [];
	$("script, iframe, object, embed, style, link, meta, base, form, input, button, svg, math, template, noscript").each(
		(_, el) => {
			problems.push(`<${el.tagName}>`);
		},
	);
	$("*").each((_, el) => {
		for (const [name, value] of Object.entries(el.attribs ?? {})) {
			if (/^on/i.test(name)) problems.push(`${el.tagName}[${name}]`);
			if (name === "style" || name === "background" || name === "formaction" || name === "srcset" || name === "srcdoc")
				problems.push(`${el.tagName}[${name}]`);
			const squashed = value.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
			if (/^(javascript|vbscript|data):/.test(squashed)) problems.push(`${el.tagName}[${name}=${value}]`);
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
