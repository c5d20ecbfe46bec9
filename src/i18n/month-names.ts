/**
 * Month names Dateline writes itself instead of taking ICU's: the Solar Hijri
 * months as Afghanistan names them (ICU names them as Iran does, Farvardin to
 * Esfand, in every language but Dari and Pashto, and its Dari data writes
 * Sunbula as the construct form "سنبلهٔ"), and the Hijri months in Pashto,
 * where ICU's data is incomplete ("ربيع II", "جماعه II").
 */

type TwelveNames = readonly [
	string,
	string,
	string,
	string,
	string,
	string,
	string,
	string,
	string,
	string,
	string,
	string,
];

/** The Afghan Solar Hijri months, Hamal (from Nowruz) to Hut, by the language they are written in. */
export const AFGHAN_SOLAR_MONTHS = {
	/** Transliterated, for English and other Latin-script pages. */
	latin: ["Hamal", "Sawr", "Jawza", "Saratan", "Asad", "Sunbula", "Mizan", "Aqrab", "Qaws", "Jadi", "Dalw", "Hut"],
	/** Dari: the zodiac names, as Afghan newsrooms write them. */
	dari: ["حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"],
	/** Pashto: Afghanistan's Pashto names for the same twelve months (Wray, Ghwayay … Kab). */
	pashto: ["وری", "غویی", "غبرګولی", "چنګاښ", "زمری", "وږی", "تله", "لړم", "لیندۍ", "مرغومی", "سلواغه", "کب"],
	/** Arabic: the zodiac names the Dari ones come from. */
	arabic: ["حمل", "ثور", "جوزاء", "سرطان", "أسد", "سنبلة", "ميزان", "عقرب", "قوس", "جدي", "دلو", "حوت"],
} as const satisfies Record<string, TwelveNames>;

/** The Hijri months in Pashto, Muharram to Dhu al-Hijjah. */
export const PASHTO_HIJRI_MONTHS = [
	"محرم",
	"صفر",
	"ربیع الاول",
	"ربیع الثاني",
	"جمادی الاولی",
	"جمادی الثانيه",
	"رجب",
	"شعبان",
	"رمضان",
	"شوال",
	"ذوالقعده",
	"ذوالحجه",
] as const satisfies TwelveNames;
