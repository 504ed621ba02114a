import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DRILLS, DRILL_KINDS, drillFeedback, drillTolerance, generateDrill, isDrillAnswerCorrect, parseDrillAnswer, type DrillKind } from '../../../src/lib/calc/drills';
import { computeCdv } from '../../../src/lib/calc/cdv';
import { computeClv } from '../../../src/lib/calc/clv';
import { computeRatio, computeSatisfiedRate } from '../../../src/lib/calc/satisfaction';
import { computeAbc } from '../../../src/lib/calc/abc';
import { decodeRowsParam } from '../../../src/lib/calc/table-paste';

const seed = fc.integer({ min: -(2 ** 31), max: 2 ** 32 });

/** Recomputes a drill's answer from its calculator parameters, independently of the generator. */
function answerFromCalculator(kind: DrillKind, params: Record<string, string>, stem: string): number {
	switch (kind) {
		case 'cdv': {
			const r = computeCdv(params);
			if (!r.ok) throw new Error('cdv');
			return stem.includes('之比') ? r.value.ratio! : r.value.cdv;
		}
		case 'clv': {
			const r = computeClv(params);
			if (!r.ok) throw new Error('clv');
			return r.value.clv;
		}
		case 'satisfaction': {
			const r = computeRatio(params);
			if (!r.ok) throw new Error('ratio');
			return r.value.ratio;
		}
		case 'satisfied-rate': {
			const r = computeSatisfiedRate(params);
			if (!r.ok) throw new Error('rate');
			return r.value.rate * 100;
		}
		case 'abc': {
			const r = computeAbc({ rows: decodeRowsParam(params.rows!, ['name', 'value']), a: params.a, b: params.b });
			if (!r.ok) throw new Error('abc');
			return stem.includes('几位') ? r.value.classes.A.count : r.value.top.valueShare * 100;
		}
	}
}

describe('drills', () => {
	it('list every generator, in the order seeded papers draw them', () => {
		expect(DRILL_KINDS).toEqual(Object.keys(DRILLS));
		expect(DRILL_KINDS).toEqual(['cdv', 'clv', 'satisfaction', 'satisfied-rate', 'abc']);
	});

	it('are deterministic per seed', () => {
		fc.assert(
			fc.property(fc.constantFrom(...DRILL_KINDS), seed, (kind, s) => {
				expect(generateDrill(kind, s)).toEqual(generateDrill(kind, s));
			})
		);
	});

	it('vary with the seed', () => {
		for (const kind of DRILL_KINDS) {
			const stems = new Set(Array.from({ length: 20 }, (_, i) => generateDrill(kind, i).stem));
			expect(stems.size).toBeGreaterThan(5);
		}
	});

	it('answers come from the calculators and are marked correct against themselves', () => {
		fc.assert(
			fc.property(fc.constantFrom(...DRILL_KINDS), seed, (kind, s) => {
				const p = DRILLS[kind].generate(s);
				expect(p.kind).toBe(kind);
				expect(p.seed).toBe(s);
				expect(Number.isFinite(p.answer)).toBe(true);
				expect(p.answer).toBe(answerFromCalculator(kind, p.calculator.params, p.stem));
				expect(p.tolerance).toBe(Math.max(Math.abs(p.answer) * 0.005, 0.01));
				expect(isDrillAnswerCorrect(p.answer, p.answer)).toBe(true);
				expect(p.solution.length).toBeGreaterThan(1);
				expect(p.stem).not.toMatch(/undefined|NaN|Infinity|null/);
				expect(p.calculator.path).toMatch(/^\/calculators\/(cdv|clv|satisfaction|abc)$/);
			})
		);
	});

	it('use round numbers in the stem', () => {
		for (let s = 0; s < 50; s++) {
			for (const kind of DRILL_KINDS) {
				const nums = generateDrill(kind, s).stem.match(/\d+(\.\d+)?/g) ?? [];
				// At most two decimals anywhere in a stem (e.g. 0.75 never appears; rates are printed as 75%).
				expect(nums.every((n) => !/\.\d{3,}/.test(n))).toBe(true);
			}
		}
	});

	it('hand-checked: the CLV stem for a fixed seed agrees with the formula', () => {
		const p = generateDrill('clv', 7);
		const { m, r, d, n, ac, convention } = p.calculator.params as Record<string, string>;
		expect(p.stem).toContain(`每年带来利润 ${m} 元`);
		expect(p.stem).toContain(`保留率为 ${Math.round(Number(r) * 100)}%`);
		if (n !== 'inf' && convention === 'gl') {
			let sum = 0;
			for (let t = 1; t <= Number(n); t++) sum += (Number(m) * Number(r) ** t) / (1 + Number(d)) ** t;
			expect(p.answer).toBeCloseTo(sum - Number(ac), 9);
		}
	});
});

describe('answer checking', () => {
	it('accepts within max(0.5 %, 0.01)', () => {
		expect(drillTolerance(1000)).toBe(5);
		expect(drillTolerance(0.75)).toBe(0.01);
		expect(drillTolerance(-200)).toBe(1);
		expect(isDrillAnswerCorrect(1004.9, 1000)).toBe(true);
		expect(isDrillAnswerCorrect(1005, 1000)).toBe(true);
		expect(isDrillAnswerCorrect(1005.1, 1000)).toBe(false);
		expect(isDrillAnswerCorrect(0.76, 0.75)).toBe(true);
		expect(isDrillAnswerCorrect(0.74, 0.75)).toBe(true);
		expect(isDrillAnswerCorrect(0.739, 0.75)).toBe(false);
		expect(isDrillAnswerCorrect(0.3, 0.29)).toBe(true);
		expect(isDrillAnswerCorrect(-0.01, 0)).toBe(true);
		expect(isDrillAnswerCorrect(NaN, 0)).toBe(false);
	});

	it('the answer rounded to 2 decimals is always accepted', () => {
		fc.assert(fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (a) => isDrillAnswerCorrect(Math.round(a * 100) / 100, a)));
	});

	it('parses what the learner typed, with % by the unit', () => {
		const v = (raw: string, unit: Parameters<typeof parseDrillAnswer>[1]) => {
			const r = parseDrillAnswer(raw, unit);
			return 'value' in r ? r.value : r.error.message;
		};
		expect(v('75', '%')).toBe(75);
		expect(v('75%', '%')).toBe(75);
		expect(v('80%', '')).toBe(0.8);
		expect(v('１,２３４.５', '元')).toBe(1234.5);
		expect(v('', '元')).toContain('答案不能为空');
	});

	it('feedback names the reference answer', () => {
		const p = generateDrill('satisfied-rate', 3);
		expect(drillFeedback(p.answer, p)).toMatch(/^正确！参考答案：[\d.]+%。$/);
		expect(drillFeedback(p.answer + 10, p)).toMatch(/^不对。/);
	});
});
