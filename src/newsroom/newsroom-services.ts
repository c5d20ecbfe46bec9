import type { Clock } from "../clock.js";
import type { Db } from "../db/database.js";
import { AuditLog } from "./audit/audit-log.js";
import { AuthService } from "./sessions/auth-service.js";
import { LoginThrottle } from "./sessions/login-throttle.js";
import { SessionService } from "./sessions/session-service.js";
import { UserService } from "./users/user-service.js";

/** The newsroom's services over one database. */
export interface NewsroomServices {
	audit: AuditLog;
	users: UserService;
	sessions: SessionService;
	auth: AuthService;
}

export function createNewsroomServices(deps: { db: Db; clock: Clock; passwordCost?: number }): NewsroomServices {
	const audit = new AuditLog({ db: deps.db, clock: deps.clock });
	const users = new UserService({
		db: deps.db,
		clock: deps.clock,
		audit,
		...(deps.passwordCost ? { passwordCost: deps.passwordCost } : {}),
	});
	const sessions = new SessionService({ db: deps.db, clock: deps.clock });
	const throttle = new LoginThrottle({ db: deps.db, clock: deps.clock });
	return { audit, users, sessions, auth: new AuthService({ users, sessions, throttle, audit }) };
}
