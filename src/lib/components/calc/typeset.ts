// KaTeX for the calculators' worked steps. The prerendered page carries the steps for the
// default inputs already typeset; in the browser KaTeX (most of a calculator page's JavaScript)
// loads only when a step changes, and is memoised per formula so that a keystroke re-typesets
// only the steps whose TeX changed.
export type Render = (tex: string) => string;

let loading: Promise<Render> | null = null;
let loaded: Render | null = null;
const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

/**
 * Context key: formulas under a component that sets it typeset without waiting to be scrolled
 * to (the printed exam, whose key must be complete before the print button is enabled).
 */
export const EAGER_TEX = Symbol('eager-tex');

/** The typesetter if KaTeX has already loaded (printing needs it within the same task). */
export function typesetterNow(): Render | null {
	return loaded;
}

/** The renderer over a KaTeX module: the browser's, loaded lazily, or the server's (hooks.server.ts). */
export function typesetWith(katex: typeof import('katex').default): Render {
	return (tex: string) => {
		let html = cache.get(tex);
		if (html === undefined) {
			// Inline mode with \displaystyle lets KaTeX break a long equation after = and +,
			// so a step wraps on a phone instead of being cut off.
			html = katex.renderToString(`\\displaystyle ${tex}`, { displayMode: false, throwOnError: false, output: 'htmlAndMathml' });
			if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
			cache.set(tex, html);
		}
		return html;
	};
}

/** On the server KaTeX is loaded up front, so that prerendered pages carry their formulas typeset. */
export function provideTypesetter(render: Render) {
	loaded = render;
}

export function loadTypesetter(): Promise<Render> {
	loading ??= import('katex').then(({ default: katex }) => (loaded = typesetWith(katex)));
	return loading;
}

let turns: Promise<void> = Promise.resolve();

/**
 * Resolves in a task of its own, after every earlier caller's: a page's formulas are typeset
 * one per task when KaTeX arrives, instead of all in one task that blocks input for a second
 * on a cheap phone. Later re-typesets (a keystroke) do not wait.
 */
export function nextTurn(): Promise<void> {
	turns = turns.then(() => new Promise((resolve) => setTimeout(resolve, 0)));
	return turns;
}
