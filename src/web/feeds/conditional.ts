function opaqueTags(header: string): string[] {
	return header
		.split(",")
		.map((tag) => tag.trim().replace(/^W\//, ""))
		.filter((tag) => tag !== "");
}

/**
 * Whether a GET may be answered 304, by RFC 9110 §13.2.2: `If-None-Match`
 * decides when present (weak comparison, `*` matches); otherwise
 * `If-Modified-Since` holds when the representation has not changed since
 * that second. An unreadable date is ignored.
 */
export function notModified(
	conditions: { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined },
	current: { etag: string; lastModified: Date | null },
): boolean {
	if (conditions.ifNoneMatch !== undefined) {
		const tags = opaqueTags(conditions.ifNoneMatch);
		return tags.includes("*") || tags.includes(current.etag);
	}
	if (conditions.ifModifiedSince === undefined || current.lastModified === null) return false;
	const since = Date.parse(conditions.ifModifiedSince);
	if (Number.isNaN(since)) return false;
	// HTTP dates have whole seconds: compare at that precision.
	return Math.floor(current.lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}
