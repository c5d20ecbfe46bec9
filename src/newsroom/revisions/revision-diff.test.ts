import { describe, expect, it } from "vitest";
import type { StorySnapshot } from "./revision.js";
import { diffSnapshots } from "./revision-diff.js";

const base: StorySnapshot = {
	headline: "Salang pass closes after snow",
	slug: "salang-pass",
	standfirst: "",
	datelinePlace: "KABUL",
	sourceLine: "Dateline News",
	language: "en",
	sectionId: 1,
	personIds: [10, 11],
	tagNames: ["roads"],
	featuredMediaId: null,
	bodySource: "Snow closed the pass.\n\nTraffic waited for hours.",
};

const names = {
	person: (id: number) => `Person ${id}`,
	section: (id: number) => `Section ${id}`,
	media: (id: number) => `Image ${id}`,
};

describe("diffSnapshots", () => {
	it("finds no difference between equal snapshots", () => {
		expect(diffSnapshots(base, { ...base, personIds: [10, 11] }, names)).toEqual([]);
	});

	it("diffs text word by word, keeping the unchanged words and the whitespace", () => {
		const [diff] = diffSnapshots(base, { ...base, headline: "Salang pass reopens after the snow" }, names);
		expect(diff?.field).toBe("headline");
		const rebuilt = (keep: (part: { added: boolean; removed: boolean }) => boolean) =>
			diff?.parts
				.filter(keep)
				.map((p) => p.value)
				.join("");
		expect(rebuilt((p) => !p.added)).toBe(base.headline);
		expect(rebuilt((p) => !p.removed)).toBe("Salang pass reopens after the snow");
		expect(diff?.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["closes"]);
		expect(diff?.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["reopens", "the"]);
	});

	it("lists the changed fields in the editor's order, with the body last", () => {
		const to: StorySnapshot = {
			...base,
			bodySource: "Snow closed the pass.",
			headline: "New",
			sectionId: 2,
			featuredMediaId: 7,
			language: "fa",
		};
		expect(diffSnapshots(base, to, names).map((d) => d.field)).toEqual([
			"headline",
			"language",
			"sectionId",
			"featuredMediaId",
			"bodySource",
		]);
	});

	it("shows bylines by name and lists item by item, and a changed section as old removed, new added", () => {
		const diffs = diffSnapshots(
			base,
			{ ...base, personIds: [11, 12], tagNames: ["roads", "snow"], sectionId: 3 },
			names,
		);
		expect(diffs.find((d) => d.field === "personIds")?.parts).toEqual([
			{ value: "Person 10", added: false, removed: true },
			{ value: "Person 11", added: false, removed: false },
			{ value: "Person 12", added: true, removed: false },
		]);
		expect(diffs.find((d) => d.field === "tagNames")?.parts).toEqual([
			{ value: "roads", added: false, removed: false },
			{ value: "snow", added: true, removed: false },
		]);
		expect(diffs.find((d) => d.field === "sectionId")?.parts).toEqual([
			{ value: "Section 1", added: false, removed: true },
			{ value: "Section 3", added: true, removed: false },
		]);
	});

	it("shows an image added where there was none as an addition only", () => {
		expect(diffSnapshots(base, { ...base, featuredMediaId: 4 }, names)).toEqual([
			{ field: "featuredMediaId", parts: [{ value: "Image 4", added: true, removed: false }] },
		]);
	});

	it("sees a reordered byline as a change", () => {
		expect(diffSnapshots(base, { ...base, personIds: [11, 10] }, names).map((d) => d.field)).toEqual(["personIds"]);
	});
});
