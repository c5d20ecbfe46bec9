import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { AppError } from "../../errors.js";

/** The site a WXR file was exported from. */
export interface WxrChannel {
	title: string;
	/** The site's address (`<link>`), e.g. "https://example.org". */
	link: string;
	baseSiteUrl: string;
	baseBlogUrl: string;
	language: string;
	wxrVersion: string;
}

export interface WxrAuthor {
	id: string;
	login: string;
	email: string;
	displayName: string;
	firstName: string;
	lastName: string;
}

/** A category (`wp:category`), a tag (`wp:tag`) or another taxonomy's term (`wp:term`). */
export interface WxrTerm {
	taxonomy: string;
	termId: string;
	slug: string;
	name: string;
	parentSlug: string;
	description: string;
}

/** One `<category domain nicename>` of an item: a category, a tag, a post format… */
export interface WxrItemTerm {
	domain: string;
	slug: string;
	name: string;
}

export interface WxrItem {
	postId: string;
	postType: string;
	title: string;
	link: string;
	guid: string;
	creator: string;
	content: string;
	excerpt: string;
	postName: string;
	status: string;
	postParent: string;
	menuOrder: number;
	password: string;
	isSticky: boolean;
	/** "yyyy-mm-dd hh:mm:ss" in the WordPress site's own time zone. */
	postDate: string;
	/** The same moment in UTC; "0000-00-00 00:00:00" for a draft never dated. */
	postDateGmt: string;
	postModified: string;
	postModifiedGmt: string;
	attachmentUrl: string;
	terms: WxrItemTerm[];
	meta: Map<string, string>;
	commentCount: number;
}

export type WxrRecord =
	| { kind: "channel"; channel: WxrChannel }
	| { kind: "author"; author: WxrAuthor }
	| { kind: "term"; term: WxrTerm }
	| { kind: "item"; item: WxrItem };

/** An element kept whole while it is read: name, attributes, text and child elements. */
interface Node {
	name: string;
	attributes: Record<string, string>;
	text: string;
	children: Node[];
}

/**
 * Names an element by a short prefix for the namespaces a WXR file uses,
 * whatever the version in the URI (1.0 to 1.2, http or https) or the prefix
 * the file chose.
 */
function qualifiedName(tag: SaxesTagNS): string {
	const uri = tag.uri;
	if (!uri) return tag.local;
	if (/^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/?$/.test(uri)) return `excerpt:${tag.local}`;
	if (/^https?:\/\/wordpress\.org\/export\/1\.\d+\/?$/.test(uri)) return `wp:${tag.local}`;
	if (uri === "http://purl.org/rss/1.0/modules/content/") return `content:${tag.local}`;
	if (uri === "http://purl.org/dc/elements/1.1/") return `dc:${tag.local}`;
	return `{${uri}}${tag.local}`;
}

function childText(node: Node, name: string): string {
	return node.children.find((child) => child.name === name)?.text ?? "";
}

function toChannel(node: Node): WxrChannel {
	return {
		title: childText(node, "title").trim(),
		link: childText(node, "link").trim(),
		baseSiteUrl: childText(node, "wp:base_site_url").trim(),
		baseBlogUrl: childText(node, "wp:base_blog_url").trim(),
		language: childText(node, "language").trim(),
		wxrVersion: childText(node, "wp:wxr_version").trim(),
	};
}

function toAuthor(node: Node): WxrAuthor {
	return {
		id: childText(node, "wp:author_id").trim(),
		login: childText(node, "wp:author_login").trim(),
		email: childText(node, "wp:author_email").trim(),
		displayName: childText(node, "wp:author_display_name").trim(),
		firstName: childText(node, "wp:author_first_name").trim(),
		lastName: childText(node, "wp:author_last_name").trim(),
	};
}

function toTerm(node: Node): WxrTerm {
	if (node.name === "wp:category")
		return {
			taxonomy: "category",
			termId: childText(node, "wp:term_id").trim(),
			slug: childText(node, "wp:category_nicename").trim(),
			name: childText(node, "wp:cat_name").trim(),
			parentSlug: childText(node, "wp:category_parent").trim(),
			description: childText(node, "wp:category_description").trim(),
		};
	if (node.name === "wp:tag")
		return {
			taxonomy: "post_tag",
			termId: childText(node, "wp:term_id").trim(),
			slug: childText(node, "wp:tag_slug").trim(),
			name: childText(node, "wp:tag_name").trim(),
			parentSlug: "",
			description: childText(node, "wp:tag_description").trim(),
		};
	return {
		taxonomy: childText(node, "wp:term_taxonomy").trim(),
		termId: childText(node, "wp:term_id").trim(),
		slug: childText(node, "wp:term_slug").trim(),
		name: childText(node, "wp:term_name").trim(),
		parentSlug: childText(node, "wp:term_parent").trim(),
		description: childText(node, "wp:term_description").trim(),
	};
}

