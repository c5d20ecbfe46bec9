import { z } from "zod";

/** A language tag such as "en", "fa", "ps-AF" or "zh-Hant": BCP 47 in shape, not checked against the registry. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Form fields arrive as "" when left empty; read those as not given. */
const emptyAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** An optional single-line text field: trimmed, "" when absent. */
const line = (max: number, label: string) =>
	z.preprocess(emptyAsUndefined, z.string().trim().max(max, `${label} can be at most ${max} characters.`).default(""));

const id = (label: string) =>
	z.coerce
		.number({ message: `Choose ${label}.` })
		.int(`Choose ${label}.`)
		.positive(`Choose ${label}.`);

/**
 * The story editor's form, and the admin API's body for a story. Accepts both
 * shapes a browser sends (numbers as strings, one repeated field as a string,
 * tags as "a, b, c") and JSON.
 */
export const storyInputSchema = z.object({
	headline: z
		.string({ message: "Write a headline." })
		.trim()
		.min(1, "Write a headline.")
		.max(300, "A headline can be at most 300 characters."),
	/** Derived from the headline when absent. */
	slug: z.preprocess(emptyAsUndefined, z.string().trim().max(200, "A slug can be at most 200 characters.").optional()),
	standfirst: line(600, "The standfirst"),
	datelinePlace: line(80, "The dateline place"),
	sourceLine: line(120, "The source line"),
	language: z.preprocess(
		emptyAsUndefined,
		z.string().trim().regex(LANGUAGE_TAG, 'Use a language tag such as "en" or "fa-AF".').default("en"),
	),
	sectionId: id("a section"),
	/** Bylines in the order they are shown. */
	personIds: z.preprocess(
		(value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
		z.array(id("a person for each byline")),
	),
	tagNames: z.preprocess(
		(value) => (value === undefined ? [] : typeof value === "string" ? value.split(",") : value),
		z
			.array(z.string().trim().max(100, "A tag can be at most 100 characters."))
			.transform((names) => names.filter((name) => name !== "")),
	),
	featuredMediaId: z.preprocess(
		(value) => (value === undefined || value === "" ? null : value),
		z.union([z.null(), id("an image")]),
	),
	bodySource: z.preprocess(
		(value) => (value === undefined ? "" : value),
		z.string().max(200_000, "The body can be at most 200,000 characters."),
	),
	/** How `bodySource` is written; absent keeps a stored story's format, and a new story is Markdown. */
	bodyFormat: z.preprocess(emptyAsUndefined, z.enum(["markdown", "html"]).optional()),
});

/** A story as the editor submits it, after validation. */
export type StoryInput = z.output<typeof storyInputSchema>;
