/**
 * A story's editable fields at one revision, stored whole (not as a delta) so any
 * revision can be shown, compared or restored on its own.
 */
export interface StorySnapshot {
	headline: string;
	slug: string;
	standfirst: string;
	datelinePlace: string;
	sourceLine: string;
	language: string;
	sectionId: number;
	personIds: number[];
	tagNames: string[];
	featuredMediaId: number | null;
	bodySource: string;
}

/** One line of a story's revision list. */
export interface RevisionSummary {
	number: number;
	createdAt: Date;
	/** The display name of whoever saved it, or "system". */
	createdBy: string;
	note: string;
}

/** A stored revision with its snapshot. */
export interface Revision extends RevisionSummary {
	snapshot: StorySnapshot;
}

/** A piece of a field's text in a diff: unchanged, added in the newer revision, or removed from the older one. */
export interface DiffPart {
	value: string;
	added: boolean;
	removed: boolean;
}

/** How one field differs between two revisions. */
export interface FieldDiff {
	field: keyof StorySnapshot;
	parts: DiffPart[];
}
