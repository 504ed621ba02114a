import { escapeHtml } from '$lib/html';
import { CONCEPT_KIND_LABELS, type ConceptKind } from './types';

export interface ListedChapter {
	id: string;
	title: string;
	order: number;
	summary: string;
	concepts: { id: string; name: string; kind: ConceptKind; source: 'course' | 'extension' }[];
}

/** The 拓展 badge: a short visible word, with the title and hidden text saying what it means. */
export function extensionBadgeHtml(label = '教材拓展内容'): string {
	const text = escapeHtml(label);
	return `<span class="ext-badge" title="${text}：不在本课程资料中"><span aria-hidden="true">拓展</span><span class="visually-hidden">${text}</span></span>`;
}

/**
 * The table of contents and every chapter's concept links, as one string. The concept index
 * renders it with {@html}: hydrating 266 links item by item cost 240 ms at 4× CPU, and claiming
 * one block of HTML costs next to nothing. It never changes after load. 只看课程资料 hides what is
 * marked `ext` (a 拓展 concept) or `all-ext` (a chapter with nothing else) with CSS.
 */
export function conceptListingHtml(chapters: readonly ListedChapter[], base: string): string {
	const onlyExtension = (ch: ListedChapter) => ch.concepts.every((c) => c.source === 'extension');
	const hideable = (ch: ListedChapter) => (onlyExtension(ch) ? ' class="all-ext"' : '');
	const toc = chapters
		.map((ch) => `<li value="${ch.order}"${hideable(ch)}><a href="#chapter-${escapeHtml(ch.id)}">${escapeHtml(ch.title)}</a></li>`)
		.join('');
	const sections = chapters.map((ch) => {
		const items = ch.concepts
			.map((c) => {
				const kind = c.kind === 'term' ? '' : `<span class="chip">${CONCEPT_KIND_LABELS[c.kind]}</span>`;
				const ext = c.source === 'extension';
				return `<li${ext ? ' class="ext"' : ''}><a href="${base}/concepts/${escapeHtml(c.id)}">${escapeHtml(c.name)}</a>${kind}${ext ? extensionBadgeHtml() : ''}</li>`;
			})
			.join('');
		const summary = ch.summary ? `<p class="muted">${escapeHtml(ch.summary)}</p>` : '';
		const classes = onlyExtension(ch) ? 'chapter card all-ext' : 'chapter card';
		const id = escapeHtml(ch.id);
		return `<section class="${classes}" id="chapter-${id}" aria-labelledby="h-${id}"><h2 id="h-${id}">第 ${ch.order} 章 ${escapeHtml(ch.title)}</h2>${summary}<ul class="terms">${items}</ul></section>`;
	});
	return `<nav aria-label="章节目录" class="toc"><ol>${toc}</ol></nav>${sections.join('')}`;
}
