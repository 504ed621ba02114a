/**
 * Build-time Markdown and formula rendering. Only server code imports this, so neither
 * marked nor KaTeX reaches the browser: pages receive finished HTML.
 * The input is course content written by its authors, never anything a user typed.
 */
import { Marked } from 'marked';
import markedKatex from 'marked-katex-extension';
import katex from 'katex';

const marked = new Marked({ gfm: true, breaks: false, async: false });
// throwOnError so a broken formula fails the build instead of shipping red error text.
marked.use(markedKatex({ throwOnError: true, nonStandard: true, output: 'html' }));

export function renderMarkdown(md: string): string {
	return marked.parse(md) as string;
}

export function renderInline(md: string): string {
	return marked.parseInline(md) as string;
}

export function renderFormula(tex: string): string {
	return katex.renderToString(tex, { displayMode: true, throwOnError: true, output: 'html' });
}
