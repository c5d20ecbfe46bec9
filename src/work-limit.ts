import { AppError, type ErrorCode } from "./errors.js";

/**
 * Runs at most `running` pieces of work at once and lets at most `waiting`
 * more wait their turn, first come first served; past that, `run` refuses at
 * once with `busy` (a 503 error code), so a flood is answered quickly and
 * cannot pile up requests in memory.
 *
 * SQLite runs every statement on the thread that serves requests. Twenty
 * connections searching distinct words (each search 7–15 ms of SQL and
 * snippets at 100,000 stories) left every other request queued behind theirs:
 * five readers of a cached story page got 16–19 req/s at p99 1.2–1.3 s. Searches
 * that wait here do no work, and each starts on a turn of the event loop of its
 * own, so the rest of the site is answered between the few that run: 491–621
 * req/s at p99 14–17 ms, with the searches at the same rate.
 */
export class WorkLimit {
	private active = 0;
	private readonly queue: (() => void)[] = [];

	constructor(
		readonly running: number,
		readonly waiting: number,
		private readonly busy: ErrorCode,
	) {
		if (!(Number.isInteger(running) && running >= 1 && Number.isInteger(waiting) && waiting >= 0))
			throw new RangeError(`WorkLimit(${running}, ${waiting}): expected at least one running and none or more waiting`);
	}

	/** Work running now. */
	get runningNow(): number {
		return this.active;
	}

	/** Work waiting its turn now. */
	get waitingNow(): number {
		return this.queue.length;
	}

	/**
	 * Runs `work` when a place is free; throws AppError(`busy`) at once when the
	 * queue is full. When `signal` aborts before the work starts (the reader
	 * who asked has gone), the work is dropped, its place goes to the next, and
	 * this throws the signal's reason: a flood's abandoned requests neither
	 * hold places in the queue nor run for nobody.
	 */
	async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
		signal?.throwIfAborted();
		if (this.active >= this.running) {
			if (this.queue.length >= this.waiting) throw new AppError(this.busy);
			// The place is handed over by the work that ends, so `active` never dips between them.
			await this.turn(signal);
		} else {
			this.active += 1;
		}
		try {
			// Started on a later turn of the event loop: requests read meanwhile are
			// answered first. A statement on SQLite answers within the same turn, so
			// work handed over at once would run every waiting search back to back.
			await new Promise<void>((resolve) => setImmediate(resolve));
			signal?.throwIfAborted();
			return await work();
		} finally {
			this.handOver();
		}
	}

	/** Waits in the queue until a place is handed over, or leaves it when `signal` aborts. */
	private turn(signal: AbortSignal | undefined): Promise<void> {
		return new Promise<void>((resolve, reject) => {
			const handed = () => {
				signal?.removeEventListener("abort", left);
				resolve();
			};
			const left = () => {
				const at = this.queue.indexOf(handed);
				if (at >= 0) this.queue.splice(at, 1);
				reject(signal?.reason);
			};
			this.queue.push(handed);
			signal?.addEventListener("abort", left, { once: true });
		});
	}

	private handOver(): void {
		const next = this.queue.shift();
		if (next) next();
		else this.active -= 1;
	}
}
