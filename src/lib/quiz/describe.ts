/** Plain-text descriptions of answers, for feedback, reviews and exports. */
import type { Question } from '../content/types';
import { calcFieldText } from './calc-ids';
import type { Response } from './types';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const blankLabel = (i: number) => CIRCLED[i] ?? `(${i + 1})`;

/**
 * The letter a student saw for an option: options are lettered A, B, C… in the order shown, so a
 * shuffled paper never shows "C, D, B". Marking keeps the original keys; this is display only.
 */
export function displayLetter(key: string, order?: readonly string[]): string {
	const i = order ? order.indexOf(key) : -1;
	return i < 0 ? key : String.fromCharCode(65 + i);
}

const lettered = (keys: readonly string[], order?: readonly string[]) => keys.map((k) => displayLetter(k, order)).sort();

/** For the teacher: what each displayed letter was in the bank, when the options were shuffled. */
export function optionMapText(order?: readonly string[]): string | null {
	if (!order || order.every((k, i) => k === String.fromCharCode(65 + i))) return null;
	return order.map((k, i) => `${String.fromCharCode(65 + i)}=原${k}`).join('，');
}

export function correctAnswerText(q: Question, order?: readonly string[]): string {
	switch (q.type) {
		case 'single':
			return displayLetter(q.answer, order);
		case 'multiple':
			return lettered(q.answer, order).join('、');
		case 'judge':
			return q.answer ? '对' : '错';
		case 'fill':
			return q.answer.blanks.map((b, i) => `${q.answer.blanks.length > 1 ? blankLabel(i) : ''}${b.join(' / ')}`).join('　') + (q.answer.anyOrder ? '（各空顺序不限）' : '');
		case 'calc':
			return q.answer.fields.map((f) => `${f.label} ${calcFieldText(f)}`).join('；');
		default:
			return q.answer.points.map((p, i) => `${i + 1}. ${p}`).join('\n');
	}
}

export function responseText(q: Question, r: Response | undefined, order?: readonly string[]): string {
	if (!r) return '未作答';
	switch (r.type) {
		case 'single':
			return r.choice === null ? '未作答' : displayLetter(r.choice, order);
		case 'multiple':
			return r.choices.length ? lettered(r.choices, order).join('、') : '未作答';
		case 'judge':
			return r.value === null ? '未作答' : r.value ? '对' : '错';
		case 'fill':
			return r.blanks.some((b) => b.trim()) ? r.blanks.map((b, i) => `${r.blanks.length > 1 ? blankLabel(i) : ''}${b.trim() || '（空）'}`).join('　') : '未作答';
		case 'calc': {
			if (!r.values.some((v) => v.trim())) return '未作答';
			const fields = q.type === 'calc' ? q.answer.fields : [];
			return r.values.map((v, i) => `${fields[i]?.label ?? `第 ${i + 1} 空`} ${v.trim() || '（空）'}`).join('；');
		}
		default:
			return r.text.trim() || (q.type === 'define' || q.type === 'short' ? '未作答' : '');
	}
}

/** A stem as a one-line plain-text preview for lists and tables (Markdown markers dropped). */
export function plainStem(stem: string, max = Infinity): string {
	const text = stem.replace(/[*_`$]/g, '');
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
