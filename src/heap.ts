import v8 from "node:v8";

/**
 * How far V8 lets the old generation grow past what the last full collection
 * left alive: a factor of 1 + 100/100 = 2.
 *
 * V8 picks the factor from how fast collection has been, and on a server that
 * collects quickly it lets the heap reach about four times the live size. A
 * node rendering story pages from PostgreSQL with the cache off keeps about
 * 35 MB alive, but promoted garbage took its old generation to 130–145 MB
 * between full collections and its resident memory to 259 MB, past the 250 MB
 * budget. With the factor at 2 it peaked at 183 MB, at the same request rate
 * within the run-to-run spread (1,733 against 1,708 req/s, 15 s each).
 */
export const HEAP_GROWING_PERCENT = 100;

const FLAG = "--heap-growing-percent";

/**
 * Whether the operator set the growth factor already, on node's command line
 * (`node --heap-growing-percent=0 bin/dateline.js serve` gives V8 its own
 * choice back). Node refuses the flag in NODE_OPTIONS, so only the command line can carry it.
 */
export function heapGrowthChosen(execArgv: readonly string[]): boolean {
	return execArgv.some((arg) => arg.replaceAll("_", "-").split("=")[0] === FLAG);
}

/** Keeps a serving process's heap near twice its live size, unless the operator chose otherwise. Returns whether it did. */
export function keepHeapNearLive(execArgv: readonly string[] = process.execArgv): boolean {
	if (heapGrowthChosen(execArgv)) return false;
	v8.setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
	return true;
}
