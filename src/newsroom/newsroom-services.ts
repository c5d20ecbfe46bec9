import type { Clock } from "../clock.js";
import type { ArticleService } from "../content/articles/article-service.js";
import type { Db } from "../db/database.js";
import type { DialectAdapter } from "../db/dialects/dialect.js";
import { AuditLog } from "./audit/audit-log.js";
import { Scheduler, type SchedulerLogger } from "./scheduling/scheduler.js";
import { AuthService } from "./sessions/auth-service.js";
import { LoginThrottle } from "./sessions/login-throttle.js";
import { SessionService } from "./sessions/session-service.js";
import { NewsroomStoryService } from "./stories/story-service.js";
import { PasswordLinkService } from "./users/password-link-service.js";
import { UserService } from "./users/user-service.js";

/** The newsroom's services over one database. */
export interface NewsroomServices {
	audit: AuditLog;
	users: UserService;
	passwordLinks: PasswordLinkService;
	sessions: SessionService;
	auth: AuthService;
	stories: NewsroomStoryService;
	scheduler: Scheduler;
}

export function createNewsroomServices(deps: {
	db: Db;
	adapter: DialectAdapter;
	clock: Clock;
	articles: ArticleService;
	timeZone: string;
	passwordCost?: number;
	logger?: SchedulerLogger;
}): NewsroomServices {
	const audit = new AuditLog({ db: deps.db, clock: deps.clock });
	const accounts = {
		db: deps.db,
		clock: deps.clock,
		audit,
		...(deps.passwordCost ? { passwordCost: deps.passwordCost } : {}),
	};
	const users = new UserService(accounts);
	const sessions = new SessionService({ db: deps.db, clock: deps.clock });
	const throttle = new LoginThrottle({ db: deps.db, clock: deps.clock });
	return {
		audit,
		users,
		passwordLinks: new PasswordLinkService(accounts),
		sessions,
		auth: new AuthService({ users, sessions, throttle, audit }),
		stories: new NewsroomStoryService({
			db: deps.db,
			adapter: deps.adapter,
			clock: deps.clock,
			articles: deps.articles,
			audit,
			timeZone: deps.timeZone,
		}),
		scheduler: new Scheduler({
			db: deps.db,
			clock: deps.clock,
			articles: deps.articles,
			audit,
			...(deps.logger ? { logger: deps.logger } : {}),
		}),
	};
}
