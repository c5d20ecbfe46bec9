import { z } from "zod";

/** A language tag such as "en", "fa", "ps-AF" or "zh-Hant": BCP 47 in shape, not checked against the registry. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Form fields arrive as "" when left empty; read those as not given. */
const emptyAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** A required single line of text, trimmed. */
const required = (max: number, missing: string, label: string) =>
	z.string({ message: missing }).trim().min(1, missing).max(max, `${label} can be at most ${max} characters.`);

/** An optional line of text: trimmed, "" when absent. */
const optional = (max: number, label: string) =>
	z.preprocess(emptyAsUndefined, z.string().trim().max(max, `${label} can be at most ${max} characters.`).default(""));

/** The "add a section" form. The slug is derived from the name when left empty. */
export const sectionInputSchema = z.object({
	name: required(120, "Give the section a name.", "A section name"),
	slug: z.preprocess(emptyAsUndefined, z.string().trim().max(80, "A slug can be at most 80 characters.").optional()),
	description: optional(500, "The description"),
	parentId: z.preprocess(
		emptyAsUndefined,
		z.coerce
			.number({ message: "Choose a parent section." })
			.int("Choose a parent section.")
			.positive("Choose a parent section.")
			.nullable()
			.default(null),
	),
});

export type SectionInput = z.infer<typeof sectionInputSchema>;

/** A site path such as "/media/logo.png", or an absolute http(s) URL. */
function isLogoAddress(value: string): boolean {
	if (value.startsWith("/")) return !value.startsWith("//") && !value.includes("\\");
	try {
		const url = new URL(value);
		return url.protocol === "https:" || url.protocol === "http:";
	} catch {
		return false;
	}
}

/** The site settings form: the identity readers see in the masthead, the page heads and the feeds. */
export const siteSettingsInputSchema = z.object({
	name: required(120, "Give the site a name.", "The site name"),
	tagline: optional(200, "The tagline"),
	language: z
		.string({ message: 'Use a language tag such as "en" or "fa-AF".' })
		.trim()
		.regex(LANGUAGE_TAG, 'Use a language tag such as "en" or "fa-AF".'),
	sourceLine: optional(120, "The source line"),
	logoUrl: optional(500, "The logo address").refine(
		(value) => value === "" || isLogoAddress(value),
		'Use a site path such as "/media/logo.png" or an address starting with https://.',
	),
});

export type SiteSettingsInput = z.infer<typeof siteSettingsInputSchema>;

/** Field errors from a failed parse, keyed by field name; the first message per field wins. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? "form");
		errors[field] ??= issue.message;
	}
	return errors;
}
