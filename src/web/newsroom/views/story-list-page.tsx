import type { ArticleStatus } from "../../../db/database.js";
import type { NewsroomStoryRow } from "../../../newsroom/stories/story.js";
import type { AdminMessageKey } from "../newsroom-messages.js";
import { type AdminContext, AdminLayout } from "./admin-layout.js";

export const STATUS_KEYS: Record<ArticleStatus, AdminMessageKey> = {
	draft: "status.draft",
	submitted: "status.submitted",
	scheduled: "status.scheduled",
	published: "status.published",
	unpublished: "status.unpublished",
};

export interface StoryListModel {
	rows: readonly NewsroomStoryRow[];
	total: number;
	filter: { status: string; sectionId: string; personId: string; text: string; sort: string };
	sections: readonly { id: number; label: string }[];
	people: readonly { id: number; name: string }[];
	page: number;
	pages: number;
	pageHref: (page: number) => string;
	formatDate: (at: Date) => string;
}

/** The newsroom's story list: filters, a table, and pages. */
export function StoryListPage({ ctx, list }: { ctx: AdminContext; list: StoryListModel }) {
	return (
		<AdminLayout ctx={ctx} title={ctx.t("stories.title")}>
			<h1>{ctx.t("stories.title")}</h1>
			<form class="filters" method="get" action="/admin/">
				<div>
					<label for="f-status">{ctx.t("stories.status")}</label>
					<select id="f-status" name="status">
						<option value="">{ctx.t("stories.any")}</option>
						{Object.entries(STATUS_KEYS).map(([status, key]) => (
							<option key={status} value={status} selected={list.filter.status === status}>
								{ctx.t(key)}
							</option>
						))}
					</select>
				</div>
				<div>
					<label for="f-section">{ctx.t("stories.section")}</label>
					<select id="f-section" name="section">
						<option value="">{ctx.t("stories.any")}</option>
						{list.sections.map((section) => (
							<option
								key={section.id}
								value={String(section.id)}
								selected={list.filter.sectionId === String(section.id)}
							>
								{section.label}
							</option>
						))}
					</select>
				</div>
				<div>
					<label for="f-person">{ctx.t("stories.author")}</label>
					<select id="f-person" name="person">
						<option value="">{ctx.t("stories.any")}</option>
						{list.people.map((person) => (
							<option key={person.id} value={String(person.id)} selected={list.filter.personId === String(person.id)}>
								{person.name}
							</option>
						))}
					</select>
				</div>
				<div>
					<label for="f-text">{ctx.t("stories.text")}</label>
					<input id="f-text" type="search" name="q" value={list.filter.text} dir="auto" />
				</div>
				<div>
					<label for="f-sort">{ctx.t("stories.sort")}</label>
					<select id="f-sort" name="sort">
						<option value="newest" selected={list.filter.sort !== "oldest"}>
							{ctx.t("stories.newest")}
						</option>
						<option value="oldest" selected={list.filter.sort === "oldest"}>
							{ctx.t("stories.oldest")}
						</option>
					</select>
				</div>
				<button type="submit">{ctx.t("stories.filter")}</button>
			</form>
			<p class="hint" role="status">
				{list.total === 1 ? ctx.t("stories.countOne") : ctx.t("stories.count", { count: list.total })}
			</p>
			{list.rows.length === 0 ? (
				<p>{ctx.t("stories.none")}</p>
			) : (
				<table>
					<thead>
						<tr>
							<th scope="col">{ctx.t("stories.headline")}</th>
							<th scope="col">{ctx.t("stories.status")}</th>
							<th scope="col">{ctx.t("stories.section")}</th>
							<th scope="col">{ctx.t("stories.author")}</th>
							<th scope="col">{ctx.t("stories.modified")}</th>
						</tr>
					</thead>
					<tbody>
						{list.rows.map((row) => (
							<tr key={row.id}>
								<td dir="auto">
									<a href={`/admin/stories/${row.id}/edit`}>{row.headline}</a>
								</td>
								<td>
									<span class={`status status-${row.status}`}>{ctx.t(STATUS_KEYS[row.status])}</span>
									{row.scheduledAt && row.status === "scheduled" ? (
										<div class="hint">
											<time dateTime={row.scheduledAt.toISOString()}>{list.formatDate(row.scheduledAt)}</time>
										</div>
									) : null}
								</td>
								<td>{row.sectionName}</td>
								<td>{row.bylineNames.join(", ")}</td>
								<td>
									<time dateTime={row.modifiedAt.toISOString()}>{list.formatDate(row.modifiedAt)}</time>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			{list.pages > 1 ? (
				<nav class="pager" aria-label={ctx.t("stories.title")}>
					{list.page > 1 ? <a href={list.pageHref(list.page - 1)}>{ctx.t("stories.newer")}</a> : null}
					<span>
						{list.page} / {list.pages}
					</span>
					{list.page < list.pages ? <a href={list.pageHref(list.page + 1)}>{ctx.t("stories.older")}</a> : null}
				</nav>
			) : null}
		</AdminLayout>
	);
}
