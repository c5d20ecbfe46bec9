/**
 * A map that holds at most `capacity` entries: reading an entry makes it the
 * most recently used, and adding one past the bound drops the least recently
 * used. For small in-process caches (prepared statements, sanitized bodies,
 * search pages) that distinct inputs must not grow without end.
 */
export class LruMap<K, V> {
	private readonly entries = new Map<K, V>();

	constructor(private readonly capacity: number) {}

	get size(): number {
		return this.entries.size;
	}

	get(key: K): V | undefined {
		const value = this.entries.get(key);
		if (value !== undefined) {
			// A Map keeps insertion order: re-inserting moves the entry to the most recent end.
			this.entries.delete(key);
			this.entries.set(key, value);
		}
		return value;
	}

	set(key: K, value: V): void {
		this.entries.delete(key);
		if (this.entries.size >= this.capacity) {
			const oldest = this.entries.keys().next();
			if (!oldest.done) this.entries.delete(oldest.value);
		}
		this.entries.set(key, value);
	}

	delete(key: K): boolean {
		return this.entries.delete(key);
	}

	clear(): void {
		this.entries.clear();
	}
}
