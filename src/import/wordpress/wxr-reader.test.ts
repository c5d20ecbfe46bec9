import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isAppError } from "../../errors.js";
import { readWxr, type WxrRecord } from "./wxr-reader.js";

function file(text: string): string {
	const path = join(mkdtempSync(join(tmpdir(), "wxr-")), "export.xml");
	writeFileSync(path, text);
	return path;
}

async function records(path: string, highWaterMark?: number): Promise<WxrRecord[]> {
	const all: WxrRecord[] = [];
	for await (const record of readWxr(path, highWaterMark ? { highWaterMark } : {})) all.push(record);
	return all;
}

const WXR_10 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wordpress="http://wordpress.org/export/1.0/" xmlns:excerpt="http://wordpress.org/export/1.0/excerpt/">
<channel>
<title>Old site</title><link>http://old.example</link><language>fa-AF</language>
<wordpress:wxr_version>1.0</wordpress:wxr_version>
<wordpress:base_blog_url>http://old.example</wordpress:base_blog_url>
<wordpress:category><wordpress:category_nicename>news</wordpress:category_nicename><wordpress:category_parent></wordpress:category_parent><wordpress:cat_name><![CDATA[News]]></wordpress:cat_name></wordpress:category>
<item>
<title>سلام &amp; welcome</title>
<dc:creator>editor</dc:creator>
<content:encoded><![CDATA[<p>Body ]]]]><![CDATA[> text</p>]]></content:encoded>
<excerpt:encoded><![CDATA[Short]]></excerpt:encoded>
<wordpress:post_id>42</wordpress:post_id>
<wordpress:post_type>post</wordpress:post_type>
<wordpress:status>publish</wordpress:status>
<category domain="category" nicename="news"><![CDATA[News]]></category>
<wordpress:postmeta><wordpress:meta_key>_thumbnail_id</wordpress:meta_key><wordpress:meta_value><![CDATA[7]]></wordpress:meta_value></wordpress:postmeta>
<wordpress:comment><wordpress:comment_id>1</wordpress:comment_id></wordpress:comment>
</item>
</channel>
</rss>`;

describe("reading WXR", () => {
	it("reads WXR 1.0 under any prefix, in small chunks, with CDATA and entities", async () => {
		const read = await records(file(WXR_10), 16);
		expect(read.map((record) => record.kind)).toEqual(["channel", "term", "item"]);
		const [channel, term, item] = read;
		expect(channel?.kind === "channel" && channel.channel).toMatchObject({
			wxrVersion: "1.0",
			language: "fa-AF",
			baseBlogUrl: "http://old.example",
		});
		expect(term?.kind === "term" && term.term).toMatchObject({ taxonomy: "category", slug: "news", name: "News" });
		if (item?.kind !== "item") throw new Error("no item");
		expect(item.item.title).toBe("سلام & welcome");
		expect(item.item.content).toBe("<p>Body ]]> text</p>");
		expect(item.item.excerpt).toBe("Short");
		expect(item.item.meta.get("_thumbnail_id")).toBe("7");
		expect(item.item.terms).toEqual([{ domain: "category", slug: "news", name: "News" }]);
		expect(item.item.commentCount).toBe(1);
	});

	it("names the line and column of malformed XML", async () => {
		const failure = await records(
			file(`<?xml version="1.0"?>\n<rss>\n<channel>\n<title>x</titel>\n</channel></rss>`),
		).catch((error: unknown) => error);
		expect(isAppError(failure, "ERR_IMPORT_MALFORMED")).toBe(true);
		expect((failure as Error).message).toMatch(/line 4, column \d+/);
	});

	it("refuses XML that is not WXR", async () => {
		const failure = await records(file(`<feed xmlns="http://www.w3.org/2005/Atom"></feed>`)).catch(
			(error: unknown) => error,
		);
		expect(isAppError(failure, "ERR_IMPORT_NOT_WXR")).toBe(true);
	});
});
