import { decodeEntities } from "../../content/text.js";
import { mediaType } from "./mirror-layout.js";

/** Where a link sits: an HTML or XML attribute, XML element text, a CSS `url()`, a robots.txt `Sitemap:` line. */
export type LinkPlace = "href" | "src" | "srcset" | "meta" | "text" | "css" | "robots";

/** One link in a document: the characters `start`–`end` hold it (as written, maybe entity-encoded); `url` is its value decoded. */
export interface LinkSpan {
	start: number;
	end: number;
	url: string;
	place: LinkPlace;
}

/**
 * The links in a document. `spans` can be rewritten in place. `embedded` are
 * links that can only be read: inside escaped HTML in a feed's content, or in
 * a JSON Feed.
 */
export interface FoundLinks {
	spans: LinkSpan[];
	embedded: string[];
}

interface Attribute {
	name: string;
	/** The value's characters in the document, between its quotes. */
	start: number;
	end: number;
}

interface Tag {
	name: string;
	attributes: Attribute[];
	/** Just after the tag's closing ">". */
	end: number;
	selfClosing: boolean;
}

/** Elements whose content is not markup: scanning for tags inside them would find false ones. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title"]);

const TAG_NAME = /<([a-zA-Z][\w:.-]*)/y;
const SPACE = /\s*/y;
const ATTRIBUTE_NAME = /[^\s=>/]+/y;
const UNQUOTED_VALUE = /[^\s>]*/y;

/** Matches a sticky pattern at `at`: the match, or undefined. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | undefined {
	pattern.lastIndex = at;
	return pattern.exec(text) ?? undefined;
}

function skipSpace(text: string, at: number): number {
	return at + (matchAt(SPACE, text, at)?.[0].length ?? 0);
}

/** Reads the start tag at `at` (which holds "<"), or undefined when it is not one. */
function readTag(text: string, at: number): Tag | undefined {
	const tagName = matchAt(TAG_NAME, text, at);
	if (!tagName?.[1]) return undefined;
	const name = tagName[1].toLowerCase();
	const attributes: Attribute[] = [];
	let i = at + tagName[0].length;
	while (i < text.length) {
		i = skipSpace(text, i);
		const c = text[i];
		if (c === undefined) return undefined;
		if (c === ">") return { name, attributes, end: i + 1, selfClosing: false };
		if (c === "/" && text[i + 1] === ">") return { name, attributes, end: i + 2, selfClosing: true };
		const attributeName = matchAt(ATTRIBUTE_NAME, text, i)?.[0];
		if (!attributeName) {
			i += 1;
			continue;
		}
		i += attributeName.length;
		let j = skipSpace(text, i);
		if (text[j] !== "=") continue;
		j = skipSpace(text, j + 1);
		const quote = text[j];
		if (quote === '"' || quote === "'") {
			const close = text.indexOf(quote, j + 1);
			if (close === -1) return undefined;
			attributes.push({ name: attributeName.toLowerCase(), start: j + 1, end: close });
			i = close + 1;
		} else {
			const length = matchAt(UNQUOTED_VALUE, text, j)?.[0].length ?? 0;
			attributes.push({ name: attributeName.toLowerCase(), start: j, end: j + length });
			i = j + length;
		}
	}
	return undefined;
}

/** Calls `onTag` for every start tag, skipping comments, declarations, end tags and raw-text content. */
function scanTags(text: string, onTag: (tag: Tag) => void, options: { rawText: boolean }): void {
	let i = text.indexOf("<");
	while (i !== -1) {
		if (text.startsWith("<!--", i)) {
			const close = text.indexOf("-->", i + 4);
			if (close === -1) return;
			i = text.indexOf("<", close + 3);
			continue;
		}
		if (text.startsWith("<![CDATA[", i)) {
			const close = text.indexOf("]]>", i);
			if (close === -1) return;
			i = text.indexOf("<", close + 3);
			continue;
		}
		const tag = readTag(text, i);
		if (!tag) {
			i = text.indexOf("<", i + 1);
			continue;
		}
		onTag(tag);
		let next = tag.end;
		if (options.rawText && !tag.selfClosing && RAW_TEXT.has(tag.name)) {
			// A case-blind search, not toLowerCase(): lower-casing can change the text's length and so its offsets.
			const closer = new RegExp(`</${tag.name}`, "gi");
			closer.lastIndex = tag.end;
			next = closer.exec(text)?.index ?? text.length;
		}
		i = text.indexOf("<", next);
	}
}

