import type { Clock } from "../clock.js";
import { slugify } from "../content/text.js";
import type { Services } from "../services.js";
import { demoPeople, demoSections, demoStories } from "./demo-content.js";
import { DARI, dariSection, dariSectionNames, dariStories, demoTagNames } from "./demo-content-dari.js";
import type { DemoSection, DemoStory } from "./demo-types.js";

const HOUR = 3_600_000;

/** Every demo section, the Dari desk last, each with its names in other languages. */
function allSections(): DemoSection[] {
	return [
		...demoSections.map((section) => {
			const dari = dariSectionNames[section.slug];
			return dari ? { ...section, names: { ...section.names, [DARI]: dari } } : section;
		}),
		dariSection,
	];
}

/**
 * Loads the demo newsroom: sections, people and stories dated relative to now,
 * published oldest first so "Check Also" is computed as it would be live, then
 * links translated stories and names sections and tags in other languages.
 * Returns the number of stories created; does nothing if the site has stories.
 */
export async function seedDemo(
	services: Services,
	clock: Clock,
	onProgress?: (done: number, total: number) => void,
): Promise<number> {
	if ((await services.articles.countAll()) > 0) return 0;
	await services.settings.updateSite({
		name: "Dateline News",
		tagline: "Independent news from Kabul and the provinces",
		language: "en",
		sourceLine: "Dateline News",
		logoUrl: "/assets/logo.png",
		logoWidth: 600,
		logoHeight: 60,
	});
	const sectionIds = new Map<string, number>();
	for (const [position, section] of allSections().entries()) {
		const parentId = section.parent ? sectionIds.get(section.parent) : undefined;
		const created = await services.sections.create({
			name: section.name,
			slug: section.slug,
			description: section.description,
			parentId: parentId ?? null,
			position,
		});
		sectionIds.set(section.slug, created.id);
		for (const [language, name] of Object.entries(section.names ?? {})) {
			await services.sections.setName({ sectionId: created.id, language, name });
		}
	}
	const personIds = new Map<string, number>();
	for (const person of demoPeople) {
		const created = await services.people.create(person);
		personIds.set(person.slug, created.id);
	}
	const now = clock.now().getTime();
	const stories: DemoStory[] = [...demoStories, ...dariStories].sort((a, b) => b.hoursAgo - a.hoursAgo);
	const storyIds = new Map<string, number>();
	for (const [index, story] of stories.entries()) {
		const sectionId = sectionIds.get(story.section);
		if (sectionId === undefined) throw new Error(`Demo story ${story.slug} names unknown section ${story.section}`);
		const id = await services.articles.createDraft({
			headline: story.headline,
			slug: story.slug,
			...(story.standfirst ? { standfirst: story.standfirst } : {}),
			bodySource: story.body,
			datelinePlace: story.datelinePlace,
			...(story.sourceLine ? { sourceLine: story.sourceLine } : {}),
			...(story.language ? { language: story.language } : {}),
			sectionId,
			personIds: story.authors.map((slug) => {
				const personId = personIds.get(slug);
				if (personId === undefined) throw new Error(`Demo story ${story.slug} names unknown author ${slug}`);
				return personId;
			}),
			tagNames: story.tags,
		});
		await services.articles.publish(id, {
			at: new Date(now - story.hoursAgo * HOUR),
			...(story.updatedHoursAgo !== undefined ? { updatedAt: new Date(now - story.updatedHoursAgo * HOUR) } : {}),
		});
		storyIds.set(story.slug, id);
		onProgress?.(index + 1, stories.length);
	}
	for (const story of stories) {
		if (!story.translationOf) continue;
		const original = storyIds.get(story.translationOf);
		const translation = storyIds.get(story.slug);
		if (original === undefined || translation === undefined)
			throw new Error(`Demo story ${story.slug} translates unknown story ${story.translationOf}`);
		await services.articles.linkTranslations([original, translation]);
	}
	for (const [tagName, names] of Object.entries(demoTagNames)) {
		const tag = await services.tags.getBySlug(slugify(tagName));
		if (!tag) throw new Error(`Demo tag names name unknown tag ${tagName}`);
		for (const [language, name] of Object.entries(names))
			await services.tags.setName({ tagId: tag.id, language, name });
	}
	return stories.length;
}
