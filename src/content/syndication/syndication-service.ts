import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import { PersonRepository } from "../people/person-repository.js";
import { SectionService } from "../sections/section-service.js";
import { TagRepository } from "../tags/tag-repository.js";
import {
	type FeedScope,
	latest,
	NEWS_MAX_STORIES,
	NEWS_WINDOW_HOURS,
	type NewsStory,
	type SitemapListing,
	type SitemapPage,
	type SitemapStory,
	type SyndicatedStory,
	storyLastModified,
} from "./syndication.js";
import { type ChangeRow, type ListingKind, type StoryFilter, SyndicationRepository } from "./syndication-repository.js";

const HOUR = 3_600_000;

function toDate(value: string | null): Date | null {
	return value === null ? null : new Date(value);
}

function changeOf(row: ChangeRow): Date | null {
	return latest(toDate(row.published), toDate(row.updated));
}

/**
 * What feeds and sitemaps publish: the newest stories of a listing with their
 * whole text, every public address with its last change, and the stories
 * young enough for the news sitemap. Only published stories ever appear.
 */
export class SyndicationService {
	private readonly repository: SyndicationRepository;
	private readonly people: PersonRepository;
	private readonly tags: TagRepository;
	private readonly sectionTree: SectionService;

	constructor(private readonly deps: { db: Db; clock: Clock }) {
		this.repository = new SyndicationRepository(deps.db);
		this.people = new PersonRepository(deps.db);
		this.tags = new TagRepository(deps.db);
		this.sectionTree = new SectionService(deps);
	}

	/** What one feed needs: the newest stories of `scope` and the listing's last change. */
	async feed(scope: FeedScope, limit = 20): Promise<{ stories: SyndicatedStory[]; lastModified: Date | null }> {
		const filter = await this.filterFor(scope);
		const [stories, lastModified] = await Promise.all([this.newestMatching(filter, limit), this.listingChange(filter)]);
		return { stories, lastModified };
	}

	/** The `limit` newest published stories in `scope`, newest first, with bylines in order and tags. */
	async newest(scope: FeedScope, limit = 20): Promise<SyndicatedStory[]> {
		return this.newestMatching(await this.filterFor(scope), limit);
	}

	/**
	 * When the listing of `scope` last changed: the latest publication or update
	 * of a story in it, or the latest time one was taken off it. Null for a
	 * listing that never had a story.
	 */
	async lastModified(scope: FeedScope): Promise<Date | null> {
		return this.listingChange(await this.filterFor(scope));
	}

	private async newestMatching(filter: StoryFilter, limit: number): Promise<SyndicatedStory[]> {
		const rows = await this.repository.newest(filter, limit);
		const ids = rows.map((row) => row.id);
		const [bylines, tags] = await Promise.all([this.people.bylinesFor(ids), this.tags.tagsFor(ids)]);
		return rows.map((row) => ({
			id: row.id,
			slug: row.slug,
			headline: row.headline,
			standfirst: row.standfirst,
			bodyHtml: row.body_html,
			bodyText: row.body_text,
			language: row.language,
			publishedAt: new Date(row.published_at),
			updatedAt: toDate(row.updated_at),
			section: {
				id: row.section_id,
				slug: row.section_slug,
				name: row.section_name,
				path: row.section_path,
				parentId: row.section_parent_id,
			},
			bylines: bylines.get(row.id) ?? [],
			tags: tags.get(row.id) ?? [],
		}));
	}

	private async listingChange(filter: StoryFilter): Promise<Date | null> {
		const [change, unpublished] = await Promise.all([
			this.repository.latestChange(filter),
			this.repository.latestUnpublish(filter),
		]);
		return latest(changeOf(change), toDate(unpublished));
	}

	/** The pages of the article sitemaps at `pageSize` stories each; none when nothing is published. */
	async articleSitemapPages(pageSize: number): Promise<SitemapPage[]> {
		const pages: SitemapPage[] = [];
		for (const row of await this.repository.sitemapPageChanges(pageSize)) {
			const change = changeOf(row);
			if (change) pages.push({ page: row.page, lastModified: change });
		}
		return pages;
	}

