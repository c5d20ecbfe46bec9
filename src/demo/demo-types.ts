/** A section of the demo site; `parent` names another demo section's slug. */
export interface DemoSection {
	slug: string;
	name: string;
	description: string;
	parent?: string;
	/** Its name in other languages, by language tag. */
	names?: Readonly<Record<string, string>>;
}

/** A demo byline with a short bio. */
export interface DemoPerson {
	slug: string;
	name: string;
	jobTitle: string;
	bio: string;
}

/**
 * A demo story. `hoursAgo` dates it relative to the moment the demo is loaded;
 * `body` is Markdown paragraphs separated by blank lines, without the dateline,
 * which Dateline prints in front of the first paragraph.
 */
export interface DemoStory {
	slug: string;
	headline: string;
	standfirst?: string;
	section: string;
	datelinePlace: string;
	sourceLine?: string;
	authors: string[];
	tags: string[];
	hoursAgo: number;
	updatedHoursAgo?: number;
	body: string;
	/** BCP 47 tag; the site's default language ("en") when absent. */
	language?: string;
	/** The slug of the demo story this one translates; the two are linked as translations. */
	translationOf?: string;
}
