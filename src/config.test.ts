import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { isAppError } from "./errors.js";

function configError(env: Record<string, string>): string {
	try {
		loadConfig(env);
	} catch (error) {
		if (isAppError(error, "ERR_CONFIG_INVALID")) return error.message;
		throw error;
	}
	throw new Error("expected loadConfig to fail");
}

describe("loadConfig", () => {
	it("has defaults for a fresh checkout", () => {
		const config = loadConfig({});
		expect(config.port).toBe(3000);
		expect(config.publicUrl).toBe("http://localhost:3000");
		expect(config.dataDir.endsWith("/data")).toBe(true);
		expect(config.timeZone).toBe("UTC");
	});

	it("reads the variables and trims a trailing slash from the public URL", () => {
		const config = loadConfig({
			PORT: "8080",
			DATELINE_DATA_DIR: "/srv/dateline",
			DATELINE_PUBLIC_URL: "https://news.example.org/",
			DATELINE_TIMEZONE: "Asia/Kabul",
			DATELINE_LOG_LEVEL: "warn",
		});
		expect(config).toMatchObject({
			port: 8080,
			dataDir: "/srv/dateline",
			publicUrl: "https://news.example.org",
			timeZone: "Asia/Kabul",
			logLevel: "warn",
		});
	});

	it("names the variable and what it expects when a value is bad", () => {
		expect(configError({ PORT: "eighty" })).toContain('PORT="eighty" is not valid: expected a port number');
		expect(configError({ PORT: "70000" })).toContain("PORT");
		expect(configError({ DATELINE_TIMEZONE: "Mars/Olympus" })).toContain(
			'DATELINE_TIMEZONE="Mars/Olympus" is not valid: expected an IANA time zone',
		);
		expect(configError({ DATELINE_PUBLIC_URL: "news.example.org" })).toContain("DATELINE_PUBLIC_URL");
		expect(configError({ DATELINE_LOG_LEVEL: "loud" })).toContain("DATELINE_LOG_LEVEL");
	});
});
