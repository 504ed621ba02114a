#!/usr/bin/env node
// Prepares a fresh machine for `npm start` / `npm test` using only Node built-ins
// (it runs before node_modules exists):
//   1. `npm ci` when package-lock.json changed since the last install;
//   2. with --browser: make sure a system Chromium (and CJK fonts for screenshots) exists.
// Playwright never downloads a browser here; it drives Debian's chromium. On a fresh machine the
// two are mostly downloads from different registries, so they run at the same time.
import { createHash } from 'node:crypto';
import { execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.crm-study-lock-hash');

/**
 * @param {string} cmd
 * @returns {Promise<void>}
 */
function run(cmd) {
	console.log(`[setup] ${cmd}`);
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, { cwd: root, shell: true, stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`[setup] ${cmd} exited with ${code}`))));
	});
}

async function ensureDependencies() {
	const lock = readFileSync(join(root, 'package-lock.json'));
	const hash = createHash('sha256').update(lock).digest('hex');
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
	await run('npm ci --no-audit --no-fund');
	writeFileSync(stamp, hash);
}

export function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
	return candidates.find((p) => p && existsSync(p)) ?? null;
}

function hasCjkFonts() {
	try {
		return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
	} catch {
		return false;
	}
}

function canApt() {
	return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

async function ensureBrowser() {
	const missing = [];
	if (!chromiumPath()) missing.push('chromium');
	if (!hasCjkFonts()) missing.push('fonts-noto-cjk');
	if (missing.length === 0) return;
	if (!canApt()) {
		if (missing.includes('chromium')) {
			console.error(
				'[setup] 找不到 Chromium。请安装系统的 chromium（Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk），' +
					'或把环境变量 CHROMIUM_PATH 设为已安装的 Chromium/Chrome 可执行文件路径。'
			);
			process.exit(1);
		}
		console.warn('[setup] 未找到中文字体，截图中的汉字可能显示为方块：sudo apt-get install fonts-noto-cjk');
		return;
	}
	await run('apt-get update -qq');
	await run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	try {
		await Promise.all([ensureDependencies(), process.argv.includes('--browser') ? ensureBrowser() : undefined]);
	} catch (e) {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	}
}
