import type { Translator } from "../messages.js";

/** A link in the section navigation. */
export interface NavLink {
	name: string;
	href: string;
	current: boolean;
}

/** What every reader page needs besides its own content; plain data and pure functions only. */
export interface PageContext {
	siteName: string;
	tagline: string;
	language: string;
	dir: "ltr" | "rtl";
	t: Translator;
	/** Formats an instant for readers, in the site's time zone. */
	formatDate: (at: Date) => string;
	/** Absolute URL for a site path. */
	absolute: (path: string) => string;
	stylesheetHref: string;
	nav: NavLink[];
	/** The breaking-news banner, while it lasts. */
	breaking?: { text: string; href: string } | null;
}

/** A listing whose feeds the page advertises: `base` is the listing's path ("/", "/news/"). */
export interface FeedLink {
	title: string;
	base: string;
}

/** Head metadata of one page. */
export interface PageHead {
	title: string;
	description?: string;
	canonicalPath?: string;
	/** `<meta property=…>`: Open Graph. */
	openGraph?: Record<string, string | readonly string[]>;
	/** `<meta name=…>`: Twitter cards. */
	namedMeta?: Record<string, string>;
	jsonLd?: readonly object[];
	noindex?: boolean;
	/** Feed autodiscovery; every page lists at least the site's own feeds. */
	feeds?: readonly FeedLink[];
	/** `<link rel="alternate" hreflang>`: the page in each language ("x-default" for the fallback), absolute. */
	alternates?: readonly { hreflang: string; href: string }[];
}
