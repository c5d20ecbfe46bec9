import {
	type Article,
	type ArticleSummary,
	articlePath,
	authorPath,
	sectionPath,
} from "../../content/articles/article.js";
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
	};
}

/** schema.org NewsArticle for a story page. */
export function articleJsonLd(input: {
	story: Article;
	siteName: string;
	absolute: (path: string) => string;
	canonical: string;
}): object {
	const { story, absolute } = input;
	return {
		"@context": "https://schema.org",
		"@type": "NewsArticle",
		headline: story.headline,
		...(story.standfirst ? { description: story.standfirst } : {}),
		datePublished: story.publishedAt.toISOString(),
		dateModified: (story.updatedAt ?? story.publishedAt).toISOString(),
		author: story.bylines.map((person) => ({
			"@type": "Person",
			name: person.name,
			url: absolute(authorPath(person)),
		})),
		publisher: {
			"@type": "NewsMediaOrganization",
			name: input.siteName,
			url: absolute("/"),
		},
		articleSection: story.section.name,
		keywords: story.tags.map((tag) => tag.name),
		inLanguage: story.language,
		mainEntityOfPage: { "@type": "WebPage", "@id": absolute(input.canonical) },
		url: absolute(input.canonical),
	};
}

/** schema.org BreadcrumbList matching the visible breadcrumbs. */
export function breadcrumbJsonLd(
	trail: readonly { name: string; href: string }[],
	absolute: (path: string) => string,
): object {
	return {
		"@context": "https://schema.org",
		"@type": "BreadcrumbList",
		itemListElement: trail.map((crumb, index) => ({
			"@type": "ListItem",
			position: index + 1,
			name: crumb.name,
			item: absolute(crumb.href),
		})),
	};
}
