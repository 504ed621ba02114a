/** Paper make-up in a URL query, so a printable exam can be linked and reproduced. */
import { QUESTION_TYPE_LABELS, type QuestionType } from '../content/types';
import { DEFAULT_MAKEUP, type MakeupRow } from './types';

const TYPES = Object.keys(QUESTION_TYPE_LABELS) as QuestionType[];

/** e.g. rows=single:10:2,multiple:5:2&chapters=value,loyalty&seed=7 */
export function specToQuery(rows: MakeupRow[], chapters: string[], seed: number): string {
	const p = new URLSearchParams();
	p.set('rows', rows.map((r) => `${r.type}:${r.count}:${r.marks}`).join(','));
	if (chapters.length) p.set('chapters', chapters.join(','));
	p.set('seed', String(seed));
	return p.toString();
}

export function specFromQuery(query: URLSearchParams): { rows: MakeupRow[]; chapters: string[]; seed: number } | { error: string } {
	const seed = Number(query.get('seed') ?? '1');
	if (!Number.isInteger(seed) || seed < 0) return { error: '链接中的 seed 应为非负整数。请回到教师页重新生成试卷。' };
	const rowsText = query.get('rows');
	const rows: MakeupRow[] = [];
	if (!rowsText) rows.push(...DEFAULT_MAKEUP);
	else {
		for (const part of rowsText.split(',')) {
			const [type, count, marks] = part.split(':');
			if (!TYPES.includes(type as QuestionType) || !Number.isInteger(Number(count)) || Number(count) < 0 || !(Number(marks) > 0)) {
				return { error: `链接中的试卷构成“${part}”无法识别，应形如 single:10:2（题型:题数:每题分值）。请回到教师页重新生成试卷。` };
			}
			rows.push({ type: type as QuestionType, count: Number(count), marks: Number(marks) });
		}
	}
	const chapters = (query.get('chapters') ?? '').split(',').filter(Boolean);
	return { rows, chapters, seed };
}
