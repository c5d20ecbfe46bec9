import { describe, expect, it } from "vitest";
import { latest, storyLastModified, storySummary } from "./syndication.js";

describe("syndication rules", () => {
	it("summarise a story by its standfirst, or by the body's first 55 words cut with an ellipsis", () => {
		expect(storySummary({ standfirst: "  Talks end.  ", bodyText: "Long body." })).toBe("Talks end.");
		const words = Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ");
		const summary = storySummary({ standfirst: "", bodyText: words });
		expect(summary.split(" ")).toHaveLength(55);
		expect(summary.endsWith("w54…")).toBe(true);
	});

	it("date a story's last change by its update, or its publication when never updated", () => {
		const publishedAt = new Date("2026-03-14T07:30:00Z");
		const updatedAt = new Date("2026-03-15T07:30:00Z");
		expect(storyLastModified({ publishedAt, updatedAt: null })).toBe(publishedAt);
		expect(storyLastModified({ publishedAt, updatedAt })).toBe(updatedAt);
	});

	it("pick the later of two optional instants", () => {
		const a = new Date("2026-01-01T00:00:00Z");
		const b = new Date("2026-02-01T00:00:00Z");
		expect(latest(a, b)).toBe(b);
		expect(latest(b, a)).toBe(b);
		expect(latest(null, a)).toBe(a);
		expect(latest(a, null)).toBe(a);
		expect(latest(null, null)).toBeNull();
	});
});
