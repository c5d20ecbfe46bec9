import { type DigitSystem, digitSystemFor, shapeDigits } from "./digits.js";
import { AFGHAN_SOLAR_MONTHS, PASHTO_HIJRI_MONTHS } from "./month-names.js";

/** The calendars a date can be shown in. */
export const CALENDAR_SYSTEMS = ["gregorian", "persian", "islamic"] as const;
export type CalendarSystem = (typeof CALENDAR_SYSTEMS)[number];

/**
 * What a site (or one of its languages) shows dates in: one calendar, or two
 * side by side with the first carrying the time of day
 * ("9 July 2021 at 16:30 · 18 Saratan 1400").
 */
export const CALENDAR_CHOICES = [
	"gregorian",
	"persian",
	"islamic",
	"gregorian+persian",
	"persian+gregorian",
	"gregorian+islamic",
	"islamic+gregorian",
	"persian+islamic",
	"islamic+persian",
] as const;
export type CalendarChoice = (typeof CALENDAR_CHOICES)[number];

/** The calendars of a choice, in the order they are shown. */
export function calendarsOf(
	choice: CalendarChoice,
): readonly [CalendarSystem] | readonly [CalendarSystem, CalendarSystem] {
	const [first, second] = choice.split("+") as [CalendarSystem, CalendarSystem | undefined];
	return second ? [first, second] : [first];
}

/** A site's calendar settings: the default, and overrides keyed by language tag. */
export interface CalendarSettings {
	calendar: CalendarChoice;
	calendarByLanguage: Readonly<Record<string, CalendarChoice>>;
}

/**
 * The calendar pages in `language` use: its own override ("fa-AF", matched
 * without regard to case), else its primary language's ("fa"), else the site's.
 */
export function calendarForLanguage(settings: CalendarSettings, language: string): CalendarChoice {
	const overrides = new Map(
		Object.entries(settings.calendarByLanguage).map(([tag, choice]) => [tag.toLowerCase(), choice]),
	);
	const tag = language.toLowerCase();
	return overrides.get(tag) ?? overrides.get(tag.split("-")[0] ?? "") ?? settings.calendar;
}

/** ICU's names for our calendars. */
const ICU_CALENDAR: Record<CalendarSystem, string> = {
	gregorian: "gregory",
	persian: "persian",
	islamic: "islamic-umalqura",
};

/** Hijri era labels where ICU's are in Latin letters on a right-to-left page. */
const HIJRI_ERA: Readonly<Record<string, string>> = { ps: "هـ ق" };

function languageAndRegion(locale: string): { language: string; region: string | undefined } {
	try {
		const parsed = new Intl.Locale(locale);
		return { language: parsed.language, region: parsed.region };
	} catch {
		return { language: locale.toLowerCase().split("-")[0] ?? "", region: undefined };
	}
}

/**
 * The Solar Hijri month names for `locale`: Afghan names in Dari ("fa-AF"),
 * Pashto, Arabic and English; undefined (ICU's Iranian names) for Persian
 * without the Afghan region and for every other language.
 */
export function solarHijriMonthNames(locale: string): readonly string[] | undefined {
	const { language, region } = languageAndRegion(locale);
	switch (language) {
		case "fa":
			return region === "AF" ? AFGHAN_SOLAR_MONTHS.dari : undefined;
		case "ps":
			return AFGHAN_SOLAR_MONTHS.pashto;
		case "ar":
			return AFGHAN_SOLAR_MONTHS.arabic;
		case "en":
			return AFGHAN_SOLAR_MONTHS.latin;
		default:
			return undefined;
	}
}

/** How to format dates for one page. */
export interface DateFormatOptions {
	/** The BCP 47 locale whose patterns, words and digits to use: "en-GB", "fa-AF", "ps-AF", "ar". */
	locale: string;
	calendar: CalendarChoice;
	/** IANA time zone the date and time are read in. */
	timeZone: string;
	/** Whether the (first) date carries the time of day; true unless false. */
	time?: boolean;
	/** Joins the two dates of a pair; "{first} · {second}" unless given. */
	join?: (first: string, second: string) => string;
	/** The digits to write; those `locale` expects unless given. */
	digits?: DigitSystem;
}

