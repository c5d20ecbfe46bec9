import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/clock.js";
import { ArticleService } from "../../src/content/articles/article-service.js";
import { PersonRepository } from "../../src/content/people/person-repository.js";
import { SectionService } from "../../src/content/sections/section-service.js";
import { TagService } from "../../src/content/tags/tag-service.js";
import { type ContractDatabase, dialects, skippedDialects } from "./dialects.js";

const CREATED = "2026-03-01T00:00:00.000Z";

describe.each(dialects)("translations and names per language on $name", (dialect) => {
	let database: ContractDatabase;
	let articles: ArticleService;
	let sections: SectionService;
	let tags: TagService;
	let purged: string[][];

	beforeEach(async () => {
		database = await dialect.open();
		const { db, adapter } = database;
		const clock = fixedClock(new Date("2026-03-10T12:00:00.000Z"));
		purged = [];
		const onChange = (keys: readonly string[]) => purged.push([...keys]);
		articles = new ArticleService({ db, adapter, clock, timeZone: "Asia/Kabul", defaultLanguage: "en", onChange });
		sections = new SectionService({ db, clock, onChange });
		tags = new TagService(db, onChange);
	});

	afterEach(async () => {
		await database.close();
	});

	async function newsroom() {
		const news = await sections.create({ name: "National News", slug: "news" });
		const person = await new PersonRepository(database.db).insert({
			slug: "farid",
			name: "Farid Noori",
			jobTitle: "",
			bio: "",
			createdAt: CREATED,
		});
		const story = async (headline: string, language: string, publish = true) => {
			const id = await articles.createDraft({
				headline,
				bodySource: `${headline}.`,
				language,
				sectionId: news.id,
				personIds: [person.id],
				tagNames: ["Roads"],
			});
			if (publish) await articles.publish(id, { at: new Date("2026-03-09T08:00:00.000Z") });
			return id;
		};
		return { news, story };
	}

	it("links, merges, lists and unlinks translations", async () => {
		const { story } = await newsroom();
		const english = await story("Road reopens", "en");
		const dari = await story("سرک باز شد", "fa-AF");
		const pashto = await story("سړک پرانیستل شو", "ps", false);
		expect(await articles.linkTranslations([english, dari])).toBe(english);
		expect(await articles.linkTranslations([pashto, dari])).toBe(english);
		expect((await articles.translations(english)).map((t) => [t.language, t.path])).toEqual([
			["fa-AF", `/2026/03/09/${encodeURIComponent("سرک-باز-شد")}/`],
		]);
		expect([...(await articles.translationGroupsOf([english, dari, pashto])).keys()].sort()).toEqual(
			[english, dari].sort(),
		);
		expect(await articles.cacheKeys(english)).toEqual(expect.arrayContaining([`article:${dari}`, `article:${pashto}`]));
		await articles.unlinkTranslation(english);
		expect(await articles.translations(dari)).toEqual([]);
		expect(await articles.translations(english)).toEqual([]);
	});

	it("stores one name per section and language, replaces it, and removes it when emptied", async () => {
		const { news } = await newsroom();
		await sections.setName({ sectionId: news.id, language: "fa-af", name: "اخبار" });
		await sections.setName({ sectionId: news.id, language: "fa-AF", name: "اخبار ملی" });
		await sections.setName({ sectionId: news.id, language: "ps", name: "ملي خبرونه" });
		expect(await sections.names(news.id)).toEqual([
			{ language: "fa-AF", name: "اخبار ملی" },
			{ language: "ps", name: "ملي خبرونه" },
		]);
		expect((await sections.namesIn("fa-AF")).get(news.id)).toBe("اخبار ملی");
		expect((await sections.namesIn("fa")).get(news.id)).toBeUndefined();
		expect((await sections.tree("ps"))[0]?.name).toBe("ملي خبرونه");
		expect((await sections.tree())[0]?.name).toBe("National News");
		await sections.setName({ sectionId: news.id, language: "ps", name: " " });
		expect(await sections.names(news.id)).toHaveLength(1);
		expect(purged.at(-1)).toEqual(["site"]);
	});

	it("stores tag names per language and falls back from a regional tag to its language", async () => {
		const { story } = await newsroom();
		await story("Road reopens", "en");
		const roads = await tags.getBySlug("roads");
		if (!roads) throw new Error("no tag");
		await tags.setName({ tagId: roads.id, language: "fa", name: "سرک‌ها" });
		expect((await tags.localize([roads], "fa-AF"))[0]?.name).toBe("سرک‌ها");
		await tags.setName({ tagId: roads.id, language: "fa-AF", name: "جاده‌ها" });
		await tags.setName({ tagId: roads.id, language: "fa-AF", name: "سرک" });
		expect((await tags.localize([roads], "fa-AF"))[0]?.name).toBe("سرک");
		expect((await tags.localize([roads], "en"))[0]?.name).toBe("Roads");
	});

	it("names every tag of a long list, as it names the few of a story page", async () => {
		const { story } = await newsroom();
		await story("Road reopens", "en");
		const roads = await tags.getBySlug("roads");
		if (!roads) throw new Error("no tag");
		await tags.setName({ tagId: roads.id, language: "ps", name: "سړکونه" });
		// Up to eight tags go through one prepared statement, more through a query built for them.
		for (const count of [1, 3, 8, 9, 20]) {
			const list = [
				roads,
				...Array.from({ length: count - 1 }, (_, i) => ({ id: 100_000 + i, name: `t${i}` })),
			].reverse();
			const named = await tags.localize(list, "ps-AF");
			expect(
				named.map((tag) => tag.name),
				`${count} tags`,
			).toEqual(list.map((tag) => (tag.id === roads.id ? "سړکونه" : tag.name)));
		}
	});
});

for (const dialect of skippedDialects) {
	describe.skip(`translations and names per language on ${dialect.name}: ${dialect.reason}`, () => {
		it("runs the same contract", () => {});
	});
}
