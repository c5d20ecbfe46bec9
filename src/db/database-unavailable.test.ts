import { describe, expect, it } from "vitest";
import { isAppError } from "../errors.js";
import { asUnavailable, isDatabaseUnavailable } from "./database-unavailable.js";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("telling an unreachable database from a failed query", () => {
	it("recognises refused and dropped connections and a server shutting down", () => {
		expect(isDatabaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
		expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
		expect(isDatabaseUnavailable(withCode("terminating connection due to administrator command", "57P01"))).toBe(true);
		expect(isDatabaseUnavailable(withCode("the database system is starting up", "57P03"))).toBe(true);
		expect(isDatabaseUnavailable(withCode("connection failure", "08006"))).toBe(true);
		// A host name with several addresses fails with one error per address.
		const aggregate = new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], "");
		expect(isDatabaseUnavailable(aggregate)).toBe(true);
		expect(isDatabaseUnavailable(new Error("wrapped", { cause: withCode("reset", "ECONNRESET") }))).toBe(true);
	});

	it("leaves query errors and other failures alone", () => {
		expect(isDatabaseUnavailable(withCode('syntax error at or near "SELEC"', "42601"))).toBe(false);
		expect(isDatabaseUnavailable(withCode("duplicate key value", "23505"))).toBe(false);
		expect(isDatabaseUnavailable(new Error("SQLITE_CONSTRAINT: UNIQUE constraint failed"))).toBe(false);
		expect(isDatabaseUnavailable("not an error")).toBe(false);
	});

	it("turns only an unreachable database into ERR_DATABASE_UNAVAILABLE", () => {
		const refused = withCode("connect ECONNREFUSED", "ECONNREFUSED");
		const converted = asUnavailable(refused);
		expect(isAppError(converted, "ERR_DATABASE_UNAVAILABLE")).toBe(true);
		expect((converted as Error).cause).toBe(refused);
		const other = new Error("boom");
		expect(asUnavailable(other)).toBe(other);
	});
});
