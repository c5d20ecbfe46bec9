/** What could end a script element or a line of JavaScript early, as JSON escapes. */
const SCRIPT_SAFE: Readonly<Record<string, string>> = {
	"<": "\\u003c",
	">": "\\u003e",
	"&": "\\u0026",
	"\u2028": "\\u2028",
	"\u2029": "\\u2029",
};
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** Serialises structured data so it cannot close its script element early: one pass over the JSON. */
export function jsonLdText(data: object): string {
	return JSON.stringify(data).replace(UNSAFE_IN_SCRIPT, (character) => SCRIPT_SAFE[character] ?? character);
}

export function JsonLd({ data }: { data: object }) {
	// the JSON is escaped above so it cannot break out of the script element.
	return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
