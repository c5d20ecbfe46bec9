import path from "node:path";
import { z } from "zod";
import { AppError } from "./errors.js";

const timeZoneSchema = z.string().refine(
	(value) => {
		try {
			new Intl.DateTimeFormat("en", { timeZone: value });
			return true;
		} catch {
			return false;
		}
	},
	{ message: "an IANA time zone such as UTC or Asia/Kabul" },
);

/** A postgres:// or postgresql:// URL that names a host, or a socket directory as `?host=/run/postgresql`. */
function isPostgresUrl(value: string): boolean {
	try {
		const url = new URL(value);
		const host = url.hostname !== "" || url.searchParams.has("host");
		return (url.protocol === "postgres:" || url.protocol === "postgresql:") && host;
	} catch {
		return false;
	}
}

/** A rejected DATABASE_URL is quoted in the start-up error; its password must not be. */
function shownValue(name: string, value: string): string {
	if (name !== "DATABASE_URL") return value;
	return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, "$1***@");
}

const configSchema = z.object({
	DATELINE_DATA_DIR: z.string().min(1, "a directory path").default("./data"),
	PORT: z.coerce
		.number({ message: "a port number from 1 to 65535" })
		.int("a whole port number")
		.min(1, "a port number from 1 to 65535")
		.max(65535, "a port number from 1 to 65535")
		.default(3000),
	DATELINE_HOST: z.string().min(1, "a host name or address").default("0.0.0.0"),
	DATELINE_PUBLIC_URL: z
		.url({
			message: "an absolute http(s) URL such as https://news.example.org",
		})
		.refine((value) => /^https?:\/\//.test(value), {
			message: "an http or https URL",
		})
		.optional(),
	DATELINE_TIMEZONE: timeZoneSchema.default("UTC"),
	DATELINE_MAX_UPLOAD_MB: z.coerce
		.number({ message: "a size in megabytes, such as 20" })
		.positive("a size in megabytes greater than 0")
		.max(1024, "a size in megabytes of at most 1024")
		.default(20),
	DATELINE_PAGE_CACHE: z.enum(["on", "off"], { message: "on or off" }).default("on"),
	DATELINE_PAGE_CACHE_MB: z.coerce
		.number({ message: "a size in megabytes, such as 64" })
		.positive("a size in megabytes greater than 0")
		.max(65536, "a size in megabytes of at most 65536")
		.default(64),
	DATELINE_CACHE_CONTROL: z
		.string()
		.min(1, "a Cache-Control value")
		.default("public, max-age=60, s-maxage=300, stale-while-revalidate=86400"),
	DATELINE_SCHEDULER_INTERVAL_MS: z.coerce
		.number({ message: "milliseconds between checks for due stories, such as 10000" })
		.int("a whole number of milliseconds")
		.min(100, "at least 100 milliseconds")
		.max(30_000, "at most 30000 milliseconds, so due stories go out within 30 s")
		.default(10_000),
	DATELINE_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
	DATABASE_URL: z
		.string()
		.refine(isPostgresUrl, { message: "a PostgreSQL URL such as postgres://user:password@host:5432/dateline" })
		.optional(),
});

/** Dateline's settings that come from the environment, parsed once at start-up. */
export interface Config {
	dataDir: string;
	port: number;
	host: string;
	publicUrl: string;
	timeZone: string;
	/** Rendered public pages kept in memory, up to this many bytes; 0 turns the page cache off. */
	pageCacheBytes: number;
	/** Cache-Control of public pages, for browsers and CDNs. */
	cacheControl: string;
	/** How often each node looks for scheduled stories that are due. */
	schedulerIntervalMs: number;
	/** The largest media upload accepted, in bytes. */
	maxUploadBytes: number;
	logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
	/** PostgreSQL instead of the SQLite file in `dataDir`, when DATABASE_URL is set. */
	databaseUrl?: string;
}

/** Parses the environment; a bad value throws ERR_CONFIG_INVALID naming the variable and what it expects. */
export function loadConfig(env: Record<string, string | undefined>): Config {
	const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
	const parsed = configSchema.safeParse(present);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((issue) => {
			const name = String(issue.path[0] ?? "environment");
			return `${name}=${JSON.stringify(shownValue(name, env[name] ?? ""))} is not valid: expected ${issue.message}`;
		});
		throw new AppError("ERR_CONFIG_INVALID", lines.join("; "));
	}
	const values = parsed.data;
	const port = values.PORT;
	return {
		dataDir: path.resolve(values.DATELINE_DATA_DIR),
		port,
		host: values.DATELINE_HOST,
		publicUrl: (values.DATELINE_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ""),
		timeZone: values.DATELINE_TIMEZONE,
		maxUploadBytes: Math.round(values.DATELINE_MAX_UPLOAD_MB * 1024 * 1024),
		pageCacheBytes: values.DATELINE_PAGE_CACHE === "off" ? 0 : Math.round(values.DATELINE_PAGE_CACHE_MB * 1024 * 1024),
		cacheControl: values.DATELINE_CACHE_CONTROL,
		schedulerIntervalMs: values.DATELINE_SCHEDULER_INTERVAL_MS,
		logLevel: values.DATELINE_LOG_LEVEL,
		...(values.DATABASE_URL === undefined ? {} : { databaseUrl: values.DATABASE_URL }),
	};
}
