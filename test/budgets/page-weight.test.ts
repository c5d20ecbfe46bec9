import { gzipSync } from "node:zlib";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSite, type TestSite } from "../support/test-site.js";

/** HTML + CSS must fit the first round trip: an initial congestion window of 10 segments, about 14 KB. */
const BUDGET_BYTES = 14 * 1024;

let site: TestSite;

beforeAll(async () => {
	site = await createTestSite({ demo: true });
});

afterAll(async () => {
	await site.close();
});

async function gzippedSize(url: string): Promise<{ bytes: number; body: string }> {
	const response = await site.app.inject(url);
	expect(response.statusCode, url).toBe(200);
	return { bytes: gzipSync(response.body, { level: 9 }).length, body: response.body };
}

describe("page weight", () => {
	it("keeps every demo article page, with its stylesheet, within 14 KB gzip", async () => {
		const home = load((await site.app.inject("/")).body);
		const css = await gzippedSize(home('link[rel="stylesheet"]').attr("href") ?? "");
		const articles = new Set<string>();
		for (const path of ["/", "/news/", "/business/", "/sport/", "/culture/", "/weather/", "/news/provinces/"]) {
			const $ = load((await site.app.inject(path)).body);
			$("a[href]").each((_, a) => {
				const href = $(a).attr("href") ?? "";
				if (/^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(href)) articles.add(href);
			});
		}
		expect(articles.size).toBeGreaterThanOrEqual(30);
		let heaviest = { url: "", bytes: 0 };
		for (const url of articles) {
			const { bytes } = await gzippedSize(url);
			if (bytes > heaviest.bytes) heaviest = { url, bytes };
		}
		console.info(
			`page weight: heaviest article ${heaviest.url} ${heaviest.bytes} B gzip + stylesheet ${css.bytes} B gzip = ${heaviest.bytes + css.bytes} B (budget ${BUDGET_BYTES} B)`,
		);
		expect(heaviest.bytes + css.bytes).toBeLessThanOrEqual(BUDGET_BYTES);
	});

	it("keeps the home page within the same budget", async () => {
		const home = await gzippedSize("/");
		const css = await gzippedSize(load(home.body)('link[rel="stylesheet"]').attr("href") ?? "");
		console.info(`page weight: home ${home.bytes} B gzip + stylesheet ${css.bytes} B gzip`);
		expect(home.bytes + css.bytes).toBeLessThanOrEqual(BUDGET_BYTES);
	});
});
