import { asUnavailable } from "../db/database-unavailable.js";
import { type ErrorCode, isAppError } from "../errors.js";

/** How a route read by programs (feeds, sitemaps, the API) answers an error. */
export interface MachineError {
	/** What was thrown, with an unreachable database as ERR_DATABASE_UNAVAILABLE. */
	error: unknown;
	status: number;
	code: ErrorCode;
	detail: string | undefined;
}

/**
 * The answer for an error thrown in a route read by programs: a client error
 * stays one (an AppError's own code, else ERR_BAD_REQUEST), an unreachable
 * database is 503, and anything else is 500 ERR_INTERNAL: our fault.
 */
export function machineError(raw: unknown): MachineError {
	const error = asUnavailable(raw);
	const given = isAppError(error) ? error.status : (error as { statusCode?: unknown }).statusCode;
	const status = typeof given === "number" && ((given >= 400 && given < 500) || given === 503) ? given : 500;
	// An error of ours (a 500) is named only as such: its code and detail may name files or hosts.
	if (status === 500) return { error, status, code: "ERR_INTERNAL", detail: undefined };
	if (isAppError(error)) return { error, status, code: error.code, detail: error.detail };
	return { error, status, code: "ERR_BAD_REQUEST", detail: undefined };
}
