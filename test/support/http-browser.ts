/** A cookie jar over fetch, for tests that talk to a real server process: enough for the newsroom's two cookies. */
export class HttpBrowser {
	private readonly cookies = new Map<string, string>();

	async request(url: string, init: RequestInit = {}): Promise<Response> {
		const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
		const response = await fetch(url, {
			...init,
			redirect: "manual",
			headers: { ...(init.headers as Record<string, string>), cookie },
		});
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(";");
			const [name, ...value] = (pair ?? "").split("=");
			if (name) this.cookies.set(name.trim(), value.join("="));
		}
		return response;
	}

	/** The CSRF token of the forms on the page at `url`. */
	async csrf(url: string): Promise<string> {
		const match = /name="_csrf" value="([^"]+)"/.exec(await (await this.request(url)).text());
		if (!match?.[1]) throw new Error(`no CSRF token at ${url}`);
		return match[1];
	}

	/** Posts a urlencoded form; `accept` picks the newsroom's HTML or JSON answers. */
	post(url: string, form: Record<string, string>, accept = "text/html"): Promise<Response> {
		return this.request(url, {
			method: "POST",
			headers: { accept, "content-type": "application/x-www-form-urlencoded" },
			body: new URLSearchParams(form).toString(),
		});
	}

	copyCookiesTo(other: HttpBrowser): void {
		for (const [name, value] of this.cookies) other.cookies.set(name, value);
	}
}
