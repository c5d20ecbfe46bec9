// Preloaded with --import: prints the process's peak resident memory (KiB) on stderr as it exits.
process.on("exit", () => {
	process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS}\n`);
});
