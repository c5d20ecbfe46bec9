import type { StorySnapshot } from "../../../newsroom/revisions/revision.js";
import { type AdminContext, AdminLayout, CsrfField } from "./admin-layout.js";
import type { EditorValues } from "./editor-page.js";

/**
 * Shown when a save was based on an older revision: both texts side by side.
 * The typed text is kept in hidden fields, so "save mine" sends it again on
 * top of the newer revision, and nothing is lost either way.
 */
export function ConflictPage({
	ctx,
	storyId,
	typed,
	current,
	currentRevision,
}: {
	ctx: AdminContext;
	storyId: number;
	typed: EditorValues;
	current: StorySnapshot;
	currentRevision: number;
}) {
	return (
		<AdminLayout ctx={{ ...ctx, section: "stories" }} title={ctx.t("conflict.title")}>
			<h1>{ctx.t("conflict.title")}</h1>
			<p class="notice bad" role="alert">
				{ctx.t("conflict.intro")}
			</p>
			<div class="both">
				<section aria-labelledby="yours">
					<h2 id="yours">{ctx.t("conflict.yours")}</h2>
					<p dir="auto">
						<strong>{typed.headline}</strong>
					</p>
					<pre dir="auto" class="typed-text">
						{typed.bodySource}
					</pre>
				</section>
				<section aria-labelledby="theirs">
					<h2 id="theirs">{ctx.t("conflict.theirs", { revision: currentRevision })}</h2>
					<p dir="auto">
						<strong>{current.headline}</strong>
					</p>
					<pre dir="auto" class="saved-text">
						{current.bodySource}
					</pre>
				</section>
			</div>
			<form method="post" action={`/admin/stories/${storyId}`}>
				<CsrfField ctx={ctx} />
				<input type="hidden" name="baseRevision" value={String(currentRevision)} />
				{Object.entries(typed).flatMap(([name, value]) =>
					(Array.isArray(value) ? value : [value]).map((item, index) => (
						<input key={`${name}-${index}`} type="hidden" name={name} value={item} />
					)),
				)}
				<div class="actions">
					<button type="submit">{ctx.t("conflict.saveMine")}</button>
					<a class="button secondary" href={`/admin/stories/${storyId}/edit`}>
						{ctx.t("conflict.discard")}
					</a>
				</div>
			</form>
		</AdminLayout>
	);
}
