import { SaxesParser } from "saxes";

/** An element as the strict parser saw it: namespace-resolved name, attributes by qualified name, direct text. */
export interface XmlElement {
	uri: string;
	local: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	text: string;
}

/**
 * Parses `xml` with saxes, a strict, namespace-aware XML 1.0 parser, and
 * returns the root element. Any well-formedness or namespace error throws.
 */
export function parseXmlStrict(xml: string): XmlElement {
	const parser = new SaxesParser({ xmlns: true, position: true });
	const errors: string[] = [];
	const stack: XmlElement[] = [];
	let root: XmlElement | undefined;
	parser.on("error", (error) => {
		errors.push(error.message);
	});
	parser.on("opentag", (tag) => {
		const element: XmlElement = {
			uri: tag.uri,
			local: tag.local,
			attributes: Object.fromEntries(
				Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value]),
			),
			children: [],
			text: "",
		};
		const parent = stack.at(-1);
		if (parent) parent.children.push(element);
		else root = element;
		stack.push(element);
	});
	parser.on("text", (text) => {
		const current = stack.at(-1);
		if (current) current.text += text;
	});
	parser.on("cdata", (text) => {
		const current = stack.at(-1);
		if (current) current.text += text;
	});
	parser.on("closetag", () => {
		stack.pop();
	});
	parser.write(xml).close();
	if (errors.length > 0) throw new Error(`not well-formed XML: ${errors.join("; ")}`);
	if (!root) throw new Error("no root element");
	return root;
}

/** The child elements of `parent` named `local` in namespace `uri`. */
export function childrenNamed(parent: XmlElement, uri: string, local: string): XmlElement[] {
	return parent.children.filter((child) => child.uri === uri && child.local === local);
}

/** The one child named `local` in `uri`; throws when there is not exactly one. */
export function childNamed(parent: XmlElement, uri: string, local: string): XmlElement {
	const found = childrenNamed(parent, uri, local);
	if (found.length !== 1) throw new Error(`expected one <${local}> in ${uri}, found ${found.length}`);
	return found[0] as XmlElement;
}

export const NS = {
	sitemap: "http://www.sitemaps.org/schemas/sitemap/0.9",
	news: "http://www.google.com/schemas/sitemap-news/0.9",
	atom: "http://www.w3.org/2005/Atom",
	content: "http://purl.org/rss/1.0/modules/content/",
	dc: "http://purl.org/dc/elements/1.1/",
} as const;

/** W3C datetime / RFC 3339 with seconds and a time zone, as feeds and sitemaps here write it. */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
