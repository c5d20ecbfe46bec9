/**
 * The one catalog of Dateline's error codes. Callers branch on `code`, never on
 * the message. Every code here is documented in docs/errors.md (a test checks).
 */
export const errorCatalog = {
	ERR_NOT_FOUND: {
		status: 404,
		message: "Nothing is published at this address.",
	},
	ERR_ARTICLE_NOT_FOUND: {
		status: 404,
		message: "No published article has this address.",
	},
	ERR_SECTION_NOT_FOUND: {
		status: 404,
		message: "No section has this address.",
	},
	ERR_PERSON_NOT_FOUND: { status: 404, message: "No author has this address." },
	ERR_TAG_NOT_FOUND: { status: 404, message: "No tag has this address." },
	ERR_PAGE_OUT_OF_RANGE: {
		status: 404,
		message: "That page number is past the last page.",
	},
	ERR_BAD_REQUEST: {
		status: 400,
		message: "The request could not be understood.",
	},
	ERR_VALIDATION: {
		status: 400,
		message: "Some values are missing or not valid.",
	},
	ERR_SLUG_TAKEN: {
		status: 409,
		message: "Another item already uses this slug.",
	},
	ERR_INVALID_TRANSITION: {
		status: 409,
		message: "The story cannot move to that status from its current one.",
	},
	ERR_UNAUTHENTICATED: { status: 401, message: "Please log in to continue." },
	ERR_FORBIDDEN: { status: 403, message: "Your role does not allow this." },
	ERR_CSRF: {
		status: 403,
		message: "This form has expired or did not come from this site. Reload the page and try again.",
	},
	ERR_LOGIN_FAILED: { status: 401, message: "That email and password do not match an account." },
	ERR_LOGIN_LOCKED: { status: 429, message: "Too many failed logins." },
	ERR_WEAK_PASSWORD: { status: 400, message: "That password is not allowed." },
	ERR_PASSWORD_LINK_INVALID: {
		status: 410,
		message: "This password link has expired or was already used. Ask an admin for a new one.",
	},
	ERR_REVISION_CONFLICT: {
		status: 409,
		message: "Someone saved a newer version of this story while you were editing.",
	},
	ERR_MEDIA_TOO_LARGE: { status: 413, message: "The file is larger than the upload limit." },
	ERR_MEDIA_TYPE: { status: 415, message: "Only JPEG, PNG, WebP and AVIF images can be uploaded." },
	ERR_MEDIA_NOT_FOUND: { status: 404, message: "No image has this address." },
	ERR_ALT_TEXT_REQUIRED: {
		status: 400,
		message: "The featured image needs alt text before the story can be published.",
	},
	ERR_CONFIG_INVALID: {
		status: 500,
		message: "A configuration value is not valid.",
	},
	ERR_DATA_DIR_UNWRITABLE: {
		status: 500,
		message: "The data directory cannot be written.",
	},
	ERR_DATABASE_CORRUPT: {
		status: 500,
		message: "The database file cannot be read as a Dateline database.",
	},
	ERR_DATABASE_UNREACHABLE: { status: 500, message: "The PostgreSQL server in DATABASE_URL cannot be reached." },
	ERR_DATABASE_UNAVAILABLE: {
		status: 503,
		message: "The database cannot be reached just now. Nothing was saved; please try again in a moment.",
	},
	ERR_SEARCH_BUSY: {
		status: 503,
		message: "Too many searches are running just now; please try again in a moment.",
	},
	ERR_IMPORT_MALFORMED: { status: 400, message: "The import file is not well-formed XML." },
	ERR_IMPORT_NOT_WXR: { status: 400, message: "The import file is not a WordPress export (WXR)." },
	ERR_JSON_SYNTAX: { status: 400, message: "The file is not valid JSON." },
	ERR_JSON_INVALID: { status: 400, message: "The file is not a valid Dateline JSON export." },
	ERR_SITE_NOT_EMPTY: { status: 409, message: "The site already holds content." },
	ERR_BACKUP_INVALID: { status: 400, message: "The file is not a complete Dateline backup." },
	ERR_DATABASE_IN_USE: { status: 409, message: "The database is open in another process." },
	ERR_MIRROR_DIR_IN_USE: { status: 409, message: "The directory holds other files and no mirror manifest." },
	ERR_MIRROR_MANIFEST_INVALID: { status: 400, message: "The mirror's manifest.json is missing or cannot be read." },
	ERR_MIRROR_INCOMPLETE: { status: 500, message: "The mirror is incomplete, so nothing was removed from it." },
	ERR_INTERNAL: { status: 500, message: "Something went wrong on our side." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** An error with a catalog code; `detail` adds what the catalog message cannot know. */
export class AppError extends Error {
	readonly code: ErrorCode;
	readonly status: number;
	readonly detail: string | undefined;

	constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
		const entry = errorCatalog[code];
		super(detail ? `${entry.message} ${detail}` : entry.message, options);
		this.name = "AppError";
		this.code = code;
		this.status = entry.status;
		this.detail = detail;
	}
}

/** True when `error` is an AppError carrying `code`. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
	return error instanceof AppError && (code === undefined || error.code === code);
}
