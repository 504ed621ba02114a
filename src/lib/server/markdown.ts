/**
 * Build-time Markdown and formula rendering. Only server code imports this, so neither
 * marked nor KaTeX reaches the browser: pages receive finished HTML.
 * The input is course content written by its authors, never anything a user typed.
 */
import { Marked } from 'marked';
import markedKatex from 'marked-katex-extension';
import katex from 'katex';
import { escapeHtml } from '$lib/html';

const marked = new Marked({ gfm: true, breaks: false, async: false });
// throwOnError so a broken formula fails the build instead of shipping red error text.
marked.use(markedKatex({ throwOnError: true, nonStandard: true, output: 'htmlAndMathml' }));

export function renderMarkdown(md: string): string {
	return marked.parse(md) as string;
}

export function renderInline(md: string): string {
	return marked.parseInline(md) as string;
}

export function renderFormula(tex: string): string {
	return katex.renderToString(tex, { displayMode: true, throwOnError: true, output: 'htmlAndMathml' });
}

export interface Renderer {
	block(md: string): string;
	inline(md: string): string;
	formula(tex: string): string;
}

/** The site's own rendering: KaTeX HTML, styled by the site's KaTeX CSS. */
export const siteRenderer: Renderer = { block: renderMarkdown, inline: renderInline, formula: renderFormula };

/**
 * Rendering for files other tools import (Moodle, Anki): they carry no KaTeX stylesheet, but
 * both typeset TeX between \( \) and \[ \] with their own MathJax, so formulas stay TeX.
 */
const portable = new Marked({ gfm: true, breaks: false, async: false });
portable.use({
	extensions: [
		{
			name: 'portableMath',
			level: 'inline',
			start: (src: string) => src.indexOf('$'),
			tokenizer(src: string) {
				const m = /^\$\$([^$]+?)\$\$|^\$([^$\n]+?)\$/.exec(src);
				if (m) return { type: 'portableMath', raw: m[0], text: (m[1] ?? m[2]!).trim(), display: m[1] !== undefined };
				return undefined;
			},
			renderer: (token) => (token.display ? `\\[${escapeHtml(token.text as string)}\\]` : `\\(${escapeHtml(token.text as string)}\\)`)
		}
	]
});

export const portableRenderer: Renderer = {
	block: (md) => portable.parse(md) as string,
	inline: (md) => portable.parseInline(md) as string,
	formula: (tex) => `<p>\\[${escapeHtml(tex)}\\]</p>`
};
