import type { ArticleStatus, BodyFormat } from "../../../db/database.js";
import type { StorySnapshot } from "../../../newsroom/revisions/revision.js";
import { type AdminContext, AdminLayout, CsrfField, Field } from "./admin-layout.js";
import type { FormErrors } from "./auth-pages.js";
import { STATUS_KEYS } from "./story-list-page.js";

/** The editor's form values as typed: strings, so nothing typed is ever lost to parsing. */
export interface EditorValues {
	headline: string;
	slug: string;
	standfirst: string;
	datelinePlace: string;
	sourceLine: string;
	language: string;
	sectionId: string;
	personIds: string[];
	tagNames: string;
	featuredMediaId: string;
	bodySource: string;
	/** "markdown", or "html" for an imported body kept as HTML (a hidden field, read back as one or the other). */
	bodyFormat: BodyFormat;
}

/** The form values of a stored story. */
export function valuesOf(snapshot: StorySnapshot & { bodyFormat?: BodyFormat }): EditorValues {
	return {
		headline: snapshot.headline,
		slug: snapshot.slug,
		standfirst: snapshot.standfirst,
		datelinePlace: snapshot.datelinePlace,
		sourceLine: snapshot.sourceLine,
		language: snapshot.language,
		sectionId: String(snapshot.sectionId),
		personIds: snapshot.personIds.map(String),
		tagNames: snapshot.tagNames.join(", "),
		featuredMediaId: snapshot.featuredMediaId === null ? "" : String(snapshot.featuredMediaId),
		bodySource: snapshot.bodySource,
		bodyFormat: snapshot.bodyFormat ?? "markdown",
	};
}

export interface EditorModel {
	/** Absent for a new story. */
	story?: {
		id: number;
		status: ArticleStatus;
		revision: number;
		publicPath: string | null;
		scheduledAt: Date | null;
		corrections: readonly { kind: string; body: string; createdAt: Date }[];
		history: readonly { at: Date; who: string; action: string }[];
	};
	values: EditorValues;
	baseRevision: number;
	errors: FormErrors;
	notice?: string;
	sections: readonly { id: number; label: string }[];
	people: readonly { id: number; name: string }[];
	images: readonly { id: number; label: string }[];
	can: { publish: boolean; submit: boolean; unpublish: boolean; correct: boolean };
	rtl: boolean;
	formatDate: (at: Date) => string;
	previewHtml: string;
	scriptHref: string;
}

const BYLINE_SLOTS = 4;

