/** robots.txt for every crawler: the paths to keep out of, then the sitemaps by absolute URL. */
export function renderRobots(input: { disallow: readonly string[]; sitemaps: readonly string[] }): string {
	const lines = [
		"User-agent: *",
		...input.disallow.map((path) => `Disallow: ${path}`),
		"",
		...input.sitemaps.map((url) => `Sitemap: ${url}`),
	];
	return `${lines.join("\n")}\n`;
}
