/**
 * 计算 questions: the calculators' seeded drills dressed as quiz questions. A calc question is
 * never stored; its id names the drill kind and seed (`calc-clv-12345`), so every paper, attempt,
 * 错题本 entry and result file that holds the id can rebuild the same numbers and the same key.
 *
 * This module knows the ids and marks the answers; generating a question from its id needs the
 * calculators and lives in ./calc, which pages load only with the question bank.
 */
import { CALC_SETS, DRILL_KINDS, LATEST_CALC_SET, parseDrillAnswer, type DrillKind } from '../calc/drill-kinds';
import type { CalcField, Question } from '../content/types';

export type CalcQuestion = Question & { type: 'calc' };

/** Where each drill belongs in the course: its chapter and the formula card it practises. */
export const CALC_KINDS: Record<DrillKind, { chapter: string; concepts: string[] }> = {
	cdv: { chapter: 'value', concepts: ['cdv-formula'] },
	clv: { chapter: 'value', concepts: ['clv-formula'] },
	satisfaction: { chapter: 'satisfaction', concepts: ['satisfaction-ratio'] },
	'satisfied-rate': { chapter: 'satisfaction', concepts: ['satisfaction-ratio'] },
	abc: { chapter: 'segmentation', concepts: ['pareto-principle'] },
	cohort: { chapter: 'value', concepts: ['clv-formula', 'customer-lifetime-value'] },
	csi: { chapter: 'satisfaction', concepts: ['csi-significance', 'satisfaction-index-system-uses'] },
	// The course has no NPS card; the satisfaction-degree card is the nearest idea it teaches.
	nps: { chapter: 'satisfaction', concepts: ['net-promoter-score'] },
	rfm: { chapter: 'segmentation', concepts: ['rfm-analysis'] }
};

const ID = /^calc-([a-z-]+)-(\d{1,10})$/;

export function calcQuestionId(kind: DrillKind, seed: number): string {
	return `calc-${kind}-${seed}`;
}

export function parseCalcId(id: string): { kind: DrillKind; seed: number } | null {
	const m = ID.exec(id);
	if (!m || !DRILL_KINDS.includes(m[1] as DrillKind)) return null;
	const seed = Number(m[2]);
	return seed <= 0xffffffff ? { kind: m[1] as DrillKind, seed } : null;
}

/** What a paper needs of a 计算 question, without generating it (which needs every calculator). */
export function calcPaperQuestion(id: string): { id: string; chapter: string; type: 'calc'; source: 'authored'; options: [] } | null {
	const parsed = parseCalcId(id);
	return parsed ? { id, chapter: CALC_KINDS[parsed.kind].chapter, type: 'calc', source: 'authored', options: [] } : null;
}

/** The drill kinds of a 计算 set (see CALC_SETS) whose chapter is in scope (empty = the whole course). */
export function calcKindsFor(chapters: readonly string[], calcSet: number = LATEST_CALC_SET): DrillKind[] {
	return (CALC_SETS[calcSet] ?? CALC_SETS[LATEST_CALC_SET]!).filter((k) => chapters.length === 0 || chapters.includes(CALC_KINDS[k].chapter));
}

/** A field's verdict: right within the tolerance, wrong, left empty, or not a number at all. */
export function judgeCalcField(raw: string, f: CalcField): 'correct' | 'wrong' | 'empty' {
	if (raw.trim() === '') return 'empty';
	const parsed = parseDrillAnswer(raw, f.unit);
	if ('error' in parsed) return 'wrong';
	return Math.abs(parsed.value - f.value) <= f.tolerance * (1 + 1e-9) ? 'correct' : 'wrong';
}

/** The expected value as the key shows it, rounded for reading. */
export function calcFieldText(f: CalcField): string {
	const v = Math.round(f.value * 100) / 100;
	return `${v}${f.unit === '%' ? '%' : f.unit ? ` ${f.unit}` : ''}`;
}

/** Builds the 计算 question an id names, or null: `calcQuestionFromId` from ./calc. */
export type CalcGenerator = (id: string) => CalcQuestion | null;

/**
 * Questions by id, where ids of 计算 questions are answered by generating them. Everything that
 * looks questions up in a map (scoring, the runner, the 错题本) then handles 计算 unchanged.
 * Without a generator (before it has loaded) 计算 ids are unknown.
 */
export class QuestionIndex<Q extends Question> extends Map<string, Q> {
	readonly #generated = new Map<string, Q>();
	constructor(
		entries: readonly Q[],
		private readonly wrap: (q: CalcQuestion) => Q,
		private readonly generate: CalcGenerator | null
	) {
		super(entries.map((q) => [q.id, q]));
	}
	override get(id: string): Q | undefined {
		const own = super.get(id);
		if (own) return own;
		const cached = this.#generated.get(id);
		if (cached) return cached;
		const calc = this.generate?.(id);
		if (!calc) return undefined;
		const q = this.wrap(calc);
		this.#generated.set(id, q);
		return q;
	}
	override has(id: string): boolean {
		return super.has(id) || (this.generate !== null && parseCalcId(id) !== null);
	}
}
