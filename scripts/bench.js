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

// The FSRS optimizer (设置 → 优化参数) must stay out of every page's first load: its worker,
// chunks and WASM are fetched only when a student presses the button.
await (async function optimizerSize() {
	const { execSync } = await import('node:child_process');
	const { readdirSync, statSync } = await import('node:fs');
	const { gzipSync } = await import('node:zlib');
	if (!existsSync('build/_app')) execSync('npx vite build', { stdio: 'ignore' });
	/** @param {string} dir @returns {string[]} */
	const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
	const lazy = walk('build/_app/immutable/workers');
	const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
	let raw = 0;
	let gz = 0;
	for (const f of lazy) {
		const bytes = readFileSync(f);
		raw += bytes.length;
		gz += gzipSync(bytes).length;
	}
	const wasm = lazy.filter((f) => f.endsWith('.wasm')).reduce((n, f) => n + statSync(f).size, 0);
	// A page's first-load JS: what its HTML preloads or imports.
	const pages = walk('build').filter((f) => f.endsWith('.html'));
	const offenders = pages.filter((page) => {
		const html = readFileSync(page, 'utf8');
		const urls = [...html.matchAll(/(?:href="|import\(")([^"]+\.js)"/g)].map((m) => m[1] ?? '');
		return urls.some((u) => u.includes('/workers/') || readFileSync(join('build', u.replace(/^.*?\/_app\//, '_app/'))).includes('computeParameters'));
	});
	console.log(
		`FSRS optimizer, lazy (${lazy.length} files in build/…/workers)`.padEnd(44) +
			` raw ${kb(raw)} (WASM ${kb(wasm)})   gzip ${kb(gz)}   in first-load JS of ${offenders.length}/${pages.length} pages ${offenders.length ? `SLOW: ${offenders.join(', ')}` : 'OK'}`
	);
})();
