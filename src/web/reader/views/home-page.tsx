import { CardByline, partLanguage, StoryList } from "./components.js";
import { Layout } from "./layout.js";
import type { PageContext, PageHead } from "./page-context.js";
import type { HomePageModel } from "./view-models.js";

/** The front page: the lead story, the latest river, and a block per top-level section. */
export function HomePage({ ctx, head, home }: { ctx: PageContext; head: PageHead; home: HomePageModel }) {
	return (
		<Layout ctx={ctx} head={head}>
			<h1 class="visually-hidden">{ctx.siteName}</h1>
			<div class="front">
				<div>
					{home.lead ? (
						<section class="lead" aria-labelledby="lead-title">
							<h2 class="block-title" id="lead-title">
								{ctx.t("home.lead")}
							</h2>
							<article>
								<a class="kicker" href={home.lead.section.href} dir="auto">
									{home.lead.section.name}
								</a>
								<h2 dir="auto" lang={partLanguage(ctx, home.lead.language)}>
									<a href={home.lead.href}>{home.lead.headline}</a>
								</h2>
								{home.lead.standfirst ? (
									<p class="standfirst" dir="auto" lang={partLanguage(ctx, home.lead.language)}>
										{home.lead.standfirst}
									</p>
								) : null}
								<CardByline ctx={ctx} story={home.lead} />
							</article>
						</section>
					) : (
						<p>{ctx.t("listing.empty")}</p>
					)}
					{home.featured.length > 0 ? (
						<section aria-labelledby="featured-title">
							<h2 class="block-title" id="featured-title">
								{ctx.t("home.featured")}
							</h2>
							<StoryList ctx={ctx} stories={home.featured} level={3} />
						</section>
					) : null}
					<div class="blocks">
						{home.blocks.map((block) => (
							<section key={block.section.href} aria-labelledby={`block-${block.section.href}`}>
								<h2 class="block-title" id={`block-${block.section.href}`}>
									<a href={block.section.href}>{ctx.t("home.moreIn", { section: block.section.name })}</a>
								</h2>
								<StoryList ctx={ctx} stories={block.stories} level={3} />
							</section>
						))}
					</div>
				</div>
				<section class="river" aria-labelledby="latest-title">
					<h2 class="block-title" id="latest-title">
						{ctx.t("home.latest")}
					</h2>
					<StoryList ctx={ctx} stories={home.latest} level={3} />
				</section>
			</div>
		</Layout>
	);
}
