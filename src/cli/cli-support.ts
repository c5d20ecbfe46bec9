import { Presets, SingleBar } from "cli-progress";
import { type Command, InvalidArgumentError } from "commander";
import { notifySiteChanged } from "../cache/postgres-purge-relay.js";
import { systemClock } from "../clock.js";
import { isAppError } from "../errors.js";
import { type OpenedSite, openSite } from "../main.js";
import { createNewsroomServices, type NewsroomServices } from "../newsroom/newsroom-services.js";
import { createServices, type Services } from "../services.js";

/** A mistake in how the command was used, printed as one line without a code or a stack. */
export class UsageError extends Error {}

/** Prints a failure as one line and exits; anything unexpected keeps its stack. */
export function fail(error: unknown): never {
	if (isAppError(error)) process.stderr.write(`dateline: ${error.code}: ${error.message}\n`);
	else if (error instanceof UsageError) process.stderr.write(`dateline: ${error.message}\n`);
	else process.stderr.write(`dateline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
}

/** Opens the site's database with the newsroom's services, runs `work`, and closes the database. */
export async function withNewsroom<T>(work: (newsroom: NewsroomServices, site: OpenedSite) => Promise<T>): Promise<T> {
	const site = await openSite(process.env);
	try {
		const services = createServices({ ...site, clock: systemClock });
		return await work(
			createNewsroomServices({
				...site,
				clock: systemClock,
				articles: services.articles,
				timeZone: site.config.timeZone,
			}),
			site,
		);
	} finally {
		await site.db.destroy();
	}
}

export function positiveInteger(value: string): number {
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError("expected a whole number from 1");
	return parsed;
}

/**
 * Opens the site (migrating its database) with its content services, runs
 * `work`, and closes the database. With `changesSite`, running servers are
 * told afterwards to drop their cached pages: on PostgreSQL through the purge
 * channel; on SQLite they notice the file changed by themselves.
 */
export async function withSite<T>(
	work: (site: OpenedSite, services: Services) => Promise<T>,
	options: { changesSite?: boolean } = {},
): Promise<T> {
	const site = await openSite(process.env);
	try {
		const result = await work(site, createServices({ ...site, clock: systemClock }));
		if (options.changesSite) {
			await site.adapter.afterBulkLoad(site.db);
			if (site.adapter.name === "postgres") await notifySiteChanged(site.db);
		}
		return result;
	} finally {
		await site.db.destroy();
	}
}

/** The parent command `name` ("export", "import"), made on first use, so each module can add its own subcommands. */
function commandGroup(program: Command, name: string, description: string): Command {
	return program.commands.find((command) => command.name() === name) ?? program.command(name).description(description);
}

/** The `export` parent command: `export json` and `export static` hang from it. */
export function exportCommand(program: Command): Command {
	return commandGroup(program, "export", "write the site's content out of Dateline");
}

/** The `import` parent command: `import json` and `import wordpress` hang from it. */
export function importCommand(program: Command): Command {
	return commandGroup(program, "import", "bring content in from another system or a Dateline export");
}

/** A long job's progress, reported phase by phase. */
export interface PhasedProgress {
	update(phase: string, done: number, total: number): void;
	stop(): void;
}

/**
 * One progress bar per phase, on a terminal's stderr (nothing when stderr is
 * not a terminal). `onPhase` hears each change of phase, with the phase that
 * ends, and once more with `undefined` when the job stops.
 */
export function phasedProgress(options: {
	/** The width the phase's name is padded to, so the bars line up. */
	nameWidth: number;
	onPhase?: (next: string | undefined, previous: string | undefined) => void;
}): PhasedProgress {
	const bar = new SingleBar(
		{ format: "{phase} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}", hideCursor: true },
		Presets.shades_classic,
	);
	let current: string | undefined;
	return {
		update(phase, done, total) {
			const shownTotal = Math.max(total, done, 1);
			const payload = { phase: phase.padEnd(options.nameWidth) };
			if (phase !== current) {
				options.onPhase?.(phase, current);
				if (current) bar.stop();
				current = phase;
				bar.start(shownTotal, done, payload);
			} else {
				bar.setTotal(shownTotal);
				bar.update(done, payload);
			}
		},
		stop() {
			if (!current) return;
			bar.stop();
			options.onPhase?.(undefined, current);
			current = undefined;
		},
	};
}
