import type { ArticleStatus, Role } from "../../db/database.js";

/**
 * Who may do what in the newsroom. Pure functions of the acting user and the
 * story; services call them before acting, and templates call them only to
 * decide which buttons to show.
 *
 * - admin: users, sections, settings — and everything an editor may do;
 * - editor: edits and publishes anyone's story;
 * - author: writes, edits and publishes their own stories;
 * - contributor: writes drafts and submits them for review, never publishes.
 */
export interface Actor {
	id: number;
	role: Role;
	/** The byline person linked to this account, if any. */
	personId: number | null;
}

/** What the rules need to know about a story. */
export interface StoryAccess {
	status: ArticleStatus;
	createdBy: number | null;
	bylinePersonIds: readonly number[];
}

const isEditorOrAbove = (actor: Actor) => actor.role === "admin" || actor.role === "editor";

/** A story belongs to whoever created it and to the people in its byline. */
export function ownsStory(actor: Actor, story: StoryAccess): boolean {
	return story.createdBy === actor.id || (actor.personId !== null && story.bylinePersonIds.includes(actor.personId));
}

export function canCreateStory(_actor: Actor): boolean {
	return true;
}

export function canViewStory(actor: Actor, story: StoryAccess): boolean {
	return isEditorOrAbove(actor) || ownsStory(actor, story);
}

/** Contributors may edit their own drafts until they are submitted; authors their own stories at any status. */
export function canEditStory(actor: Actor, story: StoryAccess): boolean {
	if (isEditorOrAbove(actor)) return true;
	if (!ownsStory(actor, story)) return false;
	if (actor.role === "author") return true;
	return story.status === "draft";
}

export function canSubmitStory(actor: Actor, story: StoryAccess): boolean {
	return story.status === "draft" && canEditStory(actor, story);
}

/** Publishing and scheduling: editors for any story, authors for their own, contributors never. */
export function canPublishStory(actor: Actor, story: StoryAccess): boolean {
	if (isEditorOrAbove(actor)) return true;
	return actor.role === "author" && ownsStory(actor, story);
}

export function canUnpublishStory(actor: Actor, story: StoryAccess): boolean {
	return canPublishStory(actor, story);
}

export function canAddCorrection(actor: Actor, story: StoryAccess): boolean {
	return canPublishStory(actor, story);
}

/** Lists every story, not only the actor's own. */
export function canSeeAllStories(actor: Actor): boolean {
	return isEditorOrAbove(actor);
}

export function canCurateHome(actor: Actor): boolean {
	return isEditorOrAbove(actor);
}

export function canUploadMedia(_actor: Actor): boolean {
	return true;
}

export function canManageUsers(actor: Actor): boolean {
	return actor.role === "admin";
}

export function canManageSections(actor: Actor): boolean {
	return actor.role === "admin";
}

export function canEditSettings(actor: Actor): boolean {
	return actor.role === "admin";
}

export const ROLES: readonly Role[] = ["admin", "editor", "author", "contributor"];
