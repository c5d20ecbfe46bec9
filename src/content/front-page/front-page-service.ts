import { z } from "zod";
import { HOME_KEY, SITE_KEY } from "../../cache/purge-bus.js";
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import { AppError } from "../../errors.js";
import type { AuditLog } from "../../newsroom/audit/audit-log.js";
import { type Actor, canCurateHome } from "../../newsroom/roles/access.js";

/** At most this many featured stories sit under the lead. */
export const MAX_FEATURED = 4;

/** The editors' choices for the front page; unset choices fall back to the newest stories. */
export interface Curation {
	leadId: number | null;
	featuredIds: number[];
}

/** A breaking-news banner, shown on every page until it expires. */
export interface Breaking {
	text: string;
	url: string;
	expiresAt: Date;
}

const curationSchema = z.object({
	leadId: z.number().int().positive().nullable().default(null),
	featuredIds: z.array(z.number().int().positive()).max(MAX_FEATURED).default([]),
});

const breakingSchema = z.object({
	text: z.string().trim().min(1, "text: write the banner's text.").max(200, "text: at most 200 characters."),
	url: z
		.string()
		.trim()
		.max(500)
		.refine((value) => value === "" || /^\/(?!\/)/.test(value) || /^https?:\/\//.test(value), {
			message: "url: a site path such as /2026/03/15/story/ or an http(s) address.",
		}),
	expiresAt: z.string(),
});

const CURATION_KEY = "front_page";
const BREAKING_KEY = "breaking_news";

/** Front-page curation and the breaking-news banner: editors set them, every reader page reads them. */
export class FrontPageService {
	constructor(
		private readonly deps: { db: Db; clock: Clock; audit: AuditLog; onChange?: (keys: readonly string[]) => void },
	) {}

	async curation(): Promise<Curation> {
		const parsed = curationSchema.safeParse(await this.read(CURATION_KEY));
		return parsed.success ? parsed.data : { leadId: null, featuredIds: [] };
	}

	/** The banner, unless there is none or it has expired. */
	async breaking(): Promise<Breaking | null> {
		const stored = (await this.read(BREAKING_KEY)) as { text?: string; url?: string; expiresAt?: string } | undefined;
		if (!stored?.text || !stored.expiresAt) return null;
		const expiresAt = new Date(stored.expiresAt);
		if (Number.isNaN(expiresAt.getTime()) || expiresAt <= this.deps.clock.now()) return null;
		return { text: stored.text, url: stored.url ?? "", expiresAt };
	}

	/** Pins the lead and the featured stories; each must be a published story. */
	async setCuration(actor: Actor, input: Curation): Promise<void> {
		if (!canCurateHome(actor)) throw new AppError("ERR_FORBIDDEN");
		const featuredIds = [...new Set(input.featuredIds)].filter((id) => id !== input.leadId).slice(0, MAX_FEATURED);
		const ids = [...(input.leadId ? [input.leadId] : []), ...featuredIds];
		if (ids.length > 0) {
			const rows = await this.deps.db
				.selectFrom("articles")
				.select("id")
				.where("id", "in", ids)
				.where("status", "=", "published")
				.execute();
			if (rows.length !== ids.length) throw new AppError("ERR_VALIDATION", "Only published stories can be pinned.");
		}
		await this.write(actor, CURATION_KEY, { leadId: input.leadId, featuredIds }, "front_page.curate");
	}

	/** Sets the banner; `expiresAt` must be in the future. */
	async setBreaking(actor: Actor, input: { text: string; url: string; expiresAt: Date }): Promise<void> {
		if (!canCurateHome(actor)) throw new AppError("ERR_FORBIDDEN");
		const parsed = breakingSchema.safeParse({ ...input, expiresAt: input.expiresAt.toISOString() });
		if (!parsed.success) throw new AppError("ERR_VALIDATION", parsed.error.issues[0]?.message ?? "Check the banner.");
		if (input.expiresAt <= this.deps.clock.now())
			throw new AppError("ERR_VALIDATION", "expiresAt: choose a time in the future.");
		await this.write(actor, BREAKING_KEY, parsed.data, "front_page.breaking");
	}

	async clearBreaking(actor: Actor): Promise<void> {
		if (!canCurateHome(actor)) throw new AppError("ERR_FORBIDDEN");
		await this.write(actor, BREAKING_KEY, {}, "front_page.breaking_cleared");
	}

	private async read(key: string): Promise<unknown> {
		const row = await this.deps.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
		if (!row) return undefined;
		try {
			return JSON.parse(row.value) as unknown;
		} catch {
			return undefined;
		}
	}

	private async write(actor: Actor, key: string, value: object, action: string): Promise<void> {
		const text = JSON.stringify(value);
		await this.deps.db.transaction().execute(async (trx) => {
			await trx
				.insertInto("settings")
				.values({ key, value: text })
				.onConflict((oc) => oc.column("key").doUpdateSet({ value: text }))
				.execute();
			await this.deps.audit.record(
				{
					userId: actor.id,
					action,
					subjectType: "settings",
					subjectId: null,
					detail: value as Record<string, unknown>,
				},
				trx,
			);
		});
		// The curation is on the front page; the banner is on every page.
		this.deps.onChange?.([key === BREAKING_KEY ? SITE_KEY : HOME_KEY]);
	}
}
