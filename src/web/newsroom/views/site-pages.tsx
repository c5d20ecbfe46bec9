import type { AdminMessageKey } from "../newsroom-messages.js";
import { type AdminContext, AdminLayout, CsrfField, Field } from "./admin-layout.js";
import type { FormErrors } from "./auth-pages.js";

/** A section as the sections page lists it: its name, its public address and its children. */
export interface SectionItem {
	id: number;
	name: string;
	href: string;
	children: readonly SectionItem[];
}

/** The typed "add a section" form, exactly as sent. */
export interface SectionFormValues {
	name: string;
	slug: string;
	description: string;
	parentId: string;
}

/** The typed site settings form, exactly as sent. */
export interface SiteSettingsValues {
	name: string;
	tagline: string;
	language: string;
	sourceLine: string;
	logoUrl: string;
}

const tabs: readonly (readonly [string, string, AdminMessageKey])[] = [
	["settings", "/admin/site", "settings.title"],
	["sections", "/admin/sections", "sections.title"],
];

/** Switches between the two site administration pages, which share one navigation item. */
function SiteTabs({ ctx, current }: { ctx: AdminContext; current: "settings" | "sections" }) {
	return (
		<nav aria-label={ctx.t("siteAdmin.nav")}>
			<ul>
				{tabs.map(([key, href, label]) => (
					<li key={key}>
						<a href={href} aria-current={current === key ? "page" : undefined}>
							{ctx.t(label)}
						</a>
					</li>
				))}
			</ul>
		</nav>
	);
}

function Notices({ notice, error }: { notice?: string | undefined; error?: string | undefined }) {
	return (
		<>
			{notice ? (
				<p class="notice ok" role="status">
					{notice}
				</p>
			) : null}
			{error ? (
				<p class="notice bad" role="alert">
					{error}
				</p>
			) : null}
		</>
	);
}

function SectionTree({ items }: { items: readonly SectionItem[] }) {
	return (
		<ul>
			{items.map((item) => (
				<li key={item.id}>
					{item.name} <a href={item.href}>{item.href}</a>
					{item.children.length > 0 ? <SectionTree items={item.children} /> : null}
				</li>
			))}
		</ul>
	);
}

/** The sections page: the tree, then the form to add one. */
export function SectionsPage({
	ctx,
	tree,
	parents,
	values,
	errors,
	notice,
}: {
	ctx: AdminContext;
	tree: readonly SectionItem[];
	/** Every section as a parent choice, indented by depth. */
	parents: readonly { id: number; label: string }[];
	values: SectionFormValues;
	errors: FormErrors;
	notice?: string;
}) {
	const parentError = errors.parentId;
	return (
		<AdminLayout ctx={ctx} title={ctx.t("sections.title")}>
			<SiteTabs ctx={ctx} current="sections" />
			<h1>{ctx.t("sections.title")}</h1>
			<Notices notice={notice} />
			{tree.length > 0 ? <SectionTree items={tree} /> : <p>{ctx.t("sections.none")}</p>}
			<h2>{ctx.t("sections.add")}</h2>
			<Notices error={errors.form} />
			<form method="post" action="/admin/sections">
				<CsrfField ctx={ctx} />
				<Field name="name" label={ctx.t("sections.name")} value={values.name} error={errors.name} dir="auto" required />
				<Field
					name="slug"
					label={ctx.t("sections.slug")}
					value={values.slug}
					error={errors.slug}
					hint={ctx.t("sections.slugHint")}
					dir="auto"
				/>
				<div>
					<label for="field-description">{ctx.t("sections.description")}</label>
					<textarea
						id="field-description"
						name="description"
						rows={3}
						dir="auto"
						aria-invalid={errors.description ? "true" : undefined}
						aria-describedby={errors.description ? "field-description-error" : undefined}
					>
						{values.description}
					</textarea>
					{errors.description ? (
						<p class="field-error" id="field-description-error">
							{errors.description}
						</p>
					) : null}
				</div>
				<div>
					<label for="field-parentId">{ctx.t("sections.parent")}</label>
					<select
						id="field-parentId"
						name="parentId"
						aria-invalid={parentError ? "true" : undefined}
						aria-describedby={parentError ? "field-parentId-error" : undefined}
					>
						<option value="" selected={values.parentId === ""}>
							{ctx.t("sections.topLevel")}
						</option>
						{parents.map((parent) => (
							<option key={parent.id} value={String(parent.id)} selected={values.parentId === String(parent.id)}>
								{parent.label}
							</option>
						))}
					</select>
					{parentError ? (
						<p class="field-error" id="field-parentId-error">
							{parentError}
						</p>
					) : null}
				</div>
				<div class="actions">
					<button type="submit">{ctx.t("sections.submit")}</button>
				</div>
			</form>
		</AdminLayout>
	);
}

/** The site settings page: name, tagline, language, default source line and logo. */
export function SiteSettingsPage({
	ctx,
	values,
	errors,
	notice,
}: {
	ctx: AdminContext;
	values: SiteSettingsValues;
	errors: FormErrors;
	notice?: string;
}) {
	return (
		<AdminLayout ctx={ctx} title={ctx.t("settings.title")}>
			<SiteTabs ctx={ctx} current="settings" />
			<h1>{ctx.t("settings.title")}</h1>
			<Notices notice={notice} error={errors.form} />
			<form method="post" action="/admin/site">
				<CsrfField ctx={ctx} />
				<Field name="name" label={ctx.t("settings.name")} value={values.name} error={errors.name} dir="auto" required />
				<Field
					name="tagline"
					label={ctx.t("settings.tagline")}
					value={values.tagline}
					error={errors.tagline}
					dir="auto"
				/>
				<Field
					name="language"
					label={ctx.t("settings.language")}
					value={values.language}
					error={errors.language}
					hint={ctx.t("settings.languageHint")}
					dir="ltr"
					required
				/>
				<Field
					name="sourceLine"
					label={ctx.t("settings.sourceLine")}
					value={values.sourceLine}
					error={errors.sourceLine}
					hint={ctx.t("settings.sourceLineHint")}
					dir="auto"
				/>
				<Field
					name="logoUrl"
					label={ctx.t("settings.logoUrl")}
					value={values.logoUrl}
					error={errors.logoUrl}
					hint={ctx.t("settings.logoHint")}
					dir="ltr"
				/>
				<div class="actions">
					<button type="submit">{ctx.t("settings.save")}</button>
				</div>
			</form>
		</AdminLayout>
	);
}
