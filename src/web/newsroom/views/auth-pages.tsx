import { type AdminContext, AdminLayout, CsrfField, Field } from "./admin-layout.js";

/** Errors keyed by form field name; `form` is for the whole form. */
export type FormErrors = Partial<Record<string, string>>;

export function LoginPage({
	ctx,
	email,
	errors,
	next,
	notice,
}: {
	ctx: AdminContext;
	email: string;
	errors: FormErrors;
	next: string;
	notice?: string;
}) {
	return (
		<AdminLayout ctx={ctx} title={ctx.t("login.title")}>
			<h1>{ctx.t("login.title")}</h1>
			{notice ? <p class="notice">{notice}</p> : null}
			{errors.form ? (
				<p class="notice bad" role="alert">
					{errors.form}
				</p>
			) : null}
			<form method="post" action="/admin/login">
				<CsrfField ctx={ctx} />
				<input type="hidden" name="next" value={next} />
				<Field name="email" type="email" label={ctx.t("login.email")} value={email} autocomplete="username" required />
				<Field
					name="password"
					type="password"
					label={ctx.t("login.password")}
					autocomplete="current-password"
					required
				/>
				<div class="actions">
					<button type="submit">{ctx.t("login.submit")}</button>
				</div>
			</form>
		</AdminLayout>
	);
}

export function SetupPage({
	ctx,
	values,
	errors,
}: {
	ctx: AdminContext;
	values: { displayName: string; email: string };
	errors: FormErrors;
}) {
	return (
		<AdminLayout ctx={ctx} title={ctx.t("setup.title")}>
			<h1>{ctx.t("setup.title")}</h1>
			<p>{ctx.t("setup.intro")}</p>
			{errors.form ? (
				<p class="notice bad" role="alert">
					{errors.form}
				</p>
			) : null}
			<form method="post" action="/admin/setup">
				<CsrfField ctx={ctx} />
				<Field
					name="displayName"
					label={ctx.t("setup.name")}
					value={values.displayName}
					error={errors.displayName}
					required
				/>
				<Field
					name="email"
					type="email"
					label={ctx.t("setup.email")}
					value={values.email}
					error={errors.email}
					required
				/>
				<Field
					name="password"
					type="password"
					label={ctx.t("setup.password")}
					error={errors.password}
					autocomplete="new-password"
					required
				/>
				<div class="actions">
					<button type="submit">{ctx.t("setup.submit")}</button>
				</div>
			</form>
		</AdminLayout>
	);
}

/** A short page for refusals and failures, with the way back. */
export function AdminMessagePage({ ctx, title, message }: { ctx: AdminContext; title: string; message: string }) {
	return (
		<AdminLayout ctx={ctx} title={title}>
			<h1>{title}</h1>
			<p class="notice bad" role="alert">
				{message}
			</p>
			<p>
				<a href="/admin/">{ctx.t("error.back")}</a>
			</p>
		</AdminLayout>
	);
}

/** `/admin/password/{token}`: sets the password of the account a one-time link was made for. */
export function PasswordPage({
	ctx,
	action,
	email,
	errors,
}: {
	ctx: AdminContext;
	action: string;
	email: string;
	errors: FormErrors;
}) {
	return (
		<AdminLayout ctx={ctx} title={ctx.t("password.title")}>
			<h1>{ctx.t("password.title")}</h1>
			<p>{ctx.t("password.for", { email })}</p>
			{errors.form ? (
				<p class="notice bad" role="alert">
					{errors.form}
				</p>
			) : null}
			<form method="post" action={action}>
				<CsrfField ctx={ctx} />
				<input type="hidden" name="email" value={email} autocomplete="username" />
				<Field
					name="password"
					type="password"
					label={ctx.t("password.new")}
					error={errors.password}
					autocomplete="new-password"
					required
				/>
				<div class="actions">
					<button type="submit">{ctx.t("password.submit")}</button>
				</div>
			</form>
		</AdminLayout>
	);
}
