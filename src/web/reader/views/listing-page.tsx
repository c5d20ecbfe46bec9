import { Breadcrumbs, Pagination, StoryList } from "./components.js";
import { Layout } from "./layout.js";
import type { PageContext, PageHead } from "./page-context.js";
import type { ListingPageModel } from "./view-models.js";

/** Section, author and tag pages: a heading, a description, and a paginated list, newest first. */
export function ListingPage({ ctx, head, listing }: { ctx: PageContext; head: PageHead; listing: ListingPageModel }) {
	const count =
		listing.total === 1 ? ctx.t("listing.storyCountOne") : ctx.t("listing.storyCount", { count: listing.total });
	return (
		<Layout ctx={ctx} head={head}>
			<Breadcrumbs ctx={ctx} trail={listing.breadcrumbs} />
			<header class="listing-head">
				<h1 dir="auto">{listing.title}</h1>
				{listing.jobTitle ? (
					<p dir="auto">
						<strong>{listing.jobTitle}</strong>
					</p>
				) : null}
				{listing.description ? <p dir="auto">{listing.description}</p> : null}
				<p class="when">{count}</p>
			</header>
			{listing.stories.length > 0 ? <StoryList ctx={ctx} stories={listing.stories} /> : <p>{ctx.t("listing.empty")}</p>}
			<Pagination ctx={ctx} pagination={listing.pagination} />
		</Layout>
	);
}
