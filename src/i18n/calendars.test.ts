import { describe, expect, it } from "vitest";
import {
	CALENDAR_CHOICES,
	type CalendarChoice,
	calendarForLanguage,
	calendarsOf,
	dateFormatter,
	solarHijriMonthNames,
} from "./calendars.js";
import { AFGHAN_SOLAR_MONTHS } from "./month-names.js";

const KABUL = "Asia/Kabul";

/** The date alone, for comparing calendars day by day. */
function day(locale: string, calendar: CalendarChoice): (at: Date) => string {
	return dateFormatter({ locale, calendar, timeZone: KABUL, time: false });
}

/** Noon in Kabul on a Gregorian day: far from any midnight. */
const noon = (isoDay: string) => new Date(`${isoDay}T07:30:00Z`);

describe("Solar Hijri dates with Afghan month names", () => {
	it.each([
		["2021-07-09", "18 Saratan 1400"],
		["2001-09-09", "18 Sunbula 1380"],
		["2024-03-19", "29 Hut 1402"],
		["2024-03-20", "1 Hamal 1403"],
		["2025-03-20", "30 Hut 1403"],
		["2025-03-21", "1 Hamal 1404"],
		["2026-03-20", "29 Hut 1404"],
		["2026-03-21", "1 Hamal 1405"],
	])("%s is %s", (gregorian, solar) => {
		expect(day("en-GB", "persian")(noon(gregorian))).toBe(solar);
	});

	it("writes Dari with Persian digits: 9 July 2021 is ۱۸ سرطان ۱۴۰۰", () => {
		expect(day("fa-AF", "persian")(noon("2021-07-09"))).toBe("۱۸ سرطان ۱۴۰۰");
		expect(day("fa-AF", "persian")(noon("2001-09-09"))).toBe("۱۸ سنبله ۱۳۸۰");
	});

	it("writes Pashto day first, with the Pashto month names and Persian digits", () => {
		expect(day("ps-AF", "persian")(noon("2021-07-09"))).toBe("۱۸ چنګاښ ۱۴۰۰");
		expect(day("ps-AF", "persian")(noon("2026-03-21"))).toBe("۱ وری ۱۴۰۵");
	});

	it("writes Arabic with Arabic-Indic digits and the zodiac month names", () => {
		expect(day("ar", "persian")(noon("2021-07-09"))).toBe("١٨ سرطان ١٤٠٠");
	});

	it("names all twelve months in order, Hamal to Hut, in every language", () => {
		const expected: Record<string, readonly string[]> = {
			"en-GB": AFGHAN_SOLAR_MONTHS.latin,
			"fa-AF": AFGHAN_SOLAR_MONTHS.dari,
			"ps-AF": AFGHAN_SOLAR_MONTHS.pashto,
			ar: AFGHAN_SOLAR_MONTHS.arabic,
		};
		expect(AFGHAN_SOLAR_MONTHS.latin).toEqual([
			"Hamal",
			"Sawr",
			"Jawza",
			"Saratan",
			"Asad",
			"Sunbula",
			"Mizan",
			"Aqrab",
			"Qaws",
			"Jadi",
			"Dalw",
			"Hut",
		]);
		expect(AFGHAN_SOLAR_MONTHS.dari).toEqual("حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت".split(" "));
		for (const [locale, names] of Object.entries(expected)) {
			const format = dateFormatter({ locale, calendar: "persian", timeZone: KABUL, time: false, digits: "latn" });
			const seen: string[] = [];
			for (
				let at = noon("2024-03-20");
				seen.length < 13 && at < noon("2025-03-22");
				at = new Date(at.getTime() + 86_400_000)
			) {
				const [, month] = /^\d+ (.+) \d+$/.exec(format(at)) ?? [];
				if (month && month !== seen.at(-1)) seen.push(month);
			}
			expect(seen, locale).toEqual([...names, names[0]]);
		}
	});

	it("keeps ICU's Iranian names for Persian of Iran", () => {
		expect(solarHijriMonthNames("fa-IR")).toBeUndefined();
		expect(day("fa-IR", "persian")(noon("2021-07-09"))).toBe("۱۸ تیر ۱۴۰۰");
		expect(solarHijriMonthNames("fa-AF")).toBe(AFGHAN_SOLAR_MONTHS.dari);
	});

	it("reads the day in the site's time zone", () => {
		// 20:00 UTC on 20 March 2026 is half past midnight on Nowruz in Kabul, still 20 March in London.
		const evening = new Date("2026-03-20T20:00:00Z");
		expect(day("en-GB", "persian")(evening)).toBe("1 Hamal 1405");
		expect(
			dateFormatter({ locale: "en-GB", calendar: "persian", timeZone: "Europe/London", time: false })(evening),
		).toBe("29 Hut 1404");
	});
});

