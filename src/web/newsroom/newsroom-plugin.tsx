import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Clock } from "../../clock.js";
import type { Config } from "../../config.js";
import type { Role } from "../../db/database.js";
import { asUnavailable } from "../../db/database-unavailable.js";
import { AppError, isAppError } from "../../errors.js";
import type { NewsroomServices } from "../../newsroom/newsroom-services.js";
import { type Actor, canCurateHome, canManageSections, canManageUsers, ROLES } from "../../newsroom/roles/access.js";
import type { ActiveSession } from "../../newsroom/sessions/session-service.js";
import { passwordLinkPath } from "../../newsroom/users/password-link-service.js";
import type { User } from "../../newsroom/users/user-service.js";
import { adminCss } from "./assets/admin-css.js";
import { adminTranslator } from "./newsroom-messages.js";
import type { AdminContext } from "./views/admin-layout.js";
import { AdminMessagePage, LoginPage, PasswordPage, SetupPage } from "./views/auth-pages.js";
import { UsersPage } from "./views/users-page.js";

export const SESSION_COOKIE = "dateline_session";
const PRE_SESSION_COOKIE = "dateline_csrf";
/** Where a one-time password link is opened. */
const PASSWORD_ROUTE = "/admin/password/:token";

export interface NewsroomOptions {
	newsroom: NewsroomServices;
	config: Pick<Config, "maxUploadBytes" | "publicUrl">;
	clock: Clock;
	/** Further routes that need the newsroom's session, CSRF and error handling (stories, media …). */
	routes?: readonly ((app: FastifyInstance, kit: NewsroomKit) => Promise<void> | void)[];
}

/** Per-request newsroom state, kept off the request object. */
interface RequestState {
	user: User | null;
	session: ActiveSession | null;
	token: string | null;
}

/** What newsroom route modules get: the current user, page rendering and form helpers. */
export interface NewsroomKit {
	/** The signed-in user; throws ERR_UNAUTHENTICATED when there is none. */
	actor(request: FastifyRequest): User;
	context(request: FastifyRequest, section?: AdminContext["section"]): AdminContext;
	render(reply: FastifyReply, page: VNode, status?: number): FastifyReply;
	/** The parsed form body as strings (repeated fields keep their last value unless asked for all). */
	form(request: FastifyRequest): Record<string, string>;
	formAll(request: FastifyRequest, name: string): string[];
}

const sha256 = (text: string) => createHash("sha256").update(text).digest();
/** Compares two secrets in constant time. */
function sameSecret(a: string, b: string): boolean {
	return a.length > 0 && b.length > 0 && timingSafeEqual(sha256(a), sha256(b));
}

/** Only newsroom paths may be a post-login destination, never another site. */
function safeNext(next: string | undefined): string {
	return next && /^\/admin\/[^/\\]/.test(`${next}x`) && !next.startsWith("//") && !next.includes("\\")
		? next
		: "/admin/";
}

/**
 * The newsroom at /admin: sessions, CSRF protection on every state change, and
 * the account pages. Sessions and CSRF live only in this plugin; the reader
 * never sees them.
 */
