import { load } from "cheerio";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "../../src/db/database.js";
import { InjectSession } from "../support/browser-session.js";
import { createTestSite, type TestSite } from "../support/test-site.js";

const PASSWORD = "correct horse battery staple";
let site: TestSite;
let sectionId: number;

beforeEach(async () => {
	site = await createTestSite();
	sectionId = (await site.services.sections.create({ name: "National News", slug: "news" })).id;
	await site.services.settings.updateSite({ name: "Dateline News" });
});

afterEach(async () => {
	await site.close();
});

async function userWithByline(role: Role, name: string): Promise<{ email: string; personId: number }> {
	const person = await site.services.people.create({ name });
	const email = `${role}-${person.id}@example.org`;
	await site.newsroom.users.create(null, { email, displayName: name, role, password: PASSWORD, personId: person.id });
	return { email, personId: person.id };
}

async function loggedIn(role: Role, name: string) {
	const { email, personId } = await userWithByline(role, name);
	const browser = new InjectSession(site.app);
	const csrf = await browser.login(email, PASSWORD);
	return { browser, csrf, personId };
}

function storyForm(csrf: string, fields: Record<string, string | string[]>) {
	return {
		_csrf: csrf,
		headline: "Kunar talks resume in Kabul",
		standfirst: "Delegations return to the table.",
		datelinePlace: "Kabul",
		sourceLine: "",
		language: "en",
		sectionId: String(sectionId),
		tagNames: "Water, Talks",
		featuredMediaId: "",
		bodySource: "Delegations met again on Monday to discuss the Kunar river.",
		...fields,
	};
}

const storyIdFrom = (location: string | undefined) => Number(/\/admin\/stories\/(\d+)\/edit/.exec(location ?? "")?.[1]);

