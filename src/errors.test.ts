import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError, errorCatalog, isAppError } from "./errors.js";

describe("error catalog", () => {
	it("documents every code in docs/errors.md with its status", () => {
		const doc = fs.readFileSync(new URL("../docs/errors.md", import.meta.url), "utf8");
		for (const [code, entry] of Object.entries(errorCatalog)) {
			expect(doc, code).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${entry.status}\\s*\\|`));
		}
	});

	it("gives each error its catalog status, and a detail after the message", () => {
		const error = new AppError("ERR_SLUG_TAKEN", '"kabul" is taken.');
		expect(error.status).toBe(409);
		expect(error.message).toBe('Another item already uses this slug. "kabul" is taken.');
		expect(isAppError(error, "ERR_SLUG_TAKEN")).toBe(true);
		expect(isAppError(error, "ERR_NOT_FOUND")).toBe(false);
		expect(isAppError(new Error("x"))).toBe(false);
	});
});
