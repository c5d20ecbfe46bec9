import { Command, InvalidArgumentError } from "commander";
import { systemClock } from "../clock.js";
import { seedDemo } from "../demo/seed-demo.js";
import { isAppError } from "../errors.js";
import { openSite, serve } from "../main.js";
import { createServices } from "../services.js";

function port(value: string): number {
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535)
		throw new InvalidArgumentError("expected a port number from 1 to 65535");
	return parsed;
}

/** Prints a start-up failure as one line and exits; anything unexpected keeps its stack. */
function fail(error: unknown): never {
	if (isAppError(error)) process.stderr.write(`dateline: ${error.code}: ${error.message}\n`);
	else process.stderr.write(`dateline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
}

const program = new Command()
	.name("dateline")
	.description("Dateline: a news publishing platform.")
	.showHelpAfterError();

program
	.command("serve")
	.description("serve the site (loads the demo newsroom on the first start of an empty site)")
	.option("--no-demo", "start empty, without the demo newsroom")
	.option("-p, --port <port>", "port to listen on (default: PORT or 3000)", port)
	.action(async (options: { demo: boolean; port?: number }) => {
		try {
			await serve({
				env: process.env,
				demo: options.demo,
				overrides: options.port ? { port: options.port } : {},
			});
		} catch (error) {
			fail(error);
		}
	});

program
	.command("init")
	.description("create the data directory and database, and run migrations")
	.action(async () => {
		try {
			const site = await openSite(process.env);
			const services = createServices({ ...site, clock: systemClock });
			if (!(await services.settings.initializedAt())) await services.settings.markInitialized(systemClock.now());
			await site.db.destroy();
			process.stdout.write(`Database ready in ${site.config.dataDir}\n`);
		} catch (error) {
			fail(error);
		}
	});

program
	.command("seed-demo")
	.description("load the demo newsroom into an empty site")
	.action(async () => {
		try {
			const site = await openSite(process.env);
			const services = createServices({ ...site, clock: systemClock });
			const count = await seedDemo(services, systemClock);
			if (!(await services.settings.initializedAt())) await services.settings.markInitialized(systemClock.now());
			await site.db.destroy();
			process.stdout.write(
				count > 0 ? `Loaded ${count} demo stories.\n` : "The site already has stories; the demo was not loaded.\n",
			);
		} catch (error) {
			fail(error);
		}
	});

await program.parseAsync(process.argv);
