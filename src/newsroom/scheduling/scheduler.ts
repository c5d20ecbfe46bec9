import type { Clock } from "../../clock.js";
import type { ArticleService } from "../../content/articles/article-service.js";
import type { Db } from "../../db/database.js";
import type { AuditLog } from "../audit/audit-log.js";

export interface SchedulerLogger {
	info(obj: object, msg: string): void;
	error(obj: object, msg: string): void;
}

export interface SchedulerDeps {
	db: Db;
	clock: Clock;
	articles: ArticleService;
	audit: AuditLog;
	logger?: SchedulerLogger;
}

/** SQLite reports a write lock held by another connection as SQLITE_BUSY (or one of its extended codes). */
function isBusy(error: unknown): boolean {
	return (
		error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("SQLITE_BUSY")
	);
}

/**
 * Publishes scheduled stories when they fall due, exactly once even with
 * several processes on one database: each round claims the due rows in one
 * atomic UPDATE, so a row claimed by one worker is no longer "scheduled" for
 * any other, and only the claimant runs the publishing side effects.
 */
export class Scheduler {
	constructor(private readonly deps: SchedulerDeps) {}

	/** Publishes every story due by now and returns the ids this call claimed (and no other caller did). */
	async publishDue(): Promise<number[]> {
		let ids: number[];
		try {
			// Its own statement, outside any transaction: it holds the write lock only while it runs.
			ids = await this.deps.articles.claimDueScheduled();
		} catch (error) {
			if (!isBusy(error)) throw error;
			this.deps.logger?.info({ err: error }, "scheduler: database busy, will retry on the next round");
			return [];
		}
		for (const id of ids) await this.finish(id);
		if (ids.length > 0) this.deps.logger?.info({ ids }, "scheduler: published scheduled stories");
		return ids;
	}

	/**
	 * Runs `publishDue` now and then every `intervalMs` (a round never overlaps the
	 * previous one) until `stop()`, which waits for a running round to end.
	 */
	start(intervalMs = 10_000): { stop(): Promise<void> } {
		let stopped = false;
		let running: Promise<void> | undefined;
		let timer: NodeJS.Timeout | undefined;
		const next = (delay: number) => {
			timer = setTimeout(tick, delay);
			// A timer alone must not keep the process alive; the server does that.
			timer.unref();
		};
		const tick = () => {
			running = this.publishDue()
				.then(
					() => undefined,
					(error: unknown) => this.deps.logger?.error({ err: error }, "scheduler: publishing due stories failed"),
				)
				.finally(() => {
					running = undefined;
					if (!stopped) next(intervalMs);
				});
		};
		next(0);
		return {
			stop: async () => {
				stopped = true;
				clearTimeout(timer);
				await running;
			},
		};
	}

	/** The text index, related stories and audit entry of one claimed story, in one transaction. */
	private async finish(id: number): Promise<void> {
		try {
			const before = await this.deps.articles.cacheKeys(id);
			await this.deps.db.transaction().execute(async (trx) => {
				await this.deps.articles.finishScheduledPublish(id, { db: trx });
				await this.deps.audit.record(
					{ userId: null, action: "story.publish.scheduled", subjectType: "article", subjectId: id },
					trx,
				);
			});
			await this.deps.articles.announce(id, before);
		} catch (error) {
			// The story is already public; say so in the audit log even though its side effects failed.
			this.deps.logger?.error({ err: error, id }, "scheduler: publishing side effects failed");
			await this.deps.audit.record({
				userId: null,
				action: "story.publish.scheduled",
				subjectType: "article",
				subjectId: id,
				detail: { sideEffects: "failed", error: error instanceof Error ? error.message : String(error) },
			});
		}
	}
}