/** The URLs of a `srcset` value, each with its place in the document. */
function srcsetSpans(text: string, attribute: Attribute): LinkSpan[] {
	const spans: LinkSpan[] = [];
	const value = text.slice(attribute.start, attribute.end);
	let i = 0;
	while (i < value.length) {
		while (i < value.length && /[\s,]/.test(value[i] ?? "")) i += 1;
		const start = i;
		while (i < value.length && !/\s/.test(value[i] ?? "")) i += 1;
		let end = i;
		while (end > start && value[end - 1] === ",") end -= 1;
		if (end > start) {
			const raw = value.slice(start, end);
			spans.push({
				start: attribute.start + start,
				end: attribute.start + end,
				url: decodeEntities(raw),
				place: "srcset",
			});
		}
		if (end < i) continue;
		while (i < value.length && value[i] !== ",") i += 1;
	}
	return spans;
}

function attributeSpan(text: string, attribute: Attribute, place: LinkPlace): LinkSpan {
	return {
		start: attribute.start,
		end: attribute.end,
		url: decodeEntities(text.slice(attribute.start, attribute.end)).trim(),
		place,
	};
}

/**
 * The links of an HTML document: `href`, `src`, `poster` and every URL of a
 * `srcset`, and `<meta content>` values that are absolute http(s) URLs (Open
 * Graph). Form actions are not links, and script and style content is skipped.
 */
