import type { Clock } from "../clock.js";
import type { Services } from "../services.js";
import { demoPeople, demoSections, demoStories } from "./demo-content.js";

const HOUR = 3_600_000;

/**
 * Loads the demo newsroom: sections, people and stories dated relative to now,
 * published oldest first so "Check Also" is computed as it would be live.
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
	for (const [position, section] of demoSections.entries()) {
		const parentId = section.parent ? sectionIds.get(section.parent) : undefined;
		const created = await services.sections.create({
			name: section.name,
			slug: section.slug,
			description: section.description,
			parentId: parentId ?? null,
			position,
		});
		sectionIds.set(section.slug, created.id);
	}
	const personIds = new Map<string, number>();
	for (const person of demoPeople) {
		const created = await services.people.create(person);
		personIds.set(person.slug, created.id);
	}
	const now = clock.now().getTime();
	const stories = [...demoStories].sort((a, b) => b.hoursAgo - a.hoursAgo);
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
		onProgress?.(index + 1, stories.length);
	}
	return stories.length;
}
