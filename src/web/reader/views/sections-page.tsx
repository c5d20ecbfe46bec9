import { Breadcrumbs } from "./components.js";
import { Layout } from "./layout.js";
import type { PageContext, PageHead } from "./page-context.js";
import type { LinkModel } from "./view-models.js";

/** A section on the index: its name, address and the sections under it. */
export interface SectionIndexEntry {
	name: string;
	href: string;
	children: SectionIndexEntry[];
}

function SectionList({ entries }: { entries: readonly SectionIndexEntry[] }) {
	return (
		<ul>
			{entries.map((entry) => (
				<li key={entry.href}>
					<a href={entry.href} dir="auto">
						{entry.name}
					</a>
					{entry.children.length > 0 ? <SectionList entries={entry.children} /> : null}
				</li>
			))}
		</ul>
	);
}

/** `/sections/`: every section as a nested list, for sites with more sections than the header names. */
export function SectionsPage({
	ctx,
	head,
	breadcrumbs,
	sections,
}: {
	ctx: PageContext;
	head: PageHead;
	breadcrumbs: LinkModel[];
	sections: readonly SectionIndexEntry[];
}) {
	return (
		<Layout ctx={ctx} head={head}>
			<Breadcrumbs ctx={ctx} trail={breadcrumbs} />
			<div class="story section-index">
				<h1>{ctx.t("site.mainNavigation")}</h1>
				<SectionList entries={sections} />
			</div>
		</Layout>
	);
}
