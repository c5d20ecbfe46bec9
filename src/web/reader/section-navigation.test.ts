import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../../../test/support/test-site.js";
import type { SectionNode } from "../../content/sections/section-service.js";
import { NAV_SECTIONS, navigation } from "./reader-render.js";

const node = (slug: string): SectionNode => ({
	id: slug.length,
	slug,
	name: slug.toUpperCase(),
	description: "",
	parentId: null,
	path: slug,
	position: 0,
	children: [],
});

describe("the header's section links", () => {
	it("names every top-level section while they fit", () => {
		const tree = Array.from({ length: NAV_SECTIONS }, (_, i) => node(`s${i}`));
		const links = navigation(tree, "/s2/", "All sections");
		expect(links.map((link) => link.href)).toEqual(tree.map((section) => `/${section.path}/`));
		expect(links.filter((link) => link.current).map((link) => link.href)).toEqual(["/s2/"]);
	});

	it("names the first ones and leads to all of them when there are more", () => {
		const tree = Array.from({ length: NAV_SECTIONS + 5 }, (_, i) => node(`s${i}`));
		const links = navigation(tree, "/sections/", "All sections");
		expect(links).toHaveLength(NAV_SECTIONS);
		expect(links.at(-1)).toEqual({ name: "All sections", href: "/sections/", current: true });
		expect(links[0]?.href).toBe("/s0/");
	});
});

describe("a site with many sections", () => {
	let site: TestSite;

	beforeAll(async () => {
		site = await createTestSite();
		const sections = site.services.sections;
		for (let i = 1; i <= 12; i += 1) await sections.create({ name: `Region ${i}`, slug: `region-${i}` });
		const parent = await sections.getByPath("region-3");
		await sections.create({ name: "Kunar valley", slug: "kunar", parentId: parent?.id ?? null });
	});

	afterAll(async () => site.close());

	it("keeps the header short and lists every section, nested, at /sections/", async () => {
		const home = load((await site.app.inject("/")).body);
		const header = home("nav.sections a");
		expect(header).toHaveLength(NAV_SECTIONS);
		expect(header.last().text()).toBe("All sections");
		expect(header.last().attr("href")).toBe("/sections/");

		const response = await site.app.inject("/sections/");
		expect(response.statusCode).toBe(200);
		const index = load(response.body);
		const listed = index(".section-index a")
			.map((_, link) => index(link).attr("href"))
			.get();
		expect(listed).toHaveLength(13);
		expect(listed).toContain("/region-3/kunar/");
		expect(index('.section-index a[href="/region-3/kunar/"]').parents("li").length).toBe(2);
		expect(index("h1").text()).toBe("Sections");
		expect(index('nav.sections a[aria-current="page"]').attr("href")).toBe("/sections/");
	});

	it("refuses a section slug that would hide the index", async () => {
		await expect(site.services.sections.create({ name: "Sections", slug: "sections" })).rejects.toMatchObject({
			code: "ERR_VALIDATION",
		});
	});
});
