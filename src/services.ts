import type { PurgeBus } from "./cache/purge-bus.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import { ArticleService } from "./content/articles/article-service.js";
import { FrontPageService } from "./content/front-page/front-page-service.js";
import { MediaService } from "./content/media/media-service.js";
import { PageService } from "./content/pages/page-service.js";
import { PersonService } from "./content/people/person-service.js";
import { SearchService } from "./content/search/search-service.js";
import { SectionService } from "./content/sections/section-service.js";
import { SettingsService } from "./content/settings/settings-service.js";
import { SyndicationService } from "./content/syndication/syndication-service.js";
import { TagService } from "./content/tags/tag-service.js";
import type { Db } from "./db/database.js";
import type { DialectAdapter } from "./db/dialects/dialect.js";
import { AuditLog } from "./newsroom/audit/audit-log.js";

/** Every service of the content domain, wired to one database. */
export interface Services {
	articles: ArticleService;
	sections: SectionService;
	people: PersonService;
	tags: TagService;
	settings: SettingsService;
	search: SearchService;
	syndication: SyndicationService;
	media: MediaService;
	frontPage: FrontPageService;
	pages: PageService;
}

export function createServices(deps: {
	db: Db;
	adapter: DialectAdapter;
	clock: Clock;
	config: Pick<Config, "timeZone" | "dataDir" | "maxUploadBytes">;
	defaultLanguage?: string;
	/** Where changes announce the surrogate keys of the pages they affect; page caches listen. */
	purge?: PurgeBus;
}): Services {
	const onChange = (keys: readonly string[]) => deps.purge?.publish(keys);
	const articles = new ArticleService({
		db: deps.db,
		adapter: deps.adapter,
		clock: deps.clock,
		timeZone: deps.config.timeZone,
		defaultLanguage: deps.defaultLanguage ?? "en",
		onChange,
	});
	return {
		articles,
		search: new SearchService({
			db: deps.db,
			adapter: deps.adapter,
			clock: deps.clock,
			articles,
			...(deps.purge ? { purge: deps.purge } : {}),
		}),
		sections: new SectionService({ db: deps.db, clock: deps.clock, onChange }),
		people: new PersonService({ db: deps.db, clock: deps.clock }),
		tags: new TagService(deps.db, onChange),
		settings: new SettingsService(deps.db, onChange),
		syndication: new SyndicationService({ db: deps.db, clock: deps.clock }),
		media: new MediaService({
			db: deps.db,
			clock: deps.clock,
			dataDir: deps.config.dataDir,
			maxUploadBytes: deps.config.maxUploadBytes,
		}),
		pages: new PageService({ db: deps.db }),
		frontPage: new FrontPageService({
			db: deps.db,
			clock: deps.clock,
			audit: new AuditLog({ db: deps.db, clock: deps.clock }),
			onChange,
		}),
	};
}