/** The story editor: fields on one side, a live preview and the workflow on the other. */
export function EditorPage({ ctx, model }: { ctx: AdminContext; model: EditorModel }) {
	const { values, errors, story } = model;
	const action = story ? `/admin/stories/${story.id}` : "/admin/stories";
	const title = story ? ctx.t("editor.editTitle") : ctx.t("editor.newTitle");
	return (
		<AdminLayout ctx={{ ...ctx, section: story ? "stories" : "new" }} title={title} scripts={[model.scriptHref]}>
			<h1>
				{title}
				{story ? <span class="hint"> · {ctx.t("editor.revision", { revision: story.revision })}</span> : null}
			</h1>
			{model.notice ? (
				<p class="notice ok" role="status">
					{model.notice}
				</p>
			) : null}
			{errors.form ? (
				<p class="notice bad" role="alert">
					{errors.form}
				</p>
			) : null}
			<div class="editor">
				<form
					method="post"
					action={action}
					id="story-form"
					data-story={story ? String(story.id) : ""}
					data-autosave={story ? `/admin/stories/${story.id}/autosave` : ""}
					data-preview="/admin/stories/preview-body"
				>
					<CsrfField ctx={ctx} />
					<input type="hidden" name="baseRevision" value={String(model.baseRevision)} />
					<fieldset>
						<Field
							name="headline"
							label={ctx.t("editor.headline")}
							value={values.headline}
							error={errors.headline}
							required
							dir="auto"
						/>
						<Field
							name="slug"
							label={ctx.t("editor.slug")}
							value={values.slug}
							error={errors.slug}
							hint={ctx.t("editor.slugHint")}
						/>
						<Field
							name="standfirst"
							label={ctx.t("editor.standfirst")}
							value={values.standfirst}
							error={errors.standfirst}
							dir="auto"
						/>
						<Field
							name="datelinePlace"
							label={ctx.t("editor.datelinePlace")}
							value={values.datelinePlace}
							error={errors.datelinePlace}
							hint={ctx.t("editor.datelineHint")}
						/>
						<Field
							name="sourceLine"
							label={ctx.t("editor.sourceLine")}
							value={values.sourceLine}
							error={errors.sourceLine}
							hint={ctx.t("editor.sourceHint")}
						/>
						<Field name="language" label={ctx.t("editor.language")} value={values.language} error={errors.language} />
						<label for="field-sectionId">{ctx.t("editor.section")}</label>
						<select id="field-sectionId" name="sectionId" aria-invalid={errors.sectionId ? "true" : undefined}>
							{model.sections.map((section) => (
								<option key={section.id} value={String(section.id)} selected={values.sectionId === String(section.id)}>
									{section.label}
								</option>
							))}
						</select>
						{errors.sectionId ? <p class="field-error">{errors.sectionId}</p> : null}
						<Field
							name="tagNames"
							label={ctx.t("editor.tags")}
							value={values.tagNames}
							error={errors.tagNames}
							hint={ctx.t("editor.tagsHint")}
						/>
						{Array.from({ length: BYLINE_SLOTS }, (_, index) => {
							const selected = values.personIds[index] ?? "";
							return (
								<div key={String(index)}>
									<label for={`field-person-${index}`}>{ctx.t("editor.byline", { n: index + 1 })}</label>
									<select id={`field-person-${index}`} name="personIds">
										<option value="">{ctx.t("editor.nobody")}</option>
										{model.people.map((person) => (
											<option key={person.id} value={String(person.id)} selected={selected === String(person.id)}>
												{person.name}
											</option>
										))}
									</select>
								</div>
							);
						})}
						{errors.personIds ? <p class="field-error">{errors.personIds}</p> : null}
						<label for="field-featuredMediaId">{ctx.t("editor.image")}</label>
						<select id="field-featuredMediaId" name="featuredMediaId">
							<option value="">{ctx.t("editor.noImage")}</option>
							{model.images.map((image) => (
								<option key={image.id} value={String(image.id)} selected={values.featuredMediaId === String(image.id)}>
									{image.label}
								</option>
							))}
						</select>
						{errors.featuredMediaId ? <p class="field-error">{errors.featuredMediaId}</p> : null}
						<p class="hint">
							<a href="/admin/media">{ctx.t("editor.uploadImage")}</a>
						</p>
						<input type="hidden" name="bodyFormat" value={values.bodyFormat} />
						<label for="field-bodySource">
							{values.bodyFormat === "html" ? ctx.t("editor.bodyHtml") : ctx.t("editor.body")}
						</label>
						<textarea
							id="field-bodySource"
							name="bodySource"
							dir={model.rtl ? "rtl" : "auto"}
							aria-invalid={errors.bodySource ? "true" : undefined}
						>
							{values.bodySource}
						</textarea>
						{errors.bodySource ? <p class="field-error">{errors.bodySource}</p> : null}
					</fieldset>
					<div class="actions">
						<button type="submit">{story ? ctx.t("editor.save") : ctx.t("editor.create")}</button>
						<button type="submit" class="secondary" formaction="/admin/stories/preview" formtarget="_blank">
							{ctx.t("editor.preview")}
						</button>
						<span class="autosave" id="autosave-status" aria-live="polite" />
					</div>
				</form>
				<div>
					<h2>{ctx.t("editor.previewTitle")}</h2>
					<p class="hint">{ctx.t("editor.previewHint")}</p>
					<div
						class="preview"
						id="preview"
						dir={model.rtl ? "rtl" : "ltr"}
						// The preview is the same sanitized HTML the public page shows.
						dangerouslySetInnerHTML={{ __html: model.previewHtml }}
					/>
					{story ? <Workflow ctx={ctx} model={model} story={story} /> : null}
				</div>
			</div>
		</AdminLayout>
	);
}

