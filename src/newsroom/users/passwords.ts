import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { COMMON_PASSWORD_WORDS, COMMON_PASSWORDS } from "./common-passwords.js";

const scrypt = promisify(scryptCallback) as (
	password: string,
	salt: Buffer,
	keylen: number,
	options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

export const MIN_PASSWORD_LENGTH = 12;
/** scrypt cost: 2^15 with r=8 takes about 32 MB and tens of milliseconds per hash. */
export const DEFAULT_COST = 2 ** 15;
const KEY_LENGTH = 32;

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(
	password: string,
	context: { email?: string; siteName?: string } = {},
): string | undefined {
	if ([...password].length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
	const lower = password.toLowerCase();
	if (COMMON_PASSWORDS.has(lower)) return "That password is on the list of common passwords.";
	const letters = lower.replace(/[^\p{L}]/gu, "");
	const core = lower.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
	if (COMMON_PASSWORD_WORDS.has(core) || COMMON_PASSWORD_WORDS.has(letters)) {
		return "That password is a common word with numbers or symbols added.";
	}
	if (new Set(lower).size <= 3) return "That password repeats too few characters.";
	if (/^(?:0123456789|1234567890|abcdefghij|qwertyuiop|asdfghjkl|zxcvbnm)/.test(lower))
		return "That password is a keyboard or alphabet sequence.";
	const local = context.email?.split("@")[0]?.toLowerCase();
	if (local && local.length >= 4 && lower.includes(local)) return "The password must not contain your email address.";
	if (context.siteName && lower.includes(context.siteName.toLowerCase().replace(/\s+/g, "")))
		return "The password must not contain the site's name.";
	return undefined;
}

/** Hashes a password as "scrypt$N$r$p$salt$hash" (base64url parts). */
export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
	const salt = randomBytes(16);
	const hash = await scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, {
		N: cost,
		r: 8,
		p: 1,
		maxmem: 256 * cost * 8,
	});
	return ["scrypt", cost, 8, 1, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, salt, hash] = stored.split("$");
	if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
	const N = Number(n);
	const expected = Buffer.from(hash, "base64url");
	const actual = await scrypt(password.normalize("NFKC"), Buffer.from(salt, "base64url"), expected.length, {
		N,
		r: Number(r),
		p: Number(p),
		maxmem: 256 * N * Number(r),
	});
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}
