/** What a reader URL path asks for; `matchReaderPath` is pure so every rule is testable alone. */
export type ReaderRoute =
	| { kind: "home" }
	| { kind: "article"; yyyy: string; mm: string; dd: string; slug: string }
	| { kind: "author"; slug: string; page: number }
	| { kind: "tag"; slug: string; page: number }
	| { kind: "section"; path: string; page: number }
	/** `/sections/`: every section, as a tree. */
	| { kind: "sections" }
	| { kind: "redirect"; location: string }
	| { kind: "notFound" };

const PAGE_NUMBER = /^[1-9]\d{0,5}$/;
const SEGMENT = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]*$/u;

function decodeSegments(pathname: string): string[] | undefined {
	try {
		return pathname
			.split("/")
			.filter((segment) => segment !== "")
			.map((segment) => decodeURIComponent(segment));
	} catch {
		return undefined;
	}
}

/**
 * Maps a path to a reader route. Paths without a trailing slash redirect to
 * the slashed form; `/page/1/` redirects to the listing itself; a malformed
 * page number or segment is not found.
 */
export function matchReaderPath(pathname: string, search = ""): ReaderRoute {
	if (pathname === "/") return { kind: "home" };
	if (!pathname.endsWith("/")) return { kind: "redirect", location: `${pathname}/${search}` };
	const segments = decodeSegments(pathname);
	if (!segments || segments.length === 0) return { kind: "notFound" };
	if (!segments.every((segment) => SEGMENT.test(segment))) return { kind: "notFound" };

	let page = 1;
	let rest = segments;
	if (rest.length >= 3 && rest[rest.length - 2] === "page") {
		const number = rest[rest.length - 1] ?? "";
		if (!PAGE_NUMBER.test(number)) return { kind: "notFound" };
		page = Number(number);
		rest = rest.slice(0, -2);
		if (page === 1)
			return {
				kind: "redirect",
				location: `/${rest.map(encodeURIComponent).join("/")}/${search}`,
			};
	}
	const [first, second, third, fourth] = rest;

	if (
		rest.length === 4 &&
		first &&
		second &&
		third &&
		fourth &&
		/^\d{4}$/.test(first) &&
		/^\d{2}$/.test(second) &&
		/^\d{2}$/.test(third)
	) {
		if (page !== 1) return { kind: "notFound" };
		return {
			kind: "article",
			yyyy: first,
			mm: second,
			dd: third,
			slug: fourth,
		};
	}
	if (first === "author" || first === "tag") {
		if (rest.length !== 2 || !second) return { kind: "notFound" };
		return { kind: first, slug: second, page };
	}
	if (first === "sections" && rest.length === 1) return page === 1 ? { kind: "sections" } : { kind: "notFound" };
	if (rest.length > 3 || rest.some((segment) => segment === "page")) return { kind: "notFound" };
	return { kind: "section", path: rest.join("/"), page };
}