/** A long date in one calendar, as ICU patterns it for the locale, with our month names, eras and digits. */
function singleCalendarFormatter(options: {
	locale: string;
	calendar: CalendarSystem;
	timeZone: string;
	time: boolean;
	digits: DigitSystem;
}): (at: Date) => string {
	const { locale, calendar, timeZone, digits } = options;
	const base = { calendar: ICU_CALENDAR[calendar], numberingSystem: "latn", timeZone } as const;
	const long = new Intl.DateTimeFormat(locale, {
		...base,
		dateStyle: "long",
		...(options.time ? { timeStyle: "short" } : {}),
	});
	const { language } = languageAndRegion(locale);
	const monthNames =
		calendar === "persian"
			? solarHijriMonthNames(locale)
			: calendar === "islamic" && language === "ps"
				? PASHTO_HIJRI_MONTHS
				: undefined;
	const monthNumber = monthNames ? new Intl.DateTimeFormat("en", { ...base, month: "numeric" }) : undefined;
	// The Solar Hijri year needs no era beside the Gregorian one; a Hijri (lunar) year keeps it, as both run near 1400.
	const dropEra = calendar === "persian";
	const eraLabel = calendar === "islamic" ? HIJRI_ERA[language] : undefined;

	// Nothing to rename, drop or reorder: ICU's own string, which costs a third of its parts.
	if (!monthNames && !dropEra && !eraLabel && !DAY_FIRST.has(language))
		return (at) => shapeDigits(long.format(at), digits);

	return (at) => {
		const parts: Intl.DateTimeFormatPart[] = long.formatToParts(at);
		if (monthNames && monthNumber) {
			const month = Number(monthNumber.formatToParts(at).find((part) => part.type === "month")?.value);
			const name = monthNames[month - 1];
			if (name) for (const part of parts) if (part.type === "month") part.value = name;
		}
		if (eraLabel) for (const part of parts) if (part.type === "era") part.value = eraLabel;
		const ordered = DAY_FIRST.has(language) ? dayFirst(parts) : parts;
		const kept = dropEra ? withoutEra(ordered) : ordered;
		return shapeDigits(kept.map((part) => part.value).join(""), digits);
	};
}

/**
 * Languages whose pages write day, month, year (and era) in that order, as
 * Dari pages do ("۱۸ چنګاښ ۱۴۰۰"), where ICU puts the era and year first.
 */
const DAY_FIRST: ReadonlySet<string> = new Set(["ps"]);

const SPACE: Intl.DateTimeFormatPart = { type: "literal", value: " " };

/** The date reordered to day, month, year, era; the time and its joining words stay after it. */
function dayFirst(parts: readonly Intl.DateTimeFormatPart[]): Intl.DateTimeFormatPart[] {
	const date = (["day", "month", "year", "era"] as const).flatMap((type) => parts.filter((part) => part.type === type));
	const hour = parts.findIndex((part) => part.type === "hour");
	const time = hour > 0 ? parts.slice(hour - 1) : [];
	return [...date.flatMap((part, index) => (index === 0 ? [part] : [SPACE, part])), ...time];
}

const isSpace = (part: Intl.DateTimeFormatPart | undefined) => part?.type === "literal" && part.value.trim() === "";

/** The parts without the era and the space that set it apart ("1400 AP at 16:30" → "1400 at 16:30"). */
function withoutEra(parts: readonly Intl.DateTimeFormatPart[]): Intl.DateTimeFormatPart[] {
	const kept = [...parts];
	for (
		let index = kept.findIndex((part) => part.type === "era");
		index >= 0;
		index = kept.findIndex((part) => part.type === "era")
	) {
		if (isSpace(kept[index - 1])) kept.splice(index - 1, 2);
		else if (isSpace(kept[index + 1])) kept.splice(index, 2);
		else kept.splice(index, 1);
	}
	return kept;
}

/**
 * A function that writes an instant for readers: the long date in the chosen
 * calendar (Solar Hijri with Afghan month names, Hijri by Umm al-Qura), the
 * time of day unless `time` is false, both calendars when the choice pairs
 * two, and the locale's digits throughout.
 */
export function dateFormatter(options: DateFormatOptions): (at: Date) => string {
	// Formatters are costly to build and pages ask for the same few: keep them (joins differ per catalog, so they are part of the key).
	const key = JSON.stringify([
		options.locale,
		options.calendar,
		options.timeZone,
		options.time ?? true,
		options.digits ?? "",
	]);
	const cached = options.join ? undefined : formatterCache.get(key);
	if (cached) return cached;
	const built = buildDateFormatter(options);
	if (!options.join && formatterCache.size < 256) formatterCache.set(key, built);
	return built;
}

const formatterCache = new Map<string, (at: Date) => string>();

function buildDateFormatter(options: DateFormatOptions): (at: Date) => string {
	const time = options.time ?? true;
	const digits = options.digits ?? digitSystemFor(options.locale);
	const join = options.join ?? ((first: string, second: string) => `${first} · ${second}`);
	const [firstCalendar, secondCalendar] = calendarsOf(options.calendar);
	const formatter = (calendar: CalendarSystem, withTime: boolean) =>
		singleCalendarFormatter({ locale: options.locale, calendar, timeZone: options.timeZone, time: withTime, digits });
	const first = formatter(firstCalendar, time);
	const second = secondCalendar ? formatter(secondCalendar, false) : undefined;
	return second ? (at) => join(first(at), second(at)) : first;
}
