/**
 * The digit sets Dateline writes numbers in: Latin (0–9), Extended
 * Arabic-Indic, the Persian digits of Dari and Pashto (۰–۹), and Arabic-Indic (٠–٩).
 * Named as in Unicode CLDR's numbering systems.
 */
export type DigitSystem = "latn" | "arabext" | "arab";

const ZERO: Record<DigitSystem, number> = { latn: 0x30, arabext: 0x06f0, arab: 0x0660 };

/** Arabic is written with Latin digits in the Maghreb. */
const LATIN_DIGIT_ARABIC_REGIONS = new Set(["DZ", "EH", "LY", "MA", "TN"]);

function isDigitSystem(value: string | undefined): value is DigitSystem {
	return value !== undefined && value in ZERO;
}

/**
 * The digits readers of `locale` expect: Persian for Dari, Persian and Pashto,
 * Arabic-Indic for Arabic (Latin in the Maghreb), Latin otherwise. A `-u-nu-`
 * extension naming one of the three wins.
 */
export function digitSystemFor(locale: string): DigitSystem {
	let parsed: Intl.Locale;
	try {
		parsed = new Intl.Locale(locale);
	} catch {
		return "latn";
	}
	if (isDigitSystem(parsed.numberingSystem)) return parsed.numberingSystem;
	switch (parsed.language) {
		case "fa":
		case "ps":
			return "arabext";
		case "ar":
			return parsed.region && LATIN_DIGIT_ARABIC_REGIONS.has(parsed.region) ? "latn" : "arab";
		default:
			return "latn";
	}
}

/** `text` with its ASCII digits written in `system`; every other character, other digits included, stays. */
export function shapeDigits(text: string, system: DigitSystem): string {
	if (system === "latn") return text;
	const zero = ZERO[system];
	return text.replace(/[0-9]/g, (digit) => String.fromCharCode(zero + digit.charCodeAt(0) - 0x30));
}
