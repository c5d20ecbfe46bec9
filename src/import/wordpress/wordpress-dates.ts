import { zoneOffsetMs } from "../../i18n/time-zones.js";

/** "2011-01-18 07:40:14", as WordPress writes dates; the zero date "0000-00-00 00:00:00" means none. */
const WORDPRESS_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

function fields(text: string): number[] | undefined {
	const match = WORDPRESS_DATE.exec(text.trim());
	if (!match) return undefined;
	const numbers = match.slice(1).map(Number);
	const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = numbers;
	if (year === 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
		return undefined;
	return [year, month, day, hour, minute, second];
}

/** A WordPress UTC date (`post_date_gmt`), or undefined for the zero date or anything unreadable. */
export function parseWordPressUtc(text: string): Date | undefined {
	const parts = fields(text);
	if (!parts) return undefined;
	const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = parts;
	const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	return at.getUTCDate() === day ? at : undefined;
}

/**
 * A WordPress local date (`post_date`) read as wall-clock time in `timeZone`.
 * In a gap (clocks going forward) the later offset applies, as WordPress does.
 */
export function parseWordPressLocal(text: string, timeZone: string): Date | undefined {
	const asUtc = parseWordPressUtc(text);
	if (!asUtc) return undefined;
	const first = new Date(asUtc.getTime() - zoneOffsetMs(asUtc, timeZone));
	return new Date(asUtc.getTime() - zoneOffsetMs(first, timeZone));
}

/** The moment of a post date: the UTC column when set, else the local one in the site's time zone. */
export function wordPressMoment(utc: string, local: string, timeZone: string): Date | undefined {
	return parseWordPressUtc(utc) ?? parseWordPressLocal(local, timeZone);
}
