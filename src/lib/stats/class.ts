/**
 * A class's results for one assignment: gradebook summary and classical item analysis. Pure;
 * every number here is recomputed from the students' answers, never taken from their files.
 */
import { bin, mean, median } from 'd3-array';
import type { Question } from '../content/types';
import type { MarkResult, Response } from '../quiz/types';

/** One student's graded attempt, as the statistics need it. */
export interface GradedAttempt {
	key: string;
	earned: number;
	max: number;
	items: { questionId: string; mark: MarkResult; response: Response | undefined }[];
}

export interface ScoreSummary {
	count: number;
	mean: number | null;
	median: number | null;
	min: number | null;
	max: number | null;
	passed: number;
	/** Percent bands 0–59, 60–69, 70–79, 80–89, 90–100: the usual Chinese grading bands. */
	bands: { label: string; count: number }[];
}

const BAND_EDGES = [60, 70, 80, 90];
const BAND_LABELS = ['0–59', '60–69', '70–79', '80–89', '90–100'];

export function percentOf(a: Pick<GradedAttempt, 'earned' | 'max'>): number {
	return a.max > 0 ? (a.earned / a.max) * 100 : 0;
}

export function summarizeScores(percents: readonly number[], passMark: number): ScoreSummary {
	const bins = bin()
		.domain([0, 100])
		.thresholds(BAND_EDGES)(percents.map((p) => Math.min(100, Math.max(0, p))));
	return {
		count: percents.length,
		mean: mean(percents) ?? null,
		median: median(percents) ?? null,
		min: percents.length ? Math.min(...percents) : null,
		max: percents.length ? Math.max(...percents) : null,
		passed: percents.filter((p) => p >= passMark).length,
		bands: BAND_LABELS.map((label, i) => ({ label, count: bins[i]?.length ?? 0 }))
	};
}

/** The share of the class in each of the upper and lower groups (Kelley's 27 %). */
export const GROUP_SHARE = 0.27;
/** Facility at or below / at or above these is flagged as too hard / too easy. */
export const FACILITY_LOW = 0.1;
export const FACILITY_HIGH = 0.9;

/**
 * Facility and discrimination from fewer marked answers than this say more about the few students
 * than about the question, so they are not shown and nothing is flagged.
 */
export const MIN_ITEM_SAMPLE = 5;

export type ItemFlag = 'negative-discrimination' | 'too-hard' | 'too-easy';

export const ITEM_FLAG_LABELS: Record<ItemFlag, string> = {
	'negative-discrimination': '区分度为负：低分组反而答得更好，请检查答案或题干是否有歧义',
	'too-hard': '几乎没人答对：请检查答案是否正确、题目是否超纲',
	'too-easy': '几乎人人答对：区分不出水平'
};

export interface ItemStats {
	questionId: string;
	/** Students whose paper had this question. */
	n: number;
	/** Answers to it that are marked (名词解释/简答 awaiting the teacher are not). */
	marked: number;
	/** Mean share of the marks earned, 0–1; null below MIN_ITEM_SAMPLE marked answers. */
	facility: number | null;
	/** Facility in the upper group minus facility in the lower group, −1–1; null if a group lacks the item. */
	discrimination: number | null;
	/** Choice and true/false questions: how many picked each option ('T'/'F' for 判断), and how many left it blank. */
	options: { key: string; count: number; correct: boolean }[] | null;
	blank: number;
	flags: ItemFlag[];
}

const share = (m: MarkResult) => (m.max > 0 ? m.earned / m.max : 0);

/** Upper and lower groups by total percent; ties at a boundary are broken by key so the result is stable. */
export function extremeGroups(attempts: readonly GradedAttempt[]): { upper: Set<string>; lower: Set<string> } {
	if (attempts.length < 2) return { upper: new Set(), lower: new Set() };
	const size = Math.max(1, Math.round(attempts.length * GROUP_SHARE));
	const ranked = [...attempts].sort((a, b) => percentOf(b) - percentOf(a) || a.key.localeCompare(b.key));
	return { upper: new Set(ranked.slice(0, size).map((a) => a.key)), lower: new Set(ranked.slice(-size).map((a) => a.key)) };
}

export function itemAnalysis(attempts: readonly GradedAttempt[], questions: ReadonlyMap<string, Question>): ItemStats[] {
	const { upper, lower } = extremeGroups(attempts);
	const order: string[] = [];
	const byItem = new Map<string, { key: string; mark: MarkResult; response: Response | undefined }[]>();
	for (const a of attempts) {
		for (const it of a.items) {
			if (!byItem.has(it.questionId)) (byItem.set(it.questionId, []), order.push(it.questionId));
			byItem.get(it.questionId)!.push({ key: a.key, mark: it.mark, response: it.response });
		}
	}
	return order.map((questionId) => {
		const all = byItem.get(questionId)!;
		const q = questions.get(questionId);
		// Answers nobody has marked yet say nothing about the question.
		const rows = all.filter((r) => r.mark.status !== 'pending');
		const enough = rows.length >= MIN_ITEM_SAMPLE;
		const facility = enough ? (mean(rows, (r) => share(r.mark)) ?? null) : null;
		const up = rows.filter((r) => upper.has(r.key));
		const low = rows.filter((r) => lower.has(r.key));
		const discrimination = enough && up.length && low.length ? mean(up, (r) => share(r.mark))! - mean(low, (r) => share(r.mark))! : null;
		const blank = rows.filter((r) => r.mark.status === 'unanswered').length;
		let options: ItemStats['options'] = null;
		if (q && (q.type === 'single' || q.type === 'multiple')) {
			options = q.options.map((o) => ({
				key: o.key,
				correct: q.type === 'single' ? q.answer === o.key : q.answer.includes(o.key),
				count: rows.filter((r) => (r.response?.type === 'single' && r.response.choice === o.key) || (r.response?.type === 'multiple' && r.response.choices.includes(o.key))).length
			}));
		} else if (q?.type === 'judge') {
			options = [true, false].map((v) => ({ key: v ? 'T' : 'F', correct: q.answer === v, count: rows.filter((r) => r.response?.type === 'judge' && r.response.value === v).length }));
		}
		const flags: ItemFlag[] = [];
		if (discrimination !== null && discrimination < 0) flags.push('negative-discrimination');
		if (facility !== null && facility <= FACILITY_LOW) flags.push('too-hard');
		if (facility !== null && facility >= FACILITY_HIGH) flags.push('too-easy');
		return { questionId, n: all.length, marked: rows.length, facility, discrimination, options, blank, flags };
	});
}
