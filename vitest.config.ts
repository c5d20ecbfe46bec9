import { defineConfig } from "vitest/config";

export default defineConfig({
	test: {
		include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: "forks",
	},
	oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
});
