import { describe, expect, it } from "vitest";
import { storyInputSchema } from "./story-input.js";

describe("storyInputSchema", () => {
	it("reads a browser form: numbers as strings, one byline as a string, tags as a comma list, empty fields as absent", () => {
		const parsed = storyInputSchema.parse({
			headline: "  Salang pass reopens  ",
			slug: "",
			standfirst: "",
			datelinePlace: " KABUL ",
			sourceLine: "",
			language: "",
			sectionId: "3",
			personIds: "7",
			tagNames: "roads, weather, ,snow",
			featuredMediaId: "",
			bodySource: "Text.",
		});
		expect(parsed).toEqual({
			headline: "Salang pass reopens",
			standfirst: "",
			datelinePlace: "KABUL",
			sourceLine: "",
			language: "en",
			sectionId: 3,
			personIds: [7],
			tagNames: ["roads", "weather", "snow"],
			featuredMediaId: null,
			bodySource: "Text.",
		});
	});

	it("reads a JSON body with ordered bylines and an image", () => {
		const parsed = storyInputSchema.parse({
			headline: "Story",
			slug: "my-story",
			sectionId: 1,
			personIds: [5, 2, 9],
			tagNames: ["a"],
			featuredMediaId: 4,
			language: "fa-AF",
			bodySource: "",
		});
		expect(parsed).toMatchObject({ slug: "my-story", personIds: [5, 2, 9], featuredMediaId: 4, language: "fa-AF" });
	});

	it.each([
		["an empty headline", { headline: "   " }, "headline"],
		["a headline over 300 characters", { headline: "x".repeat(301) }, "headline"],
		["a standfirst over 600 characters", { standfirst: "x".repeat(601) }, "standfirst"],
		["a dateline place over 80 characters", { datelinePlace: "x".repeat(81) }, "datelinePlace"],
		["a source line over 120 characters", { sourceLine: "x".repeat(121) }, "sourceLine"],
		["a body over 200,000 characters", { bodySource: "x".repeat(200_001) }, "bodySource"],
		["a language that is not a tag", { language: "English!" }, "language"],
		["no section", { sectionId: "" }, "sectionId"],
		["a byline that is not an id", { personIds: ["7", "x"] }, "personIds"],
		["an image id that is not a number", { featuredMediaId: "abc" }, "featuredMediaId"],
	])("refuses %s, naming the field", (_label, override, field) => {
		const result = storyInputSchema.safeParse({ headline: "Fine", sectionId: 1, ...override });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
	});
});
