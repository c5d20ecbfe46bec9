import { randomBytes } from "node:crypto";
import pg from "pg";

/** A database of its own on the test PostgreSQL server, for tests that start Dateline processes on it. */
export interface TestPostgresDatabase {
	/** Its connection URL: the server's, with this database's name. */
	url: string;
	/** Drops it, ending any connection still open to it. */
	drop(): Promise<void>;
}

/** Creates a fresh database named `<prefix>_<random>` on the server of `serverUrl`. */
export async function createPostgresDatabase(serverUrl: string, prefix: string): Promise<TestPostgresDatabase> {
	const name = `${prefix}_${randomBytes(6).toString("hex")}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		},
	};
}
