// Site-level measurements for `npm run bench`: first-load JavaScript per route (from the built
// HTML) and Lighthouse (mobile preset, system Chromium) against the build served the way a good
// host serves it (scripts/serve.js: brotli/gzip, immutable caching). With a 10× bank the
// published /data/*.json files are multiplied in a copy of the build.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serveStatic } from './serve.js';

/** The built HTML file of a route. @param {string} dir @param {string} route */
function htmlFile(dir, route) {
	return join(dir, route === '/' ? 'index.html' : `${route.slice(1)}.html`);
}

/**
 * The JavaScript a first visit to `route` downloads before it can run: modulepreloads and the entry imports.
 * @param {string} dir @param {string} route
 */
export function firstLoadJs(dir, route) {
	const html = readFileSync(htmlFile(dir, route), 'utf8');
	/** @type {Set<string>} */
	const files = new Set();
	for (const m of html.matchAll(/<link\b[^>]*>/g)) {
		if (!/rel="modulepreload"/.test(m[0])) continue;
		const href = /href="([^"]+)"/.exec(m[0]);
		if (href) files.add(href[1]);
	}
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) files.add(m[1]);
	let raw = 0;
	let gz = 0;
	for (const f of files) {
		const body = readFileSync(join(dir, f.replace(/^\//, '')));
		raw += body.length;
		gz += gzipSync(body, { level: 9 }).length;
	}
	return { files: files.size, raw, gz };
}

/**
 * Copies the build and multiplies every top-level array of records in /data/*.json `factor`
 * times: objects with an `id`, or rows whose first cell is the id (the question index). Ids are
 * suffixed, so they stay unique and files that refer to each other agree.
 * @param {string} dir @param {number} factor
 */
export function bigBankCopy(dir, factor) {
	const out = mkdtempSync(join(tmpdir(), 'crm-bench-big-'));
	cpSync(dir, out, { recursive: true });
	/** @type {Record<string, number>} */
	const counts = {};
	for (const name of readdirSync(join(out, 'data'))) {
		if (!name.endsWith('.json')) continue;
		const path = join(out, 'data', name);
		const data = JSON.parse(readFileSync(path, 'utf8'));
		for (const [key, value] of Object.entries(data)) {
			// Chapters stay as they are: a bigger course has more questions and cards per chapter.
			if (key === 'chapters' || !Array.isArray(value) || value.length === 0) continue;
			const rows = value.every((v) => Array.isArray(v) && typeof v[0] === 'string');
			if (!rows && !value.every((v) => v && typeof v === 'object' && typeof v.id === 'string')) continue;
			const copies = [];
			for (let k = 0; k < factor; k++) for (const v of value) copies.push(k === 0 ? v : rows ? [`${v[0]}-x${k}`, ...v.slice(1)] : { ...v, id: `${v.id}-x${k}` });
			data[key] = copies;
			counts[`${name} ${key}`] = copies.length;
		}
		const body = JSON.stringify(data);
		writeFileSync(path, body);
		writeFileSync(path + '.gz', gzipSync(body, { level: 9 }));
		writeFileSync(path + '.br', brotliCompressSync(body));
	}
	return { dir: out, counts, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

/** @param {number[]} xs */
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Lighthouse's mobile preset (simulated slow 4G, `cpu`× slower CPU, 4 in the preset), median of `runs` per route.
 * @param {string} dir @param {string[]} routes @param {{ runs: number, cpu?: number, chromePath?: string }} options
 */
export async function lighthouseRoutes(dir, routes, { runs, cpu = 4, chromePath }) {
	const { default: lighthouse } = await import('lighthouse');
	const { throttling } = await import('lighthouse/core/config/constants.js');
	const chromeLauncher = await import('chrome-launcher');
	const { server, port } = await serveStatic(dir);
	// chrome-launcher turns RenderDocument off (a workaround for older Chrome). On Chromium 156
	// that holds each page's first paint until a 1 s timer: FCP at 1.2 or 2.2 s on a page that
	// loaded at 0.3 s, and Lighthouse's simulation then counts all the work before that paint into
	// FCP, LCP and Speed Index. Chrome ships with RenderDocument on, so the bench leaves it on.
	const flags = chromeLauncher.Launcher.defaultFlags().map((f) =>
		f.startsWith('--disable-features=')
			? '--disable-features=' + f.slice('--disable-features='.length).split(',').filter((x) => x !== 'RenderDocument').join(',')
			: f
	);
	const chrome = await chromeLauncher.launch({
		chromePath,
		ignoreDefaultFlags: true,
		chromeFlags: [...flags, '--headless=new', '--disable-gpu', '--no-first-run', '--disable-background-networking', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])]
	});
	const rows = [];
	try {
		for (const route of routes) {
			/** @type {Record<'score' | 'fcp' | 'lcp' | 'si' | 'tbt' | 'bi', number>[]} */
			const samples = [];
			for (let i = 0; i < runs; i++) {
				const result = await lighthouse(`http://127.0.0.1:${port}${route}`, {
					port: chrome.port,
					logLevel: 'error',
					output: 'json',
					onlyCategories: ['performance'],
					throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: cpu }
				});
				const lhr = result?.lhr;
				if (!lhr) throw new Error(`Lighthouse gave no result for ${route}`);
				samples.push({
					score: Math.round((lhr.categories.performance.score ?? 0) * 100),
					fcp: lhr.audits['first-contentful-paint'].numericValue ?? 0,
					lcp: lhr.audits['largest-contentful-paint'].numericValue ?? 0,
					si: lhr.audits['speed-index'].numericValue ?? 0,
					tbt: lhr.audits['total-blocking-time'].numericValue ?? 0,
					// Lighthouse's own measure of how fast this machine was during the run.
					bi: lhr.environment.benchmarkIndex
				});
			}
			/** @param {'score' | 'fcp' | 'lcp' | 'si' | 'tbt' | 'bi'} k */
			const mid = (k) => median(samples.map((s) => s[k]));
			rows.push({ route, score: mid('score'), fcp: mid('fcp'), lcp: mid('lcp'), si: mid('si'), tbt: mid('tbt'), bi: mid('bi') });
		}
	} finally {
		await chrome.kill();
		server.close();
	}
	return rows;
}
