import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['content'] } },
	// The optimizer worker imports fsrs-browser, whose thread helper splits into its own chunk:
	// only ES module workers can hold more than one chunk.
	worker: { format: 'es' },
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node'
	}
});
