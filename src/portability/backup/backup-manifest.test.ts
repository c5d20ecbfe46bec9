import { describe, expect, it } from "vitest";
import { archiveEntryProblem } from "./backup-manifest.js";

describe("which archive entries a restore accepts", () => {
	it.each([
		["dateline-backup.json", "File"],
		["dateline.sqlite", "File"],
		["content.json", "File"],
		["media/", "Directory"],
		["media/originals/ab/ab12.jpg", "File"],
		["media/variants/ab/ab12/640w-0123456789abcdef.webp", "File"],
	])("accepts %s (%s)", (entryPath, type) => {
		expect(archiveEntryProblem(entryPath, type)).toBeUndefined();
	});

	it.each([
		["/etc/passwd", "File", "an absolute path"],
		["C:/Windows/evil", "File", "an absolute path"],
		["../outside", "File", "'..'"],
		["media/../../outside", "File", "'..'"],
		["media//double", "File", "empty"],
		["media/a\\..\\b", "File", "'..'"],
		["media/link", "SymbolicLink", "a SymbolicLink entry"],
		["media/hard", "Link", "a Link entry"],
		["dateline.sqlite-wal", "File", "not part of a Dateline backup"],
		["notes.txt", "File", "not part of a Dateline backup"],
		["media", "File", "not part of a Dateline backup"],
	])("refuses %s (%s)", (entryPath, type, reason) => {
		expect(archiveEntryProblem(entryPath, type)).toContain(reason);
	});
});
