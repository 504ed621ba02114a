/**
 * Generates 计算 questions from the calculators' drills; the ids and the marking live in
 * ./calc-ids (re-exported here). Kept apart because generating brings every calculator with it:
 * pages import this module dynamically, together with the question bank.
 *
 * Pure: everything random comes from the seed.
 */
export * from './calc-ids';
import { computeCdv } from '../calc/cdv';
import { DRILL_KINDS, drillTolerance, generateDrill, type DrillKind } from '../calc/drills';
import type { CalcField, Question } from '../content/types';
import { CALC_KINDS, calcQuestionId, parseCalcId, QuestionIndex, type CalcQuestion } from './calc-ids';
import { practiceCalcIds, type QuestionFilter } from './paper';

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
		case 'cohort':
			return '每位客户 CLV';
		case 'csi':
			return '顾客满意度指数 CSI';
		case 'nps':
			return 'NPS';
		case 'rfm':
			return '重要价值客户数';
	}
}

export function calcQuestion(kind: DrillKind, seed: number): CalcQuestion {
	const p = generateDrill(kind, seed);
	let stem = p.stem;
	let fields = p.parts ? p.parts.map((x) => field(x.label, x.unit, x.value)) : [field(mainLabel(kind, p.unit), p.unit, p.answer)];
	if (p.partsPrompt) stem += p.partsPrompt;
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

/** A bank map for pure callers that have only the content questions. */
export function questionIndex(bank: readonly Question[]): QuestionIndex<Question> {
	return new QuestionIndex<Question>(bank, (q) => q, calcQuestionFromId);
}

/**
 * A fixed set of 计算 questions for files that cannot generate their own (Moodle XML, GIFT):
 * `perKind` of each calculator, from fixed seeds so the exported file never changes by itself.
 */
export function calcSamples(perKind = 3): CalcQuestion[] {
	return DRILL_KINDS.flatMap((kind) => Array.from({ length: perKind }, (_, i) => calcQuestion(kind, 1001 + i)));
}

/** 计算 questions for practice: two of each calculator in the chosen chapters, seeded. */
export function practiceCalc(filter: QuestionFilter, seed: number): CalcQuestion[] {
	return practiceCalcIds(filter, seed).map((id) => calcQuestionFromId(id)!);
}
