/**
 * Carries "these surrogate keys changed" from the services that change
 * content to every page cache that may hold them. In one process it is a
 * list of listeners; with PostgreSQL a listener also forwards to the other
 * nodes (see the postgres purge relay).
 */
export type PurgeListener = (keys: readonly string[]) => void;

export class PurgeBus {
	private readonly listeners = new Set<PurgeListener>();

	/** Announces changed keys to every listener in this process. */
	publish(keys: readonly string[]): void {
		if (keys.length === 0) return;
		const unique = [...new Set(keys)];
		for (const listener of this.listeners) listener(unique);
	}

	subscribe(listener: PurgeListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}

/** The key every cached page carries: purging it drops everything (settings, navigation, the banner). */
export const SITE_KEY = "site";
/** Keys of the lists every story appears on. */
export const HOME_KEY = "home";
export const FEEDS_KEY = "feeds";

export const articleKey = (id: number) => `article:${id}`;
export const sectionKey = (id: number) => `section:${id}`;
export const personKey = (id: number) => `person:${id}`;
export const tagKey = (id: number) => `tag:${id}`;
export const pageKey = (id: number) => `page:${id}`;
