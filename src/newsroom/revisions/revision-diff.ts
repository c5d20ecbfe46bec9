import { diffArrays, diffWords } from "diff";
import type { DiffPart, FieldDiff, StorySnapshot } from "./revision.js";

/** The short fields compared word by word, in the order the editor shows them; the body comes last. */
const LINE_FIELDS = ["headline", "slug", "standfirst", "datelinePlace", "sourceLine", "language"] as const;

/** How ids in a snapshot read to a person: names of people and sections, a label for an image. */
export interface SnapshotNames {
	person(id: number): string;
	section(id: number): string;
	media(id: number): string;
}

/**
 * The fields that differ from `from` to `to`, in editor order. Text fields are
 * compared word by word; bylines and tags item by item (one part per item);
 * section and image as the old value removed and the new one added.
 */
export function diffSnapshots(from: StorySnapshot, to: StorySnapshot, names: SnapshotNames): FieldDiff[] {
	const diffs: FieldDiff[] = [];
	for (const field of LINE_FIELDS) {
		if (from[field] !== to[field]) diffs.push({ field, parts: wordParts(from[field], to[field]) });
	}
	if (from.sectionId !== to.sectionId) {
		diffs.push({ field: "sectionId", parts: replaced(names.section(from.sectionId), names.section(to.sectionId)) });
	}
	if (!sameList(from.tagNames, to.tagNames)) {
		diffs.push({ field: "tagNames", parts: listParts(from.tagNames, to.tagNames) });
	}
	if (!sameList(from.personIds, to.personIds)) {
		diffs.push({
			field: "personIds",
			parts: listParts(from.personIds.map(names.person), to.personIds.map(names.person)),
		});
	}
	if (from.featuredMediaId !== to.featuredMediaId) {
		const label = (id: number | null) => (id === null ? "" : names.media(id));
		diffs.push({ field: "featuredMediaId", parts: replaced(label(from.featuredMediaId), label(to.featuredMediaId)) });
	}
	if (from.bodySource !== to.bodySource) {
		diffs.push({ field: "bodySource", parts: wordParts(from.bodySource, to.bodySource) });
	}
	return diffs;
}

function wordParts(from: string, to: string): DiffPart[] {
	return diffWords(from, to).map((change) => ({
		value: change.value,
		added: change.added,
		removed: change.removed,
	}));
}

function listParts(from: string[], to: string[]): DiffPart[] {
	return diffArrays(from, to).flatMap((change) =>
		change.value.map((value) => ({ value, added: change.added, removed: change.removed })),
	);
}

function replaced(from: string, to: string): DiffPart[] {
	const parts: DiffPart[] = [];
	if (from) parts.push({ value: from, added: false, removed: true });
	if (to) parts.push({ value: to, added: true, removed: false });
	return parts;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
	return a.length === b.length && a.every((item, index) => item === b[index]);
}