describe("Hijri dates (Umm al-Qura)", () => {
	it.each([
		["2025-03-01", "1 Ramadan 1446 AH"],
		["2025-03-30", "1 Shawwal 1446 AH"],
		["2024-06-16", "10 Dhuʻl-Hijjah 1445 AH"],
		["2026-03-20", "1 Shawwal 1447 AH"],
	])("%s is %s", (gregorian, hijri) => {
		expect(day("en-GB", "islamic")(noon(gregorian))).toBe(hijri);
	});

	it("keeps the era, in the page's script, and the page's digits", () => {
		expect(day("ar", "islamic")(noon("2026-03-20"))).toBe("١ شوال ١٤٤٧ هـ");
		expect(day("ps-AF", "islamic")(noon("2026-03-20"))).toBe("۱ شوال ۱۴۴۷ هـ ق");
		expect(day("ps-AF", "islamic")(noon("2025-10-10"))).toBe("۱۸ ربیع الثاني ۱۴۴۷ هـ ق");
		expect(day("fa-AF", "islamic")(noon("2026-03-20"))).toMatch(/^۱ شوال ۱۴۴۷ /);
	});
});

describe("dateFormatter", () => {
	it("shows the Gregorian date and time as reader pages always have", () => {
		const format = dateFormatter({ locale: "en-GB", calendar: "gregorian", timeZone: KABUL });
		expect(format(new Date("2026-03-14T08:30:00Z"))).toBe("14 March 2026 at 13:00");
	});

	it("shows two calendars side by side, the time with the first", () => {
		const at = new Date("2021-07-09T12:00:00Z");
		expect(day("en-GB", "gregorian+persian")(at)).toBe("9 July 2021 · 18 Saratan 1400");
		expect(dateFormatter({ locale: "en-GB", calendar: "gregorian+persian", timeZone: KABUL })(at)).toBe(
			"9 July 2021 at 16:30 · 18 Saratan 1400",
		);
		expect(dateFormatter({ locale: "fa-AF", calendar: "persian+gregorian", timeZone: KABUL })(at)).toBe(
			"۱۸ سرطان ۱۴۰۰ ساعت ۱۶:۳۰ · ۹ جولای ۲۰۲۱",
		);
		expect(
			dateFormatter({
				locale: "en-GB",
				calendar: "persian+islamic",
				timeZone: KABUL,
				time: false,
				join: (first, second) => `${first} (${second})`,
			})(noon("2026-03-20")),
		).toBe("29 Hut 1404 (1 Shawwal 1447 AH)");
	});

	it("writes the time of day in the page's digits", () => {
		const at = new Date("2021-07-09T12:00:00Z");
		expect(dateFormatter({ locale: "fa-AF", calendar: "gregorian", timeZone: KABUL })(at)).toBe(
			"۹ جولای ۲۰۲۱ ساعت ۱۶:۳۰",
		);
		expect(dateFormatter({ locale: "ps-AF", calendar: "persian", timeZone: KABUL })(at)).toBe("۱۸ چنګاښ ۱۴۰۰ په ۱۶:۳۰");
		expect(dateFormatter({ locale: "ar", calendar: "gregorian", timeZone: KABUL })(at)).toBe("٩ يوليو ٢٠٢١ في ٤:٣٠ م");
		expect(dateFormatter({ locale: "fa-AF", calendar: "persian", timeZone: KABUL, digits: "latn" })(at)).toBe(
			"18 سرطان 1400 ساعت 16:30",
		);
	});
});

describe("calendar choices", () => {
	it("splits a pair into its two calendars and rejects none of the listed choices", () => {
		expect(calendarsOf("gregorian")).toEqual(["gregorian"]);
		expect(calendarsOf("persian+gregorian")).toEqual(["persian", "gregorian"]);
		for (const choice of CALENDAR_CHOICES) {
			expect(day("en-GB", choice)(noon("2026-03-20")), choice).not.toBe("");
		}
	});

	it("uses a language's own calendar, then its primary language's, then the site's", () => {
		const settings = {
			calendar: "gregorian",
			calendarByLanguage: { "fa-AF": "persian+gregorian", ps: "persian", AR: "islamic" },
		} as const;
		expect(calendarForLanguage(settings, "fa-AF")).toBe("persian+gregorian");
		expect(calendarForLanguage(settings, "fa-af")).toBe("persian+gregorian");
		expect(calendarForLanguage(settings, "ps-AF")).toBe("persian");
		expect(calendarForLanguage(settings, "ar")).toBe("islamic");
		expect(calendarForLanguage(settings, "fa")).toBe("gregorian");
		expect(calendarForLanguage(settings, "en")).toBe("gregorian");
	});
});