function Workflow({
	ctx,
	model,
	story,
}: {
	ctx: AdminContext;
	model: EditorModel;
	story: NonNullable<EditorModel["story"]>;
}) {
	const base = `/admin/stories/${story.id}`;
	return (
		<>
			<h2>{ctx.t("editor.workflow")}</h2>
			<p>
				{ctx.t("editor.statusNow", { status: ctx.t(STATUS_KEYS[story.status]) })}
				{story.status === "scheduled" && story.scheduledAt ? ` · ${model.formatDate(story.scheduledAt)}` : ""}
			</p>
			{story.publicPath ? (
				<p>
					<a href={story.publicPath}>{ctx.t("editor.viewPublic")}</a>
				</p>
			) : null}
			<div class="actions">
				{model.can.submit ? (
					<form method="post" action={`${base}/submit`}>
						<CsrfField ctx={ctx} />
						<button type="submit" class="secondary">
							{ctx.t("editor.submit")}
						</button>
					</form>
				) : null}
				{model.can.publish && story.status !== "published" ? (
					<form method="post" action={`${base}/publish`}>
						<CsrfField ctx={ctx} />
						<button type="submit">{ctx.t("editor.publish")}</button>
					</form>
				) : null}
				{model.can.unpublish && story.status === "published" ? (
					<form method="post" action={`${base}/unpublish`}>
						<CsrfField ctx={ctx} />
						<button type="submit" class="danger">
							{ctx.t("editor.unpublish")}
						</button>
					</form>
				) : null}
			</div>
			{model.can.publish && story.status !== "published" ? (
				<form method="post" action={`${base}/schedule`}>
					<CsrfField ctx={ctx} />
					<label for="field-scheduleAt">{ctx.t("editor.scheduleAt")}</label>
					<input id="field-scheduleAt" name="at" type="datetime-local" required />
					{model.errors.at ? <p class="field-error">{model.errors.at}</p> : null}
					<div class="actions">
						<button type="submit" class="secondary">
							{ctx.t("editor.schedule")}
						</button>
					</div>
				</form>
			) : null}
			<p>
				<a href={`${base}/revisions`}>{ctx.t("editor.revisions")}</a>
			</p>
			{story.status === "published" || story.corrections.length > 0 ? (
				<>
					<h2>{ctx.t("editor.corrections")}</h2>
					<ul>
						{story.corrections.map((correction) => (
							<li key={correction.createdAt.toISOString()}>
								<strong>{correction.kind}</strong> ({model.formatDate(correction.createdAt)}): {correction.body}
							</li>
						))}
					</ul>
					{model.can.correct ? (
						<form method="post" action={`${base}/corrections`}>
							<CsrfField ctx={ctx} />
							<label for="field-kind">{ctx.t("editor.correctionKind")}</label>
							<select id="field-kind" name="kind">
								<option value="correction">{ctx.t("kind.correction")}</option>
								<option value="update">{ctx.t("kind.update")}</option>
								<option value="clarification">{ctx.t("kind.clarification")}</option>
							</select>
							<label for="field-correction">{ctx.t("editor.correctionBody")}</label>
							<textarea id="field-correction" name="body" required rows={3} dir="auto" />
							<div class="actions">
								<button type="submit" class="secondary">
									{ctx.t("editor.addCorrection")}
								</button>
							</div>
						</form>
					) : null}
				</>
			) : null}
			<h2>{ctx.t("editor.history")}</h2>
			<ul class="hint">
				{story.history.map((entry, index) => (
					<li key={String(index)}>
						{model.formatDate(entry.at)} · {entry.who} · {entry.action}
					</li>
				))}
			</ul>
		</>
	);
}
