import path from "node:path";
import { Presets, SingleBar } from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { buildApp } from "../app.js";
import { systemClock } from "../clock.js";
import { AppError } from "../errors.js";
import { describeProblem, verifyMirror } from "../portability/static-mirror/mirror-manifest.js";
import { exportStaticMirror, type FailedAddress } from "../portability/static-mirror/static-export.js";
import { exportCommand, fail, positiveInteger, withSite } from "./cli-support.js";

/** An absolute http(s) URL to serve the mirror from; it becomes the start of every absolute link. */
function baseUrl(value: string): string {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new InvalidArgumentError("expected an absolute URL such as https://mirror.example.org/");
	}
	if (url.protocol !== "http:" && url.protocol !== "https:")
		throw new InvalidArgumentError("expected an http or https URL");
	if (url.username || url.password || url.search || url.hash)
		throw new InvalidArgumentError("expected a URL without a user, query or fragment");
	// Written into attributes and JSON as it is: keep to characters that need no escaping there.
	if (/["'<>\\&\s]/.test(url.href)) throw new InvalidArgumentError("expected a URL without quotes, <, >, & or spaces");
	return url.href.replace(/\/+$/, "");
}

function megabytes(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** At most `limit` addresses, one a line, and how many more there were. */
function listAddresses(title: string, addresses: readonly FailedAddress[], limit = 20): string {
	const lines = addresses
		.slice(0, limit)
		.map(
			(address) =>
				`  ${address.status ?? "error"} ${address.url} (linked from ${address.from})${address.reason ? `: ${address.reason}` : ""}\n`,
		);
	const more = addresses.length > limit ? `  … and ${addresses.length - limit} more\n` : "";
	return `${title} (${addresses.length}):\n${lines.join("")}${more}`;
}

/** `dateline export static DIR` and `dateline verify-mirror DIR`. */
export function registerMirrorCommands(program: Command): void {
	exportCommand(program)
		.command("static")
		.description("write the public site as static files for a mirror (only changed files are rewritten)")
		.argument("<dir>", "the mirror's directory: empty, missing, or an earlier mirror")
		.option("--base-url <url>", "where the mirror is served; absolute links are rewritten to it", baseUrl)
		.option("--file-links", "rewrite links to relative file links (…/index.html), to read the mirror from disk")
		.option("--max-pages <n>", "stop after this many addresses (the mirror is then incomplete)", positiveInteger)
		.action(async (dir: string, options: { baseUrl?: string; fileLinks?: boolean; maxPages?: number }) => {
			try {
				const started = Date.now();
				const result = await withSite(async (site) => {
					// No page cache: every page is read once, so compressing it for the cache would be wasted.
					const app = await buildApp({
						...site,
						config: {
							...site.config,
							pageCacheBytes: 0,
							logLevel: site.config.logLevel === "silent" ? "silent" : "error",
						},
						clock: systemClock,
					});
					const bar = new SingleBar(
						{ format: "export [{bar}] {value}/{total} addresses | {duration_formatted}", hideCursor: true },
						Presets.shades_classic,
					);
					bar.start(1, 0);
					try {
						return await exportStaticMirror({
							app,
							publicUrl: site.config.publicUrl,
							dir,
							...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
							fileLinks: options.fileLinks === true,
							...(options.maxPages ? { maxPages: options.maxPages } : {}),
							clock: systemClock,
							onProgress: ({ done, found }) => {
								bar.setTotal(found);
								bar.update(done);
							},
						});
					} finally {
						bar.stop();
						await app.close();
					}
				});
				const seconds = ((Date.now() - started) / 1000).toFixed(1);
				process.stdout.write(
					`Mirrored ${result.addresses} addresses into ${result.files} files (${megabytes(result.bytes)}) in ${path.resolve(dir)} in ${seconds} s: ${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed.\n`,
				);
				if (result.broken.length > 0) process.stderr.write(listAddresses("Broken links on the site", result.broken));
				if (result.skipped.length > 0)
					process.stdout.write(
						`Not mirrored: ${result.skipped.length} addresses (a query string, or no file name fits).\n`,
					);
				if (!result.complete) {
					if (result.failed.length > 0) process.stderr.write(listAddresses("Failed", result.failed));
					throw new AppError(
						"ERR_MIRROR_INCOMPLETE",
						result.limitReached
							? `The crawl stopped at --max-pages ${options.maxPages}.`
							: `${result.failed.length} addresses failed (listed above).`,
					);
				}
			} catch (error) {
				fail(error);
			}
		});

	program
		.command("verify-mirror")
		.description("check a static mirror against its manifest: missing, changed and extra files")
		.argument("<dir>", "the mirror's directory")
		.action(async (dir: string) => {
			try {
				const { files, problems } = await verifyMirror(path.resolve(dir));
				if (problems.length === 0) {
					process.stdout.write(`The mirror matches its manifest: ${files} files.\n`);
					return;
				}
				for (const problem of problems) process.stdout.write(`${describeProblem(problem)}\n`);
				process.exitCode = 1;
			} catch (error) {
				fail(error);
			}
		});
}
