import { htmlToMarkdown, type RenderedBody, renderBody, renderHtmlBody } from "../../content/articles/article-body.js";
import type { BodyFormat } from "../../db/database.js";

/** An image a shortcode can name: an imported attachment, by its WordPress post ID. */
export interface ShortcodeImage {
	src: string;
	alt: string;
	caption: string;
}

/** What converting a body needs to know about the rest of the export. */
export interface ContentContext {
	/** The image of an attachment, by WordPress post ID. */
	image(attachmentId: string): ShortcodeImage | undefined;
	/** The images attached to a post, in their gallery order: what a bare `[gallery]` shows. */
	attachedImages(postId: string): ShortcodeImage[];
	/** The new address of a file the old site served (an uploaded image), if it was imported. */
	rewriteUrl(url: string): string | undefined;
}

export interface ConvertedBody extends RenderedBody {
	format: BodyFormat;
	/** Markdown when it renders to exactly the sanitized HTML, else the sanitized HTML itself. */
	source: string;
	/** Names of shortcodes left as text, once per occurrence. */
	unknownShortcodes: string[];
}

/** Shortcodes WordPress and its common plugins write that a Dateline body has its own form for. */
const HANDLED = new Set(["caption", "wp_caption", "embed", "gallery", "audio", "video"]);

const SHORTCODE = /\[(\[?)([A-Za-z_][\w-]*)(?![\w-])([^\]]*?)(\/)?\](?:([\s\S]*?)\[\/\2\])?(\]?)/g;

/** `key="value"`, `key='value'`, `key=value` and bare values, as WordPress's shortcode_parse_atts reads them. */
export function parseShortcodeAttributes(text: string): Map<string, string> {
	const attributes = new Map<string, string>();
	const pattern = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|(\S+)/g;
	let position = 0;
	for (const match of text.matchAll(pattern)) {
		const [, k1, v1, k2, v2, k3, v3, bare1, bare2] = match;
		if (k1 !== undefined) attributes.set(k1.toLowerCase(), v1 ?? "");
		else if (k2 !== undefined) attributes.set(k2.toLowerCase(), v2 ?? "");
		else if (k3 !== undefined) attributes.set(k3.toLowerCase(), v3 ?? "");
		else attributes.set(String(position++), bare1 ?? bare2 ?? "");
	}
	return attributes;
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function linkParagraph(url: string): string {
	const href = escapeHtml(url.trim());
	return `<p><a href="${href}">${href}</a></p>`;
}

function figure(image: ShortcodeImage): string {
	const caption = image.caption.trim() ? `<figcaption>${escapeHtml(image.caption.trim())}</figcaption>` : "";
	return `<figure><img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}">${caption}</figure>`;
}

/** `[caption]<a><img></a> The caption[/caption]`: the image (and its link) first, the rest is the caption. */
function caption(attributes: Map<string, string>, content: string): string {
	const match = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content);
	const image = match?.[1] ?? "";
	const text = (match ? (match[2] ?? "") : content).trim() || (attributes.get("caption") ?? "").trim();
	if (!image) return text ? `<p>${text}</p>` : "";
	return `<figure>${image}${text ? `<figcaption>${text}</figcaption>` : ""}</figure>`;
}

function gallery(attributes: Map<string, string>, postId: string, context: ContentContext): string {
	const exclude = new Set((attributes.get("exclude") ?? "").split(",").map((id) => id.trim()));
	const ids = (attributes.get("ids") ?? attributes.get("include") ?? "")
		.split(",")
		.map((id) => id.trim())
		.filter((id) => /^\d+$/.test(id) && !exclude.has(id));
	const images =
		ids.length > 0
			? ids.flatMap((id) => {
					const image = context.image(id);
					return image ? [image] : [];
				})
			: context.attachedImages(attributes.get("id") ?? postId);
	return images.map(figure).join("\n");
}

/** The first media URL of an `[audio]` or `[video]`: `src`, or a per-format attribute (`mp3=`, `mp4=`…), or the enclosed text. */
function mediaLink(attributes: Map<string, string>, content: string): string {
	const url =
		attributes.get("src") ??
		[...attributes.entries()].find(([key, value]) => !/^\d+$/.test(key) && /^https?:\/\//i.test(value))?.[1] ??
		content.trim();
	return /^https?:\/\//i.test(url) ? linkParagraph(url) : "";
}

/**
 * Replaces the shortcodes Dateline understands and counts the others, which
 * stay in the text as they are. `[[name]]` is WordPress's escape for a
 * literal shortcode and is unwrapped.
 */
export function expandShortcodes(
	text: string,
	postId: string,
	context: ContentContext,
): { html: string; unknown: string[] } {
	const unknown: string[] = [];
	const html = text.replace(
		SHORTCODE,
		(whole, open: string, name: string, rawAttributes: string, _self, content: string | undefined, close: string) => {
			if (open === "[" && close === "]") return whole.slice(1, -1);
			const tag = name.toLowerCase();
			if (!HANDLED.has(tag)) {
				unknown.push(tag);
				return whole;
			}
			const attributes = parseShortcodeAttributes(rawAttributes);
			const inner = content ?? "";
			let replaced: string;
			if (tag === "caption" || tag === "wp_caption") replaced = caption(attributes, inner);
			else if (tag === "embed") replaced = /^https?:\/\//i.test(inner.trim()) ? linkParagraph(inner) : "";
			else if (tag === "gallery") replaced = gallery(attributes, postId, context);
			else replaced = mediaLink(attributes, inner);
			return `${open}${replaced}${close}`;
		},
	);
	return { html, unknown };
}

/** A URL alone on its line is an embed in WordPress (oEmbed); in Dateline it is a link. */
function linkBareUrls(html: string): string {
	return html.replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (_line, url: string) => linkParagraph(url));
}

