// KaTeX for the calculators' worked steps, loaded after the page has painted its numbers
// (it is most of a calculator page's JavaScript), and memoised per formula so that a
// keystroke re-typesets only the steps whose TeX changed.
type Render = (tex: string) => string;

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

export function loadTypesetter(): Promise<Render> {
	loading ??= import('katex').then(({ default: katex }) => {
		return (loaded = (tex: string) => {
			let html = cache.get(tex);
			if (html === undefined) {
				// Inline mode with \displaystyle lets KaTeX break a long equation after = and +,
				// so a step wraps on a phone instead of being cut off.
				html = katex.renderToString(`\\displaystyle ${tex}`, { displayMode: false, throwOnError: false, output: 'htmlAndMathml' });
				if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
				cache.set(tex, html);
			}
			return html;
		});
	});
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
