const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat("en-US", {
			timeZone,
			hourCycle: "h23",
			year: "numeric",
			month: "2-digit",
			day: "2-digit",
			hour: "2-digit",
			minute: "2-digit",
			second: "2-digit",
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/**
 * How far `timeZone`'s wall clock is ahead of UTC at the instant `at`, in
 * milliseconds (negative west of Greenwich): the clock read in the zone,
 * taken as if it were UTC, minus the instant.
 */
export function zoneOffsetMs(at: Date, timeZone: string): number {
	const parts = formatterFor(timeZone).formatToParts(at);
	const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
	const wallClock = Date.UTC(
		value("year"),
		value("month") - 1,
		value("day"),
		value("hour"),
		value("minute"),
		value("second"),
	);
	return wallClock - (at.getTime() - at.getUTCMilliseconds());
}
