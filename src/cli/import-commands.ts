import { existsSync, statSync } from "node:fs";
import type { Command } from "commander";
import { systemClock } from "../clock.js";
import { type ImportKind, type ImportReport, importWordPress } from "../import/wordpress/wordpress-import.js";
import { fail, importCommand, phasedProgress, UsageError, withSite } from "./cli-support.js";

const PLURALS: Record<ImportKind, string> = {
	author: "authors",
	category: "categories",
	tag: "tags",
	attachment: "attachments",
	post: "posts",
	page: "pages",
};

/** How many warnings the summary prints before saying how many more there are. */
const WARNINGS_SHOWN = 50;

function summary(report: ImportReport, seconds: number): string {
	const lines = [
		`${report.dryRun ? "Dry run (nothing was written)" : "Imported"} from ${report.source} in ${seconds.toFixed(1)} s:`,
	];
	for (const [kind, counts] of Object.entries(report.counts)) {
		lines.push(
			`  ${PLURALS[kind as ImportKind].padEnd(11)}  ${counts.imported} imported, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped`,
		);
	}
	lines.push(`  ${"redirects".padEnd(11)}  ${report.redirects} old addresses answer with 301`);
	const ignored = Object.entries(report.ignoredTypes);
	if (ignored.length > 0)
		lines.push(`  not imported: ${ignored.map(([type, count]) => `${count} ${type}`).join(", ")}`);
	if (report.comments > 0) lines.push(`  not imported: ${report.comments} comments (Dateline has none)`);
	const shortcodes = Object.entries(report.unknownShortcodes);
	if (shortcodes.length > 0)
		lines.push(`  shortcodes kept as text: ${shortcodes.map(([name, count]) => `[${name}] ×${count}`).join(", ")}`);
	if (report.warnings.length > 0) {
		lines.push(`Warnings (${report.warnings.length}):`);
		for (const warning of report.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`  ${warning.item}: ${warning.message}`);
		if (report.warnings.length > WARNINGS_SHOWN)
			lines.push(`  … and ${report.warnings.length - WARNINGS_SHOWN} more (use --json for all)`);
	}
	return `${lines.join("\n")}\n`;
}

/** `dateline import wordpress EXPORT.xml [--uploads DIR] [--dry-run]`. */
export function registerImportCommands(program: Command): void {
	importCommand(program)
		.command("wordpress")
		.description("import a WordPress export (WXR 1.0–1.2); running it again updates what changed")
		.argument("<file>", "the .xml file from WordPress's Tools → Export")
		.option("--uploads <dir>", "a copy of wp-content/uploads; without it, images are linked where they were")
		.option("--dry-run", "read and convert everything, write nothing, and report")
		.option("--json", "print the report as JSON instead of the summary")
		.action(async (file: string, options: { uploads?: string; dryRun?: boolean; json?: boolean }) => {
			try {
				if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file} is not a file.`);
				if (options.uploads && !(existsSync(options.uploads) && statSync(options.uploads).isDirectory()))
					throw new UsageError(`--uploads ${options.uploads} is not a directory.`);
				const started = Date.now();
				// Benchmarks read each phase's time off stderr.
				const phaseLog = process.env.DATELINE_IMPORT_PHASE_LOG === "1";
				let phaseStarted = Date.now();
				const bar = phasedProgress({
					nameWidth: 19,
					onPhase: (_next, previous) => {
						if (phaseLog && previous) process.stderr.write(`phase ${previous} ${Date.now() - phaseStarted} ms\n`);
						phaseStarted = Date.now();
					},
				});
				const report = await withSite(
					(site, services) =>
						importWordPress(
							{
								db: site.db,
								adapter: site.adapter,
								clock: systemClock,
								timeZone: site.config.timeZone,
								media: services.media,
							},
							{
								file,
								...(options.uploads ? { uploadsDir: options.uploads } : {}),
								dryRun: options.dryRun === true,
								onProgress: (phase, done, total) => bar.update(phase, done, total),
							},
						),
					{ changesSite: options.dryRun !== true },
				);
				bar.stop();
				const seconds = (Date.now() - started) / 1000;
				process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report, seconds));
			} catch (error) {
				fail(error);
			}
		});
}
