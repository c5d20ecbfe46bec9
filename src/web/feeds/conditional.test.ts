import { describe, expect, it } from "vitest";
import { strongEtag } from "../../cache/page-cache.js";
import { notModified } from "./conditional.js";

const etag = strongEtag("<rss/>");
const lastModified = new Date("2026-03-15T07:30:00.500Z");

describe("strongEtag", () => {
	it("is a quoted hash that changes with the body", () => {
		expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
		expect(strongEtag("<rss/>")).toBe(etag);
		expect(strongEtag("<rss />")).not.toBe(etag);
	});
});

describe("notModified", () => {
	const current = { etag, lastModified };

	it("matches If-None-Match against the ETag, in a list, weak or as *", () => {
		expect(notModified({ ifNoneMatch: etag }, current)).toBe(true);
		expect(notModified({ ifNoneMatch: `"other", ${etag}` }, current)).toBe(true);
		expect(notModified({ ifNoneMatch: `W/${etag}` }, current)).toBe(true);
		expect(notModified({ ifNoneMatch: "*" }, current)).toBe(true);
		expect(notModified({ ifNoneMatch: '"other"' }, current)).toBe(false);
	});

	it("lets If-None-Match decide when both are sent", () => {
		expect(notModified({ ifNoneMatch: '"other"', ifModifiedSince: "Sun, 15 Mar 2026 08:00:00 GMT" }, current)).toBe(
			false,
		);
	});

	it("answers If-Modified-Since to the second: not older means not modified", () => {
		expect(notModified({ ifModifiedSince: "Sun, 15 Mar 2026 07:30:00 GMT" }, current)).toBe(true);
		expect(notModified({ ifModifiedSince: "Sun, 15 Mar 2026 08:00:00 GMT" }, current)).toBe(true);
		expect(notModified({ ifModifiedSince: "Sun, 15 Mar 2026 07:29:59 GMT" }, current)).toBe(false);
	});

	it("ignores an unreadable date and a resource with no known change", () => {
		expect(notModified({ ifModifiedSince: "yesterday-ish" }, current)).toBe(false);
		expect(notModified({ ifModifiedSince: "Sun, 15 Mar 2026 08:00:00 GMT" }, { etag, lastModified: null })).toBe(false);
		expect(notModified({}, current)).toBe(false);
	});
});
