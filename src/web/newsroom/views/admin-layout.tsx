import type { ComponentChildren } from "preact";
import type { AdminTranslator } from "../newsroom-messages.js";

/** What every newsroom page knows: the translator, the signed-in user (if any), and the CSRF token for its forms. */
export interface AdminContext {
	t: AdminTranslator;
	stylesheetHref: string;
	user: { displayName: string; role: string } | null;
	csrfToken: string;
	/** Which navigation item is current. */
	section?: "stories" | "new" | "home" | "media" | "users" | "site";
	canManageUsers?: boolean;
	canCurateHome?: boolean;
	/** Sections and site settings (admins). */
	canManageSite?: boolean;
}

/** A hidden field carrying the CSRF token; every state-changing form includes one. */
export function CsrfField({ ctx }: { ctx: AdminContext }) {
	return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

const links = [
	["stories", "/admin/", "admin.nav.stories"],
	["new", "/admin/stories/new", "admin.nav.new"],
	["home", "/admin/front-page", "admin.nav.home"],
	["media", "/admin/media", "admin.nav.media"],
	["users", "/admin/users", "admin.nav.users"],
	["site", "/admin/site", "admin.nav.siteSettings"],
] as const;

/** The newsroom page frame: bar with navigation and the account, then the page. */
export function AdminLayout({
	ctx,
	title,
	children,
	scripts = [],
}: {
	ctx: AdminContext;
	title: string;
	children: ComponentChildren;
	scripts?: readonly string[];
}) {
	return (
		<html lang="en" dir="ltr">
			<head>
				<meta charset="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<meta name="robots" content="noindex, nofollow" />
				<title>{`${title} – ${ctx.t("admin.title")}`}</title>
				<link rel="stylesheet" href={ctx.stylesheetHref} />
				{scripts.map((src) => (
					<script key={src} src={src} defer />
				))}
			</head>
			<body>
				<a class="skip" href="#main">
					{ctx.t("admin.skip")}
				</a>
				<header class="bar">
					<strong>{ctx.t("admin.title")}</strong>
					{ctx.user ? (
						<nav aria-label={ctx.t("admin.nav")}>
							<ul>
								{links
									.filter(([key]) =>
										key === "users"
											? ctx.canManageUsers
											: key === "home"
												? ctx.canCurateHome
												: key === "site"
													? ctx.canManageSite
													: true,
									)
									.map(([key, href, label]) => (
										<li key={key}>
											<a href={href} aria-current={ctx.section === key ? "page" : undefined}>
												{ctx.t(label)}
											</a>
										</li>
									))}
								<li>
									<a href="/">{ctx.t("admin.nav.site")}</a>
								</li>
							</ul>
						</nav>
					) : null}
					{ctx.user ? (
						<div class="who">
							<span>{ctx.t("admin.signedInAs", { name: ctx.user.displayName, role: ctx.user.role })}</span>
							<form method="post" action="/admin/logout">
								<CsrfField ctx={ctx} />
								<button type="submit">{ctx.t("admin.logout")}</button>
							</form>
							<form method="post" action="/admin/logout-everywhere">
								<CsrfField ctx={ctx} />
								<button type="submit">{ctx.t("admin.logoutEverywhere")}</button>
							</form>
						</div>
					) : null}
				</header>
				<main id="main" tabIndex={-1}>
					{children}
				</main>
			</body>
		</html>
	);
}

/** A labelled input with its error beside it; the typed value is always kept. */
export function Field(props: {
	name: string;
	label: string;
	value?: string;
	type?: "text" | "email" | "password" | "datetime-local" | "search";
	error?: string | undefined;
	hint?: string;
	required?: boolean;
	autocomplete?: string;
	dir?: "auto" | "rtl" | "ltr";
}) {
	const id = `field-${props.name}`;
	const described = [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ");
	return (
		<div>
			<label for={id}>{props.label}</label>
			<input
				id={id}
				name={props.name}
				// Preact types inputs per type; every type used here takes the same attributes as "text".
				type={(props.type ?? "text") as "text"}
				value={props.value ?? ""}
				required={props.required}
				autoComplete={props.autocomplete}
				aria-invalid={props.error ? "true" : undefined}
				aria-describedby={described || undefined}
				dir={props.dir}
			/>
			{props.hint ? (
				<p class="hint" id={`${id}-hint`}>
					{props.hint}
				</p>
			) : null}
			{props.error ? (
				<p class="field-error" id={`${id}-error`}>
					{props.error}
				</p>
			) : null}
		</div>
	);
}
