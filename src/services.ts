import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import { ArticleService } from "./content/articles/article-service.js";
import { PersonService } from "./content/people/person-service.js";
import { SectionService } from "./content/sections/section-service.js";
import { SettingsService } from "./content/settings/settings-service.js";
import { TagService } from "./content/tags/tag-service.js";
import type { Db } from "./db/database.js";
import type { DialectAdapter } from "./db/dialects/dialect.js";

/** Every service of the content domain, wired to one database. */
export interface Services {
	articles: ArticleService;
	sections: SectionService;
	people: PersonService;
	tags: TagService;
	settings: SettingsService;
}

export function createServices(deps: {
	db: Db;
	adapter: DialectAdapter;
	clock: Clock;
	config: Pick<Config, "timeZone">;
	defaultLanguage?: string;
}): Services {
	return {
		articles: new ArticleService({
			db: deps.db,
			adapter: deps.adapter,
			clock: deps.clock,
			timeZone: deps.config.timeZone,
			defaultLanguage: deps.defaultLanguage ?? "en",
		}),
		sections: new SectionService({ db: deps.db, clock: deps.clock }),
		people: new PersonService({ db: deps.db, clock: deps.clock }),
		tags: new TagService(deps.db),
		settings: new SettingsService(deps.db),
	};
}
