import {
	type Article,
	type ArticleTranslation,
	authorPath,
	hreflangAlternates,
	sectionPath,
} from "../../content/articles/article.js";
import type { SiteSettings } from "../../content/settings/settings-service.js";
import { excerpt } from "../../content/text.js";
import type { FeedLink, PageHead } from "./views/page-context.js";

/** Everything a page head needs to turn site paths into absolute URLs and name the site. */
export interface HeadSite {
	settings: SiteSettings;
	absolute: (path: string) => string;
}

/** The logo as an absolute URL, or undefined when the site has none. */
function logoUrl(site: HeadSite): string | undefined {
	const url = site.settings.logoUrl;
	if (!url) return undefined;
	return /^https?:\/\//.test(url) ? url : site.absolute(url.startsWith("/") ? url : `/${url}`);
}

/** schema.org publisher: the newsroom with its logo. */
export function publisherJsonLd(site: HeadSite): object {
	const logo = logoUrl(site);
	return {
		"@type": "NewsMediaOrganization",
		name: site.settings.name,
		url: site.absolute("/"),
		...(logo
			? {
					logo: { "@type": "ImageObject", url: logo, width: site.settings.logoWidth, height: site.settings.logoHeight },
				}
			: {}),
	};
}

/** The site's own feeds, advertised on every page. */
export function siteFeed(site: HeadSite): FeedLink {
	return { title: site.settings.name, base: "/" };
}

/** A story's head: description, canonical URL, Open Graph, Twitter card, NewsArticle and BreadcrumbList. */
export function articleHead(input: {
	site: HeadSite;
	story: Article;
	canonical: string;
	breadcrumbs: readonly { name: string; href: string }[];
	/** The featured image; without one the site's logo stands in. */
	image?: { src: string; width: number; height: number; alt: string };
	/** The story's published translations: with them (even none), the head has hreflang alternates. */
	translations?: readonly ArticleTranslation[];
}): PageHead {
	const { site, story, canonical } = input;
	const alternates = input.translations
		? hreflangAlternates(
				[{ id: story.id, language: story.language, path: canonical }, ...input.translations],
				site.settings.language,
			).map((alternate) => ({ hreflang: alternate.hreflang, href: site.absolute(alternate.path) }))
		: undefined;
	const description = story.standfirst || excerpt(story.bodyText, 30);
	const featured = input.image
		? /^https?:/.test(input.image.src)
			? input.image.src
			: site.absolute(input.image.src)
		: undefined;
	const image = featured ?? logoUrl(site);
	const modified = (story.updatedAt ?? story.publishedAt).toISOString();
	const authorUrls = story.bylines.map((person) => site.absolute(authorPath(person)));
	return {
		title: story.headline,
		...(description ? { description } : {}),
		canonicalPath: canonical,
		...(alternates ? { alternates } : {}),
		openGraph: {
			"og:type": "article",
			"og:title": story.headline,
			"og:url": site.absolute(canonical),
			"og:site_name": site.settings.name,
			"og:locale": story.language.replace("-", "_"),
			...(input.translations && input.translations.length > 0
				? { "og:locale:alternate": input.translations.map((translation) => translation.language.replace("-", "_")) }
				: {}),
			...(description ? { "og:description": description } : {}),
			...(image ? { "og:image": image } : {}),
			...(featured && input.image
				? {
						"og:image:width": String(input.image.width),
						"og:image:height": String(input.image.height),
						"og:image:alt": input.image.alt,
					}
				: {}),
			"article:published_time": story.publishedAt.toISOString(),
			"article:modified_time": modified,
			"article:author": authorUrls,
			"article:section": story.section.name,
			"article:tag": story.tags.map((tag) => tag.name),
		},
		namedMeta: {
			"twitter:card": featured ? "summary_large_image" : "summary",
			"twitter:title": story.headline,
			...(description ? { "twitter:description": description } : {}),
			...(image ? { "twitter:image": image } : {}),
		},
		feeds: [
			siteFeed(site),
			{ title: `${site.settings.name} – ${story.section.name}`, base: sectionPath(story.section) },
		],
		jsonLd: [
			{
				"@context": "https://schema.org",
				"@type": "NewsArticle",
				headline: story.headline,
				...(description ? { description } : {}),
				...(image ? { image: [image] } : {}),
				datePublished: story.publishedAt.toISOString(),
				dateModified: modified,
				author: story.bylines.map((person, index) => ({
					"@type": "Person",
					name: person.name,
					url: authorUrls[index],
				})),
				publisher: publisherJsonLd(site),
				articleSection: story.section.name,
				keywords: story.tags.map((tag) => tag.name),
				inLanguage: story.language,
				isAccessibleForFree: true,
				mainEntityOfPage: { "@type": "WebPage", "@id": site.absolute(canonical) },
				url: site.absolute(canonical),
			},
			breadcrumbJsonLd(input.breadcrumbs, site.absolute),
		],
	};
}

/** The front page's head: the site as a WebSite with its search, and the newsroom as publisher. */
export function homeHead(site: HeadSite): PageHead {
	const image = logoUrl(site);
	return {
		title: site.settings.name,
		description: site.settings.tagline,
		canonicalPath: "/",
		openGraph: {
			"og:type": "website",
			"og:title": site.settings.name,
			"og:url": site.absolute("/"),
			"og:site_name": site.settings.name,
			...(site.settings.tagline ? { "og:description": site.settings.tagline } : {}),
			...(image ? { "og:image": image } : {}),
		},
		namedMeta: { "twitter:card": "summary", "twitter:title": site.settings.name },
		feeds: [siteFeed(site)],
		jsonLd: [
			{
				"@context": "https://schema.org",
				"@type": "WebSite",
				name: site.settings.name,
				url: site.absolute("/"),
				inLanguage: site.settings.language,
				publisher: publisherJsonLd(site),
				potentialAction: {
					"@type": "SearchAction",
					target: { "@type": "EntryPoint", urlTemplate: `${site.absolute("/search")}?q={search_term_string}` },
					"query-input": "required name=search_term_string",
				},
			},
		],
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
