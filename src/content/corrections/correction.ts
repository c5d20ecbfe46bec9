import type { CorrectionKind } from "../../db/database.js";

export type { CorrectionKind };

/** The kinds of dated note an editor can add under a published story. */
export const CORRECTION_KINDS: readonly CorrectionKind[] = ["correction", "update", "clarification"];

/** A dated note shown under a published story: what was wrong, what changed, or what was unclear. */
export interface Correction {
	id: number;
	kind: CorrectionKind;
	body: string;
	createdAt: Date;
}

export interface CorrectionInput {
	kind: CorrectionKind;
	body: string;
}
