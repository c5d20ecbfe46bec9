import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../support/test-site.js";
import { childNamed, childrenNamed, NS, parseXmlStrict, type XmlElement } from "./xml-tree.js";

const BASE = "https://news.example.org";
const XHTML = "http://www.w3.org/1999/xhtml";
const ENGLISH = `${BASE}/2026/03/14/road-to-faizabad-reopens/`;
const DARI = `${BASE}/2026/03/14/faizabad-road-reopens-dari/`;
const LONE = `${BASE}/2026/03/14/kite-festival/`;

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite();
	const { services } = site;
	await services.settings.updateSite({ name: "Dateline News", language: "en" });
	const news = await services.sections.create({ name: "National News", slug: "news", position: 0 });
	const dari = await services.sections.create({ name: "Dari", slug: "dari", position: 1 });
	await services.sections.setName({ sectionId: dari.id, language: "fa-AF", name: "دری" });
	const person = await services.people.create({ name: "Farid Noori" });
	const publish = async (input: {
		headline: string;
		slug: string;
		language: string;
		sectionId: number;
		at: string;
		tags: string[];
	}) => {
		const id = await services.articles.createDraft({
			headline: input.headline,
			slug: input.slug,
			bodySource: `${input.headline}.`,
			language: input.language,
			sectionId: input.sectionId,
			personIds: [person.id],
			tagNames: input.tags,
		});
		await services.articles.publish(id, { at: new Date(input.at) });
		return id;
	};
	const english = await publish({
		headline: "Road to Faizabad reopens",
		slug: "road-to-faizabad-reopens",
		language: "en",
		sectionId: news.id,
		at: "2026-03-14T06:00:00.000Z",
		tags: ["Roads"],
	});
	const dariStory = await publish({
		headline: "سرک فیض‌آباد دوباره باز شد",
		slug: "faizabad-road-reopens-dari",
		language: "fa-AF",
		sectionId: dari.id,
		at: "2026-03-14T07:00:00.000Z",
		tags: ["Roads"],
	});
	await publish({
		headline: "Kite festival",
		slug: "kite-festival",
		language: "en",
		sectionId: news.id,
		at: "2026-03-14T08:00:00.000Z",
		tags: [],
	});
	await services.articles.linkTranslations([english, dariStory]);
	const roads = await services.tags.getBySlug("roads");
	if (roads) await services.tags.setName({ tagId: roads.id, language: "fa-AF", name: "سرک‌ها" });
});

afterAll(async () => {
	await site.close();
});

async function body(url: string): Promise<string> {
	const response = await site.app.inject({ method: "GET", url });
	expect(response.statusCode, url).toBe(200);
	return response.body;
}

/** hreflang → href of the `<xhtml:link>`s of a sitemap `<url>`. */
function alternatesOf(url: XmlElement): Record<string, string> {
	return Object.fromEntries(
		childrenNamed(url, XHTML, "link").map((link) => {
			expect(link.attributes.rel).toBe("alternate");
			return [link.attributes.hreflang ?? "", link.attributes.href ?? ""];
		}),
	);
}

describe("the article sitemap", () => {
	it("gives each translated story xhtml:link alternates for every language and x-default, and parses strictly", async () => {
		const xml = await body("/sitemaps/articles-1.xml");
		expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
		const root = parseXmlStrict(xml);
		const urls = new Map(
			childrenNamed(root, NS.sitemap, "url").map((url) => [childNamed(url, NS.sitemap, "loc").text, url]),
		);
		const expected = { en: ENGLISH, "fa-AF": DARI, "x-default": ENGLISH };
		expect(alternatesOf(urls.get(ENGLISH) as XmlElement)).toEqual(expected);
		expect(alternatesOf(urls.get(DARI) as XmlElement)).toEqual(expected);
		expect(alternatesOf(urls.get(LONE) as XmlElement)).toEqual({});
	});

	it("declares no xhtml namespace where nothing is translated", async () => {
		expect(await body("/sitemaps/sections.xml")).not.toContain("xmlns:xhtml");
	});
});

describe("feeds", () => {
	it("mark the Dari item's language in RSS, Atom and JSON Feed, with its section and tags named in Dari", async () => {
		const rssXml = await body("/feed/");
		parseXmlStrict(rssXml);
		const rss = parseRssFeed(rssXml);
		const rssItem = rss.items?.find((item) => item.link === DARI);
		expect(rssItem?.dc?.languages).toEqual(["fa-AF"]);
		expect(rssItem?.categories?.map((category) => category.name)).toEqual(["دری", "سرک‌ها"]);
		const englishItem = rss.items?.find((item) => item.link === ENGLISH);
		expect(englishItem?.categories?.map((category) => category.name)).toEqual(["National News", "Roads"]);

		const atomXml = await body("/feed/atom/");
		const entries = childrenNamed(parseXmlStrict(atomXml), NS.atom, "entry");
		const dariEntry = entries.find((entry) =>
			childrenNamed(entry, NS.atom, "link").some((link) => link.attributes.href === DARI),
		);
		expect(dariEntry?.attributes["xml:lang"]).toBe("fa-AF");
		expect(parseAtomFeed(atomXml).entries).toHaveLength(3);
		expect(englishItem?.dc?.languages).toBeUndefined();

		const json = parseJsonFeed(JSON.parse(await body("/feed.json")));
		const jsonItem = json.items?.find((item) => item.url === DARI) as { language?: string; tags?: string[] };
		expect(jsonItem.language).toBe("fa-AF");
		expect(jsonItem.tags).toEqual(["دری", "سرک‌ها"]);
	});

	it("name a section's feed in the site's language", async () => {
		expect(parseRssFeed(await body("/dari/feed/")).title).toBe("Dateline News – Dari");
	});
});