const BLOCK_TAG =
	/^<\/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|thead|tbody|tfoot|tr|td|th|figure|figcaption|hr|address|section|article|aside|header|footer|nav|form|fieldset|details|summary|map|area|math|style|script|object|iframe|video|audio|select|option|!--)\b/i;

/**
 * WordPress stores classic-editor posts without paragraph tags and adds them
 * when it shows a post (wpautop). Blank lines make paragraphs and single line
 * breaks become `<br>`, except inside `<pre>` and around block elements.
 */
export function autoParagraphs(text: string): string {
	const preserved: string[] = [];
	const protectedText = text
		.replace(/\r\n?/g, "\n")
		.replace(/<pre\b[\s\S]*?<\/pre>/gi, (pre) => `\uE000${preserved.push(pre) - 1}\uE000`);
	const chunks = protectedText
		.split(/\n[ \t]*\n/)
		.map((chunk) => chunk.trim())
		.filter((chunk) => chunk !== "");
	const out = chunks.map((chunk) => {
		if (/^\uE000\d+\uE000$/.test(chunk) || BLOCK_TAG.test(chunk)) return chunk;
		return `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`;
	});
	return out.join("\n\n").replace(/\uE000(\d+)\uE000/g, (_m, index: string) => preserved[Number(index)] ?? "");
}

/** Block-editor posts carry their own markup, marked by `<!-- wp:… -->` comments; classic ones need paragraphs. */
function isBlockEditorContent(text: string): boolean {
	return /<!--\s*wp:/.test(text);
}

/** `<!--more-->` and `<!--nextpage-->` split a post for WordPress's lists and pagination; a Dateline story is one page. */
function dropSplitMarkers(text: string): string {
	return text.replace(/<!--\s*(?:more|nextpage)\b[^>]*-->/gi, "\n\n");
}

/**
 * Players and embedded frames are not allowed in a Dateline body: a `<video>`,
 * `<audio>` or `<iframe>` becomes a link to what it played or showed, so
 * nothing is lost without a trace.
 */
function linkPlayers(html: string): string {
	return html.replace(
		/<(video|audio|iframe)\b([^>]*)>([\s\S]*?)<\/\1>/gi,
		(whole, _tag: string, attributes: string, inner: string) => {
			const src = /\bsrc=(["'])(https?:\/\/[^"']+)\1/i.exec(`${attributes} ${inner}`)?.[2];
			return src ? linkParagraph(src) : whole;
		},
	);
}

/** Points `src` and `href` at imported copies of the old site's uploads. */
function rewriteUrls(html: string, context: ContentContext): string {
	return html.replace(/\b(src|href)=(["'])(https?:\/\/[^"']+)\2/gi, (whole, attribute: string, quote: string, url) => {
		const moved = context.rewriteUrl(url);
		return moved ? `${attribute}=${quote}${moved}${quote}` : whole;
	});
}

function normalize(html: string): string {
	return html.replace(/>\s+</g, "><").replace(/\s+/g, " ").trim();
}

/**
 * Converts a WordPress body to a Dateline one: shortcodes expanded, paragraphs
 * made, split markers dropped, uploads pointed at their imported copies, then
 * sanitized. Markdown is kept as the source only where it renders back to the
 * very same HTML; otherwise the sanitized HTML is the source.
 */
export function convertBody(content: string, postId: string, context: ContentContext): ConvertedBody {
	const { html: expanded, unknown } = expandShortcodes(dropSplitMarkers(content), postId, context);
	const linked = linkBareUrls(expanded);
	const paragraphs = isBlockEditorContent(linked) ? linked : autoParagraphs(linked);
	const html = renderHtmlBody(rewriteUrls(linkPlayers(paragraphs), context));
	const markdown = htmlToMarkdown(html.html);
	const fromMarkdown = renderBody(markdown);
	if (normalize(fromMarkdown.html) === normalize(html.html))
		return { format: "markdown", source: markdown, ...fromMarkdown, unknownShortcodes: unknown };
	return { format: "html", source: html.html, ...html, unknownShortcodes: unknown };
}
