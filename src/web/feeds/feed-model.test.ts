import { describe, expect, it } from "vitest";
import type { SyndicatedStory } from "../../content/syndication/syndication.js";
import { buildFeed, feedItem, storyTagUri } from "./feed-model.js";

const options = { publicUrl: "https://news.example.org", timeZone: "Asia/Kabul" };
const site = { name: "Dateline News", tagline: "News from where it happens", language: "en" };

function story(overrides: Partial<SyndicatedStory> = {}): SyndicatedStory {
	return {
		id: 42,
		slug: "late-night-vote",
		headline: "Late-night vote",
		standfirst: "",
		bodyHtml: "<p>The council voted at midnight.</p>",
		bodyText: "The council voted at midnight.",
		language: "en",
		// 21:00 UTC is already the next day in Kabul (UTC+4:30).
		publishedAt: new Date("2026-03-14T21:00:00.000Z"),
		updatedAt: null,
		section: { id: 2, slug: "provinces", name: "Provinces", path: "news/provinces", parentId: 1 },
		bylines: [{ id: 3, slug: "omid-rahimi", name: "Omid Rahimi", jobTitle: "", bio: "" }],
		tags: [{ id: 5, slug: "kunar-talks", name: "Kunar talks" }],
		...overrides,
	};
}

describe("feed model", () => {
	it("gives a story a tag: URI from the site's host, its first publication day and its number", () => {
		expect(storyTagUri(story(), "https://news.example.org:8443")).toBe("tag:news.example.org,2026-03-14:article/42");
	});

	it("makes an item with the article's absolute address in the site's calendar", () => {
		const item = feedItem(story(), options);
		expect(item.url).toBe("https://news.example.org/2026/03/15/late-night-vote/");
		expect(item.authors).toEqual([{ name: "Omid Rahimi", url: "https://news.example.org/author/omid-rahimi/" }]);
		expect(item.categories).toEqual([
			{ term: "news/provinces", label: "Provinces", scheme: "https://news.example.org/" },
			{ term: "kunar-talks", label: "Kunar talks", scheme: "https://news.example.org/tag/" },
		]);
		expect(item.image).toBeUndefined();
	});

	it("summarises with the standfirst, or the body's opening words without one", () => {
		expect(feedItem(story({ standfirst: "Councillors met late." }), options).summary).toBe("Councillors met late.");
		expect(feedItem(story(), options).summary).toBe("The council voted at midnight.");
	});

	it("dates an item's update as its update time, or its publication when never updated", () => {
		expect(feedItem(story(), options).updated).toEqual(new Date("2026-03-14T21:00:00.000Z"));
		const updatedAt = new Date("2026-03-15T05:00:00.000Z");
		expect(feedItem(story({ updatedAt }), options).updated).toEqual(updatedAt);
	});

	it("titles the site feed with the site's name and a listing's feed with both names", () => {
		const whole = buildFeed({ site, stories: [], lastModified: null }, options);
		expect(whole.title).toBe("Dateline News");
		expect(whole.description).toBe("News from where it happens");
		expect(whole.homeUrl).toBe("https://news.example.org/");
		expect(whole.feedUrls).toEqual({
			rss: "https://news.example.org/feed/",
			atom: "https://news.example.org/feed/atom/",
			json: "https://news.example.org/feed.json",
		});
		const tag = buildFeed(
			{
				site,
				listing: { name: "Kunar talks", description: "", path: "/tag/kunar-talks/" },
				stories: [],
				lastModified: null,
			},
			options,
		);
		expect(tag.title).toBe("Dateline News – Kunar talks");
		expect(tag.description).toBe("News from where it happens");
		expect(tag.feedUrls.atom).toBe("https://news.example.org/tag/kunar-talks/feed/atom/");
	});
});
