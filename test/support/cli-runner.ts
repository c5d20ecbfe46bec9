import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "bin/dateline.js");

/** The compiled CLI must exist: `npm test` builds it; run `npm run build` before running a file alone. */
export function requireBuiltCli(): void {
	if (!fs.existsSync(path.join(root, "dist/cli/main.js")))
		throw new Error("dist/ is missing: `npm test` builds it; run `npm run build` before running this file alone.");
}

export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const { PORT: _port, DATELINE_DATA_DIR: _dir, DATELINE_PUBLIC_URL: _url, DATABASE_URL: _db, ...rest } = process.env;
	return { ...rest, DATELINE_LOG_LEVEL: "warn", ...extra };
}

export interface CliResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** Starts `dateline ARGS`; `done` resolves when it exits, `output()` is what it printed so far. `input`, when given, is piped to its standard input. */
export function startCli(
	args: string[],
	env: Record<string, string>,
	input?: string,
): { child: ChildProcess; done: Promise<CliResult>; stdout: () => string } {
	const child = spawn(process.execPath, [bin, ...args], { env: cliEnv(env), cwd: root });
	if (input !== undefined) child.stdin.end(input);
	let stdout = "";
	let stderr = "";
	// Decoded as a stream: a character split between two chunks stays whole.
	child.stdout.setEncoding("utf8");
	child.stderr.setEncoding("utf8");
	child.stdout.on("data", (chunk) => {
		stdout += chunk;
	});
	child.stderr.on("data", (chunk) => {
		stderr += chunk;
	});
	const done = new Promise<CliResult>((resolve, reject) => {
		child.on("error", reject);
		child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
	});
	return { child, done, stdout: () => stdout };
}

/** Runs `dateline ARGS` to completion; `input`, when given, is piped to its standard input. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
	return startCli(args, env, input).done;
}

/** Runs `dateline ARGS` and returns what it printed; fails, with its stderr, if it exits with an error. */
export async function runCliOrThrow(args: string[], env: Record<string, string>, input?: string): Promise<string> {
	const result = await runCli(args, env, input);
	if (result.code !== 0) throw new Error(`dateline ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
	return result.stdout;
}

/** Polls until `check` is true; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
}

/** A `dateline serve` process, started on a free port and answering. */
export interface ServeProcess {
	url: string;
	port: number;
	child: ChildProcess;
	/** What it printed on standard output so far. */
	output: () => string;
}

/** Starts `dateline serve ARGS` (default `--no-demo`) with `env` on a free port and waits until it says it is serving. */
export async function startServe(env: Record<string, string>, args: string[] = ["--no-demo"]): Promise<ServeProcess> {
	const port = await freePort();
	const run = startCli(["serve", ...args], { ...env, PORT: String(port), DATELINE_HOST: "127.0.0.1" });
	const exited = run.done.then((result) => {
		throw new Error(`dateline serve exited ${result.code}:\n${result.stdout}${result.stderr}`);
	});
	const serving = waitFor(() => run.stdout().includes("Dateline is serving"), "dateline serve to start", 30_000);
	await Promise.race([serving, exited]);
	exited.catch(() => undefined);
	return { url: `http://127.0.0.1:${port}`, port, child: run.child, output: run.stdout };
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() =>
				typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
			);
		});
	});
}
