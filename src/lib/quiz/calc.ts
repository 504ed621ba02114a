/**
 * 计算 questions: the calculators' seeded drills dressed as quiz questions. A calc question is
 * never stored; its id names the drill kind and seed (`calc-clv-12345`), so every paper, attempt,
 * 错题本 entry and result file that holds the id can rebuild the same numbers and the same key.
 *
 * Pure: everything random comes from the seed.
 */
import { computeCdv } from '../calc/cdv';
import { DRILL_KINDS, drillTolerance, generateDrill, parseDrillAnswer, type DrillKind } from '../calc/drills';
import type { CalcField, Question } from '../content/types';

export type CalcQuestion = Question & { type: 'calc' };

/** Where each drill belongs in the course: its chapter and the formula card it practises. */
export const CALC_KINDS: Record<DrillKind, { chapter: string; concepts: string[] }> = {
	cdv: { chapter: 'value', concepts: ['cdv-formula'] },
	clv: { chapter: 'value', concepts: ['clv-formula'] },
	satisfaction: { chapter: 'satisfaction', concepts: ['satisfaction-ratio'] },
	'satisfied-rate': { chapter: 'satisfaction', concepts: ['satisfaction-ratio'] },
	abc: { chapter: 'segmentation', concepts: ['pareto-principle'] }
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

/** The drill kinds whose chapter is in scope (empty = the whole course). */
export function calcKindsFor(chapters: readonly string[]): DrillKind[] {
	return DRILL_KINDS.filter((k) => chapters.length === 0 || chapters.includes(CALC_KINDS[k].chapter));
}

const field = (label: string, unit: CalcField['unit'], value: number): CalcField => ({ label, unit, value, tolerance: drillTolerance(value) });

/** The one number a drill asks for, named for the answer box. */
function mainLabel(kind: DrillKind, unit: string): string {
	switch (kind) {
		case 'cdv':
			return unit === '元' ? '客户让渡价值' : '总价值 / 总成本';
		case 'clv':
			return '客户终生价值';
		case 'satisfaction':
			return '满意度 C';
		case 'satisfied-rate':
			return '满意率';
		case 'abc':
			return unit === '位' ? 'A 类客户数' : '前 20% 客户的销售额占比';
	}
}

export function calcQuestion(kind: DrillKind, seed: number): CalcQuestion {
	const p = generateDrill(kind, seed);
	let stem = p.stem;
	let fields = [field(mainLabel(kind, p.unit), p.unit, p.answer)];
	// The exam asks for the two totals before the difference, and each earns its share of the marks.
	if (kind === 'cdv' && p.unit === '元') {
		const r = computeCdv(p.calculator.params);
		if (r.ok) {
			fields = [field('客户总价值', '元', r.value.tcv), field('客户总成本', '元', r.value.tcc), fields[0]!];
			stem += '请依次写出客户总价值、客户总成本和客户让渡价值。';
		}
	}
	const explanation = p.solution.map((s, i) => `${i + 1}. ${s.label}：$${s.tex}$${s.note ? `（${s.note}）` : ''}`).join('\n');
	return {
		id: calcQuestionId(kind, seed),
		type: 'calc',
		chapter: CALC_KINDS[kind].chapter,
		stem,
		explanation: (p.convention ? `本题采用：${p.convention}\n\n` : '') + explanation,
		concepts: [...CALC_KINDS[kind].concepts],
		source: 'authored',
		tags: [],
		pos: { file: 'src/lib/calc/drills.ts', line: 0 },
		options: [],
		answer: { kind, seed, fields, solution: p.solution, convention: p.convention, calculator: p.calculator }
	};
}

export function calcQuestionFromId(id: string): CalcQuestion | null {
	const parsed = parseCalcId(id);
	return parsed ? calcQuestion(parsed.kind, parsed.seed) : null;
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

/**
 * Questions by id, where ids of 计算 questions are answered by generating them. Everything that
 * looks questions up in a map (scoring, the runner, the 错题本) then handles 计算 unchanged.
 */
export class QuestionIndex<Q extends Question> extends Map<string, Q> {
	readonly #generated = new Map<string, Q>();
	constructor(
		entries: readonly Q[],
		private readonly wrap: (q: CalcQuestion) => Q
	) {
		super(entries.map((q) => [q.id, q]));
	}
	override get(id: string): Q | undefined {
		const own = super.get(id);
		if (own) return own;
		const cached = this.#generated.get(id);
		if (cached) return cached;
		const calc = calcQuestionFromId(id);
		if (!calc) return undefined;
		const q = this.wrap(calc);
		this.#generated.set(id, q);
		return q;
	}
	override has(id: string): boolean {
		return super.has(id) || parseCalcId(id) !== null;
	}
}

/** A bank map for pure callers that have only the content questions. */
export function questionIndex(bank: readonly Question[]): QuestionIndex<Question> {
	return new QuestionIndex<Question>(bank, (q) => q);
}

/**
 * A fixed set of 计算 questions for files that cannot generate their own (Moodle XML, GIFT):
 * `perKind` of each calculator, from fixed seeds so the exported file never changes by itself.
 */
export function calcSamples(perKind = 3): CalcQuestion[] {
	return DRILL_KINDS.flatMap((kind) => Array.from({ length: perKind }, (_, i) => calcQuestion(kind, 1001 + i)));
}
