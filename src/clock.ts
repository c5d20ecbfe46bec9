/** The source of "now"; tests pass a fixed clock. */
export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that always answers `at`; `set` moves it. */
export function fixedClock(at: Date): Clock & { set(next: Date): void } {
	let current = at;
	return {
		now: () => new Date(current.getTime()),
		set: (next) => {
			current = next;
		},
	};
}
