import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * V8 compiles each function on the main thread the first time it runs, and on a cheap phone that
 * first run is a large part of hydrating a page. This comment asks Chromium (136 and later) to
 * compile the whole file on a background thread while it downloads; other browsers ignore it.
 * Measured at 4× CPU: 20–25 % less blocking time on /, /settings and /calculators/cdv.
 */
function compileHints(): Plugin {
	return {
		name: 'crm-compile-hints',
		apply: 'build',
		// Last, after minification (which drops comments) and Vite's own additions to each chunk.
		generateBundle: {
			order: 'post',
			handler(_, bundle) {
				if (this.environment.name !== 'client') return;
				for (const chunk of Object.values(bundle)) {
					if (chunk.type === 'chunk') chunk.code = '//# allFunctionsCalledOnLoad\n' + chunk.code;
				}
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), compileHints()],
	server: { fs: { allow: ['content'] } },
	// The optimizer worker imports fsrs-browser, whose thread helper splits into its own chunk:
	// only ES module workers can hold more than one chunk.
	worker: { format: 'es' },
	build: {
		// The gzip size of each of 300 files is seconds of every build; `npm run bench` measures what a page loads.
		reportCompressedSize: false,
		// Vite preloads the imports of a lazily loaded chunk by adding a <link rel=modulepreload> for
		// each, all in one task, and Chromium takes about 3 ms per link here at full speed: ten links
		// are over 100 ms of blocking at 4× CPU. Route changes keep their preloads: SvelteKit imports a
		// route's code from the app entry, and without them a click waits on a chain of imports. A
		// chunk that a page loads for itself (the store, KaTeX, a chart) fetches its imports as it is
		// parsed, and its stylesheets are still added. Lighthouse: / 577–735 → 284–434 ms TBT.
		modulePreload: { polyfill: false, resolveDependencies: (_, deps, { hostId }) => (/\bentry\/app\./.test(hostId) ? deps : []) }
	},
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Threads start faster than forked processes: about a third off the unit run on 2 cores.
		pool: 'threads'
	}
});
