import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { heapGrowthChosen } from "./heap.js";

/** The compiled module, as `dateline serve` loads it (`npm test` builds first). */
const compiled = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "dist", "heap.js");

/**
 * A process that keeps 300,000 small objects alive and makes garbage that
 * outlives young collections, as requests in flight do; prints its peak heap
 * in MB. With "on" it first calls keepHeapNearLive as serve does.
 */
const WORKLOAD = `
	const { keepHeapNearLive } = await import(${JSON.stringify(compiled)});
	if (process.argv[1] === "on") keepHeapNearLive([]);
	const live = Array.from({ length: 300000 }, (_, i) => ({ i, s: "live " + i }));
	let held = [];
	let peak = 0;
	for (let round = 0; round < 3000; round++) {
		held.push(Array.from({ length: 2000 }, (_, i) => ({ round, i, text: "story " + i })));
		if (held.length > 30) held = held.slice(-10);
		peak = Math.max(peak, process.memoryUsage().heapTotal);
	}
	if (live.length !== 300000) throw new Error("the live set was collected");
	process.stdout.write(String(peak / 1048576));
`;

function peakHeapMB(mode: "on" | "off"): number {
	return Number(execFileSync(process.execPath, ["--input-type=module", "-e", WORKLOAD, mode], { encoding: "utf8" }));
}

describe("the heap of a serving process", () => {
	it("is left to the operator who sets its growth on node's command line", () => {
		expect(heapGrowthChosen([])).toBe(false);
		expect(heapGrowthChosen(["--max-semi-space-size=8", "--enable-source-maps"])).toBe(false);
		expect(heapGrowthChosen(["--heap-growing-percent=0"])).toBe(true);
		expect(heapGrowthChosen(["--heap_growing_percent=50"])).toBe(true);
		expect(heapGrowthChosen(["--heap-growing-percent-extra=1"])).toBe(false);
	});

	it("grows less past what is alive once keepHeapNearLive has run", () => {
		// Measured here: about 170 MB at V8's own factor, 130 MB at 2.
		const chosenByV8 = peakHeapMB("off");
		const kept = peakHeapMB("on");
		expect(kept).toBeLessThan(chosenByV8 * 0.9);
	});
});
