/** Paper make-up in a URL query, so a printable exam can be linked and reproduced. */
import { QUESTION_TYPE_LABELS, type QuestionType } from '../content/types';
import { CALC_SETS, LATEST_CALC_SET } from '../calc/drill-kinds';
import { DEFAULT_MAKEUP, type MakeupRow } from './types';

const TYPES = Object.keys(QUESTION_TYPE_LABELS) as QuestionType[];

/**
 * e.g. rows=single:10:2,multiple:5:2&chapters=value,loyalty&seed=7&calc=1. `calc` is the set of
 * calculators 计算 is drawn from (CALC_SETS): links made before it existed mean set 0, so an old
 * link still prints the paper it always printed.
 */
export function specToQuery(rows: MakeupRow[], chapters: string[], seed: number, calcSet = LATEST_CALC_SET): string {
	const p = new URLSearchParams();
	p.set('rows', rows.map((r) => `${r.type}:${r.count}:${r.marks}`).join(','));
	if (chapters.length) p.set('chapters', chapters.join(','));
	p.set('seed', String(seed));
	if (calcSet > 0) p.set('calc', String(calcSet));
	return p.toString();
}

export function specFromQuery(query: URLSearchParams): { rows: MakeupRow[]; chapters: string[]; seed: number; calcSet: number } | { error: string } {
	const seed = Number(query.get('seed') ?? '1');
	if (!Number.isInteger(seed) || seed < 0) return { error: '链接中的 seed 应为非负整数。请回到教师页重新生成试卷。' };
	const calcSet = Number(query.get('calc') ?? '0');
	if (!Number.isInteger(calcSet) || calcSet < 0 || calcSet >= CALC_SETS.length) {
		return { error: `链接中的计算题范围 calc=${query.get('calc')} 无法识别（应为 0–${CALC_SETS.length - 1}），可能由更新版本的本站生成。请刷新页面，或回到教师页重新生成试卷。` };
	}
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
	return { rows, chapters, seed, calcSet };
}
