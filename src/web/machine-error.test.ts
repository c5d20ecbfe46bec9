import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { machineError } from "./machine-error.js";

describe("the answer to an error in a route read by programs", () => {
	it("keeps a client error's own code, and a framework's 4xx as a bad request", () => {
		expect(machineError(new AppError("ERR_TAG_NOT_FOUND", "No tag x."))).toMatchObject({
			status: 404,
			code: "ERR_TAG_NOT_FOUND",
			detail: "No tag x.",
		});
		const parse = Object.assign(new Error("Unexpected end of JSON"), { statusCode: 400 });
		expect(machineError(parse)).toMatchObject({ status: 400, code: "ERR_BAD_REQUEST", detail: undefined });
	});

	it("answers an unreachable database with 503, and anything else with 500 and no detail of ours", () => {
		const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
		expect(machineError(refused)).toMatchObject({ status: 503, code: "ERR_DATABASE_UNAVAILABLE" });
		expect(machineError(new TypeError("x is undefined"))).toMatchObject({ status: 500, code: "ERR_INTERNAL" });
		expect(machineError(new AppError("ERR_DATABASE_CORRUPT", "/data/dateline.sqlite"))).toMatchObject({
			status: 500,
			code: "ERR_INTERNAL",
		});
	});
});
