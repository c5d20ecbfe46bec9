import { AppError } from "../errors.js";

/** Node's socket errors when a server cannot be reached or drops the connection. */
const SOCKET_CODES = new Set([
	"ECONNREFUSED",
	"ECONNRESET",
	"EPIPE",
	"ETIMEDOUT",
	"EHOSTUNREACH",
	"ENOTFOUND",
	"EAI_AGAIN",
]);
/** PostgreSQL's connection exceptions (class 08) and shutdown states (57P01–57P03). */
const POSTGRES_STATES = /^(08\d{3}|57P0[123])$/;
/** What pg says when a connection ends under a query. */
const DROPPED =
	/Connection terminated|connection error|terminating connection|the database system is (shutting down|starting up)/i;

/**
 * Whether `error` means the database is out of reach for now, rather than
 * that a query was wrong: a refused or dropped connection, or a server going
 * down or coming up. Such a request can be answered with 503 and tried again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
	for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === "string" && (SOCKET_CODES.has(code) || POSTGRES_STATES.test(code))) return true;
		if (DROPPED.test(current.message)) return true;
		// AggregateError (a host with several addresses) and wrapped causes.
		const inner = (current as { errors?: unknown[] }).errors?.[0] ?? current.cause;
		current = inner;
	}
	return false;
}

/** The error a request handler reports: ERR_DATABASE_UNAVAILABLE for an unreachable database, else `error` itself. */
export function asUnavailable(error: unknown): unknown {
	return isDatabaseUnavailable(error) ? new AppError("ERR_DATABASE_UNAVAILABLE", undefined, { cause: error }) : error;
}
