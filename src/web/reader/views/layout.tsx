import type { ComponentChildren } from "preact";
import { feedPaths } from "../../../content/articles/article.js";
import { JsonLd } from "./json-ld.js";
import type { PageContext, PageHead } from "./page-context.js";

const FEED_TYPES = [
	["rss", "application/rss+xml"],
	["atom", "application/atom+xml"],
	["json", "application/feed+json"],
] as const;

/** The document around every reader page: head metadata, masthead, section navigation, footer. */
export function Layout({ ctx, head, children }: { ctx: PageContext; head: PageHead; children: ComponentChildren }) {
	const title = head.title === ctx.siteName ? ctx.siteName : `${head.title} – ${ctx.siteName}`;
	return (
		<html lang={ctx.language} dir={ctx.dir}>
			<head>
				<meta charset="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<title>{title}</title>
				{head.description ? <meta name="description" content={head.description} /> : null}
				{head.noindex ? <meta name="robots" content="noindex" /> : null}
				{head.canonicalPath ? <link rel="canonical" href={ctx.absolute(head.canonicalPath)} /> : null}
				{(head.alternates ?? []).map((alternate) => (
					<link key={alternate.hreflang} rel="alternate" hreflang={alternate.hreflang} href={alternate.href} />
				))}
				<link rel="stylesheet" href={ctx.stylesheetHref} />
				{/* No icon yet: an empty one spares every first visit a request for /favicon.ico that ends in a 404. */}
				<link rel="icon" href="data:," />
				{Object.entries(head.openGraph ?? {}).flatMap(([property, value]) =>
					(typeof value === "string" ? [value] : value).map((content) => (
						<meta key={`${property}:${content}`} property={property} content={content} />
					)),
				)}
				{Object.entries(head.namedMeta ?? {}).map(([name, content]) => (
					<meta key={name} name={name} content={content} />
				))}
				{(head.feeds ?? []).flatMap((feed) => {
					const paths = feedPaths(feed.base);
					return FEED_TYPES.map(([format, type]) => (
						<link
							key={paths[format]}
							rel="alternate"
							type={type}
							title={feed.title}
							href={ctx.absolute(paths[format])}
						/>
					));
				})}
				{(head.jsonLd ?? []).map((data, index) => (
					<JsonLd key={String(index)} data={data} />
				))}
			</head>
			<body>
				<a class="skip" href="#content">
					{ctx.t("site.skipToContent")}
				</a>
				<header class="masthead">
					<div class="wrap">
						<a class="brand" href="/">
							{ctx.siteName}
						</a>
						{ctx.tagline ? <p class="tagline">{ctx.tagline}</p> : null}
						<search>
							<form class="site-search" action="/search" method="get">
								<label for="site-search-q" class="visually-hidden">
									{ctx.t("search.label")}
								</label>
								<input id="site-search-q" type="search" name="q" maxLength={200} dir="auto" />
								<button type="submit">{ctx.t("search.button")}</button>
							</form>
						</search>
						<nav class="sections" aria-label={ctx.t("site.mainNavigation")}>
							<ul>
								{ctx.nav.map((link) => (
									<li key={link.href}>
										<a href={link.href} aria-current={link.current ? "page" : undefined}>
											{link.name}
										</a>
									</li>
								))}
							</ul>
						</nav>
					</div>
				</header>
				{ctx.breaking ? (
					<section class="breaking" aria-label={ctx.t("breaking.label")}>
						<div class="wrap">
							<strong>{ctx.t("breaking.tag")}</strong>{" "}
							{ctx.breaking.href ? (
								<a href={ctx.breaking.href} dir="auto">
									{ctx.breaking.text}
								</a>
							) : (
								<span dir="auto">{ctx.breaking.text}</span>
							)}
						</div>
					</section>
				) : null}
				<main id="content" class="wrap" tabIndex={-1}>
					{children}
				</main>
				<footer>
					<div class="wrap">{ctx.t("site.footer", { site: ctx.siteName })}</div>
				</footer>
			</body>
		</html>
	);
}
