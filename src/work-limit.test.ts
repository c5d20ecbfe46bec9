import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import { WorkLimit } from "./work-limit.js";

/** Work that ends when the test says so. */
function held<T>(value: T) {
	let finish!: () => void;
	let fail!: (error: Error) => void;
	let started = false;
	const work = () => {
		started = true;
		return new Promise<T>((resolve, reject) => {
			finish = () => resolve(value);
			fail = reject;
		});
	};
	return {
		work,
		started: () => started,
		finish: () => finish(),
		fail: (error: Error) => fail(error),
	};
}

/** Lets every settled promise's callbacks run. */
const settle = async () => {
	for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe("WorkLimit", () => {
	it("runs at most `running` at once and starts the waiting ones in the order they came", async () => {
		const limit = new WorkLimit(2, 10, "ERR_SEARCH_BUSY");
		const jobs = [held("a"), held("b"), held("c"), held("d")];
		const results = jobs.map((job) => limit.run(job.work));
		await settle();
		expect(jobs.map((job) => job.started())).toEqual([true, true, false, false]);
		expect([limit.runningNow, limit.waitingNow]).toEqual([2, 2]);

		jobs[1]?.finish();
		await settle();
		expect(jobs.map((job) => job.started())).toEqual([true, true, true, false]);
		expect([limit.runningNow, limit.waitingNow]).toEqual([2, 1]);

		jobs[0]?.finish();
		jobs[2]?.finish();
		await settle();
		expect(jobs[3]?.started()).toBe(true);
		jobs[3]?.finish();
		expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"]);
		expect([limit.runningNow, limit.waitingNow]).toEqual([0, 0]);
	});

	it("refuses at once with its error code when the queue is full, and takes work again once a place frees", async () => {
		const limit = new WorkLimit(1, 1, "ERR_SEARCH_BUSY");
		const first = held(1);
		const second = held(2);
		const running = limit.run(first.work);
		const waiting = limit.run(second.work);
		const refused = limit.run(async () => 3);
		await expect(refused).rejects.toBeInstanceOf(AppError);
		await expect(refused).rejects.toMatchObject({ code: "ERR_SEARCH_BUSY", status: 503 });
		await settle();
		expect(first.started()).toBe(true);
		expect(second.started()).toBe(false);

		first.finish();
		await settle();
		expect(second.started()).toBe(true);
		// One running, none waiting: the next one may wait again.
		const later = limit.run(async () => 4);
		second.finish();
		expect([await running, await waiting, await later]).toEqual([1, 2, 4]);
	});

	it("frees the place of work that fails", async () => {
		const limit = new WorkLimit(1, 0, "ERR_SEARCH_BUSY");
		const failing = held(0);
		const result = limit.run(failing.work);
		await expect(limit.run(async () => 1)).rejects.toMatchObject({ code: "ERR_SEARCH_BUSY" });
		await settle();
		failing.fail(new Error("the database went away"));
		await expect(result).rejects.toThrow("the database went away");
		expect(await limit.run(async () => 2)).toBe(2);
		expect(limit.runningNow).toBe(0);
	});

	it("starts work on a later turn of the event loop, after what is already waiting there", async () => {
		const limit = new WorkLimit(1, 1, "ERR_SEARCH_BUSY");
		const order: string[] = [];
		const first = limit.run(async () => {
			order.push("first search");
		});
		const second = limit.run(async () => {
			order.push("second search");
		});
		// A request read meanwhile: its callback was queued before either search could start.
		setImmediate(() => order.push("another request"));
		await Promise.all([first, second]);
		expect(order).toEqual(["first search", "another request", "second search"]);
	});

	it("drops waiting work whose asker has gone: it leaves the queue, never runs, and the next one gets its turn", async () => {
		const limit = new WorkLimit(1, 2, "ERR_SEARCH_BUSY");
		const first = held("first");
		const abandoned = held("abandoned");
		const third = held("third");
		const gone = new AbortController();
		const running = limit.run(first.work);
		const dropped = limit.run(abandoned.work, gone.signal);
		const waiting = limit.run(third.work, new AbortController().signal);
		await settle();
		expect(limit.waitingNow).toBe(2);

		gone.abort();
		await expect(dropped).rejects.toMatchObject({ name: "AbortError" });
		expect(limit.waitingNow).toBe(1);
		// Its place in the queue is free again.
		const fourth = limit.run(async () => "fourth");

		first.finish();
		await settle();
		expect(abandoned.started()).toBe(false);
		expect(third.started()).toBe(true);
		third.finish();
		expect([await running, await waiting, await fourth]).toEqual(["first", "third", "fourth"]);
		expect([limit.runningNow, limit.waitingNow]).toEqual([0, 0]);
	});

	it("drops work whose asker left after it was given its place but before it started, and passes the place on", async () => {
		const limit = new WorkLimit(1, 1, "ERR_SEARCH_BUSY");
		const gone = new AbortController();
		const skipped = held("skipped");
		const dropped = limit.run(skipped.work, gone.signal);
		gone.abort();
		await expect(dropped).rejects.toMatchObject({ name: "AbortError" });
		expect(skipped.started()).toBe(false);
		expect(await limit.run(async () => "next")).toBe("next");
		expect(limit.runningNow).toBe(0);
		// Already gone when it asks: refused before it takes a place.
		await expect(limit.run(async () => "never", gone.signal)).rejects.toMatchObject({ name: "AbortError" });
	});

	it("frees the place of work that throws before it returns a promise", async () => {
		const limit = new WorkLimit(1, 0, "ERR_SEARCH_BUSY");
		await expect(
			limit.run(() => {
				throw new Error("bad query");
			}),
		).rejects.toThrow("bad query");
		expect(await limit.run(async () => "next")).toBe("next");
	});

	it("wants at least one running and a whole number waiting", () => {
		expect(() => new WorkLimit(0, 1, "ERR_SEARCH_BUSY")).toThrow(RangeError);
		expect(() => new WorkLimit(1, -1, "ERR_SEARCH_BUSY")).toThrow(RangeError);
		expect(() => new WorkLimit(1.5, 1, "ERR_SEARCH_BUSY")).toThrow(RangeError);
		expect(new WorkLimit(1, 0, "ERR_SEARCH_BUSY").waiting).toBe(0);
	});
});
