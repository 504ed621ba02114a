#!/usr/bin/env node
// Serves a built site the way a good static host would: the precompressed .br/.gz files
// written by adapter-static, a year's immutable cache for /_app/immutable (hashed names),
// and revalidation for everything else. `npm start` builds first (--build) and prints only
// the addresses; `npm run bench` imports serveStatic() for Lighthouse.
import sirv from 'sirv';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {string} dir  the built site
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ server: import('node:http').Server, port: number }>}
 */
export async function serveStatic(dir, { port = 0, host = '127.0.0.1' } = {}) {
	const assets = sirv(dir, {
		brotli: true,
		gzip: true,
		etag: true,
		setHeaders(res, pathname) {
			res.setHeader(
				'cache-control',
				pathname.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate'
			);
		}
	});
	const server = createServer((req, res) =>
		assets(req, res, () => {
			res.statusCode = 404;
			res.setHeader('content-type', 'text/plain; charset=utf-8');
			res.end('404：没有这个页面');
		})
	);
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(undefined));
	});
	const address = server.address();
	return { server, port: typeof address === 'object' && address ? address.port : port };
}

/** IPv4 addresses other devices on the same network can reach (for opening the site on a phone). */
function lanAddresses() {
	return Object.values(networkInterfaces())
		.flat()
		.filter((a) => a && a.family === 'IPv4' && !a.internal)
		.map((a) => /** @type {import('node:os').NetworkInterfaceInfo} */ (a).address);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const port = Number(args[args.indexOf('--port') + 1] || 4173) || 4173;
	if (args.includes('--build')) {
		process.stdout.write('正在构建网站（约半分钟）…\n');
		// The full build log lists hundreds of files; it is shown only when the build fails.
		const result = spawnSync('npx', ['vite', 'build'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		if (result.status !== 0) {
			process.stdout.write(result.stdout ?? '');
			process.stderr.write(result.stderr ?? '');
			console.error('构建失败，见上面的输出。');
			process.exit(result.status ?? 1);
		}
	}
	const { port: bound } = await serveStatic(join(root, 'build'), { port, host: '0.0.0.0' }).catch((error) => {
		if (error?.code === 'EADDRINUSE') console.error(`端口 ${port} 已被占用。请先关闭占用它的程序，或用 npm start -- --port 4180 换一个端口。`);
		else console.error(error);
		process.exit(1);
	});
	const lan = lanAddresses().map((ip) => `http://${ip}:${bound}/`);
	console.log('crm-study 已启动（按 Ctrl+C 停止）。');
	if (lan.length) console.log(`  同一 Wi-Fi 下的手机：${lan.join('  ')}`);
	console.log(`  本机：http://localhost:${bound}/`);
}
