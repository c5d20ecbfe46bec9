import { z } from "zod";
import type { Clock } from "../../clock.js";
import type { Db, Role } from "../../db/database.js";
import { AppError } from "../../errors.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { Actor } from "../roles/access.js";
import { canManageUsers, ROLES } from "../roles/access.js";
import { DEFAULT_COST, hashPassword, passwordProblem, verifyPassword } from "./passwords.js";

/** A newsroom account as the rest of the code sees it; never carries the password hash. */
export interface User extends Actor {
	email: string;
	displayName: string;
	mustResetPassword: boolean;
	disabled: boolean;
}

const emailSchema = z.email({ message: "Enter an email address such as name@example.org." });

type UserRow = {
	id: number;
	email: string;
	display_name: string;
	role: Role;
	person_id: number | null;
	must_reset_password: number;
	disabled_at: string | null;
};

const userColumns = ["id", "email", "display_name", "role", "person_id", "must_reset_password", "disabled_at"] as const;

function toUser(row: UserRow): User {
	return {
		id: row.id,
		email: row.email,
		displayName: row.display_name,
		role: row.role,
		personId: row.person_id,
		mustResetPassword: row.must_reset_password === 1,
		disabled: row.disabled_at !== null,
	};
}

/** Newsroom accounts: creation with a password policy, password checks, roles. */
export class UserService {
	constructor(private readonly deps: { db: Db; clock: Clock; audit: AuditLog; passwordCost?: number }) {}

	/** How many accounts exist; the first-run setup page exists only while this is 0. */
	async count(): Promise<number> {
		const row = await this.deps.db
			.selectFrom("users")
			.select((eb) => eb.fn.countAll<number>().as("count"))
			.executeTakeFirstOrThrow();
		return Number(row.count);
	}

	/**
	 * Creates an account. `actor` is the admin creating it, or null for the
	 * command line and the first-run setup (which only works while there are no users).
	 */
	async create(
		actor: Actor | null,
		input: { email: string; displayName: string; role: Role; password: string; personId?: number | null },
	): Promise<User> {
		if (actor && !canManageUsers(actor)) throw new AppError("ERR_FORBIDDEN", "Only an admin can add accounts.");
		const email = emailSchema.safeParse(input.email.trim().toLowerCase());
		if (!email.success) throw new AppError("ERR_VALIDATION", "email: enter an email address such as name@example.org.");
		if (!ROLES.includes(input.role)) throw new AppError("ERR_VALIDATION", `role: one of ${ROLES.join(", ")}.`);
		const displayName = input.displayName.trim() || email.data.split("@")[0] || email.data;
		const problem = passwordProblem(input.password, { email: email.data });
		if (problem) throw new AppError("ERR_WEAK_PASSWORD", problem);
		const existing = await this.deps.db
			.selectFrom("users")
			.select("id")
			.where("email", "=", email.data)
			.executeTakeFirst();
		if (existing) throw new AppError("ERR_VALIDATION", "email: an account with this email already exists.");
		const passwordHash = await hashPassword(input.password, this.deps.passwordCost ?? DEFAULT_COST);
		return this.deps.db.transaction().execute(async (trx) => {
			const row = await trx
				.insertInto("users")
				.values({
					email: email.data,
					display_name: displayName,
					role: input.role,
					password_hash: passwordHash,
					must_reset_password: 0,
					person_id: input.personId ?? null,
					created_at: this.deps.clock.now().toISOString(),
				})
				.returning(userColumns)
				.executeTakeFirstOrThrow();
			await this.deps.audit.record(
				{
					userId: actor?.id ?? row.id,
					action: "user.create",
					subjectType: "user",
					subjectId: row.id,
					detail: { role: row.role },
				},
				trx,
			);
			return toUser(row);
		});
	}

	/** The account with this email and password, or undefined; a disabled account never matches. */
	async verifyCredentials(email: string, password: string): Promise<User | undefined> {
		const row = await this.deps.db
			.selectFrom("users")
			.select([...userColumns, "password_hash"])
			.where("email", "=", email.trim().toLowerCase())
			.executeTakeFirst();
		if (!row?.password_hash || row.disabled_at) {
			// Spend comparable time so an unknown email is not told apart by timing.
			await hashPassword(password, this.deps.passwordCost ?? DEFAULT_COST);
			return undefined;
		}
		return (await verifyPassword(password, row.password_hash)) ? toUser(row) : undefined;
	}

	async get(id: number): Promise<User | undefined> {
		const row = await this.deps.db.selectFrom("users").select(userColumns).where("id", "=", id).executeTakeFirst();
		return row && toUser(row);
	}

	async list(actor: Actor): Promise<User[]> {
		if (!canManageUsers(actor)) throw new AppError("ERR_FORBIDDEN");
		const rows = await this.deps.db.selectFrom("users").select(userColumns).orderBy("display_name").execute();
		return rows.map(toUser);
	}

	async setRole(actor: Actor, userId: number, role: Role): Promise<void> {
		if (!canManageUsers(actor)) throw new AppError("ERR_FORBIDDEN");
		if (!ROLES.includes(role)) throw new AppError("ERR_VALIDATION", `role: one of ${ROLES.join(", ")}.`);
		await this.deps.db.transaction().execute(async (trx) => {
			await trx.updateTable("users").set({ role }).where("id", "=", userId).execute();
			await this.deps.audit.record(
				{ userId: actor.id, action: "user.role", subjectType: "user", subjectId: userId, detail: { role } },
				trx,
			);
		});
	}
}