	/** Page `page` (from 1) of all published stories in a stable order, `pageSize` to a page. */
	async articleSitemapPage(page: number, pageSize: number): Promise<SitemapStory[]> {
		const rows = await this.repository.sitemapSlice(slice(page, pageSize));
		return rows.map((row) => {
			const publishedAt = new Date(row.published_at);
			return {
				id: row.id,
				slug: row.slug,
				publishedAt,
				lastModified: storyLastModified({ publishedAt, updatedAt: toDate(row.updated_at) }),
			};
		});
	}

	/** Every section, parents first, each with the latest change among its own and its subsections' stories. */
	async sections(): Promise<SitemapListing[]> {
		const [tree, changes] = await Promise.all([this.sectionTree.tree(), this.repository.sectionChanges()]);
		const own = new Map(changes.map((row) => [row.id, changeOf(row)]));
		const listings: SitemapListing[] = [];
		const visit = (node: (typeof tree)[number]): Date | null => {
			const listing: SitemapListing = { slug: node.slug, path: node.path, name: node.name, lastModified: null };
			listings.push(listing);
			let change = own.get(node.id) ?? null;
			for (const child of node.children) change = latest(change, visit(child));
			listing.lastModified = change;
			return change;
		};
		for (const root of tree) visit(root);
		return listings;
	}

	/** The latest change among published stories with a byline (`authors`) or a tag (`tags`); null when there are none. */
	async listingLastModified(kind: ListingKind): Promise<Date | null> {
		return changeOf(await this.repository.latestChangeLinked(kind));
	}

	/**
	 * The pages of the authors' or the tags' sitemap at `pageSize` entries
	 * each; none when none of them has a published story. While the people or
	 * tags number at most `pageSize`, as on nearly every site, there is one
	 * page, dated by the newest linked story without grouping any links. Past
	 * that, those in use are read once to count the pages and date each.
	 */
	async listingSitemapPages(kind: ListingKind, pageSize: number): Promise<SitemapPage[]> {
		const [newest, size] = await Promise.all([this.listingLastModified(kind), this.repository.listingSize(kind)]);
		if (!newest) return [];
		if (size <= pageSize) return [{ page: 1, lastModified: newest }];
		const rows = await this.repository.listingWithStories(kind, null);
		const pages: SitemapPage[] = [];
		for (let start = 0; start < rows.length; start += pageSize) {
			let change: Date | null = null;
			for (const row of rows.slice(start, start + pageSize)) change = latest(change, changeOf(row));
			pages.push({ page: pages.length + 1, lastModified: change ?? newest });
		}
		return pages;
	}

	/** Page `page` (from 1) of the people or tags with published stories, in the order they were created. */
	async listingSitemapPage(kind: ListingKind, page: number, pageSize: number): Promise<SitemapListing[]> {
		const rows = await this.repository.listingWithStories(kind, slice(page, pageSize));
		return rows.map((row) => ({ slug: row.slug, path: row.slug, name: row.name, lastModified: changeOf(row) }));
	}

	/** Stories published in the last 48 hours up to now, newest first, at most 1,000 (Google News' limits). */
	async recentNews(): Promise<NewsStory[]> {
		const now = this.deps.clock.now();
		const rows = await this.repository.publishedBetween({
			from: new Date(now.getTime() - NEWS_WINDOW_HOURS * HOUR).toISOString(),
			to: now.toISOString(),
			limit: NEWS_MAX_STORIES,
		});
		return rows.map((row) => ({
			id: row.id,
			slug: row.slug,
			headline: row.headline,
			language: row.language,
			publishedAt: new Date(row.published_at),
		}));
	}

	private async filterFor(scope: FeedScope): Promise<StoryFilter> {
		switch (scope.kind) {
			case "site":
				return {};
			case "section":
				return { sectionIds: await this.sectionTree.withDescendants(scope.sectionId) };
			case "person":
				return { personId: scope.personId };
			case "tag":
				return { tagId: scope.tagId };
		}
	}
}

function slice(page: number, pageSize: number): { limit: number; offset: number } {
	return { limit: pageSize, offset: (page - 1) * pageSize };
}
