#!/usr/bin/env node
// Runs the compiled CLI; `npm install` builds it (the "prepare" script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(entry)) {
	process.stderr.write("dateline: the compiled code is missing; run `npm run build` first.\n");
	process.exit(1);
}
await import(entry);
