import { describe, expect, it } from "vitest";
import { excerpt, foldText, slugify, tokenize } from "./text.js";

describe("slugify", () => {
	it("makes lower-case hyphenated slugs from headlines", () => {
		expect(slugify('Tea & trade: "We sell more when the road is open"')).toBe(
			"tea-trade-we-sell-more-when-the-road-is-open",
		);
	});

	it("folds Latin diacritics and keeps other scripts", () => {
		expect(slugify("Café crème in Zürich")).toBe("cafe-creme-in-zurich");
		expect(slugify("بازار کابل")).toBe("بازار-کابل");
	});

	it("cuts long slugs at a hyphen", () => {
		const slug = slugify("word ".repeat(40), 30);
		expect(slug.length).toBeLessThanOrEqual(30);
		expect(slug.endsWith("-")).toBe(false);
	});

	it("returns an empty slug when nothing is left", () => {
		expect(slugify("!!! ---")).toBe("");
	});
});

describe("tokenize", () => {
	it("splits on anything that is not a letter or digit and folds case", () => {
		expect(tokenize("Kunar river's FLOW, 2026!")).toEqual(["kunar", "river", "s", "flow", "2026"]);
		expect(foldText("Éire")).toBe("eire");
	});
});

describe("foldText", () => {
	it("folds plain ASCII by lower-casing alone, as the full fold would", () => {
		const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join("");
		expect(foldText(ascii)).toBe(ascii.normalize("NFKD").toLowerCase());
		expect(foldText("Kunar RIVER 2026")).toBe("kunar river 2026");
	});

	it("still folds text with a single character outside ASCII", () => {
		expect(foldText("KUNAR Café")).toBe("kunar cafe");
		expect(foldText("Kunar\u00ADriver")).toBe("kunarriver");
		expect(foldText("KABUL ۲۰۲۶")).toBe("kabul 2026");
	});
});

describe("excerpt", () => {
	const text = Array.from({ length: 40 }, (_, i) => `word${i + 1}`).join(" ");

	it("cuts at 25 words and ends with an ellipsis", () => {
		const cut = excerpt(text);
		expect(cut.split(" ")).toHaveLength(25);
		expect(cut.endsWith("word25…")).toBe(true);
	});

	it("drops punctuation left hanging before the ellipsis", () => {
		const cut = excerpt("one two three, four five", 3);
		expect(cut).toBe("one two three…");
	});

	it("cuts only text longer than the limit", () => {
		const words = (count: number) => Array.from({ length: count }, (_, i) => `w${i + 1}`).join(" ");
		expect(excerpt(words(25))).toBe(words(25));
		expect(excerpt(words(26))).toBe(`${words(25)}…`);
		expect(excerpt(`  ${words(3)}\n\n  `, 3)).toBe(words(3));
	});

	it("leaves short text whole, with no ellipsis", () => {
		expect(excerpt("Short text here.")).toBe("Short text here.");
		expect(excerpt("   ")).toBe("");
	});
});
