import {
	type Article,
	type ArticleSummary,
	type ArticleTranslation,
	articlePath,
	authorPath,
	type Byline,
	type SectionRef,
	sectionPath,
	type TagRef,
	tagPath,
} from "../../content/articles/article.js";
import type { Correction } from "../../content/corrections/correction.js";
import type { ImageModel } from "../../content/media/media.js";
import type { SectionNode } from "../../content/sections/section-service.js";

/** What every mapping needs: the site's public URL and the newsroom's time zone (for story addresses). */
export interface ApiContext {
	publicUrl: string;
	timeZone: string;
}

export interface SectionJson {
	slug: string;
	path: string;
	name: string;
	url: string;
}

export interface BylineJson {
	slug: string;
	name: string;
	jobTitle: string;
	url: string;
}

export interface ArticleSummaryJson {
	id: number;
	slug: string;
	url: string;
	headline: string;
	standfirst: string;
	language: string;
	publishedAt: string;
	updatedAt: string | null;
	section: SectionJson;
	bylines: BylineJson[];
}

export interface ImageJson {
	/** The copy the story page shows by default; `width` and `height` are its own. */
	url: string;
	width: number;
	height: number;
	alt: string;
	caption: string;
	credit: string;
	/** Smaller copies, WebP first, then JPEG or PNG: each with its width in pixels. */
	variants: { url: string; width: number; type: "image/webp" | "fallback" }[];
}

export interface ArticleJson extends ArticleSummaryJson {
	datelinePlace: string;
	sourceLine: string;
	/** Sanitized HTML, the body as the story page shows it. */
	bodyHtml: string;
	bylines: (BylineJson & { bio: string })[];
	tags: { slug: string; name: string; url: string }[];
	image: ImageJson | null;
	corrections: { kind: string; text: string; at: string }[];
	translations: { language: string; headline: string; url: string }[];
}

export interface SectionTreeJson extends SectionJson {
	description: string;
	children: SectionTreeJson[];
}

/** An absolute URL for a site path; an absolute URL is left as it is. */
export function absoluteUrl(context: ApiContext, path: string): string {
	return path.startsWith("/") ? `${context.publicUrl}${path}` : path;
}

function sectionJson(context: ApiContext, section: Pick<SectionRef, "slug" | "path" | "name">): SectionJson {
	return {
		slug: section.slug,
		path: section.path,
		name: section.name,
		url: absoluteUrl(context, sectionPath(section)),
	};
}

function bylineJson(context: ApiContext, person: Byline): BylineJson {
	return {
		slug: person.slug,
		name: person.name,
		jobTitle: person.jobTitle,
		url: absoluteUrl(context, authorPath(person)),
	};
}

/** A story as lists carry it: enough for a card, with its address on the site. */
export function articleSummaryJson(context: ApiContext, story: ArticleSummary): ArticleSummaryJson {
	return {
		id: story.id,
		slug: story.slug,
		url: absoluteUrl(context, articlePath(story, context.timeZone)),
		headline: story.headline,
		standfirst: story.standfirst,
		language: story.language,
		publishedAt: story.publishedAt.toISOString(),
		updatedAt: story.updatedAt?.toISOString() ?? null,
		section: sectionJson(context, story.section),
		bylines: story.bylines.map((person) => bylineJson(context, person)),
	};
}

/** Parses a `srcset` ("url 320w, url 640w") into its candidates; a candidate without a width is skipped. */
export function srcsetCandidates(srcset: string): { url: string; width: number }[] {
	const candidates: { url: string; width: number }[] = [];
	for (const part of srcset.split(",")) {
		const match = /^\s*(\S+)\s+(\d+)w\s*$/.exec(part);
		if (match?.[1] && match[2]) candidates.push({ url: match[1], width: Number(match[2]) });
	}
	return candidates;
}

function imageJson(context: ApiContext, image: ImageModel): ImageJson {
	const variants = (srcset: string, type: ImageJson["variants"][number]["type"]) =>
		srcsetCandidates(srcset).map((candidate) => ({
			url: absoluteUrl(context, candidate.url),
			width: candidate.width,
			type,
		}));
	return {
		url: absoluteUrl(context, image.src),
		width: image.width,
		height: image.height,
		alt: image.alt,
		caption: image.caption,
		credit: image.credit,
		variants: [...variants(image.srcset, "image/webp"), ...variants(image.fallbackSrcset, "fallback")],
	};
}

/** A whole published story: its sanitized body, tags, image, dated notes and translations. */
export function articleJson(
	context: ApiContext,
	story: Article,
	extras: { corrections: readonly Correction[]; image: ImageModel | null; translations: readonly ArticleTranslation[] },
): ArticleJson {
	return {
		...articleSummaryJson(context, story),
		datelinePlace: story.datelinePlace,
		sourceLine: story.sourceLine,
		bodyHtml: story.bodyHtml,
		bylines: story.bylines.map((person) => ({ ...bylineJson(context, person), bio: person.bio })),
		tags: story.tags.map((tag: TagRef) => ({
			slug: tag.slug,
			name: tag.name,
			url: absoluteUrl(context, tagPath(tag)),
		})),
		image: extras.image ? imageJson(context, extras.image) : null,
		corrections: extras.corrections.map((note) => ({
			kind: note.kind,
			text: note.body,
			at: note.createdAt.toISOString(),
		})),
		translations: extras.translations.map((version) => ({
			language: version.language,
			headline: version.headline,
			url: absoluteUrl(context, version.path),
		})),
	};
}

/** The section tree, parents holding their children, in the newsroom's order. */
export function sectionTreeJson(context: ApiContext, nodes: readonly SectionNode[]): SectionTreeJson[] {
	return nodes.map((node) => ({
		...sectionJson(context, node),
		description: node.description,
		children: sectionTreeJson(context, node.children),
	}));
}
