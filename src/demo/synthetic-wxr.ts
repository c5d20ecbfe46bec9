import { once } from "node:events";
import { createWriteStream } from "node:fs";

/** What a generated WordPress export holds. */
export interface SyntheticWxrOptions {
	posts: number;
	/** The same seed gives the same file. */
	seed?: number;
	authors?: number;
	/** Top-level categories; each has two children. */
	categories?: number;
	tags?: number;
	/** Paragraphs per post body. */
	paragraphs?: number;
	siteUrl?: string;
}

/** Words every story uses: a newsroom's common vocabulary. */
const COMMON = (
	"council minister water province talks election budget road school hospital river border market farmers " +
	"drought winter wheat court ruling journalists protest ceasefire delegation governor district clinic teachers"
).split(" ");

const SYLLABLES = "ka ri mo ta shi na lu be po ra de si ko ma ne zu ha ti ga fo".split(" ");

/**
 * Names of places, people and things: thousands of rarer words, as real
 * reporting has, so that each story has terms few others share (what "Check
 * Also" matches on). Picked with a Zipf-like skew: a few are common, most rare.
 */
const NAMES = Array.from({ length: 6000 }, (_, index) => {
	let word = "";
	for (let n = index + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
	return word;
});

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function cdata(text: string): string {
	return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

function pad(value: number): string {
	return String(value).padStart(2, "0");
}

function wordpressDate(at: Date): string {
	return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
}

/**
 * Writes a WXR 1.2 file as WordPress would: authors, a category tree, tags,
 * then posts in classic-editor form (paragraphs separated by blank lines, a
 * `[caption]` now and then), some sticky, a few drafts. Streams to disk, so a
 * file of any size is written in flat memory.
 */
export async function writeSyntheticWxr(path: string, options: SyntheticWxrOptions): Promise<void> {
	const next = random(options.seed ?? 1);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
	const word = () => (next() < 0.55 ? pick(COMMON) : (NAMES[Math.floor(NAMES.length * next() ** 2)] as string));
	const authors = options.authors ?? 12;
	const topCategories = options.categories ?? 8;
	const tags = options.tags ?? 200;
	const paragraphs = options.paragraphs ?? 6;
	const site = options.siteUrl ?? "https://newsroom.example";
	const out = createWriteStream(path, { encoding: "utf8" });
	const write = async (text: string) => {
		if (!out.write(text)) await once(out, "drain");
	};

	await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Synthetic Newsroom</title>
	<link>${site}</link>
	<description>A generated archive</description>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
	<wp:base_blog_url>${site}</wp:base_blog_url>
`);
	for (let a = 1; a <= authors; a += 1)
		await write(
			`	<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`reporter${a}`)}</wp:author_login><wp:author_email>${cdata(`reporter${a}@newsroom.example`)}</wp:author_email><wp:author_display_name>${cdata(`Reporter ${a}`)}</wp:author_display_name><wp:author_first_name>${cdata("")}</wp:author_first_name><wp:author_last_name>${cdata("")}</wp:author_last_name></wp:author>\n`,
		);
	const categorySlugs: string[] = [];
	let termId = 1;
	for (let c = 1; c <= topCategories; c += 1) {
		const parent = `desk-${c}`;
		categorySlugs.push(parent);
		await write(
			`	<wp:category><wp:term_id>${termId++}</wp:term_id><wp:category_nicename>${parent}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(`Desk ${c}`)}</wp:cat_name></wp:category>\n`,
		);
		for (const child of ["north", "south"]) {
			const slug = `${parent}-${child}`;
			categorySlugs.push(slug);
			await write(
				`	<wp:category><wp:term_id>${termId++}</wp:term_id><wp:category_nicename>${slug}</wp:category_nicename><wp:category_parent>${parent}</wp:category_parent><wp:cat_name>${cdata(`Desk ${c} ${child}`)}</wp:cat_name></wp:category>\n`,
			);
		}
	}
	for (let t = 1; t <= tags; t += 1)
		await write(
			`	<wp:tag><wp:term_id>${termId++}</wp:term_id><wp:tag_slug>topic-${t}</wp:tag_slug><wp:tag_name>${cdata(`Topic ${t}`)}</wp:tag_name></wp:tag>\n`,
		);

	const start = Date.UTC(2016, 0, 1);
	const span = Date.UTC(2026, 0, 1) - start;
	for (let p = 1; p <= options.posts; p += 1) {
		const at = new Date(start + Math.floor((span * p) / (options.posts + 1)));
		const headlineWords = Array.from({ length: 6 + Math.floor(next() * 6) }, word);
		const headline = `${headlineWords.join(" ")} ${p}`.replace(/^./, (first) => first.toUpperCase());
		const body: string[] = [];
		for (let q = 0; q < paragraphs; q += 1) {
			const sentence = Array.from({ length: 25 + Math.floor(next() * 30) }, word).join(" ");
			body.push(q === 2 && p % 7 === 0 ? `<strong>${sentence}</strong> &amp; more.` : `${sentence}.`);
		}
		if (p % 11 === 0)
			body.push(
				`[caption id="attachment_${p}" align="aligncenter" width="640"]<img src="${site}/wp-content/uploads/2020/01/photo-${p}.jpg" alt="Photo ${p}" width="640" height="427" /> Photo ${p} caption[/caption]`,
			);
		const status = p % 97 === 0 ? "draft" : "publish";
		const category = pick(categorySlugs);
		const itemTags = [pick(COMMON), `topic-${1 + Math.floor(next() * tags)}`];
		await write(`	<item>
		<title>${cdata(headline)}</title>
		<link>${site}/${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}/story-${p}/</link>
		<pubDate>${at.toUTCString()}</pubDate>
		<dc:creator>${cdata(`reporter${1 + (p % authors)}`)}</dc:creator>
		<guid isPermaLink="false">${site}/?p=${p + 100}</guid>
		<description></description>
		<content:encoded>${cdata(body.join("\n\n"))}</content:encoded>
		<excerpt:encoded>${cdata(p % 3 === 0 ? `Summary of story ${p}.` : "")}</excerpt:encoded>
		<wp:post_id>${p + 100}</wp:post_id>
		<wp:post_date>${cdata(wordpressDate(at))}</wp:post_date>
		<wp:post_date_gmt>${cdata(wordpressDate(at))}</wp:post_date_gmt>
		<wp:post_modified>${cdata(wordpressDate(at))}</wp:post_modified>
		<wp:post_modified_gmt>${cdata(wordpressDate(at))}</wp:post_modified_gmt>
		<wp:comment_status>open</wp:comment_status>
		<wp:ping_status>open</wp:ping_status>
		<wp:post_name>${cdata(`story-${p}`)}</wp:post_name>
		<wp:status>${cdata(status)}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata("post")}</wp:post_type>
		<wp:post_password>${cdata("")}</wp:post_password>
		<wp:is_sticky>${p % 2500 === 0 ? 1 : 0}</wp:is_sticky>
		<category domain="category" nicename="${category}">${cdata(category)}</category>
${itemTags.map((tag) => `		<category domain="post_tag" nicename="${tag}">${cdata(tag)}</category>`).join("\n")}
	</item>
`);
	}
	await write("</channel>\n</rss>\n");
	out.end();
	await once(out, "finish");
}
