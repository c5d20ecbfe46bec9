import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.js";

describe("password policy", () => {
	it("refuses short, common, padded-common, repetitive and sequential passwords", () => {
		expect(passwordProblem("short pass")).toContain("12 characters");
		expect(passwordProblem("password1234")).toContain("common passwords");
		expect(passwordProblem("Password2026!")).toContain("common word");
		expect(passwordProblem("!!Kabul1234!")).toContain("common word");
		expect(passwordProblem("aaaaaaaaaaaaaaab")).toContain("too few");
		expect(passwordProblem("qwertyuiop-zz7")).toContain("sequence");
		expect(passwordProblem("farida.amiri-river-77", { email: "farida.amiri@example.org" })).toContain("email");
	});

	it("accepts a long passphrase", () => {
		expect(passwordProblem("correct horse battery staple")).toBeUndefined();
		expect(passwordProblem("نان گرم صبحگاهی کابل")).toBeUndefined();
	});
});

describe("password hashing", () => {
	it("verifies the right password only, with a salted scrypt hash", async () => {
		const first = await hashPassword("correct horse battery staple", 2 ** 10);
		const second = await hashPassword("correct horse battery staple", 2 ** 10);
		expect(first).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
		expect(first).not.toBe(second);
		expect(await verifyPassword("correct horse battery staple", first)).toBe(true);
		expect(await verifyPassword("correct horse battery stapler", first)).toBe(false);
		expect(await verifyPassword("anything", "md5$abc")).toBe(false);
	});
});
