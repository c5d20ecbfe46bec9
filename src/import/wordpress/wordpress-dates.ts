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

function offsetMinutes(at: Date, timeZone: string): number {
	const parts = new Intl.DateTimeFormat("en-US", {
		timeZone,
		hourCycle: "h23",
		year: "numeric",
		month: "2-digit",
		day: "2-digit",
		hour: "2-digit",
		minute: "2-digit",
		second: "2-digit",
	}).formatToParts(at);
	const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
	const asUtc = Date.UTC(
		value("year"),
		value("month") - 1,
		value("day"),
		value("hour"),
		value("minute"),
		value("second"),
	);
	return Math.round((asUtc - at.getTime()) / 60_000);
}

/**
 * A WordPress local date (`post_date`) read as wall-clock time in `timeZone`.
 * In a gap (clocks going forward) the later offset applies, as WordPress does.
 */
export function parseWordPressLocal(text: string, timeZone: string): Date | undefined {
	const asUtc = parseWordPressUtc(text);
	if (!asUtc) return undefined;
	const first = new Date(asUtc.getTime() - offsetMinutes(asUtc, timeZone) * 60_000);
	const second = new Date(asUtc.getTime() - offsetMinutes(first, timeZone) * 60_000);
	return second;
}

/** The moment of a post date: the UTC column when set, else the local one in the site's time zone. */
export function wordPressMoment(utc: string, local: string, timeZone: string): Date | undefined {
	return parseWordPressUtc(utc) ?? parseWordPressLocal(local, timeZone);
}
