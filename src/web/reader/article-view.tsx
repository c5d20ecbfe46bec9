import type { VNode } from "preact";
import { articleKey } from "../../cache/purge-bus.js";
import type { Config } from "../../config.js";
import { type Article, articlePath, authorPath, sectionPath, tagPath } from "../../content/articles/article.js";
import { excerpt } from "../../content/text.js";
import type { Services } from "../../services.js";
import { articleHead } from "./page-heads.js";
import type { ReaderRenderer } from "./reader-render.js";
import { ArticlePage } from "./views/article-page.js";
import type { ArticlePageModel } from "./views/view-models.js";

/** What a story page shows besides the story: its notes, its image and its "Check Also". */
export interface ArticleExtras {
	corrections: ArticlePageModel["corrections"];
	image: ArticlePageModel["image"];
	/** Whether to look up the stored related story (a preview has none). */
	checkAlso: boolean;
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
	const site = await services.settings.site();
	const ctx = await renderer.context(story.language, sectionPath(story.section));
	const related = extras.checkAlso ? (await services.articles.related(story.id, 1))[0] : undefined;
	const section = await services.sections.getByPath(story.section.path);
	const chain = section ? await services.sections.ancestry(section) : [];
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
		tags: story.tags.map((t) => ({ name: t.name, href: tagPath(t) })),
		authorBoxes: story.bylines.map((b) => ({ name: b.name, jobTitle: b.jobTitle, bio: b.bio, href: authorPath(b) })),
		checkAlso: related
			? {
					href: articlePath(related, config.timeZone),
					headline: related.headline,
					excerpt: excerpt(related.bodyText, 25),
					publishedAt: related.publishedAt,
				}
			: null,
		section: { name: story.section.name, href: sectionPath(story.section) },
		corrections: extras.corrections,
		image: extras.image,
	};
	const head = articleHead({
		site: { settings: site, absolute: ctx.absolute },
		story,
		canonical,
		breadcrumbs,
		...(extras.image ? { image: extras.image } : {}),
	});
	return {
		page: <ArticlePage ctx={ctx} head={extras.noindex ? { ...head, noindex: true } : head} article={model} />,
		// The page shows this story and the headline of its "Check Also".
		keys: [articleKey(story.id), ...(related ? [articleKey(related.id)] : [])],
	};
}
