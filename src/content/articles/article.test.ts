import { describe, expect, it } from "vitest";
import { articlePath, datePartsIn } from "./article.js";

describe("the date in a story's address", () => {
	it("is the same in UTC as ICU gives, at the edges of days, months and years", () => {
		const instants = [
			"2026-11-27T23:59:59.999Z",
			"2026-11-28T00:00:00.000Z",
			"2024-02-29T12:00:00.000Z",
			"1999-12-31T23:59:59.000Z",
			"2000-01-01T00:00:00.000Z",
			"1970-01-01T00:00:00.000Z",
		].map((iso) => new Date(iso));
		for (let at = Date.UTC(2025, 0, 1); at < Date.UTC(2027, 0, 1); at += 37 * 3_600_000 + 11_000) {
			instants.push(new Date(at));
		}
		for (const at of instants) {
			// "Etc/UTC" is the same zone by another name, so it takes ICU's way.
			expect(datePartsIn(at, "UTC"), at.toISOString()).toEqual(datePartsIn(at, "Etc/UTC"));
		}
	});

	it("is the calendar date where the newsroom is", () => {
		const lateEvening = new Date("2026-03-20T20:00:00.000Z");
		expect(datePartsIn(lateEvening, "UTC")).toEqual({ yyyy: "2026", mm: "03", dd: "20" });
		// Kabul is 4:30 ahead: already the next day (and the Solar Hijri new year).
		expect(datePartsIn(lateEvening, "Asia/Kabul")).toEqual({ yyyy: "2026", mm: "03", dd: "21" });
		expect(articlePath({ slug: "nowruz", publishedAt: lateEvening }, "Asia/Kabul")).toBe("/2026/03/21/nowruz/");
	});
});
