import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";

/**
 * A tiny cookie-keeping client over `app.inject()`, acting like a browser
 * session: it stores Set-Cookie values and sends them back, and can pull the
 * CSRF token out of the last page's forms.
 */
export class InjectSession {
	private readonly cookies = new Map<string, string>();

	constructor(private readonly app: FastifyInstance) {}

	async request(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
		const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
		const response = await this.app.inject({
			...options,
			headers: { ...(cookie ? { cookie } : {}), ...(options.headers ?? {}) },
		});
		for (const set of response.cookies) {
			const expired = set.expires !== undefined && new Date(set.expires).getTime() <= Date.now();
			if (set.value === "" || expired) this.cookies.delete(set.name);
			else this.cookies.set(set.name, set.value);
		}
		return response;
	}

	get(url: string): Promise<LightMyRequestResponse> {
		return this.request({ method: "GET", url });
	}

	/** Posts a urlencoded form. */
	post(
		url: string,
		form: Record<string, string | string[]>,
		headers: Record<string, string> = {},
	): Promise<LightMyRequestResponse> {
		const body = new URLSearchParams();
		for (const [key, value] of Object.entries(form)) {
			for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
		}
		return this.request({
			method: "POST",
			url,
			payload: body.toString(),
			headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
		});
	}

	/** The CSRF token from a page's forms. */
	static csrfFrom(html: string): string {
		const match = /name="_csrf" value="([^"]+)"/.exec(html);
		if (!match?.[1]) throw new Error("no CSRF token on the page");
		return match[1];
	}

	has(name: string): boolean {
		return this.cookies.has(name);
	}

	/** Logs in through the form and returns the CSRF token of the new session. */
	async login(email: string, password: string): Promise<string> {
		const page = await this.get("/admin/login");
		const response = await this.post("/admin/login", {
			_csrf: InjectSession.csrfFrom(page.body),
			email,
			password,
			next: "/admin/",
		});
		if (response.statusCode !== 303)
			throw new Error(`login failed with ${response.statusCode}: ${response.body.slice(0, 300)}`);
		const home = await this.get("/admin/users");
		return InjectSession.csrfFrom(home.body);
	}
}
