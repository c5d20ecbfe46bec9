import { AppError } from "../../errors.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { User, UserService } from "../users/user-service.js";
import type { LoginThrottle } from "./login-throttle.js";
import type { SessionService, SessionTokens } from "./session-service.js";

/** Logging in and out: throttling, credential checks, and a fresh session on every login. */
export class AuthService {
	constructor(
		private readonly deps: { users: UserService; sessions: SessionService; throttle: LoginThrottle; audit: AuditLog },
	) {}

	/**
	 * Logs in. A session presented with the login (`previousToken`) is ended, so
	 * a token planted before login is worthless after it.
	 */
	async login(input: {
		email: string;
		password: string;
		address: string;
		userAgent: string;
		previousToken?: string;
	}): Promise<{ user: User; session: SessionTokens }> {
		await this.deps.throttle.check(input.email, input.address);
		const user = await this.deps.users.verifyCredentials(input.email, input.password);
		if (!user) {
			await this.deps.throttle.recordFailure(input.email, input.address);
			throw new AppError("ERR_LOGIN_FAILED");
		}
		await this.deps.throttle.recordSuccess(input.email);
		if (input.previousToken) await this.deps.sessions.end(input.previousToken);
		const session = await this.deps.sessions.create(user.id, input.userAgent);
		await this.deps.audit.record({
			userId: user.id,
			action: "session.login",
			subjectType: "session",
			subjectId: user.id,
		});
		return { user, session };
	}

	async logout(token: string): Promise<void> {
		await this.deps.sessions.end(token);
	}

	/** Ends every session of the user, this one included. */
	async logoutEverywhere(userId: number): Promise<number> {
		const ended = await this.deps.sessions.endAll(userId);
		await this.deps.audit.record({
			userId,
			action: "session.logout_everywhere",
			subjectType: "session",
			subjectId: userId,
			detail: { ended },
		});
		return ended;
	}
}
