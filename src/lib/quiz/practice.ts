/**
 * What a 刷题 session needs around the questions: reading counts typed on a phone, the honest
 * shape of a paper before it is drawn, keyboard answers. (The end-of-practice summary is in
 * ./attempt and 收藏 in ./favourites: they need the marking code and the store, the setup does not.)
 * Pure: time and the bank are inputs.
 */
import type { Question } from '../content/types';
import { calcKindsFor } from './calc-ids';
import { countMatching, type QuestionTally } from './paper';
import type { PaperSpec, Response } from './types';

/** A whole number as typed, full-width digits (１０) and spaces allowed; null if it is not one. */
export function parseWholeNumber(raw: string): number | null {
	const t = raw.normalize('NFKC').trim();
	return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

export interface PaperPlan {
	rows: { type: Question['type']; wanted: number; count: number; marks: number }[];
	questions: number;
	total: number;
	/** What the make-up table promises. */
	promisedTotal: number;
	short: boolean;
}

/** The paper the spec will really give with this bank, before it is drawn: counts capped by what exists. */
export function paperPlan(tally: QuestionTally, spec: PaperSpec): PaperPlan {
	const filter = { chapters: spec.chapters, courseOnly: spec.courseOnly };
	const rows = spec.rows
		.filter((r) => r.count > 0)
		.map((r) => {
			const available = r.type === 'calc' ? (calcKindsFor(spec.chapters).length ? Infinity : 0) : countMatching(tally, { ...filter, types: [r.type] });
			return { type: r.type, wanted: r.count, count: Math.min(r.count, available), marks: r.marks };
		});
	const total = rows.reduce((s, r) => s + r.count * r.marks, 0);
	const promisedTotal = rows.reduce((s, r) => s + r.wanted * r.marks, 0);
	return { rows, questions: rows.reduce((s, r) => s + r.count, 0), total, promisedTotal, short: rows.some((r) => r.count < r.wanted) };
}

/** Marks as people write them: at most two decimals, no trailing zeros (1.33, 2, 0.5). */
export function fmtMarks(n: number): string {
	return String(Math.round(n * 100) / 100);
}

/** "12 分 05 秒", "1 小时 3 分". */
export function fmtDuration(seconds: number): string {
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	const s = seconds % 60;
	if (h) return `${h} 小时 ${m} 分`;
	return m ? `${m} 分 ${String(s).padStart(2, '0')} 秒` : `${s} 秒`;
}

/**
 * The answer a key press gives on a choice question: A–E or 1–5 pick the option shown in that
 * place (判断: A/1 = 对, B/2 = 错). Multiple choice toggles. Null when the key means nothing here.
 */
export function keyAnswer(q: Question, shownKeys: readonly string[], current: Response | undefined, key: string): Response | null {
	const k = key.normalize('NFKC').toUpperCase();
	const index = /^[A-E]$/.test(k) ? k.charCodeAt(0) - 65 : /^[1-5]$/.test(k) ? Number(k) - 1 : -1;
	if (index < 0) return null;
	if (q.type === 'judge') return index < 2 ? { type: 'judge', value: index === 0 } : null;
	const option = shownKeys[index];
	if (option === undefined) return null;
	if (q.type === 'single') return { type: 'single', choice: option };
	if (q.type === 'multiple') {
		const set = new Set(current?.type === 'multiple' ? current.choices : []);
		if (set.has(option)) set.delete(option);
		else set.add(option);
		return { type: 'multiple', choices: [...set].sort() };
	}
	return null;
}
