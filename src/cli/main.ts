import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { Command, InvalidArgumentError, Option } from "commander";
import { systemClock } from "../clock.js";
import type { Role } from "../db/database.js";
import { seedDemo } from "../demo/seed-demo.js";
import { seedSynthetic } from "../demo/seed-synthetic.js";
import { keepHeapNearLive } from "../heap.js";
import { openSite, serve } from "../main.js";
import { type Actor, ROLES } from "../newsroom/roles/access.js";
import { passwordLinkPath } from "../newsroom/users/password-link-service.js";
import { createServices } from "../services.js";
import { fail, phasedProgress, positiveInteger, UsageError, withNewsroom } from "./cli-support.js";
import { registerImportCommands } from "./import-commands.js";
import { registerMirrorCommands } from "./mirror-commands.js";
import { registerPortabilityCommands } from "./portability-commands.js";

function port(value: string): number {
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535)
		throw new InvalidArgumentError("expected a port number from 1 to 65535");
	return parsed;
}

/** Everything piped to standard input; the line break that ends it is not part of the password. */
async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
	return Buffer.concat(chunks)
		.toString("utf8")
		.replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed; the prompt goes to stderr so stdout stays clean. */
async function askHidden(question: string): Promise<string> {
	let muted = false;
	const output = new Writable({
		write(chunk: Buffer | string, _encoding, callback) {
			if (!muted) process.stderr.write(chunk);
			callback();
		},
	});
	const prompt = createInterface({ input: process.stdin, output, terminal: true });
	prompt.on("SIGINT", () => {
		prompt.close();
		process.stderr.write("\n");
		process.exit(130);
	});
	try {
		const answer = prompt.question(question);
		muted = true;
		return await answer;
	} finally {
		prompt.close();
		process.stderr.write("\n");
	}
}

/** The new account's password: piped in with --password-stdin, or typed twice at a terminal. */
async function readNewPassword(fromStdin: boolean): Promise<string> {
	if (fromStdin) return readStdin();
	const first = await askHidden("Password (at least 12 characters): ");
	const second = await askHidden("The same password again: ");
	if (first !== second) throw new UsageError("the two passwords do not match; no account was added.");
	return first;
}

/**
 * Whoever runs the command line already holds the site's files, so it acts
 * with an admin's rights. It is used only for access checks that write
 * nothing; account creation passes `null`, as the service asks.
 */
const operator: Actor = { id: 0, role: "admin", personId: null };

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
			keepHeapNearLive();
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

program
	.command("seed-synthetic")
	.description("fill an empty site with a generated archive for benchmarks (related stories computed)")
	.requiredOption("--articles <n>", "how many stories to generate", positiveInteger)
	.option("--seed <n>", "the same seed gives the same archive", positiveInteger)
	.action(async (options: { articles: number; seed?: number }) => {
		try {
			const site = await openSite(process.env);
			const services = createServices({ ...site, clock: systemClock });
			if ((await services.articles.countAll()) > 0)
				throw new UsageError("the site already has stories; seed an empty data directory.");
			const bar = phasedProgress({ nameWidth: 8 });
			const started = Date.now();
			const result = await seedSynthetic(
				{ db: site.db, adapter: site.adapter, clock: systemClock },
				{
					articles: options.articles,
					...(options.seed ? { seed: options.seed } : {}),
					onProgress: (done, total, phase) => bar.update(phase, done, total),
				},
			);
			bar.stop();
			if (!(await services.settings.initializedAt())) await services.settings.markInitialized(systemClock.now());
			await site.db.destroy();
			process.stdout.write(
				`Generated ${result.articles} stories, ${result.sections} sections, ${result.authors} authors, ${result.tags} tags and ${result.relatedRows} related links in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
			);
		} catch (error) {
			fail(error);
		}
	});

const user = program.command("user").description("manage newsroom accounts");

user
	.command("add")
	.description("add a newsroom account (the password is asked for, or piped in with --password-stdin)")
	.requiredOption("--email <email>", "the email address the account logs in with")
	.addOption(new Option("--role <role>", "what the account may do").choices(ROLES).makeOptionMandatory())
	.option("--name <name>", "the name shown in the newsroom (default: the part of the email before @)")
	.option("--password-stdin", "read the password from standard input, e.g. `echo '…' | dateline user add …`")
	.action(async (options: { email: string; role: Role; name?: string; passwordStdin?: boolean }) => {
		try {
			const fromStdin = options.passwordStdin === true;
			if (!fromStdin && !process.stdin.isTTY)
				throw new UsageError("there is no terminal to ask for the password; pipe it in with --password-stdin.");
			const added = await withNewsroom(async (newsroom) =>
				newsroom.users.create(null, {
					email: options.email,
					displayName: options.name ?? "",
					role: options.role,
					password: await readNewPassword(fromStdin),
				}),
			);
			process.stdout.write(`Added ${added.email} as ${added.role}.\n`);
		} catch (error) {
			fail(error);
		}
	});

user
	.command("password-link")
	.description("print a one-time link (good for 72 hours) with which the account sets its password")
	.requiredOption("--email <email>", "the account's email address")
	.action(async (options: { email: string }) => {
		try {
			const url = await withNewsroom(async (newsroom, site) => {
				const email = options.email.trim().toLowerCase();
				const account = (await newsroom.users.list(operator)).find((u) => u.email === email);
				if (!account) throw new UsageError(`there is no account with the email ${email}.`);
				const { token } = await newsroom.passwordLinks.issue(null, account.id);
				return `${site.config.publicUrl}${passwordLinkPath(token)}`;
			});
			process.stdout.write(
				`${url}\nIt works once, for 72 hours. Anyone holding it can set the password: send it privately.\n`,
			);
		} catch (error) {
			fail(error);
		}
	});

user
	.command("list")
	.description("list the newsroom accounts: email, role and name")
	.action(async () => {
		try {
			const users = await withNewsroom((newsroom) => newsroom.users.list(operator));
			if (users.length === 0) {
				process.stdout.write("There are no accounts yet; add one with `dateline user add`.\n");
				return;
			}
			const emailWidth = Math.max(...users.map((u) => u.email.length));
			const roleWidth = Math.max(...users.map((u) => u.role.length));
			for (const u of users) {
				const name = u.disabled ? `${u.displayName} (disabled)` : u.displayName;
				process.stdout.write(`${u.email.padEnd(emailWidth)}  ${u.role.padEnd(roleWidth)}  ${name}\n`);
			}
		} catch (error) {
			fail(error);
		}
	});

registerImportCommands(program);
registerMirrorCommands(program);
registerPortabilityCommands(program);

await program.parseAsync(process.argv);