function toItem(node: Node): WxrItem {
	const meta = new Map<string, string>();
	const terms: WxrItemTerm[] = [];
	let commentCount = 0;
	for (const child of node.children) {
		if (child.name === "wp:postmeta")
			meta.set(childText(child, "wp:meta_key").trim(), childText(child, "wp:meta_value"));
		else if (child.name === "category")
			terms.push({
				domain: child.attributes.domain ?? "category",
				slug: (child.attributes.nicename ?? "").trim(),
				name: child.text.trim(),
			});
		else if (child.name === "wp:comment") commentCount += 1;
	}
	const menuOrder = Number(childText(node, "wp:menu_order").trim());
	return {
		postId: childText(node, "wp:post_id").trim(),
		postType: childText(node, "wp:post_type").trim(),
		title: childText(node, "title"),
		link: childText(node, "link").trim(),
		guid: childText(node, "guid").trim(),
		creator: childText(node, "dc:creator").trim(),
		content: childText(node, "content:encoded"),
		excerpt: childText(node, "excerpt:encoded"),
		postName: childText(node, "wp:post_name").trim(),
		status: childText(node, "wp:status").trim(),
		postParent: childText(node, "wp:post_parent").trim(),
		menuOrder: Number.isFinite(menuOrder) ? menuOrder : 0,
		password: childText(node, "wp:post_password"),
		isSticky: childText(node, "wp:is_sticky").trim() === "1",
		postDate: childText(node, "wp:post_date").trim(),
		postDateGmt: childText(node, "wp:post_date_gmt").trim(),
		postModified: childText(node, "wp:post_modified").trim(),
		postModifiedGmt: childText(node, "wp:post_modified_gmt").trim(),
		attachmentUrl: childText(node, "wp:attachment_url").trim(),
		terms,
		meta,
		commentCount,
	};
}

/** The channel children kept whole; everything else in the channel is read only for the channel's own fields. */
const RECORD_ELEMENTS = new Set(["wp:author", "wp:category", "wp:tag", "wp:term", "item"]);

/**
 * Reads a WXR file as a stream of records, one element at a time: memory
 * stays flat however large the file. The channel record comes before the
 * first author, term or item. Malformed XML throws ERR_IMPORT_MALFORMED with
 * the line and column; a well-formed file that is not WXR throws
 * ERR_IMPORT_NOT_WXR.
 */
export async function* readWxr(path: string, options: { highWaterMark?: number } = {}): AsyncGenerator<WxrRecord> {
	const parser = new SaxesParser({ xmlns: true, position: true });
	const queue: WxrRecord[] = [];
	/** Open elements from the root; only those inside a record (and the channel's own fields) keep a Node. */
	const path_: string[] = [];
	let record: Node[] = [];
	const channelNode: Node = { name: "channel", attributes: {}, text: "", children: [] };
	let channelField: Node | undefined;
	let channelSent = false;
	let sawChannel = false;

	const sendChannel = () => {
		if (channelSent) return;
		channelSent = true;
		const channel = toChannel(channelNode);
		if (!channel.wxrVersion)
			throw new AppError("ERR_IMPORT_NOT_WXR", "The file has an RSS channel but no wp:wxr_version; it is not a WXR.");
		queue.push({ kind: "channel", channel });
	};

	parser.on("opentag", (tag) => {
		const name = qualifiedName(tag as SaxesTagNS);
		path_.push(name);
		const depth = path_.length;
		if (depth === 1 && name !== "rss")
			throw new AppError("ERR_IMPORT_NOT_WXR", `The root element is <${tag.name}>, not <rss>.`);
		if (depth === 2 && name === "channel") sawChannel = true;
		const attributes: Record<string, string> = {};
		for (const attribute of Object.values((tag as SaxesTagNS).attributes))
			attributes[attribute.local] = attribute.value;
		const node: Node = { name, attributes, text: "", children: [] };
		if (record.length > 0) {
			record.at(-1)?.children.push(node);
			record.push(node);
		} else if (depth === 3 && path_[1] === "channel") {
			if (RECORD_ELEMENTS.has(name)) {
				sendChannel();
				record = [node];
			} else {
				channelField = node;
				channelNode.children.push(node);
			}
		}
	});
	const onText = (text: string) => {
		const current = record.at(-1) ?? (path_.length === 3 ? channelField : undefined);
		if (current) current.text += text;
	};
	parser.on("text", onText);
	parser.on("cdata", onText);
	parser.on("closetag", () => {
		path_.pop();
		if (record.length === 0) {
			if (path_.length === 2) channelField = undefined;
			return;
		}
		const done = record.pop();
		if (record.length > 0 || !done) return;
		if (done.name === "item") queue.push({ kind: "item", item: toItem(done) });
		else if (done.name === "wp:author") queue.push({ kind: "author", author: toAuthor(done) });
		else queue.push({ kind: "term", term: toTerm(done) });
	});
	parser.on("error", (error) => {
		throw new AppError(
			"ERR_IMPORT_MALFORMED",
			`Malformed XML at line ${parser.line}, column ${parser.column}: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "")}`,
		);
	});

	const stream = createReadStream(path, { encoding: "utf8", highWaterMark: options.highWaterMark ?? 256 * 1024 });
	try {
		for await (const chunk of stream) {
			parser.write(chunk as string);
			while (queue.length > 0) yield queue.shift() as WxrRecord;
		}
		parser.close();
		if (!sawChannel) throw new AppError("ERR_IMPORT_NOT_WXR", "The file has no <rss><channel>; it is not a WXR.");
		sendChannel();
		while (queue.length > 0) yield queue.shift() as WxrRecord;
	} finally {
		stream.destroy();
	}
}
