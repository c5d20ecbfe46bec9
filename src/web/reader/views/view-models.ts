import type { ImageModel } from "../../../content/media/media.js";

/** Plain data the reader views render; built by the reader plugin from services. */

export interface LinkModel {
	name: string;
	href: string;
}

export interface StoryCardModel {
	href: string;
	headline: string;
	standfirst: string;
	publishedAt: Date;
	section: LinkModel;
	bylines: LinkModel[];
	/** The story's language; a card in a list of another language is marked with it. */
	language: string;
}

export interface PaginationModel {
	page: number;
	pages: number;
	newerHref: string | null;
	olderHref: string | null;
}

export interface AuthorBoxModel {
	name: string;
	jobTitle: string;
	bio: string;
	href: string;
}

export interface ArticlePageModel {
	headline: string;
	standfirst: string;
	sourceLine: string;
	datelinePlace: string;
	bodyHtml: string;
	language: string;
	publishedAt: Date;
	updatedAt: Date | null;
	href: string;
	breadcrumbs: LinkModel[];
	bylines: LinkModel[];
	tags: LinkModel[];
	authorBoxes: AuthorBoxModel[];
	checkAlso: {
		href: string;
		/** The related story's language, marked when it differs from the page's. */
		language: string;
		headline: string;
		excerpt: string;
		publishedAt: Date;
	} | null;
	section: LinkModel;
	/** Dated notes, oldest first. */
	corrections: readonly { kind: "correction" | "update" | "clarification"; body: string; createdAt: Date }[];
	/** The featured image with its variants, or null. */
	image: ArticleImageModel | null;
	/** The story's published translations, for the language switcher; absent or empty when it has none. */
	translations?: TranslationLinkModel[];
}

/** A translation in the language switcher: its language's own name ("دری"), its headline and address. */
export interface TranslationLinkModel {
	language: string;
	languageName: string;
	headline: string;
	href: string;
}

/** A responsive image: WebP variants with a JPEG/PNG fallback, as the media library describes it. */
export type ArticleImageModel = ImageModel;

export interface HomePageModel {
	lead: StoryCardModel | null;
	/** Stories editors pinned under the lead. */
	featured: StoryCardModel[];
	latest: StoryCardModel[];
	blocks: { section: LinkModel; stories: StoryCardModel[] }[];
}

export interface ListingPageModel {
	kind: "section" | "author" | "tag";
	title: string;
	description: string;
	/** Only on author pages. */
	jobTitle?: string;
	total: number;
	breadcrumbs: LinkModel[];
	stories: StoryCardModel[];
	pagination: PaginationModel;
}
