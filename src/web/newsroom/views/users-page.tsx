import type { User } from "../../../newsroom/users/user-service.js";
import type { AdminMessageKey } from "../newsroom-messages.js";
import { type AdminContext, AdminLayout, CsrfField, Field } from "./admin-layout.js";
import type { FormErrors } from "./auth-pages.js";

const roleKeys: Record<string, AdminMessageKey> = {
	admin: "role.admin",
	editor: "role.editor",
	author: "role.author",
	contributor: "role.contributor",
};

export function UsersPage({
	ctx,
	users,
	values,
	errors,
	notice,
	passwordLink,
}: {
	ctx: AdminContext;
	users: readonly User[];
	values: { email: string; displayName: string; role: string };
	errors: FormErrors;
	notice?: string;
	/** A link just made, shown once so the admin can pass it on. */
	passwordLink?: { email: string; url: string };
}) {
	return (
		<AdminLayout ctx={ctx} title={ctx.t("users.title")}>
			<h1>{ctx.t("users.title")}</h1>
			{notice ? (
				<p class="notice ok" role="status">
					{notice}
				</p>
			) : null}
			{passwordLink ? (
				<div class="notice ok" role="status">
					<p>{ctx.t("users.linkMade", { email: passwordLink.email })}</p>
					<p>
						<code class="password-link">{passwordLink.url}</code>
					</p>
				</div>
			) : null}
			<table>
				<thead>
					<tr>
						<th scope="col">{ctx.t("users.name")}</th>
						<th scope="col">{ctx.t("users.email")}</th>
						<th scope="col">{ctx.t("users.role")}</th>
						<th scope="col">{ctx.t("users.access")}</th>
					</tr>
				</thead>
				<tbody>
					{users.map((user) => (
						<tr key={user.id}>
							<td>{user.displayName}</td>
							<td>{user.email}</td>
							<td>{ctx.t(roleKeys[user.role] ?? "role.contributor")}</td>
							<td>
								{user.mustResetPassword ? ctx.t("users.needsPassword") : ctx.t("users.passwordSet")}
								{user.disabled ? null : (
									<form method="post" action={`/admin/users/${user.id}/password-link`} class="inline">
										<CsrfField ctx={ctx} />
										<button type="submit" class="secondary">
											{ctx.t("users.makeLink")}
										</button>
									</form>
								)}
							</td>
						</tr>
					))}
				</tbody>
			</table>
			<h2>{ctx.t("users.add")}</h2>
			{errors.form ? (
				<p class="notice bad" role="alert">
					{errors.form}
				</p>
			) : null}
			<form method="post" action="/admin/users">
				<CsrfField ctx={ctx} />
				<Field name="displayName" label={ctx.t("users.name")} value={values.displayName} error={errors.displayName} />
				<Field
					name="email"
					type="email"
					label={ctx.t("users.email")}
					value={values.email}
					error={errors.email}
					required
				/>
				<label for="field-role">{ctx.t("users.role")}</label>
				<select id="field-role" name="role">
					{Object.entries(roleKeys).map(([role, key]) => (
						<option key={role} value={role} selected={values.role === role}>
							{ctx.t(key)}
						</option>
					))}
				</select>
				<Field
					name="password"
					type="password"
					label={ctx.t("users.password")}
					error={errors.password}
					autocomplete="new-password"
					required
				/>
				<div class="actions">
					<button type="submit">{ctx.t("users.submit")}</button>
				</div>
			</form>
		</AdminLayout>
	);
}
