import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// BASE_PATH lets the same source deploy under a sub-path (e.g. GitHub Pages at /crm).
// A base build gets its own output folders so it never clobbers the root build.
/** @type {'' | `/${string}`} */
const base = /** @type {any} */ (process.env.BASE_PATH ?? '');
const variant = base ? '-base' : '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: `build${variant}`, assets: `build${variant}`, strict: true, precompress: true }),
		outDir: `.svelte-kit${variant}`,
		paths: { base, relative: false },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' }
	}
};

export default config;
