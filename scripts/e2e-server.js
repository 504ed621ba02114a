#!/usr/bin/env node
// The end-to-end suite's web server: builds the site, and unless --root-only the /crm variant
// too, at the same time (a build keeps about one core busy; Playwright starts its web servers
// one after another), then serves the root build with `vite preview`. The /crm build's output
// repeats the root build's and adds a harmless tsconfig hint, so it is shown only if it fails.
import { spawn } from 'node:child_process';

const port = process.argv[process.argv.indexOf('--port') + 1];
// vite preview serves the plain files, so the .br/.gz a host would get are not built (seconds a build).
const env = { ...process.env, PRECOMPRESS: '0' };

/**
 * @param {Record<string, string>} extraEnv
 * @param {boolean} quiet
 * @returns {Promise<void>}
 */
function build(extraEnv, quiet) {
	return new Promise((resolve, reject) => {
		const child = spawn('npx', ['vite', 'build'], { env: { ...env, ...extraEnv }, stdio: quiet ? 'pipe' : 'inherit' });
		let log = '';
		child.stdout?.on('data', (d) => (log += d));
		child.stderr?.on('data', (d) => (log += d));
		child.on('exit', (code) => {
			if (code === 0) return resolve();
			process.stderr.write(log);
			reject(new Error(`vite build ${JSON.stringify(extraEnv)} exited with ${code}`));
		});
	});
}

try {
	await Promise.all([build({}, false), ...(process.argv.includes('--root-only') ? [] : [build({ BASE_PATH: '/crm' }, true)])]);
} catch (e) {
	console.error(String(e));
	process.exit(1);
}
spawn('npx', ['vite', 'preview', '--port', port, '--strictPort'], { env, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
