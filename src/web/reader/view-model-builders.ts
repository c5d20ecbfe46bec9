import { type ArticleSummary, articlePath, authorPath, sectionPath } from "../../content/articles/article.js";
import type { StoryCardModel } from "./views/view-models.js";

/** A story card for lists. */
export function toCard(story: ArticleSummary, timeZone: string): StoryCardModel {
	return {
		href: articlePath(story, timeZone),
		headline: story.headline,
		standfirst: story.standfirst,
		publishedAt: story.publishedAt,
		section: { name: story.section.name, href: sectionPath(story.section) },
		bylines: story.bylines.map((person) => ({
			name: person.name,
			href: authorPath(person),
		})),
		language: story.language,
	};
}
