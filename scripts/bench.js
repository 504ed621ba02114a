#!/usr/bin/env node
// `npm run bench`: bundles scripts/bench-entry.ts, runs it in Chromium on a loopback server,
// and prints the timings against their targets. Speed lives here, never in a timed test.
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'crm-bench-'));
await build({
	configFile: false,
	logLevel: 'warn',
	build: { outDir: out, emptyOutDir: true, minify: true, lib: { entry: 'scripts/bench-entry.ts', formats: ['iife'], name: 'bench', fileName: () => 'bench.js' } }
});
const script = readFileSync(join(out, 'bench.js'));
const server = createServer((req, res) => {
	if (req.url === '/bench.js') {
		res.writeHead(200, { 'content-type': 'text/javascript' });
		res.end(script);
	} else {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end('<!doctype html><title>bench</title><script src="/bench.js"></script>');
	}
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
	const page = await browser.newPage();
	await page.goto(`http://127.0.0.1:${port}/`);
	const r = await page.evaluate(() => /** @type {any} */ (window).__bench);
	/** @param {string} name @param {{ median: number, p95: number, max: number }} s @param {number} target */
	const row = (name, s, target) =>
		`${name.padEnd(44)} median ${s.median.toFixed(2).padStart(7)} ms   p95 ${s.p95.toFixed(2).padStart(7)} ms   max ${s.max.toFixed(2).padStart(7)} ms   target < ${target} ms ${s.median < target ? 'OK' : 'SLOW'}`;
	console.log(`Chromium ${browser.version()}`);
	console.log(row(`build queue from 10,000 card states (${r.queue.runs} runs)`, r.queue, 16));
	console.log(row(`rate one card, state + log written (${r.rate.runs} runs)`, r.rate, 10));
	console.log(`(queue: ${r.due} due, ${r.exam} exam extras with an exam date in 14 days)`);
	console.log(row(`import + grade + analyse ${r.grading.rows} result files (${r.grading.runs} runs)`, r.grading, 1000));
} finally {
	await browser.close();
	server.close();
}
