import { describe, expect, it } from "vitest";
import { foldText } from "../text.js";
import { MAX_QUERY_LENGTH, parseQuery, snippet } from "./search.js";

describe("foldText for Persian and Arabic script", () => {
	it("writes Arabic yeh and kaf as their Persian forms", () => {
		expect(foldText("كابل")).toBe(foldText("کابل"));
		expect(foldText("علي")).toBe(foldText("علی"));
		expect(foldText("مصطفى")).toBe(foldText("مصطفی"));
	});

	it("drops tatweel, zero-width non-joiners and harakat", () => {
		expect(foldText("كـــابل")).toBe("کابل");
		expect(foldText("می\u200cگویند")).toBe("میگویند");
		expect(foldText("كِتَابٌ")).toBe("کتاب");
	});

	it("reads Persian and Arabic-Indic digits as 0–9", () => {
		expect(foldText("۱۴۰۵")).toBe("1405");
		expect(foldText("٢٠٢٦")).toBe("2026");
	});
});

describe("parseQuery", () => {
	it("treats query syntax as words or separators", () => {
		expect(parseQuery('"kunar" NEAR(river) -talks* AND OR (').terms).toEqual([
			"kunar",
			"near",
			"river",
			"talks",
			"and",
			"or",
		]);
		expect(parseQuery('"""((( *** ---').terms).toEqual([]);
	});

	it("cuts a long query to 200 characters, counting characters not bytes", () => {
		const long = "آب ".repeat(150);
		const parsed = parseQuery(long);
		expect([...parsed.text].length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
		expect(parsed.terms).toEqual([foldText("آب")]);
	});

	it("drops repeated words", () => {
		expect(parseQuery("Kabul kabul KÁBUL").terms).toEqual(["kabul"]);
	});
});

describe("snippet", () => {
	const text = `${"Filler words here. ".repeat(30)}The Kunar river talks ended with a deal on river flow data. ${"More filler text. ".repeat(30)}`;

	it("shows the part of the text where the words are, marked", () => {
		const parts = snippet({ text, terms: ["kunar", "river"] });
		const marked = parts.filter((part) => part.match).map((part) => part.text);
		expect(marked).toEqual(["Kunar", "river", "river"]);
		expect(parts[0]?.text.startsWith("… ")).toBe(true);
		expect(parts[parts.length - 1]?.text).toBe(" …");
		const words = parts
			.map((part) => part.text)
			.join("")
			.replace(/…/g, "")
			.trim()
			.split(/\s+/);
		expect(words.length).toBeLessThanOrEqual(30);
	});

	it("matches folded spellings but shows the text as written", () => {
		const parts = snippet({ text: "نرخ آرد در كابل و می‌گویند", terms: [foldText("کابل"), foldText("میگویند")] });
		expect(parts.filter((part) => part.match).map((part) => part.text)).toEqual(["كابل", "می‌گویند"]);
	});

	it("starts at the beginning when nothing matches, and is empty for empty text", () => {
		expect(snippet({ text: "Short text.", terms: ["absent"] })).toEqual([{ text: "Short text.", match: false }]);
		expect(snippet({ text: "", terms: ["x"] })).toEqual([]);
	});
});
