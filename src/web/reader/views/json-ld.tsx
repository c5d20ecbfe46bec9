/** Serialises structured data so it cannot close its script element early. */
export function jsonLdText(data: object): string {
	return JSON.stringify(data)
		.replace(/</g, "\\u003c")
		.replace(/>/g, "\\u003e")
		.replace(/&/g, "\\u0026")
		.replace(/\u2028/g, "\\u2028")
		.replace(/\u2029/g, "\\u2029");
}

export function JsonLd({ data }: { data: object }) {
	// the JSON is escaped above so it cannot break out of the script element.
	return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
