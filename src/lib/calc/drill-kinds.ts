/**
 * What a drill answer is checked against, without the generators: marking a 计算 question
 * needs only this, so pages that mark answers do not load every calculator.
 */
import { parseNumber, type Parsed } from './common';

export type DrillKind = 'cdv' | 'clv' | 'satisfaction' | 'satisfied-rate' | 'abc';

export type DrillUnit = '元' | '%' | '位' | '';

/** In this order: papers draw kinds by index, so reordering would change every seeded paper. */
export const DRILL_KINDS: readonly DrillKind[] = ['cdv', 'clv', 'satisfaction', 'satisfied-rate', 'abc'];

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
