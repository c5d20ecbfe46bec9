// WordPress import benchmark (issue 6): `npm run bench:import`.
//
// Generates WordPress exports of 1,000 and 10,000 posts (WXR 1.2, classic
// editor bodies, a category tree, tags), imports each into an empty data
// directory through the real `dateline import wordpress` command in a child
// process, and records the wall time, each phase's time and the child's peak
// resident memory. Sizes: BENCH_IMPORT_SIZES=1000,10000 (default).
// Writes bench/results/import-YYYY-MM-DD.json. A missed target is reported,
// not an exit code: these machines are shared and noisy.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { writeSyntheticWxr } = await import(path.join(root, "dist/demo/synthetic-wxr.js"));
const sizes = (process.env.BENCH_IMPORT_SIZES || "1000,10000").split(",").map(Number);
const TARGET_SECONDS = 30;

/** Runs the import with --progress-log, so each phase's start time is read off stderr, and peak RSS from the child's exit report. */
function runImport(file, dataDir) {
	return new Promise((resolve, reject) => {
		const started = process.hrtime.bigint();
		const child = spawn(
			process.execPath,
			[
				"--import",
				path.join(root, "bench/report-peak-rss.mjs"),
				path.join(root, "bin/dateline.js"),
				"import",
				"wordpress",
				file,
				"--json",
			],
			{
				env: { ...process.env, DATELINE_DATA_DIR: dataDir, DATELINE_IMPORT_PHASE_LOG: "1" },
				stdio: ["ignore", "pipe", "pipe"],
			},
		);
		let stdout = "";
		let stderr = "";
		const phases = [];
		child.stdout.setEncoding("utf8").on("data", (chunk) => {
			stdout += chunk;
		});
		child.stderr.setEncoding("utf8").on("data", (chunk) => {
			stderr += chunk;
		});
		child.on("error", reject);
		child.on("exit", (code) => {
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			if (code !== 0) return reject(new Error(`import exited ${code}: ${stderr.slice(-2000)}`));
			for (const line of stderr.split("\n")) {
				const match = /^phase (.+) (\d+) ms$/.exec(line);
				if (match) phases.push({ phase: match[1], ms: Number(match[2]) });
			}
			const peak = /^peak-rss (\d+)$/m.exec(stderr);
			resolve({ seconds, phases, peakRssMb: peak ? Number(peak[1]) / 1024 : null, report: JSON.parse(stdout) });
		});
	});
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-bench-import-"));
const results = [];
for (const posts of sizes) {
	const file = path.join(work, `wxr-${posts}.xml`);
	await writeSyntheticWxr(file, { posts, seed: 1 });
	const bytes = fs.statSync(file).size;
	const dataDir = path.join(work, `site-${posts}`);
	process.stdout.write(`importing ${posts} posts (${(bytes / 1e6).toFixed(1)} MB)… `);
	const run = await runImport(file, dataDir);
	process.stdout.write(`${run.seconds.toFixed(1)} s, peak RSS ${run.peakRssMb?.toFixed(0)} MB\n`);
	for (const phase of run.phases)
		process.stdout.write(`    ${phase.phase.padEnd(20)} ${(phase.ms / 1000).toFixed(1)} s\n`);
	results.push({
		posts,
		fileBytes: bytes,
		seconds: Number(run.seconds.toFixed(2)),
		phases: run.phases,
		peakRssMb: run.peakRssMb === null ? null : Number(run.peakRssMb.toFixed(1)),
		imported: run.report.counts.post.imported,
		skipped: run.report.counts.post.skipped,
	});
	fs.rmSync(dataDir, { recursive: true, force: true });
	fs.rmSync(file, { force: true });
}
fs.rmSync(work, { recursive: true, force: true });

const largest = results.at(-1);
const smallest = results[0];
const summary = {
	date: new Date().toISOString(),
	machine: {
		cpus: os.cpus().length,
		model: os.cpus()[0]?.model,
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
	},
	results,
	targets: {
		[`${largest.posts} posts in under ${TARGET_SECONDS} s`]: {
			seconds: largest.seconds,
			met: largest.seconds < TARGET_SECONDS,
		},
		"peak RSS flat as the file grows (largest / smallest)": {
			ratio:
				largest.peakRssMb && smallest.peakRssMb ? Number((largest.peakRssMb / smallest.peakRssMb).toFixed(2)) : null,
		},
	},
};
const out = path.join(root, "bench/results", `import-${summary.date.slice(0, 10)}.json`);
fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(summary.targets, null, 2)}\nwritten to ${path.relative(root, out)}\n`);
