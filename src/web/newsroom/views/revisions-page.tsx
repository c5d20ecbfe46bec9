import type { FieldDiff, RevisionSummary } from "../../../newsroom/revisions/revision.js";
import { type AdminContext, AdminLayout, CsrfField } from "./admin-layout.js";

/** A story's revisions, the changes between two of them, and a restore button per revision. */
export function RevisionsPage({
	ctx,
	storyId,
	headline,
	revisions,
	current,
	compare,
	formatDate,
}: {
	ctx: AdminContext;
	storyId: number;
	headline: string;
	revisions: readonly RevisionSummary[];
	current: number;
	compare: { from: number; to: number; diff: readonly FieldDiff[] } | null;
	formatDate: (at: Date) => string;
}) {
	const base = `/admin/stories/${storyId}`;
	return (
		<AdminLayout ctx={{ ...ctx, section: "stories" }} title={ctx.t("revisions.title", { headline })}>
			<h1 dir="auto">{ctx.t("revisions.title", { headline })}</h1>
			<p>
				<a href={`${base}/edit`}>{ctx.t("revisions.back")}</a>
			</p>
			<form method="get" action={`${base}/revisions`} class="filters">
				<div>
					<label for="from">{ctx.t("revisions.from")}</label>
					<select id="from" name="from">
						{revisions.map((revision) => (
							<option
								key={revision.number}
								value={String(revision.number)}
								selected={compare?.from === revision.number}
							>
								{revision.number}
							</option>
						))}
					</select>
				</div>
				<div>
					<label for="to">{ctx.t("revisions.to")}</label>
					<select id="to" name="to">
						{revisions.map((revision) => (
							<option key={revision.number} value={String(revision.number)} selected={compare?.to === revision.number}>
								{revision.number}
							</option>
						))}
					</select>
				</div>
				<button type="submit">{ctx.t("revisions.show")}</button>
			</form>
			{compare ? (
				<section aria-label={ctx.t("revisions.compare")}>
					{compare.diff.length === 0 ? <p>{ctx.t("revisions.noChanges")}</p> : null}
					{compare.diff.map((field) => (
						<div key={field.field}>
							<h2>{field.field}</h2>
							<p dir="auto" class="diff">
								{field.parts.map((part, index) =>
									part.added ? (
										<ins key={String(index)}>{part.value}</ins>
									) : part.removed ? (
										<del key={String(index)}>{part.value}</del>
									) : (
										part.value
									),
								)}
							</p>
						</div>
					))}
				</section>
			) : null}
			<table>
				<thead>
					<tr>
						<th scope="col">{ctx.t("revisions.number")}</th>
						<th scope="col">{ctx.t("revisions.when")}</th>
						<th scope="col">{ctx.t("revisions.who")}</th>
						<th scope="col" />
					</tr>
				</thead>
				<tbody>
					{[...revisions].reverse().map((revision) => (
						<tr key={revision.number}>
							<td>{revision.number}</td>
							<td>{formatDate(revision.createdAt)}</td>
							<td>{revision.createdBy}</td>
							<td>
								{revision.number !== current ? (
									<form method="post" action={`${base}/revisions/${revision.number}/restore`}>
										<CsrfField ctx={ctx} />
										<input type="hidden" name="baseRevision" value={String(current)} />
										<button type="submit" class="secondary">
											{ctx.t("revisions.restore")}
										</button>
									</form>
								) : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</AdminLayout>
	);
}