export async function newsroomPlugin(app: FastifyInstance, options: NewsroomOptions): Promise<void> {
	const { newsroom } = options;
	const t = adminTranslator();
	const cssHash = createHash("sha256").update(adminCss).digest("hex").slice(0, 12);
	const stylesheetHref = `/admin/assets/admin.${cssHash}.css`;
	const states = new WeakMap<FastifyRequest, RequestState>();
	const nowMs = () => options.clock.now().getTime();

	await app.register(cookie);
	await app.register(formbody, { bodyLimit: 2 * 1024 * 1024 });

	const state = (request: FastifyRequest): RequestState =>
		states.get(request) ?? { user: null, session: null, token: null };

	const kit: NewsroomKit = {
		actor(request) {
			const user = state(request).user;
			if (!user) throw new AppError("ERR_UNAUTHENTICATED");
			return user;
		},
		context(request, section) {
			const { user, session } = state(request);
			const actor: Actor | null = user;
			return {
				t,
				stylesheetHref,
				user: user ? { displayName: user.displayName, role: user.role } : null,
				csrfToken: session && !isPreSessionRoute(request) ? session.csrfToken : preSessionToken(request),
				...(section ? { section } : {}),
				canManageUsers: actor ? canManageUsers(actor) : false,
				canCurateHome: actor ? canCurateHome(actor) : false,
				canManageSite: actor ? canManageSections(actor) : false,
			};
		},
		render(reply, page, status = 200) {
			return reply
				.code(status)
				.header("content-type", "text/html; charset=utf-8")
				.send(`<!doctype html>${renderToString(page)}`);
		},
		form(request) {
			const body = (request.body ?? {}) as Record<string, unknown>;
			const out: Record<string, string> = {};
			for (const [key, value] of Object.entries(body)) {
				const last = Array.isArray(value) ? value[value.length - 1] : value;
				if (typeof last === "string") out[key] = last;
			}
			return out;
		},
		formAll(request, name) {
			const value = ((request.body ?? {}) as Record<string, unknown>)[name];
			return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
		},
	};

	/** The login and setup forms always use the pre-session token, even when a session already exists. */
	function isPreSessionRoute(request: FastifyRequest): boolean {
		const url = request.routeOptions.url ?? "";
		return url === "/admin/login" || url === "/admin/setup" || url === PASSWORD_ROUTE;
	}

	/** Before a session exists (login, setup), CSRF uses a random token in a cookie and the form. */
	function preSessionToken(request: FastifyRequest): string {
		return (
			request.cookies[PRE_SESSION_COOKIE] ?? (request as FastifyRequest & { newPreToken?: string }).newPreToken ?? ""
		);
	}

	app.addHook("onRequest", async (request, reply) => {
		reply.header("cache-control", "private, no-store");
		reply.header("x-frame-options", "DENY");
		reply.header("x-content-type-options", "nosniff");
		reply.header("referrer-policy", "same-origin");
		reply.header(
			"content-security-policy",
			"default-src 'self'; img-src 'self' https: data: blob:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
		);
		const token = request.cookies[SESSION_COOKIE] ?? null;
		const session = token ? await newsroom.sessions.find(token) : undefined;
		const user = session ? await newsroom.users.get(session.userId) : undefined;
		states.set(request, {
			user: user && !user.disabled ? user : null,
			session: user && session ? session : null,
			token: user && session ? token : null,
		});
		if (!request.cookies[PRE_SESSION_COOKIE]) {
			const fresh = randomBytes(24).toString("base64url");
			(request as FastifyRequest & { newPreToken?: string }).newPreToken = fresh;
			reply.setCookie(PRE_SESSION_COOKIE, fresh, {
				path: "/admin",
				httpOnly: true,
				sameSite: "strict",
				secure: request.protocol === "https",
			});
		}
	});

	// Every state change must carry the CSRF token of the session (or, before login, of the pre-session cookie).
	app.addHook("preHandler", async (request) => {
		if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return;
		const origin = request.headers.origin;
		if (origin && origin !== "null") {
			let host = "";
			try {
				host = new URL(origin).host;
			} catch {
				host = "";
			}
			if (host !== request.host) throw new AppError("ERR_CSRF", "The request came from another site.");
		}
		const sent =
			(typeof request.headers["x-csrf-token"] === "string" ? request.headers["x-csrf-token"] : undefined) ??
			kit.form(request)._csrf ??
			(request.query as Record<string, string | undefined>)._csrf ??
			"";
		const { session } = state(request);
		// A session cookie that no longer matches a session: the user must log in again; nothing was changed.
		if (!session && request.cookies[SESSION_COOKIE] && !isPreSessionRoute(request))
			throw new AppError("ERR_UNAUTHENTICATED");
		const expected =
			session && !isPreSessionRoute(request) ? session.csrfToken : (request.cookies[PRE_SESSION_COOKIE] ?? "");
		if (!sameSecret(sent, expected)) throw new AppError("ERR_CSRF");
	});

	app.setErrorHandler(async (raw, request, reply) => {
		const error = asUnavailable(raw);
		const ctx = kit.context(request);
		if (isAppError(error, "ERR_UNAUTHENTICATED")) {
			if (request.method === "GET") return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
			return kit.render(
				reply,
				<AdminMessagePage ctx={ctx} title={t("error.title")} message={t("login.expired")} />,
				401,
			);
		}
		if (isAppError(error)) {
			if (error.status >= 500) request.log.error({ err: error }, error.message);
			if (error.code === "ERR_DATABASE_UNAVAILABLE") reply.header("retry-after", "5");
			const message =
				error.code === "ERR_CSRF"
					? t("error.csrf")
					: error.code === "ERR_FORBIDDEN"
						? t("error.forbidden")
						: error.message;
			if (request.headers.accept?.includes("application/json"))
				return reply.code(error.status).send({ code: error.code, message });
			return kit.render(reply, <AdminMessagePage ctx={ctx} title={t("error.title")} message={message} />, error.status);
		}
		const status = (error as { statusCode?: number }).statusCode ?? 500;
		if (status >= 500) request.log.error({ err: error }, "newsroom request failed");
		const message =
			status === 413 ? "The request is too large." : status < 500 ? "The request could not be read." : t("error.title");
		return kit.render(reply, <AdminMessagePage ctx={ctx} title={t("error.title")} message={message} />, status);
	});

	function startSession(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
		reply.setCookie(SESSION_COOKIE, token, {
			path: "/admin",
			httpOnly: true,
			sameSite: "lax",
			secure: request.protocol === "https",
			// A relative lifetime: the browser's clock, not the server's, decides when it ends.
			maxAge: Math.max(0, Math.floor((expiresAt.getTime() - nowMs()) / 1000)),
		});
	}

	app.get(stylesheetHref, async (_request, reply) =>
		reply
			.header("content-type", "text/css; charset=utf-8")
			.header("cache-control", "public, max-age=31536000, immutable")
			.send(adminCss),
	);

	app.get("/admin/login", async (request, reply) => {
		if (await needsSetup()) return reply.redirect("/admin/setup", 303);
		const next = safeNext((request.query as { next?: string }).next);
		if (state(request).user) return reply.redirect(next, 303);
		return kit.render(reply, <LoginPage ctx={kit.context(request)} email="" errors={{}} next={next} />);
	});

	app.post("/admin/login", async (request, reply) => {
		const form = kit.form(request);
		const next = safeNext(form.next);
		try {
			const { session } = await newsroom.auth.login({
				email: form.email ?? "",
				password: form.password ?? "",
				address: request.ip,
				userAgent: request.headers["user-agent"] ?? "",
				...(state(request).token ? { previousToken: state(request).token ?? "" } : {}),
			});
			startSession(request, reply, session.token, session.expiresAt);
			return reply.redirect(next, 303);
		} catch (error) {
			if (!isAppError(error, "ERR_LOGIN_FAILED") && !isAppError(error, "ERR_LOGIN_LOCKED")) throw error;
			const message =
				error.code === "ERR_LOGIN_LOCKED" ? t("login.locked", { detail: error.detail ?? "" }) : t("login.failed");
			return kit.render(
				reply,
				<LoginPage ctx={kit.context(request)} email={form.email ?? ""} errors={{ form: message }} next={next} />,
				error.status,
			);
		}
	});

	app.post("/admin/logout", async (request, reply) => {
		const { token } = state(request);
		if (token) await newsroom.auth.logout(token);
		reply.clearCookie(SESSION_COOKIE, { path: "/admin" });
		return reply.redirect("/admin/login", 303);
	});

	app.post("/admin/logout-everywhere", async (request, reply) => {
		const user = kit.actor(request);
		await newsroom.auth.logoutEverywhere(user.id);
		reply.clearCookie(SESSION_COOKIE, { path: "/admin" });
		return reply.redirect("/admin/login", 303);
	});

	const needsSetup = async () => (await newsroom.users.count()) === 0;

	app.get("/admin/setup", async (request, reply) => {
		if (!(await needsSetup())) return reply.redirect("/admin/login", 303);
		return kit.render(
			reply,
			<SetupPage ctx={kit.context(request)} values={{ displayName: "", email: "" }} errors={{}} />,
		);
	});

	app.post("/admin/setup", async (request, reply) => {
		if (!(await needsSetup())) throw new AppError("ERR_FORBIDDEN", "The newsroom already has accounts.");
		const form = kit.form(request);
		const values = { displayName: form.displayName ?? "", email: form.email ?? "" };
		try {
			await newsroom.users.create(null, { ...values, role: "admin", password: form.password ?? "" });
		} catch (error) {
			const errors = formErrors(error);
			return kit.render(reply, <SetupPage ctx={kit.context(request)} values={values} errors={errors} />, 400);
		}
		const { session } = await newsroom.auth.login({
			email: values.email,
			password: form.password ?? "",
			address: request.ip,
			userAgent: request.headers["user-agent"] ?? "",
		});
		startSession(request, reply, session.token, session.expiresAt);
		return reply.redirect("/admin/", 303);
	});

	/** The Users page with an empty "add a user" form, and what just happened on it. */
	async function usersPage(
		request: FastifyRequest,
		reply: FastifyReply,
		shown: { notice?: string; passwordLink?: { email: string; url: string } },
	) {
		const users = await newsroom.users.list(kit.actor(request));
		return kit.render(
			reply,
			<UsersPage
				ctx={kit.context(request, "users")}
				users={users}
				values={{ email: "", displayName: "", role: "author" }}
				errors={{}}
				{...shown}
			/>,
		);
	}

	app.get("/admin/users", async (request, reply) => {
		const added = (request.query as { added?: string }).added;
		return usersPage(request, reply, added ? { notice: t("users.added", { email: added }) } : {});
	});

	app.post("/admin/users/:id/password-link", async (request, reply) => {
		const actor = kit.actor(request);
		const userId = Number((request.params as { id: string }).id);
		if (!Number.isInteger(userId) || userId < 1) throw new AppError("ERR_NOT_FOUND");
		const { token } = await newsroom.passwordLinks.issue(actor, userId);
		const email = (await newsroom.users.get(userId))?.email ?? "";
		// The site's public address, as the command line prints it: not whatever host the admin reached.
		const url = `${options.config.publicUrl}${passwordLinkPath(token)}`;
		return usersPage(request, reply, { passwordLink: { email, url } });
	});

	app.get(PASSWORD_ROUTE, async (request, reply) => {
		const { token } = request.params as { token: string };
		const { email } = await newsroom.passwordLinks.check(token);
		return kit.render(
			reply,
			<PasswordPage ctx={kit.context(request)} action={passwordLinkPath(token)} email={email} errors={{}} />,
		);
	});

	app.post(PASSWORD_ROUTE, async (request, reply) => {
		const { token } = request.params as { token: string };
		const password = kit.form(request).password ?? "";
		let email: string;
		try {
			({ email } = await newsroom.passwordLinks.setPassword(token, password));
		} catch (error) {
			if (!isAppError(error, "ERR_WEAK_PASSWORD")) throw error;
			const { email: owner } = await newsroom.passwordLinks.check(token);
			return kit.render(
				reply,
				<PasswordPage
					ctx={kit.context(request)}
					action={passwordLinkPath(token)}
					email={owner}
					errors={formErrors(error)}
				/>,
				400,
			);
		}
		const { session } = await newsroom.auth.login({
			email,
			password,
			address: request.ip,
			userAgent: request.headers["user-agent"] ?? "",
		});
		startSession(request, reply, session.token, session.expiresAt);
		return reply.redirect("/admin/", 303);
	});

	app.post("/admin/users", async (request, reply) => {
		const actor = kit.actor(request);
		const form = kit.form(request);
		const role = (ROLES as readonly string[]).includes(form.role ?? "") ? (form.role as Role) : "contributor";
		const values = { email: form.email ?? "", displayName: form.displayName ?? "", role };
		try {
			await newsroom.users.create(actor, { ...values, password: form.password ?? "" });
		} catch (error) {
			if (isAppError(error, "ERR_FORBIDDEN")) throw error;
			const users = await newsroom.users.list(actor);
			return kit.render(
				reply,
				<UsersPage ctx={kit.context(request, "users")} users={users} values={values} errors={formErrors(error)} />,
				400,
			);
		}
		return reply.redirect(`/admin/users?added=${encodeURIComponent(values.email.trim().toLowerCase())}`, 303);
	});

	for (const register of options.routes ?? []) await register(app, kit);
}

/** Maps a service error to the form field it concerns ("email: …" details name the field). */
export function formErrors(error: unknown): Record<string, string> {
	if (!isAppError(error)) throw error;
	if (error.code === "ERR_WEAK_PASSWORD") return { password: error.detail ?? error.message };
	const detail = error.detail ?? error.message;
	const match = /^(\w+): (.*)$/.exec(detail);
	return match?.[1] && match[2] ? { [match[1]]: match[2] } : { form: detail };
}
