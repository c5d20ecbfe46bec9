import { describe, expect, it } from "vitest";
import { digitSystemFor, shapeDigits } from "./digits.js";

describe("digitSystemFor", () => {
	it("gives Dari and Pashto Persian digits, Arabic Arabic-Indic ones and English Latin ones", () => {
		expect(digitSystemFor("fa-AF")).toBe("arabext");
		expect(digitSystemFor("fa")).toBe("arabext");
		expect(digitSystemFor("ps")).toBe("arabext");
		expect(digitSystemFor("ps-AF")).toBe("arabext");
		expect(digitSystemFor("ar")).toBe("arab");
		expect(digitSystemFor("ar-SA")).toBe("arab");
		expect(digitSystemFor("en-GB")).toBe("latn");
		expect(digitSystemFor("de")).toBe("latn");
	});

	it("gives Arabic of the Maghreb Latin digits", () => {
		expect(digitSystemFor("ar-MA")).toBe("latn");
		expect(digitSystemFor("ar-TN")).toBe("latn");
	});

	it("follows a -u-nu- extension and reads a malformed tag as Latin", () => {
		expect(digitSystemFor("ar-u-nu-latn")).toBe("latn");
		expect(digitSystemFor("en-u-nu-arabext")).toBe("arabext");
		expect(digitSystemFor("not a tag")).toBe("latn");
	});
});

describe("shapeDigits", () => {
	it("writes 0–9 in Persian and in Arabic-Indic digits", () => {
		expect(shapeDigits("0123456789", "arabext")).toBe("۰۱۲۳۴۵۶۷۸۹");
		expect(shapeDigits("0123456789", "arab")).toBe("٠١٢٣٤٥٦٧٨٩");
		expect(shapeDigits("0123456789", "latn")).toBe("0123456789");
	});

	it("leaves every other character, and digits already shaped, as they are", () => {
		expect(shapeDigits("صفحهٔ 2 از 10 — ۳", "arabext")).toBe("صفحهٔ ۲ از ۱۰ — ۳");
		expect(shapeDigits("16:30", "arab")).toBe("١٦:٣٠");
	});
});
