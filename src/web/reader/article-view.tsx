import type { VNode } from "preact";
import { articleKey } from "../../cache/purge-bus.js";
import type { Config } from "../../config.js";
import {
	type Article,
	articlePath,
	authorPath,
	type CheckAlsoStory,
	sectionPath,
	tagPath,
} from "../../content/articles/article.js";
import { excerpt } from "../../content/text.js";
import type { Services } from "../../services.js";
import { en, type MessageKey, translator } from "./messages.js";
import { articleHead } from "./page-heads.js";
import type { ReaderRenderer } from "./reader-render.js";
import { ArticlePage } from "./views/article-page.js";
import type { ArticlePageModel } from "./views/view-models.js";

/**
 * A language's name in that language ("دری", "English"), as a language
 * switcher shows it: from the language's own catalog, else from ICU, else
 * the tag itself.
 */
export function languageName(tag: string): string {
	const key = `lang.${tag}`;
	if (key in en) return translator(tag)(key as MessageKey);
	try {
		return new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag;
	} catch {
		return tag;
	}
}

/** What a story page shows besides the story: its notes, its image and its "Check Also". */
export interface ArticleExtras {
	corrections: ArticlePageModel["corrections"];
	image: ArticlePageModel["image"];
	/** The story's "Check Also", read with it (a preview has none). */
	checkAlso: CheckAlsoStory | null;
	/** A newsroom preview is not for search engines. */
	noindex?: boolean;
}

/**
 * Builds a story's whole page: the reader uses it for published stories and
 * the newsroom for previews, so a preview is exactly the public page.
 */
export async function articleView(
	deps: { services: Services; config: Pick<Config, "timeZone">; renderer: ReaderRenderer },
	story: Article,
	extras: ArticleExtras,
): Promise<{ page: VNode; keys: string[] }> {
	const { services, config, renderer } = deps;
	const canonical = articlePath(story, config.timeZone);
	const site = await renderer.site();
	const ctx = await renderer.context(story.language, sectionPath(story.section));
	const related = extras.checkAlso;
	// The page is in the story's language, and so are its section and tag names where they have one.
	const chain = await renderer.sectionChain(story.section.id, story.language);
	const section = chain[chain.length - 1];
	const tags = await services.tags.localize(story.tags, story.language);
	const localized: Article = {
		...story,
		section: section
			? { id: section.id, slug: section.slug, name: section.name, path: section.path, parentId: section.parentId }
			: story.section,
		tags,
	};
	const translations = await services.articles.translations(story.id, story.translationGroup);
	const breadcrumbs = [
		{ name: ctx.t("breadcrumb.home"), href: "/" },
		...chain.map((s) => ({ name: s.name, href: sectionPath(s) })),
		{ name: story.headline, href: canonical },
	];
	const model: ArticlePageModel = {
		headline: story.headline,
		standfirst: story.standfirst,
		sourceLine: story.sourceLine || site.sourceLine,
		datelinePlace: story.datelinePlace,
		bodyHtml: story.bodyHtml,
		language: story.language,
		publishedAt: story.publishedAt,
		updatedAt: story.updatedAt,
		href: canonical,
		breadcrumbs,
		bylines: story.bylines.map((b) => ({ name: b.name, href: authorPath(b) })),
		tags: tags.map((t) => ({ name: t.name, href: tagPath(t) })),
		authorBoxes: story.bylines.map((b) => ({ name: b.name, jobTitle: b.jobTitle, bio: b.bio, href: authorPath(b) })),
		checkAlso: related
			? {
					href: articlePath(related, config.timeZone),
					language: related.language,
					headline: related.headline,
					excerpt: excerpt(related.bodyText, 25),
					publishedAt: related.publishedAt,
				}
			: null,
		section: { name: localized.section.name, href: sectionPath(localized.section) },
		corrections: extras.corrections,
		image: extras.image,
		translations: translations.map((translation) => ({
			language: translation.language,
			languageName: languageName(translation.language),
			headline: translation.headline,
			href: translation.path,
		})),
	};
	const head = articleHead({
		site: { settings: site, absolute: ctx.absolute },
		story: localized,
		canonical,
		breadcrumbs,
		...(extras.image ? { image: extras.image } : {}),
		// A preview is not at its public address yet: it names no alternates.
		...(extras.noindex ? {} : { translations }),
	});
	return {
		page: <ArticlePage ctx={ctx} head={extras.noindex ? { ...head, noindex: true } : head} article={model} />,
		// The page shows this story, the headline of its "Check Also" and its translations' headlines.
		keys: [
			articleKey(story.id),
			...(related ? [articleKey(related.id)] : []),
			...translations.map((translation) => articleKey(translation.id)),
		],
	};
}
