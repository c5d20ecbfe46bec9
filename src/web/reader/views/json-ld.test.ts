import { describe, expect, it } from "vitest";
import { jsonLdText } from "./json-ld.js";

describe("jsonLdText", () => {
	it("cannot close its script element or a line early, and reads back as the same data", () => {
		const data = {
			headline: "</script><script>alert(1)</script> <!-- & -->",
			description: "line\u2028separator\u2029paragraph",
			author: [{ name: "A & B <editors>" }],
		};
		const text = jsonLdText(data);
		expect(text).not.toMatch(/[<>&\u2028\u2029]/);
		expect(text).toContain("\\u003c/script\\u003e");
		expect(JSON.parse(text)).toEqual(data);
	});
});
