import type { ArticleStatus } from "../../content/articles/article.js";
import type { Correction } from "../../content/corrections/correction.js";
import type { BodyFormat } from "../../db/database.js";
import type { StorySnapshot } from "../revisions/revision.js";
import type { StoryInput } from "./story-input.js";

/** Filters of the newsroom's story list; all given filters must hold. */
export interface StoryListFilter {
	status?: ArticleStatus;
	sectionId?: number;
	/** Stories with this person in the byline. */
	personId?: number;
	/** Matches the headline or the body, ignoring case. */
	text?: string;
	/** By last modification; newest first unless "oldest". */
	sort?: "newest" | "oldest";
	/** 1-based. */
	page: number;
	pageSize: number;
}

/** One line of the newsroom's story list. */
export interface NewsroomStoryRow {
	id: number;
	headline: string;
	slug: string;
	status: ArticleStatus;
	sectionName: string;
	bylineNames: string[];
	modifiedAt: Date;
	publishedAt: Date | null;
	scheduledAt: Date | null;
	revision: number;
}

/** The actor's unsaved text for a story, kept by autosave. */
export interface StoryAutosave {
	snapshot: StoryInput;
	/** The revision the editor was opened at; saving it over a newer one conflicts. */
	baseRevision: number;
	savedAt: Date;
}

/** A story as the editor opens it: its fields, where it stands, and the actor's autosave. */
export interface EditableStory extends StorySnapshot {
	id: number;
	/** "html" for an imported body that Markdown could not hold; edits keep it HTML. */
	bodyFormat: BodyFormat;
	status: ArticleStatus;
	revision: number;
	publishedAt: Date | null;
	updatedAt: Date | null;
	scheduledAt: Date | null;
	createdBy: number | null;
	/** The public address, while the story is published. */
	publicPath: string | null;
	corrections: Correction[];
	/** Present only when newer than the story's latest revision. */
	autosave: StoryAutosave | null;
}
