import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// BASE_PATH lets the same source deploy under a sub-path (e.g. GitHub Pages at /crm).
// A base build gets its own output folders so it never clobbers the root build.
/** @type {'' | `/${string}`} */
const base = /** @type {any} */ (process.env.BASE_PATH ?? '');
const variant = base ? '-base' : '';
// PRECOMPRESS=0 skips the .br/.gz copies: the e2e builds are served by vite preview, which never sends them.

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: `build${variant}`, assets: `build${variant}`, strict: true, precompress: process.env.PRECOMPRESS !== '0' }),
		outDir: `.svelte-kit${variant}`,
		paths: { base, relative: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Every prerendered page carries this policy in a <meta> tag, with the hashes of
		// SvelteKit's inline bootstrap script, so no inline script runs unless it is ours.
		// static/_headers repeats it as a header, plus what a <meta> tag cannot say
		// (frame-ancestors, HSTS, nosniff); see README 数据安全.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// 'unsafe-inline' for styles only: the prerendered KaTeX formulas position their
				// glyphs with style="" attributes (hundreds of distinct values), and Svelte writes
				// style="" for style: directives during SSR. Hashes cannot cover attributes, and
				// inline styles cannot run code.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
