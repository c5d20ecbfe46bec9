import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, TEST_NOW, type TestSite } from "../support/test-site.js";
import { childNamed, childrenNamed, NS, parseXmlStrict } from "./xml-tree.js";

/** Markup, quotes, an ampersand, a CDATA terminator and control characters XML 1.0 forbids. */
const HEADLINE = 'Tea & trade: "<script>" ends ]]> talks\u0001\u0008\u001F';
const CLEAN = 'Tea & trade: "<script>" ends ]]> talks';

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite();
	const { services } = site;
	await services.settings.updateSite({ name: "Kabul <Times> & Co", language: "en" });
	const section = await services.sections.create({ name: "Trade & <Markets>", slug: "trade" });
	const person = await services.people.create({ name: 'Ahmad "The Pen" Zai', slug: "ahmad" });
	const id = await services.articles.createDraft({
		headline: HEADLINE,
		slug: "tea-and-trade",
		standfirst: "Merchants <b>cheer</b> & dealers\u0002 worry.",
		bodySource: "Prices rose ]]> then fell, said one trader.\n\nA second paragraph & more.",
		sectionId: section.id,
		personIds: [person.id],
		tagNames: ["Tea & Spice"],
	});
	await services.articles.publish(id, { at: new Date(TEST_NOW.getTime() - 3_600_000) });
});

afterAll(async () => {
	await site.close();
});

async function get(url: string) {
	const response = await site.app.inject({ method: "GET", url });
	expect(response.statusCode, url).toBe(200);
	return response.body;
}

describe("hostile text in stories and names", () => {
	it("keeps RSS well-formed and reads back as written, minus forbidden characters", async () => {
		const body = await get("/trade/feed/");
		parseXmlStrict(body);
		const feed = parseRssFeed(body);
		expect(feed.title).toBe("Kabul <Times> & Co – Trade & <Markets>");
		const [item] = feed.items ?? [];
		expect(item?.title).toBe(CLEAN);
		expect(item?.description).toBe("Merchants <b>cheer</b> & dealers worry.");
		expect(item?.content?.encoded).toContain("Prices rose ]]&gt; then fell");
		expect(item?.dc?.creators).toEqual(['Ahmad "The Pen" Zai']);
		expect(item?.categories?.map((category) => category.name)).toEqual(["Trade & <Markets>", "Tea & Spice"]);
	});

	it("keeps Atom well-formed and reads back as written", async () => {
		const body = await get("/feed/atom/");
		parseXmlStrict(body);
		const [entry] = parseAtomFeed(body).entries ?? [];
		expect(entry?.title?.value).toBe(CLEAN);
		expect(entry?.authors?.[0]?.name).toBe('Ahmad "The Pen" Zai');
		expect(entry?.categories?.map((category) => category.label)).toEqual(["Trade & <Markets>", "Tea & Spice"]);
	});

	it("keeps the JSON Feed free of control characters", async () => {
		const [item] = parseJsonFeed(await get("/tag/tea-spice/feed.json")).items ?? [];
		expect(item?.title).toBe(CLEAN);
		expect(item?.summary).toBe("Merchants <b>cheer</b> & dealers worry.");
	});

	it("keeps the news sitemap well-formed", async () => {
		const root = parseXmlStrict(await get("/news-sitemap.xml"));
		const [url] = childrenNamed(root, NS.sitemap, "url");
		if (!url) throw new Error("no url");
		const news = childNamed(url, NS.news, "news");
		expect(childNamed(news, NS.news, "title").text).toBe(CLEAN);
		expect(childNamed(childNamed(news, NS.news, "publication"), NS.news, "name").text).toBe("Kabul <Times> & Co");
	});
});
