import { Breadcrumbs } from "./components.js";
import { Layout } from "./layout.js";
import type { PageContext, PageHead } from "./page-context.js";
import type { LinkModel } from "./view-models.js";

/** A standing page ("About us"): breadcrumbs, its title and its body; no byline, date or related stories. */
export function StandingPage({
	ctx,
	head,
	page,
}: {
	ctx: PageContext;
	head: PageHead;
	page: { title: string; bodyHtml: string; language: string; breadcrumbs: LinkModel[] };
}) {
	return (
		<Layout ctx={ctx} head={head}>
			<Breadcrumbs ctx={ctx} trail={page.breadcrumbs} />
			<article class="story" lang={page.language === ctx.language ? undefined : page.language}>
				<h1 dir="auto">{page.title}</h1>
				<div
					class="body"
					// the body was sanitized against an allowlist when saved, and again when read.
					dangerouslySetInnerHTML={{ __html: page.bodyHtml }}
				/>
			</article>
		</Layout>
	);
}
