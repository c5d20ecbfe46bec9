import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";
import type { BodyFormat } from "../../db/database.js";

/** Raw HTML in the Markdown source is shown as text; only Markdown makes markup. */
const markdown = new MarkdownIt({
	html: false,
	linkify: true,
	typographer: true,
});

/** The tags and attributes an article body may carry; everything else is removed. */
const sanitizeOptions: sanitizeHtml.IOptions = {
	allowedTags: [
		"p",
		"h2",
		"h3",
		"h4",
		"blockquote",
		"ul",
		"ol",
		"li",
		"a",
		"em",
		"strong",
		"code",
		"pre",
		"hr",
		"br",
		"table",
		"thead",
		"tbody",
		"tr",
		"th",
		"td",
		"figure",
		"figcaption",
		"img",
		"s",
		"sub",
		"sup",
	],
	allowedAttributes: {
		a: ["href", "title", "rel"],
		img: ["src", "alt", "width", "height", "loading"],
		th: ["scope"],
		ol: ["start"],
	},
	allowedSchemes: ["http", "https", "mailto"],
	allowedSchemesAppliedToAttributes: ["href", "src"],
	transformTags: {
		a: (tagName, attribs) => {
			const external = /^https?:\/\//i.test(attribs.href ?? "");
			return {
				tagName,
				attribs: external ? { ...attribs, rel: "noopener" } : attribs,
			};
		},
	},
};

export interface RenderedBody {
	/** Sanitized HTML, safe to insert into a page. */
	html: string;
	/** Plain text with paragraphs separated by blank lines, for excerpts and the search index. */
	text: string;
}

/** Renders an article's Markdown source to sanitized HTML and to plain text. */
export function renderBody(source: string): RenderedBody {
	const html = sanitizeHtml(markdown.render(source), sanitizeOptions).trim();
	return { html, text: plainText(source) };
}

/** HTML to Markdown in the house style: ATX headings, fenced code, "-" bullets. */
const turndown = new TurndownService({
	headingStyle: "atx",
	codeBlockStyle: "fenced",
	bulletListMarker: "-",
	emDelimiter: "_",
});

/** Markdown for an HTML body; what it cannot express (figures, captions) is reduced to its text. */
export function htmlToMarkdown(html: string): string {
	return turndown.turndown(html);
}

/** Renders a body kept as HTML (an import Markdown could not hold as it was): sanitized, with its plain text. */
export function renderHtmlBody(source: string): RenderedBody {
	const html = sanitizeBodyHtml(source);
	return { html, text: plainText(htmlToMarkdown(html)) };
}

/** Renders a stored body in its own format. */
export function renderStoredBody(format: BodyFormat, source: string): RenderedBody {
	return format === "html" ? renderHtmlBody(source) : renderBody(source);
}

/**
 * Sanitizes HTML that arrives as HTML (WordPress and JSON imports), with the
 * same allowlist as rendered Markdown. Every path that stores a body runs it
 * (or renders Markdown through it), so readers get stored HTML as it is.
 */
export function sanitizeBodyHtml(html: string): string {
	return sanitizeHtml(html, sanitizeOptions).trim();
}

function plainText(source: string): string {
	const blocks: string[] = [];
	let current = "";
	for (const token of markdown.parse(source, {})) {
		if (token.type === "inline") {
			for (const child of token.children ?? []) {
				if (child.type === "text" || child.type === "code_inline") current += child.content;
				else if (child.type === "softbreak" || child.type === "hardbreak") current += " ";
			}
		} else if (token.type === "fence" || token.type === "code_block") {
			current += token.content;
		} else if (token.nesting === -1 && /^(paragraph|heading|list_item|blockquote)_close$/.test(token.type)) {
			if (current.trim()) blocks.push(current.trim());
			current = "";
		}
	}
	if (current.trim()) blocks.push(current.trim());
	return blocks.join("\n\n");
}
