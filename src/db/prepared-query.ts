import type { Compilable, CompiledQuery } from "kysely";
import type { Db } from "./database.js";

/**
 * Leads the SQL of every prepared query. Its text never changes, so a dialect
 * may prepare it on the server once per connection (PostgreSQL does: see
 * dialects/postgres/open-postgres.ts); SQLite reads it as a comment.
 */
export const PREPARED_MARK = "/* prepared */ ";

/** Where a run's value goes in a compiled query: a named parameter of the caller's. */
class Slot {
	constructor(readonly name: string) {}
}

/** A compiled query and, for each of its parameters, the caller's name for it or the value fixed at build time. */
interface Compiled {
	query: CompiledQuery;
	parameters: readonly (Slot | { value: unknown })[];
}

/**
 * A query built and compiled by Kysely once per database, then run with new
 * values bound in the same places. Building a query and compiling it to SQL
 * costs more than running a short indexed one on SQLite; a reader page runs
 * the same few queries on every request, so those are prepared once.
 *
 * `build` receives the parameters as stand-ins: each must reach the query as
 * one bound value (a `where` operand, a member of an `in` list, a `limit`, a
 * `sql` template value), never as a whole list or an identifier, since the SQL
 * text is fixed after the first run. A stand-in that is missing from the
 * compiled parameters is an error.
 */
export function preparedQuery<P extends Record<string, unknown>, O>(
	build: (db: Db, params: P) => Compilable<O>,
): (db: Db, values: P) => Promise<O[]> {
	const compiledFor = new WeakMap<Db, Compiled>();
	const compile = (db: Db): Compiled => {
		const slots = new Map<string, Slot>();
		const params = new Proxy({} as P, {
			get(_target, name) {
				if (typeof name !== "string") return undefined;
				let slot = slots.get(name);
				if (!slot) {
					slot = new Slot(name);
					slots.set(name, slot);
				}
				return slot;
			},
		});
		const built = build(db, params).compile();
		const query: CompiledQuery = { ...built, sql: `${PREPARED_MARK}${built.sql}` };
		const parameters = query.parameters.map((value) => (value instanceof Slot ? value : { value }));
		for (const slot of slots.values()) {
			if (!parameters.includes(slot))
				throw new Error(`preparedQuery: "${slot.name}" is not a bound parameter of: ${query.sql}`);
		}
		return { query, parameters };
	};
	return async (db, values) => {
		let compiled = compiledFor.get(db);
		if (!compiled) {
			compiled = compile(db);
			compiledFor.set(db, compiled);
		}
		const parameters = compiled.parameters.map((parameter) =>
			parameter instanceof Slot ? values[parameter.name] : parameter.value,
		);
		const result = await db.executeQuery<O>({ ...compiled.query, parameters });
		return result.rows;
	};
}
