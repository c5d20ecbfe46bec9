import { Pagination, partLanguage, TimeStamp } from "./components.js";
import { Layout } from "./layout.js";
import type { PageContext, PageHead } from "./page-context.js";
import type { PaginationModel, StoryCardModel } from "./view-models.js";

export interface SearchPageModel {
	query: string;
	trimmedTo: number | null;
	/** null before anything was searched for. */
	total: number | null;
	/** More stories match than `total`: only the newest were ranked. */
	more: boolean;
	results: { story: StoryCardModel; snippet: { text: string; match: boolean }[] }[];
	pagination: PaginationModel;
}

/** The search form, the count, and results with the words found highlighted. */
export function SearchPage({ ctx, head, search }: { ctx: PageContext; head: PageHead; search: SearchPageModel }) {
	return (
		<Layout ctx={ctx} head={head}>
			<div class="narrow">
				<h1>{ctx.t("search.title")}</h1>
				<search>
					<form class="search-form" action="/search" method="get">
						<label for="search-q">{ctx.t("search.label")}</label>
						<input id="search-q" type="search" name="q" value={search.query} maxLength={200} dir="auto" />
						<button type="submit">{ctx.t("search.button")}</button>
					</form>
				</search>
				{search.trimmedTo ? <p class="when">{ctx.t("search.trimmed", { max: search.trimmedTo })}</p> : null}
				{search.total === null ? (
					<p>{ctx.t("search.prompt")}</p>
				) : search.total === 0 ? (
					<p>{ctx.t("search.none", { query: search.query })}</p>
				) : (
					<p class="when" role="status">
						{search.more
							? ctx.t("search.resultsMore", { count: search.total, query: search.query })
							: search.total === 1
								? ctx.t("search.resultsOne", { query: search.query })
								: ctx.t("search.results", { count: search.total, query: search.query })}
					</p>
				)}
				<ol class="list">
					{search.results.map(({ story, snippet }) => (
						<li key={story.href}>
							<article class="card">
								<a class="kicker" href={story.section.href} dir="auto">
									{story.section.name}
								</a>
								<h2 dir="auto" lang={partLanguage(ctx, story.language)}>
									<a href={story.href}>{story.headline}</a>
								</h2>
								<p class="snippet" dir="auto" lang={partLanguage(ctx, story.language)}>
									{snippet.map((part, index) =>
										part.match ? <mark key={String(index)}>{part.text}</mark> : part.text,
									)}
								</p>
								<p class="when">
									<TimeStamp ctx={ctx} at={story.publishedAt} />
								</p>
							</article>
						</li>
					))}
				</ol>
				<Pagination ctx={ctx} pagination={search.pagination} />
			</div>
		</Layout>
	);
}