describe("writing and publishing through the newsroom", () => {
	it("keeps typed text and shows the error beside the field when the form is invalid", async () => {
		const { browser, csrf } = await loggedIn("author", "Farida Amiri");
		const response = await browser.post(
			"/admin/stories",
			storyForm(csrf, { headline: "   ", bodySource: "Text I typed." }),
		);
		expect(response.statusCode).toBe(400);
		const $ = load(response.body);
		expect($("#field-headline-error").text()).toBe("Write a headline.");
		expect($("#field-bodySource").text()).toBe("Text I typed.");
		expect($("#field-datelinePlace").attr("value")).toBe("Kabul");
	});

	it("lets an author write, preview and publish a story that then appears on the public site", async () => {
		const { browser, csrf, personId } = await loggedIn("author", "Farida Amiri");
		const created = await browser.post("/admin/stories", storyForm(csrf, { personIds: [String(personId)] }));
		expect(created.statusCode).toBe(303);
		const id = storyIdFrom(created.headers.location);
		expect(id).toBeGreaterThan(0);

		const preview = await browser.post("/admin/stories/preview", storyForm(csrf, { personIds: [String(personId)] }));
		expect(preview.statusCode).toBe(200);
		const $preview = load(preview.body);
		expect($preview("h1").text()).toBe("Kunar talks resume in Kabul");
		expect($preview(".body .dateline").text()).toBe("KABUL:");
		expect($preview('meta[name="robots"]').attr("content")).toBe("noindex");

		const published = await browser.post(`/admin/stories/${id}/publish`, { _csrf: csrf });
		expect(published.statusCode).toBe(303);
		const editor = load((await browser.get(`/admin/stories/${id}/edit`)).body);
		const publicPath = editor('a:contains("View on the site")').attr("href") ?? "";
		expect(publicPath).toMatch(/^\/2026\/03\/15\/kunar-talks-resume-in-kabul\/$/);
		const page = await site.app.inject(publicPath);
		expect(page.statusCode).toBe(200);
		expect(load(page.body)(".byline").text()).toBe("By Farida Amiri");
	});

	it("keeps an imported HTML body as HTML through the editor's preview and save", async () => {
		const { browser, csrf, personId } = await loggedIn("editor", "Nadia Sultani");
		const html =
			"<p>Scores after the first round:</p><table><tbody><tr><td>Balkh</td><td>187</td></tr></tbody></table><figure><figcaption>The final over</figcaption></figure>";
		const id = await site.services.articles.createDraft({
			headline: "Balkh win the opening match",
			bodySource: html,
			bodyFormat: "html",
			sectionId,
			personIds: [personId],
		});

		const editor = load((await browser.get(`/admin/stories/${id}/edit`)).body);
		expect(editor('input[name="bodyFormat"]').attr("value")).toBe("html");
		expect(editor('label[for="field-bodySource"]').text()).toContain("HTML");
		// The live preview shows the table and the caption, not their tags as text.
		expect(editor("#preview figcaption").text()).toBe("The final over");
		expect(editor("#preview td").first().text()).toBe("Balkh");

		const form = storyForm(csrf, {
			headline: "Balkh win the opening match",
			personIds: [String(personId)],
			bodySource: html.replace("187", "188"),
			bodyFormat: "html",
			baseRevision: String(editor('input[name="baseRevision"]').attr("value")),
		});
		const body = await browser.post("/admin/stories/preview-body", form);
		expect(load(JSON.parse(body.body).html)("td").eq(1).text()).toBe("188");
		const page = await browser.post("/admin/stories/preview", form);
		expect(load(page.body)(".body figcaption").text()).toBe("The final over");

		expect((await browser.post(`/admin/stories/${id}`, form)).statusCode).toBe(303);
		const stored = await site.db
			.selectFrom("articles")
			.select(["body_format", "body_html"])
			.where("id", "=", id)
			.executeTakeFirstOrThrow();
		expect(stored.body_format).toBe("html");
		expect(stored.body_html).toContain("<td>188</td>");
	});

	it("lets a contributor submit but not publish, and an editor publish the submitted story", async () => {
		const contributor = await loggedIn("contributor", "Omid Rahimi");
		const created = await contributor.browser.post(
			"/admin/stories",
			storyForm(contributor.csrf, { headline: "Saffron harvest begins", personIds: [String(contributor.personId)] }),
		);
		const id = storyIdFrom(created.headers.location);
		expect(
			(await contributor.browser.post(`/admin/stories/${id}/publish`, { _csrf: contributor.csrf })).statusCode,
		).toBe(403);
		expect(
			(await contributor.browser.post(`/admin/stories/${id}/submit`, { _csrf: contributor.csrf })).statusCode,
		).toBe(303);

		const editor = await loggedIn("editor", "Nadia Sultani");
		const list = load((await editor.browser.get("/admin/?status=submitted")).body);
		expect(list("tbody a").text()).toBe("Saffron harvest begins");
		expect((await editor.browser.post(`/admin/stories/${id}/publish`, { _csrf: editor.csrf })).statusCode).toBe(303);
		expect((await site.app.inject("/2026/03/15/saffron-harvest-begins/")).statusCode).toBe(200);
	});

	it("shows a conflict with both texts, keeping the second editor's typing, when two editors save the same story", async () => {
		const first = await loggedIn("editor", "Nadia Sultani");
		const second = await loggedIn("editor", "Farid Noori");
		const created = await first.browser.post("/admin/stories", storyForm(first.csrf, {}));
		const id = storyIdFrom(created.headers.location);
		const base = load((await second.browser.get(`/admin/stories/${id}/edit`)).body)('input[name="baseRevision"]').val();
		expect(base).toBe("1");

		const saved = await first.browser.post(
			`/admin/stories/${id}`,
			storyForm(first.csrf, { baseRevision: "1", bodySource: "First editor's text." }),
		);
		expect(saved.statusCode).toBe(303);
		const conflict = await second.browser.post(
			`/admin/stories/${id}`,
			storyForm(second.csrf, { baseRevision: "1", bodySource: "Second editor's text." }),
		);
		expect(conflict.statusCode).toBe(409);
		const $ = load(conflict.body);
		expect($(".typed-text").text()).toBe("Second editor's text.");
		expect($(".saved-text").text()).toBe("First editor's text.");
		expect($('form input[name="bodySource"]').val()).toBe("Second editor's text.");
		expect($('form input[name="baseRevision"]').val()).toBe("2");

		const again = await second.browser.post(
			`/admin/stories/${id}`,
			storyForm(second.csrf, { baseRevision: "2", bodySource: "Second editor's text." }),
		);
		expect(again.statusCode).toBe(303);
		const revisions = load((await second.browser.get(`/admin/stories/${id}/revisions?from=2&to=3`)).body);
		expect(revisions("ins").text()).toContain("Second");
		expect(revisions("del").text()).toContain("First");
	});

	it("shows a correction on the public page and moves dateModified", async () => {
		const editor = await loggedIn("editor", "Nadia Sultani");
		const created = await editor.browser.post("/admin/stories", storyForm(editor.csrf, {}));
		const id = storyIdFrom(created.headers.location);
		await editor.browser.post(`/admin/stories/${id}/publish`, { _csrf: editor.csrf });
		site.clock.set(new Date("2026-03-15T12:00:00.000Z"));
		const noted = await editor.browser.post(`/admin/stories/${id}/corrections`, {
			_csrf: editor.csrf,
			kind: "correction",
			body: "An earlier version misspelled the minister's name.",
		});
		expect(noted.statusCode).toBe(303);
		const $ = load((await site.app.inject("/2026/03/15/kunar-talks-resume-in-kabul/")).body);
		expect($(".notes").text()).toContain("An earlier version misspelled the minister's name.");
		expect($(".notes strong").text()).toBe("Correction");
		const article = $('script[type="application/ld+json"]')
			.toArray()
			.map((s) => JSON.parse($(s).text()) as { "@type": string; dateModified?: string })
			.find((data) => data["@type"] === "NewsArticle");
		expect(article?.dateModified).toBe("2026-03-15T12:00:00.000Z");
	});

	it("autosaves without making a revision and offers the text again after reloading", async () => {
		const { browser, csrf } = await loggedIn("author", "Farida Amiri");
		const created = await browser.post("/admin/stories", storyForm(csrf, {}));
		const id = storyIdFrom(created.headers.location);
		site.clock.set(new Date("2026-03-15T09:31:00.000Z"));
		const saved = await browser.post(
			`/admin/stories/${id}/autosave`,
			storyForm(csrf, { baseRevision: "1", bodySource: "Typed but not saved." }),
			{ accept: "application/json" },
		);
		expect(saved.statusCode).toBe(200);
		expect(JSON.parse(saved.body)).toHaveProperty("savedAt");
		const $ = load((await browser.get(`/admin/stories/${id}/edit`)).body);
		expect($("#field-bodySource").text()).toBe("Typed but not saved.");
		expect($(".notice").text()).toContain("autosaved text");
		const revisions = load((await browser.get(`/admin/stories/${id}/revisions`)).body);
		expect(revisions("tbody tr")).toHaveLength(1);
	});

	it("answers a save with an expired session with the login message, and the autosave survives", async () => {
		const { browser, csrf } = await loggedIn("author", "Farida Amiri");
		const created = await browser.post("/admin/stories", storyForm(csrf, {}));
		const id = storyIdFrom(created.headers.location);
		site.clock.set(new Date("2026-03-15T09:31:00.000Z"));
		const kept = await browser.post(
			`/admin/stories/${id}/autosave`,
			storyForm(csrf, { baseRevision: "1", bodySource: "Kept safe." }),
			{ accept: "application/json" },
		);
		expect(kept.statusCode).toBe(200);
		site.clock.set(new Date("2026-04-15T00:00:00.000Z"));
		const late = await browser.post(
			`/admin/stories/${id}`,
			storyForm(csrf, { baseRevision: "1", bodySource: "Kept safe." }),
		);
		expect(late.statusCode).toBe(401);
		expect(late.body).toContain("Log in again");
		const again = new InjectSession(site.app);
		const user = await site.db
			.selectFrom("users")
			.select("email")
			.where("role", "=", "author")
			.executeTakeFirstOrThrow();
		await again.login(user.email, PASSWORD);
		const editPage = await again.get(`/admin/stories/${id}/edit`);
		const $ = load(editPage.body);
		expect($("#field-bodySource").text()).toBe("Kept safe.");
	});
});

