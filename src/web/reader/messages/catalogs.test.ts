import { describe, expect, it } from "vitest";
import { digitSystemFor } from "../../../i18n/digits.js";
import { type Catalog, catalogs, en, type MessageKey, translator } from "../messages.js";

const TRANSLATED = ["fa-AF", "ps", "ar"] as const;
const KEYS = Object.keys(en) as MessageKey[];

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** Keys whose value is the same in every language: a locale, language names in their own script, a pattern. */
const SHARED = new Set<MessageKey>(["locale.dates", "lang.en", "lang.fa-AF", "lang.ps", "lang.ar", "date.both"]);

function catalog(language: string): Partial<Catalog> {
	const found = catalogs[language];
	if (!found) throw new Error(`No catalog for ${language}`);
	return found;
}

describe("reader catalogs", () => {
	it("are English, Dari, Pashto and Arabic", () => {
		expect(Object.keys(catalogs)).toEqual(["en", ...TRANSLATED]);
	});

	describe.each(TRANSLATED)("%s", (language) => {
		const messages = catalog(language);

		it("has every key of the English catalog, none empty", () => {
			const missing = KEYS.filter((key) => (messages[key] ?? "").trim() === "");
			expect(missing).toEqual([]);
		});

		it("has no key the English catalog lacks", () => {
			expect(Object.keys(messages).filter((key) => !(key in en))).toEqual([]);
		});

		it("keeps every placeholder of every message, and adds none", () => {
			for (const key of KEYS) expect(placeholders(messages[key] ?? ""), key).toEqual(placeholders(en[key]));
		});

		it("is written in Arabic script, with Latin letters only for the product's name", () => {
			for (const key of KEYS) {
				if (SHARED.has(key)) continue;
				const text = (messages[key] ?? "").replace(/\{\w+\}/g, "").replace("Dateline", "");
				expect(text, key).not.toMatch(/[A-Za-z]/);
				if (/\p{L}/u.test(text)) expect(text, key).toMatch(/\p{Script=Arabic}/u);
			}
		});

		it("names languages as they name themselves, as every catalog does", () => {
			for (const key of SHARED) if (key !== "locale.dates") expect(messages[key], key).toBe(en[key]);
		});

		it("formats dates in a locale Intl knows, whose digits are not Latin", () => {
			const locale = messages["locale.dates"] ?? "";
			expect(Intl.DateTimeFormat.supportedLocalesOf([locale])).toEqual([locale]);
			expect(digitSystemFor(locale)).not.toBe("latn");
		});
	});

	it("writes Dari with the Persian yeh and kaf, and Arabic with the Arabic ones", () => {
		const lettersIn = (language: string, letters: RegExp) =>
			KEYS.filter((key) => !SHARED.has(key) && letters.test(catalog(language)[key] ?? ""));
		expect(lettersIn("fa-AF", /[يك]/)).toEqual([]);
		expect(lettersIn("ar", /[یک]/)).toEqual([]);
	});
});

describe("translator in Dari, Pashto and Arabic", () => {
	it("reads each language's catalog, whatever the case or region of its tag", () => {
		expect(translator("fa-AF")("breadcrumb.home")).toBe("صفحهٔ اصلی");
		expect(translator("fa-af")("breadcrumb.home")).toBe("صفحهٔ اصلی");
		expect(translator("ps-AF")("breadcrumb.home")).toBe("کور پاڼه");
		expect(translator("ar-EG")("breadcrumb.home")).toBe("الرئيسية");
	});

	it("writes numbers in the language's digits", () => {
		expect(translator("en")("pagination.pageOf", { page: 2, pages: 13 })).toBe("Page 2 of 13");
		expect(translator("fa-AF")("pagination.pageOf", { page: 2, pages: 13 })).toBe("صفحهٔ ۲ از ۱۳");
		expect(translator("ps")("pagination.pageOf", { page: 2, pages: 13 })).toBe("پاڼه ۲ له ۱۳ څخه");
		expect(translator("ar")("pagination.pageOf", { page: 2, pages: 13 })).toBe("الصفحة ٢ من ١٣");
		expect(translator("fa-AF")("listing.storyCount", { count: 40 })).toBe("۴۰ گزارش");
		expect(translator("ps")("listing.storyCount", { count: 40 })).toBe("۴۰ راپورونه");
		expect(translator("ar")("listing.storyCount", { count: 40 })).toBe("عدد الأخبار: ٤٠");
	});

	it("leaves digits in text parameters alone: they are what a reader or an editor typed", () => {
		expect(translator("fa-AF")("search.results", { count: 12, query: "1400" })).toBe("۱۲ نتیجه برای «1400»");
		// Large counts are grouped in the locale's way and digits; the reader's own words are left alone.
		expect(translator("fa-AF")("search.results", { count: 1000, query: "1400" })).toBe("۱٬۰۰۰ نتیجه برای «1400»");
		expect(translator("ar")("search.results", { count: 12345, query: "2026" })).toBe("نتائج البحث عن «2026»: ١٢٬٣٤٥");
		expect(translator("en")("search.results", { count: 12345, query: "2026" })).toBe("12,345 results for “2026”");
		expect(translator("ar")("home.moreIn", { section: "G20" })).toBe("المزيد في G20");
	});

	it("writes Latin digits for a language with no catalog, which reads English", () => {
		expect(translator("sw")("pagination.pageOf", { page: 2, pages: 3 })).toBe("Page 2 of 3");
		expect(translator("ur")("listing.storyCount", { count: 5 })).toBe("5 stories");
	});
});
