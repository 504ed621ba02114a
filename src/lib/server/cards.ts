/** Flashcard faces, rendered to HTML at build time and published as /data/cards.json. */
import { buildCards, itemKey, type CardSpec } from '$lib/srs/cards';
import { BLANK_MARK, type Concept, type Question } from '$lib/content/types';
import { getCourse } from './content';
import { renderFormula, renderInline, renderMarkdown } from './markdown';

export interface CardFace extends CardSpec {
	/** Short plain-text title for lists and screen readers. */
	title: string;
	front: string;
	back: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function conceptFaces(spec: CardSpec, c: Concept): Pick<CardFace, 'title' | 'front' | 'back'> {
	const name = `<p class="card-term">${esc(c.name)}</p>` + (c.english ? `<p class="card-en" lang="en">${esc(c.english)}</p>` : '');
	const list = (hide: number | null) =>
		'<ol>' +
		c.items
			.map((item, i) => {
				if (i !== hide) return `<li>${renderInline(item)}</li>`;
				const key = itemKey(item);
				const rest = item.slice(key.length);
				return `<li><span class="cloze">${BLANK_MARK}</span>${rest ? renderInline(rest) : ''}</li>`;
			})
			.join('') +
		'</ol>';
	switch (spec.kind) {
		case 'term':
			return { title: c.name, front: name, back: renderMarkdown(c.text) + (c.note ? renderMarkdown(c.note) : '') };
		case 'reverse':
			return { title: `${c.name}（反向）`, front: `<p class="card-prompt">这是哪个概念？</p>${renderMarkdown(c.text)}`, back: name };
		case 'list':
			return { title: c.name, front: `${name}<p class="card-prompt">共 ${c.items.length} 项，请依次说出。</p>`, back: list(null) };
		case 'item': {
			const i = spec.itemIndex!;
			return {
				title: `${c.name} · 第 ${i + 1} 项`,
				front: `<p class="card-term">${esc(c.name)}</p><p class="card-prompt">空缺的是哪一项？</p>${list(i)}`,
				back: `<p class="card-answer">${renderInline(itemKey(c.items[i]!))}</p>${list(null)}`
			};
		}
		case 'formula':
			return { title: c.name, front: name, back: renderFormula(c.formula) + (c.text ? renderMarkdown(c.text) : '') };
		case 'compare':
			return { title: c.name, front: `${name}<p class="card-prompt">说出两者的异同。</p>`, back: renderMarkdown(c.text) };
		default:
			throw new Error(`card kind ${spec.kind} is not a concept card`);
	}
}

function clozeFaces(q: Question & { type: 'fill' }): Pick<CardFace, 'title' | 'front' | 'back'> {
	let i = 0;
	const filled = q.stem.replaceAll(BLANK_MARK, () => `**${q.answer.blanks[i++]![0]}**`);
	return {
		title: q.stem.replaceAll(BLANK_MARK, '＿').slice(0, 40),
		front: renderMarkdown(q.stem.replaceAll(BLANK_MARK, `<span class="cloze">${BLANK_MARK}</span>`)),
		back: renderMarkdown(filled) + (q.explanation ? `<div class="card-note">${renderMarkdown(q.explanation)}</div>` : '')
	};
}

export function cardFaces(): CardFace[] {
	const course = getCourse();
	const concepts = new Map(course.concepts.map((c) => [c.id, c]));
	const questions = new Map(course.questions.map((q) => [q.id, q]));
	return buildCards(course).map((spec) => {
		if (spec.kind === 'cloze') {
			const q = questions.get(spec.question!)!;
			if (q.type !== 'fill') throw new Error(`${q.id} is not a fill question`);
			return { ...spec, ...clozeFaces(q) };
		}
		return { ...spec, ...conceptFaces(spec, concepts.get(spec.concept!)!) };
	});
}
