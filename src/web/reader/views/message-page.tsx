import { Layout } from "./layout.js";
import type { PageContext } from "./page-context.js";

/** The 404, 400 and 500 pages: a title, a sentence, and the way home. */
export function MessagePage({ ctx, title, body }: { ctx: PageContext; title: string; body: string }) {
	return (
		<Layout ctx={ctx} head={{ title, noindex: true, feeds: [{ title: ctx.siteName, base: "/" }] }}>
			<div class="story">
				<h1>{title}</h1>
				<p>{body}</p>
				<p>
					<a href="/">{ctx.t("notFound.homeLink")}</a>
				</p>
			</div>
		</Layout>
	);
}
