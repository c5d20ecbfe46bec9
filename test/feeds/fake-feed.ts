import type { Feed, FeedItem } from "../../src/web/feeds/feed.js";

/** A headline with every character XML treats specially, plus controls XML 1.0 forbids. */
export const HOSTILE_HEADLINE = 'Tea & trade: "<script>" isn\'t ]]> news\u0000\u0001\u000B\uFFFE\uD800';
/** What a parser should read back: the same text without the forbidden characters. */
export const HOSTILE_HEADLINE_CLEAN = 'Tea & trade: "<script>" isn\'t ]]> news';

/** A body whose HTML would end a CDATA section early if it were not split. */
export const HOSTILE_BODY = '<p>Prices rose &amp; fell. <a href="/x?a=1&amp;b=2">More</a></p>\n<pre>a]]>b</pre>';

export function fakeItem(overrides: Partial<FeedItem> = {}): FeedItem {
	return {
		id: "tag:news.example.org,2026-03-14:article/7",
		url: "https://news.example.org/2026/03/14/tea-and-trade/",
		title: HOSTILE_HEADLINE,
		summary: "Summary with <b>angle</b> brackets & an ampersand.",
		contentHtml: HOSTILE_BODY,
		published: new Date("2026-03-14T07:30:00.000Z"),
		updated: new Date("2026-03-15T07:30:00.000Z"),
		language: "en",
		authors: [
			{ name: "Farida Amiri", url: "https://news.example.org/author/farida-amiri/" },
			{ name: "Omid Rahimi", url: "https://news.example.org/author/omid-rahimi/" },
		],
		categories: [
			{ term: "news", label: "National News", scheme: "https://news.example.org/" },
			{ term: "water", label: "Water", scheme: "https://news.example.org/tag/" },
		],
		image: { url: "https://news.example.org/media/tea.jpg", type: "image/jpeg", length: 48213 },
		...overrides,
	};
}

/** A two-item feed: a hostile English story with a featured image, then a Dari story without one. */
export function fakeFeed(overrides: Partial<Feed> = {}): Feed {
	const { image: _image, ...withoutImage } = fakeItem();
	return {
		title: "Dateline News – National News",
		description: "News & views from across the country.",
		language: "en",
		homeUrl: "https://news.example.org/news/",
		feedUrls: {
			rss: "https://news.example.org/news/feed/",
			atom: "https://news.example.org/news/feed/atom/",
			json: "https://news.example.org/news/feed.json",
		},
		updated: new Date("2026-03-15T07:30:00.000Z"),
		publisher: { name: "Dateline News", url: "https://news.example.org/" },
		items: [
			fakeItem(),
			{
				...withoutImage,
				id: "tag:news.example.org,2026-03-13:article/6",
				url: "https://news.example.org/2026/03/13/%D8%A8%D8%A7%D8%B1%D8%A7%D9%86/",
				title: "باران در کابل",
				summary: "باران آمد.",
				contentHtml: "<p>باران آمد.</p>",
				published: new Date("2026-03-13T04:00:00.000Z"),
				updated: new Date("2026-03-13T04:00:00.000Z"),
				language: "fa-AF",
				authors: [{ name: "Omid Rahimi", url: "https://news.example.org/author/omid-rahimi/" }],
			},
		],
		...overrides,
	};
}
