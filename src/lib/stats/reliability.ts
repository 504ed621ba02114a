/**
 * Test statistics of a class: centre and spread of the scores, and how consistently the items
 * measure (Cronbach's α, KR-20 for all-or-nothing items, the standard error of measurement).
 * Pure. Variances are sample variances (n − 1); α is a ratio of variances, so the choice cancels
 * there, and KR-20 (written with p·q, population variances) comes out equal to α on 0/1 items.
 */
import { median as d3median } from 'd3-array';

export interface ItemScores {
	/** One row per student, one column per item: the marks earned. */
	scores: number[][];
	/** Full marks of each item. */
	max: number[];
}

export interface TestStatistics {
	count: number;
	/** Of the percent scores, 0–100. */
	mean: number | null;
	median: number | null;
	sd: number | null;
	/** Items the reliability is computed from (those on every student's paper, all marked). */
	items: number;
	alpha: number | null;
	/** Only when every item is scored all or nothing. */
	kr20: number | null;
	/** In percentage points, from α: sd × √(1 − α). */
	sem: number | null;
	/** Why α is missing, in Chinese, when it is. */
	note: string | null;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const avg = (xs: readonly number[]) => sum(xs) / xs.length;

/** Sample variance (n − 1); null below two values. */
export function sampleVariance(xs: readonly number[]): number | null {
	if (xs.length < 2) return null;
	const m = avg(xs);
	return sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1);
}

/** Cronbach's α = k/(k−1) · (1 − Σ var(item) / var(total)); null when it is undefined. */
export function cronbachAlpha(scores: readonly (readonly number[])[]): number | null {
	const k = scores[0]?.length ?? 0;
	if (scores.length < 2 || k < 2) return null;
	const totalVar = sampleVariance(scores.map((row) => sum(row)));
	if (!totalVar) return null;
	const itemVar = sum(Array.from({ length: k }, (_, j) => sampleVariance(scores.map((row) => row[j]!))!));
	return (k / (k - 1)) * (1 - itemVar / totalVar);
}

/** KR-20 = k/(k−1) · (1 − Σ p·q / σ²), with σ² the population variance of the totals; for 0/1 items only. */
export function kr20(scores: readonly (readonly number[])[]): number | null {
	const k = scores[0]?.length ?? 0;
	const n = scores.length;
	if (n < 2 || k < 2 || !scores.every((row) => row.every((x) => x === 0 || x === 1))) return null;
	const totals = scores.map((row) => sum(row));
	const m = avg(totals);
	const variance = sum(totals.map((t) => (t - m) ** 2)) / n;
	if (!variance) return null;
	const pq = sum(
		Array.from({ length: k }, (_, j) => {
			const p = avg(scores.map((row) => row[j]!));
			return p * (1 - p);
		})
	);
	return (k / (k - 1)) * (1 - pq / variance);
}

/**
 * `percents` are the students' total percents (for centre and spread); `items` are the marks of
 * the items every student had, all marked, for the reliability. Items are scaled to 0/1 for KR-20
 * when each is either 0 or full marks.
 */
export function testStatistics(percents: readonly number[], items: ItemScores): TestStatistics {
	const n = percents.length;
	const sdVar = sampleVariance(percents);
	const sd = sdVar === null ? null : Math.sqrt(sdVar);
	const k = items.max.length;
	let note: string | null = null;
	if (n < 2) note = '至少需要 2 位学生才能计算信度。';
	else if (k < 2) note = '学生试卷中共同的、已评分的题目不足 2 道（例如每人抽到的题不同，或名词解释/简答尚待批阅），无法计算信度。';
	const alpha = note ? null : cronbachAlpha(items.scores);
	if (!note && alpha === null) note = '全班总分完全相同，信度没有意义。';
	const dichotomous = items.scores.every((row) => row.every((x, j) => x === 0 || x === items.max[j]));
	const k20 = !note && dichotomous ? kr20(items.scores.map((row) => row.map((x, j) => (items.max[j] ? x / items.max[j]! : 0)))) : null;
	return {
		count: n,
		mean: n ? avg(percents) : null,
		median: n ? (d3median(percents) ?? null) : null,
		sd,
		items: k,
		alpha,
		kr20: k20,
		sem: alpha !== null && sd !== null ? sd * Math.sqrt(Math.max(0, 1 - alpha)) : null,
		note
	};
}

/**
 * The item-score matrix from graded attempts: the items on every student's paper, in the order of
 * the first paper, dropped if any answer to them is still 待批阅.
 */
export function commonItems(attempts: readonly { items: readonly { questionId: string; mark: { earned: number; max: number; status: string } }[] }[]): ItemScores & { ids: string[] } {
	if (!attempts.length) return { scores: [], max: [], ids: [] };
	const maps = attempts.map((a) => new Map(a.items.map((i) => [i.questionId, i.mark])));
	const ids = attempts[0]!.items.map((i) => i.questionId).filter((id) => maps.every((m) => m.has(id) && m.get(id)!.status !== 'pending'));
	return {
		ids,
		max: ids.map((id) => maps[0]!.get(id)!.max),
		scores: maps.map((m) => ids.map((id) => m.get(id)!.earned))
	};
}
