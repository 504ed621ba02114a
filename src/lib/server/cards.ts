/** Flashcard faces, rendered to HTML at build time and published as /data/cards.json. */
import { buildCards, itemKey, toCardIndexRow, type CardIndexRow, type CardSpec } from '$lib/srs/cards';
import { BLANK_MARK, type Concept, type Question } from '$lib/content/types';
import { getCourse } from './content';
import { siteRenderer, type Renderer } from './markdown';
import { escapeHtml } from '$lib/html';

export interface CardFace extends CardSpec {
	/** Short plain-text title for lists and screen readers. */
	title: string;
	front: string;
	back: string;
}


function conceptFaces(spec: CardSpec, c: Concept, r: Renderer): Pick<CardFace, 'title' | 'front' | 'back'> {
	const name = `<p class="card-term">${escapeHtml(c.name)}</p>` + (c.english ? `<p class="card-en" lang="en">${escapeHtml(c.english)}</p>` : '');
	const list = (hide: number | null) =>
		'<ol>' +
		c.items
			.map((item, i) => {
				if (i !== hide) return `<li>${r.inline(item)}</li>`;
				const key = itemKey(item);
				const rest = item.slice(key.length);
				return `<li><span class="cloze">${BLANK_MARK}</span>${rest ? r.inline(rest) : ''}</li>`;
			})
			.join('') +
		'</ol>';
	switch (spec.kind) {
		case 'term':
			return { title: c.name, front: name, back: r.block(c.text) + (c.note ? r.block(c.note) : '') };
		case 'reverse':
			return { title: `${c.name}（反向）`, front: `<p class="card-prompt">这是哪个概念？</p>${r.block(c.text)}`, back: name };
		case 'list':
			return { title: c.name, front: `${name}<p class="card-prompt">共 ${c.items.length} 项，请依次说出。</p>`, back: list(null) };
		case 'item': {
			const i = spec.itemIndex!;
			return {
				title: `${c.name} · 第 ${i + 1} 项`,
				front: `<p class="card-term">${escapeHtml(c.name)}</p><p class="card-prompt">空缺的是哪一项？</p>${list(i)}`,
				back: `<p class="card-answer">${r.inline(itemKey(c.items[i]!))}</p>${list(null)}`
			};
		}
		case 'formula':
			return { title: c.name, front: name, back: r.formula(c.formula) + (c.text ? r.block(c.text) : '') };
		case 'compare':
			return { title: c.name, front: `${name}<p class="card-prompt">说出两者的异同。</p>`, back: r.block(c.text) };
		default:
			throw new Error(`card kind ${spec.kind} is not a concept card`);
	}
}

function clozeFaces(q: Question & { type: 'fill' }, r: Renderer): Pick<CardFace, 'title' | 'front' | 'back'> {
	let i = 0;
	const filled = q.stem.replaceAll(BLANK_MARK, () => `**${q.answer.blanks[i++]![0]}**`);
	return {
		title: q.stem.replaceAll(BLANK_MARK, '＿').slice(0, 40),
		front: r.block(q.stem.replaceAll(BLANK_MARK, `<span class="cloze">${BLANK_MARK}</span>`)),
		back: r.block(filled) + (q.explanation ? `<div class="card-note">${r.block(q.explanation)}</div>` : '')
	};
}

/** Every card's faces; the renderer decides how Markdown and formulas become HTML. */
export function cardFaces(r: Renderer = siteRenderer): CardFace[] {
	const course = getCourse();
	const concepts = new Map(course.concepts.map((c) => [c.id, c]));
	const questions = new Map(course.questions.map((q) => [q.id, q]));
	return buildCards(course).map((spec) => {
		if (spec.kind === 'cloze') {
			const q = questions.get(spec.question!)!;
			if (q.type !== 'fill') throw new Error(`${q.id} is not a fill question`);
			return { ...spec, ...clozeFaces(q, r) };
		}
		return { ...spec, ...conceptFaces(spec, concepts.get(spec.concept!)!, r) };
	});
}

/** The cards without faces, for counting, planning and filtering (/data/card-index.json). */
export function cardIndex(): CardIndexRow[] {
	return buildCards(getCourse()).map(toCardIndexRow);
}
