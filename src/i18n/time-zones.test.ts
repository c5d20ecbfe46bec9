import { describe, expect, it } from "vitest";
import { parseWordPressLocal } from "../import/wordpress/wordpress-dates.js";
import { parseLocalDateTime } from "../web/newsroom/story-routes.js";
import { zoneOffsetMs } from "./time-zones.js";

const HOUR = 3_600_000;

describe("time zone offsets", () => {
	it("are the zone's wall clock minus UTC, summer time included", () => {
		expect(zoneOffsetMs(new Date("2026-03-15T09:30:12.345Z"), "Asia/Kabul")).toBe(4.5 * HOUR);
		expect(zoneOffsetMs(new Date("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-5 * HOUR);
		expect(zoneOffsetMs(new Date("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-4 * HOUR);
		expect(zoneOffsetMs(new Date("2026-07-15T12:00:00Z"), "UTC")).toBe(0);
	});

	it("read a newsroom form's time and a WordPress local date as the same instant", () => {
		expect(parseLocalDateTime("2026-03-15T14:00", "Asia/Kabul")?.toISOString()).toBe("2026-03-15T09:30:00.000Z");
		expect(parseWordPressLocal("2026-03-15 14:00:00", "Asia/Kabul")?.toISOString()).toBe("2026-03-15T09:30:00.000Z");
		expect(parseWordPressLocal("2026-07-01 08:00:30", "America/New_York")?.toISOString()).toBe(
			"2026-07-01T12:00:30.000Z",
		);
	});
});
