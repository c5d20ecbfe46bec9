import { z } from "zod";
import { SITE_KEY as EVERY_PAGE } from "../../cache/purge-bus.js";
import type { Db } from "../../db/database.js";
import { CALENDAR_CHOICES } from "../../i18n/calendars.js";

const siteSettingsSchema = z.object({
	name: z.string().min(1).default("Dateline"),
	tagline: z.string().default("News from where it happens"),
	language: z.string().min(2).default("en"),
	sourceLine: z.string().default("Dateline News"),
	/** A site path ("/assets/logo.png") or an absolute URL; empty for none. */
	logoUrl: z.string().default(""),
	logoWidth: z.number().int().positive().default(600),
	logoHeight: z.number().int().positive().default(60),
	/** The calendar dates are shown in: "gregorian", "persian" (Solar Hijri), "islamic" (Hijri), or two as "gregorian+persian". */
	calendar: z.enum(CALENDAR_CHOICES).default("gregorian"),
	/**
	 * Calendars for pages in one language, keyed by language tag; others use
	 * `calendar`. Afghan readers of Dari and Pashto expect the Solar Hijri year.
	 */
	calendarByLanguage: z
		.record(z.string().min(2), z.enum(CALENDAR_CHOICES))
		.default({ "fa-AF": "persian", ps: "persian" }),
});

/** The site's identity, as readers see it. */
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

const SITE_KEY = "site";
const INITIALIZED_KEY = "initialized_at";

/** Settings stored in the database; unknown or missing fields fall back to defaults. */
export class SettingsService {
	constructor(
		private readonly db: Db,
		private readonly onChange?: (keys: readonly string[]) => void,
	) {}

	async site(): Promise<SiteSettings> {
		const row = await this.db.selectFrom("settings").select("value").where("key", "=", SITE_KEY).executeTakeFirst();
		let stored: unknown = {};
		try {
			stored = row ? JSON.parse(row.value) : {};
		} catch {
			stored = {};
		}
		const parsed = siteSettingsSchema.safeParse(stored);
		return parsed.success ? parsed.data : siteSettingsSchema.parse({});
	}

	async updateSite(changes: Partial<SiteSettings>): Promise<SiteSettings> {
		const next = siteSettingsSchema.parse({
			...(await this.site()),
			...changes,
		});
		await this.put(SITE_KEY, JSON.stringify(next));
		// The site's name, language and logo are on every page.
		this.onChange?.([EVERY_PAGE]);
		return next;
	}

	/** When the site was first started, or undefined before that. */
	async initializedAt(): Promise<string | undefined> {
		const row = await this.db
			.selectFrom("settings")
			.select("value")
			.where("key", "=", INITIALIZED_KEY)
			.executeTakeFirst();
		return row?.value;
	}

	async markInitialized(at: Date): Promise<void> {
		await this.put(INITIALIZED_KEY, at.toISOString());
	}

	private async put(key: string, value: string): Promise<void> {
		await this.db
			.insertInto("settings")
			.values({ key, value })
			.onConflict((oc) => oc.column("key").doUpdateSet({ value }))
			.execute();
	}
}
