import { readdirSync } from 'node:fs';

/** One concrete value for each dynamic route segment. A new [param] route must be added here. */
const SAMPLE_PARAMS: Record<string, string> = { '[id]': 'customer-lifetime-value' };

/** Every page of the site, read from src/routes so that a new page is checked without editing a test. */
export const ROUTES = readdirSync('src/routes', { recursive: true, encoding: 'utf8' })
	.filter((f) => f.replaceAll('\\', '/').endsWith('+page.svelte'))
	.map((f) => {
		const segments = f.replaceAll('\\', '/').split('/').slice(0, -1);
		return '/' + segments.map((s) => SAMPLE_PARAMS[s] ?? (s.startsWith('[') ? unknownParam(s) : s)).join('/');
	})
	.sort();

function unknownParam(segment: string): never {
	throw new Error(`tests/e2e/routes.ts: no sample value for route segment ${segment}; add one to SAMPLE_PARAMS`);
}

/** `paths` in `parts` interleaved slices, so that long sweeps run side by side. */
export function slices(parts: number, paths: readonly string[] = ROUTES): string[][] {
	return Array.from({ length: parts }, (_, i) => paths.filter((_, j) => j % parts === i));
}
