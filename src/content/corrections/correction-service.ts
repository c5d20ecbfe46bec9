import type { Db } from "../../db/database.js";
import type { Correction } from "./correction.js";
import { CorrectionRepository } from "./correction-repository.js";

/**
 * Reads a story's corrections for the public page. Adding one is a newsroom
 * action (NewsroomStoryService.addCorrection), because it checks the actor's
 * role and moves the story's updated time in the same transaction.
 */
export class CorrectionService {
	private readonly repository: CorrectionRepository;

	constructor(deps: { db: Db }) {
		this.repository = new CorrectionRepository(deps.db);
	}

	/** The notes under a story, oldest first. */
	async corrections(articleId: number): Promise<Correction[]> {
		return this.repository.listFor(articleId);
	}
}