export function htmlLinks(html: string): LinkSpan[] {
	const spans: LinkSpan[] = [];
	scanTags(
		html,
		(tag) => {
			for (const attribute of tag.attributes) {
				if (attribute.name === "href") spans.push(attributeSpan(html, attribute, "href"));
				else if (attribute.name === "src" || attribute.name === "poster")
					spans.push(attributeSpan(html, attribute, "src"));
				else if (attribute.name === "srcset") spans.push(...srcsetSpans(html, attribute));
				else if (tag.name === "meta" && attribute.name === "content") {
					const span = attributeSpan(html, attribute, "meta");
					if (/^https?:\/\//i.test(span.url)) spans.push(span);
				}
			}
		},
		{ rawText: true },
	);
	return spans;
}

/** XML elements whose text is a URL in the sitemap, RSS and Atom vocabularies (when it is an http(s) URL). */
const URL_ELEMENTS = new Set(["loc", "link", "uri", "id", "url", "icon", "logo", "guid", "comments"]);
/** XML elements whose text is HTML (escaped, or in CDATA) in RSS and Atom. */
const HTML_ELEMENTS = new Set(["content:encoded", "content", "summary", "description"]);

/** The text content of the element whose start tag ends at `from`: its characters, and the text decoded. */
function elementText(xml: string, from: number): { start: number; end: number; text: string } | undefined {
	if (xml.startsWith("<![CDATA[", from)) {
		const parts: string[] = [];
		let i = from;
		while (xml.startsWith("<![CDATA[", i)) {
			const close = xml.indexOf("]]>", i);
			if (close === -1) return undefined;
			parts.push(xml.slice(i + 9, close));
			i = close + 3;
		}
		return { start: from, end: i, text: parts.join("") };
	}
	const end = xml.indexOf("<", from);
	if (end === -1) return undefined;
	return { start: from, end, text: decodeEntities(xml.slice(from, end)) };
}

/**
 * The links of an XML document (sitemaps, RSS, Atom): `href`, `src` and `url`
 * attributes, the text of URL elements (`<loc>`, `<link>`, `<uri>`, …), and —
 * readable only — the links inside feed items' HTML content.
 */
export function xmlLinks(xml: string): FoundLinks {
	const spans: LinkSpan[] = [];
	const embedded: string[] = [];
	scanTags(
		xml,
		(tag) => {
			for (const attribute of tag.attributes) {
				if (attribute.name === "href") spans.push(attributeSpan(xml, attribute, "href"));
				else if (attribute.name === "src" || attribute.name === "url") spans.push(attributeSpan(xml, attribute, "src"));
			}
			if (tag.selfClosing) return;
			const local = tag.name.includes(":") && tag.name !== "content:encoded" ? tag.name.split(":")[1] : tag.name;
			if (local !== undefined && URL_ELEMENTS.has(local)) {
				const text = elementText(xml, tag.end);
				if (!text || !/^\s*https?:\/\//i.test(text.text)) return;
				// Text in CDATA is read, not rewritten: its characters are not escaped the way the rest is.
				if (xml.startsWith("<![CDATA[", text.start)) embedded.push(text.text.trim());
				else spans.push({ start: text.start, end: text.end, url: text.text.trim(), place: "text" });
			} else if (HTML_ELEMENTS.has(tag.name)) {
				const text = elementText(xml, tag.end);
				if (text?.text.includes("<")) embedded.push(...htmlLinks(text.text).map((span) => span.url));
			}
		},
		{ rawText: false },
	);
	return { spans, embedded };
}

/** JSON Feed members whose value is a URL. */
const JSON_URL_KEYS = new Set([
	"url",
	"external_url",
	"home_page_url",
	"feed_url",
	"next_url",
	"image",
	"banner_image",
	"icon",
	"favicon",
	"avatar",
]);

/** The links of a JSON document (JSON Feed): URL members, and the links inside `content_html`. Read only. */
export function jsonLinks(json: string): string[] {
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch {
		return [];
	}
	const found: string[] = [];
	const visit = (value: unknown, key: string | undefined): void => {
		if (typeof value === "string") {
			if (key === "content_html") found.push(...htmlLinks(value).map((span) => span.url));
			else if (key !== undefined && JSON_URL_KEYS.has(key)) found.push(value);
		} else if (Array.isArray(value)) {
			for (const item of value) visit(item, key);
		} else if (value !== null && typeof value === "object") {
			for (const [name, item] of Object.entries(value)) visit(item, name);
		}
	};
	visit(parsed, undefined);
	return found;
}

/** The `url()` and `@import` references of a stylesheet. */
export function cssLinks(css: string): LinkSpan[] {
	const spans: LinkSpan[] = [];
	for (const match of css.matchAll(/url\(\s*(["']?)([^"')\s]+)\1\s*\)|@import\s+(["'])([^"']+)\3/g)) {
		const url = match[2] ?? match[4] ?? "";
		const start = (match.index ?? 0) + match[0].indexOf(url);
		spans.push({ start, end: start + url.length, url, place: "css" });
	}
	return spans;
}

/** The `Sitemap:` lines of a robots.txt. */
export function robotsLinks(text: string): LinkSpan[] {
	const spans: LinkSpan[] = [];
	for (const match of text.matchAll(/^(sitemap:[ \t]*)(\S+)/gim)) {
		const start = (match.index ?? 0) + (match[1]?.length ?? 0);
		const url = match[2] ?? "";
		spans.push({ start, end: start + url.length, url, place: "robots" });
	}
	return spans;
}

/** Every link of a text body, read by its content type. */
export function linksIn(body: string, contentType: string | undefined): FoundLinks {
	const type = mediaType(contentType);
	if (type === "text/html") return { spans: htmlLinks(body), embedded: [] };
	if (type === "text/css") return { spans: cssLinks(body), embedded: [] };
	if (type === "text/plain") return { spans: robotsLinks(body), embedded: [] };
	if (type.endsWith("xml")) return xmlLinks(body);
	if (type.endsWith("json")) return { spans: [], embedded: jsonLinks(body) };
	return { spans: [], embedded: [] };
}

/**
 * `text` with each span replaced by what `replace` returns for it; a span it
 * returns undefined for is left as it was. Spans must not overlap.
 */
export function replaceSpans(
	text: string,
	spans: readonly LinkSpan[],
	replace: (span: LinkSpan) => string | undefined,
): string {
	const ordered = [...spans].sort((a, b) => a.start - b.start);
	const parts: string[] = [];
	let at = 0;
	for (const span of ordered) {
		const replacement = replace(span);
		if (replacement === undefined || span.start < at) continue;
		parts.push(text.slice(at, span.start), replacement);
		at = span.end;
	}
	if (at === 0) return text;
	parts.push(text.slice(at));
	return parts.join("");
}

/**
 * `text` with every absolute URL that starts with `from` (an origin, maybe
 * with a path) starting with `to` instead. `https://news.example.org` is not
 * replaced inside `https://news.example.org.evil` or `…:8080`.
 */
export function rebaseUrls(text: string, rebase: { from: string; to: string }): string {
	if (rebase.from === rebase.to || !text.includes(rebase.from)) return text;
	const pattern = new RegExp(`${rebase.from.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?![\\w.:%@~-])`, "g");
	return text.replace(pattern, rebase.to);
}
