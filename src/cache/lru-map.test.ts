import { describe, expect, it } from "vitest";
import { LruMap } from "./lru-map.js";

describe("LruMap", () => {
	it("drops the least recently used entry once full, where reading counts as use", () => {
		const map = new LruMap<string, number>(3);
		map.set("a", 1);
		map.set("b", 2);
		map.set("c", 3);
		expect(map.get("a")).toBe(1);
		map.set("d", 4);
		expect(map.size).toBe(3);
		expect(map.get("b")).toBeUndefined();
		expect([map.get("a"), map.get("c"), map.get("d")]).toEqual([1, 3, 4]);
	});

	it("replaces a key in place without dropping another", () => {
		const map = new LruMap<string, number>(2);
		map.set("a", 1);
		map.set("b", 2);
		map.set("a", 10);
		expect(map.size).toBe(2);
		expect([map.get("a"), map.get("b")]).toEqual([10, 2]);
		expect(map.delete("a")).toBe(true);
		map.clear();
		expect(map.size).toBe(0);
	});
});
