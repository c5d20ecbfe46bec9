import type { PageContext } from "./page-context.js";
import type { LinkModel, PaginationModel, StoryCardModel } from "./view-models.js";

/** `Home / Section / Headline`: every crumb but the last is a link; the last is the current page. */
export function Breadcrumbs({ ctx, trail }: { ctx: PageContext; trail: LinkModel[] }) {
	return (
		<nav class="crumbs" aria-label={ctx.t("breadcrumb.label")}>
			<ol>
				{trail.map((crumb, index) =>
					index === trail.length - 1 ? (
						<li key={crumb.href} aria-current="page">
							<bdi>{crumb.name}</bdi>
						</li>
					) : (
						<li key={crumb.href}>
							<a href={crumb.href} dir="auto">
								{crumb.name}
							</a>
						</li>
					),
				)}
			</ol>
		</nav>
	);
}

/** A visible date with its machine-readable instant. */
export function TimeStamp({ ctx, at }: { ctx: PageContext; at: Date }) {
	return <time dateTime={at.toISOString()}>{ctx.formatDate(at)}</time>;
}

/** "A, B and C", each name linked to its author page. */
export function NameList({ ctx, people }: { ctx: PageContext; people: LinkModel[] }) {
	return (
		<>
			{people.map((person, index) => (
				<span key={person.href}>
					{index === 0
						? ""
						: index === people.length - 1
							? ctx.t("article.bylineLastSeparator")
							: ctx.t("article.bylineSeparator")}
					<a href={person.href} rel="author" dir="auto">
						{person.name}
					</a>
				</span>
			))}
		</>
	);
}

/**
 * "By A, B · 15 March 2026": the names are isolated, so that a name in the
 * other direction (a Dari name on an English page) cannot pull the date or
 * the separators into its own run.
 */
export function CardByline({ ctx, story }: { ctx: PageContext; story: StoryCardModel }) {
	return (
		<p class="when">
			{story.bylines.length > 0 ? (
				<>
					{ctx.t("article.bylinePrefix")}{" "}
					{story.bylines.map((byline, index) => (
						<span key={byline.href}>
							{index > 0 ? ", " : ""}
							<bdi>{byline.name}</bdi>
						</span>
					))}{" "}
					·{" "}
				</>
			) : null}
			<TimeStamp ctx={ctx} at={story.publishedAt} />
		</p>
	);
}

/**
 * One story in a list: section kicker, headline, standfirst, byline and time.
 * Headlines and standfirsts take the direction of their own text (`dir="auto"`),
 * so a Dari story in an English list reads and aligns right to left, and the
 * other way round.
 */
/** The `lang` for a part of the page in `language`, or undefined when it is the page's own. */
export function partLanguage(ctx: PageContext, language: string): string | undefined {
	return language.toLowerCase() === ctx.language.toLowerCase() ? undefined : language;
}

export function StoryCard({ ctx, story, level = 2 }: { ctx: PageContext; story: StoryCardModel; level?: 2 | 3 }) {
	const Heading = level === 2 ? "h2" : "h3";
	// A story in another language than the page is marked, so screen readers switch voice.
	const lang = partLanguage(ctx, story.language);
	return (
		<article class="card">
			<a class="kicker" href={story.section.href} dir="auto">
				{story.section.name}
			</a>
			<Heading dir="auto" lang={lang}>
				<a href={story.href}>{story.headline}</a>
			</Heading>
			{story.standfirst ? (
				<p dir="auto" lang={lang}>
					{story.standfirst}
				</p>
			) : null}
			<CardByline ctx={ctx} story={story} />
		</article>
	);
}

export function StoryList({ ctx, stories, level = 2 }: { ctx: PageContext; stories: StoryCardModel[]; level?: 2 | 3 }) {
	return (
		<ul class="list">
			{stories.map((story) => (
				<li key={story.href}>
					<StoryCard ctx={ctx} story={story} level={level} />
				</li>
			))}
		</ul>
	);
}

/** Newer/older links and "Page N of M"; nothing when there is one page. */
export function Pagination({ ctx, pagination }: { ctx: PageContext; pagination: PaginationModel }) {
	if (pagination.pages <= 1) return null;
	return (
		<nav class="pager" aria-label={ctx.t("pagination.label")}>
			{pagination.newerHref ? (
				<a href={pagination.newerHref} rel="prev">
					{ctx.t("pagination.newer")}
				</a>
			) : (
				<span />
			)}
			<span>
				{ctx.t("pagination.pageOf", {
					page: pagination.page,
					pages: pagination.pages,
				})}
			</span>
			{pagination.olderHref ? (
				<a href={pagination.olderHref} rel="next">
					{ctx.t("pagination.older")}
				</a>
			) : (
				<span />
			)}
		</nav>
	);
}
