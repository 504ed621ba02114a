/**
 * What a drill answer is checked against, without the generators (./drills): marking an answer
 * needs only this, so pages that mark answers do not load every calculator.
 */
import { parseNumber, type Parsed, type Step } from './common';

export type DrillKind = 'cdv' | 'clv' | 'satisfaction' | 'satisfied-rate' | 'abc' | 'cohort' | 'csi' | 'nps' | 'rfm';

export type DrillUnit = '元' | '%' | '位' | '';

/** Every kind. New kinds go at the end; papers draw from a CALC_SETS entry, never from this list directly. */
export const DRILL_KINDS: readonly DrillKind[] = ['cdv', 'clv', 'satisfaction', 'satisfied-rate', 'abc', 'cohort', 'csi', 'nps', 'rfm'];

/**
 * The kinds a seeded paper draws 计算 from, in draw order (papers pick kinds by index). A shared
 * assignment link or print link rebuilds its papers from a seed, so each link keeps the set it was
 * made with: set 0 (the first five kinds) for links made before the others existed, the last set
 * for new ones. Never reorder or change a set; add a new one instead.
 */
export const CALC_SETS: readonly (readonly DrillKind[])[] = [DRILL_KINDS.slice(0, 5), DRILL_KINDS];

/** The set new links and mock exams draw from. */
export const LATEST_CALC_SET = CALC_SETS.length - 1;

export const DRILL_TITLES: Record<DrillKind, string> = {
	cdv: '客户让渡价值',
	clv: '客户终生价值',
	satisfaction: '客户满意度（实际体验 / 期望值）',
	'satisfied-rate': '满意率',
	abc: 'ABC 分析与二八法则',
	cohort: '群体客户终生价值（按年列表）',
	csi: '加权满意度指数（CSI）',
	nps: '净推荐值（NPS）',
	rfm: 'RFM 分析'
};

export interface DrillProblem {
	kind: DrillKind;
	seed: number;
	stem: string;
	/** Full precision; compare with isDrillAnswerCorrect. */
	answer: number;
	/** Absolute tolerance accepted: max(0.5 % of the answer, 0.01). */
	tolerance: number;
	/** Unit the answer is asked in. '%' means percentage points (75 for 75 %). */
	unit: DrillUnit;
	solution: Step[];
	/**
	 * Every number the quiz version asks for, in order, when the problem has several parts; one
	 * of them is `answer` (the one the practice box checks). `partsPrompt` asks for them all.
	 */
	parts?: { label: string; unit: DrillUnit; value: number }[];
	partsPrompt?: string;
	/** The convention text of the calculator result, when it has one. */
	convention?: string;
	/** The calculator page and its query parameters, to open this problem there. */
	calculator: { path: string; params: Record<string, string> };
}

export type DrillGenerator = (seed: number) => DrillProblem;

/** The accepted distance from the answer: 0.5 % of it, or 0.01, whichever is larger. */
export function drillTolerance(answer: number): number {
	return Math.max(Math.abs(answer) * 0.005, 0.01);
}

export function isDrillAnswerCorrect(given: number, answer: number): boolean {
	if (!Number.isFinite(given) || !Number.isFinite(answer)) return false;
	// The tiny slack keeps e.g. 0.3 vs 0.29 (exactly 0.01 apart in decimal) from failing on binary noise.
	return Math.abs(given - answer) <= drillTolerance(answer) * (1 + 1e-9);
}

/**
 * Reads what the learner typed. A trailing % means percentage points when the answer is
 * asked in %, and a fraction otherwise (so 80% is accepted for a satisfaction of 0.8).
 */
export function parseDrillAnswer(raw: string, unit: DrillUnit): Parsed {
	return parseNumber('answer', raw, { label: '答案', percent: unit === '%' ? 'points' : 'fraction', example: unit === '%' ? '75 或 75%' : '12.5' });
}