describe("media uploads", () => {
	function multipart(
		csrf: string,
		file: { name: string; type: string; bytes: Buffer },
		fields: Record<string, string> = {},
	) {
		const boundary = "----dateline-test-boundary";
		const parts: Buffer[] = [];
		for (const [name, value] of Object.entries(fields)) {
			parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
		}
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
			),
			file.bytes,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		);
		return {
			url: `/admin/media?_csrf=${encodeURIComponent(csrf)}`,
			payload: Buffer.concat(parts),
			headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
		};
	}

	it("accepts an image, refuses a wrong type with 415 and an oversized file with 413", async () => {
		const { browser, csrf } = await loggedIn("author", "Farida Amiri");
		const jpeg = await sharp({ create: { width: 800, height: 450, channels: 3, background: "#336699" } })
			.jpeg()
			.toBuffer();
		const ok = await browser.request({
			method: "POST",
			...multipart(csrf, { name: "river.jpg", type: "image/jpeg", bytes: jpeg }, { alt: "The Kunar river" }),
		});
		expect([ok.statusCode, ok.headers.location]).toEqual([303, "/admin/media?uploaded=1"]);

		const text = await browser.request({
			method: "POST",
			...multipart(csrf, { name: "photo.jpg", type: "image/jpeg", bytes: Buffer.from("this is not an image at all") }),
		});
		expect(text.statusCode).toBe(415);
		expect(text.body).toContain("JPEG, PNG, WebP and AVIF");

		const big = Buffer.alloc(site.config.maxUploadBytes + 10, 0xff);
		const tooLarge = await browser.request({
			method: "POST",
			...multipart(csrf, { name: "huge.jpg", type: "image/jpeg", bytes: big }),
		});
		expect(tooLarge.statusCode).toBe(413);
		expect(tooLarge.body).toContain("20 MB");
	});

	it("refuses to publish a story whose featured image has no alt text, then shows the image on the page", async () => {
		const { browser, csrf, personId } = await loggedIn("editor", "Nadia Sultani");
		const jpeg = await sharp({ create: { width: 1200, height: 675, channels: 3, background: "#aa3322" } })
			.jpeg()
			.toBuffer();
		const record = await site.services.media.upload({ bytes: jpeg, originalName: "x.jpg", userId: null });
		const created = await browser.post(
			"/admin/stories",
			storyForm(csrf, { featuredMediaId: String(record.id), personIds: [String(personId)] }),
		);
		const id = storyIdFrom(created.headers.location);
		const refused = await browser.post(`/admin/stories/${id}/publish`, { _csrf: csrf });
		expect(refused.statusCode).toBe(400);
		expect(refused.body).toContain("alt text");
		await browser.post(`/admin/media/${record.id}`, {
			_csrf: csrf,
			alt: "A red square",
			caption: "Test card",
			credit: "Dateline",
		});
		expect((await browser.post(`/admin/stories/${id}/publish`, { _csrf: csrf })).statusCode).toBe(303);
		const publicPage = await site.app.inject("/2026/03/15/kunar-talks-resume-in-kabul/");
		expect(publicPage.statusCode).toBe(200);
		const $ = load(publicPage.body);
		expect($("figure.lead-image img").attr("alt")).toBe("A red square");
		expect($("figure.lead-image source").attr("srcset")).toMatch(/\/media\/.+ 320w/);
		expect($("figure.lead-image figcaption").text()).toContain("Test card");
		const src = $("figure.lead-image img").attr("src") ?? "";
		const image = await site.app.inject(src);
		expect(image.statusCode).toBe(200);
		expect(image.headers["cache-control"]).toContain("immutable");
	});
});
