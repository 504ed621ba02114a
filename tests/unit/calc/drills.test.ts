import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CALC_SETS, DRILLS, DRILL_KINDS, LATEST_CALC_SET, drillFeedback, drillTolerance, generateDrill, isDrillAnswerCorrect, parseDrillAnswer, type DrillKind } from '../../../src/lib/calc/drills';
import { computeCdv } from '../../../src/lib/calc/cdv';
import { computeClv } from '../../../src/lib/calc/clv';
import { computeCohort, type CohortTiming } from '../../../src/lib/calc/cohort';
import { computeCsi, computeNps, computeRatio, computeSatisfiedRate, type Scale } from '../../../src/lib/calc/satisfaction';
import { computeRfm } from '../../../src/lib/calc/rfm';
import { parsePastedTable } from '../../../src/lib/calc/table-paste';
import { RFM_COLUMNS } from '../../../src/lib/calc/rfm';
import { computeAbc } from '../../../src/lib/calc/abc';
import { decodeRowsParam } from '../../../src/lib/calc/table-paste';

const seed = fc.integer({ min: -(2 ** 31), max: 2 ** 32 });

/**
 * Every number a drill asks for, recomputed from its calculator parameters the way the calculator
 * page reads them (so a link that opens other numbers fails here).
 */
function partsFromCalculator(kind: DrillKind, params: Record<string, string>): number[] | null {
	switch (kind) {
		case 'cohort': {
			const r = computeCohort({ rows: decodeRowsParam(params.cohort!, ['customers', 'revenue', 'cost']), d: params.cd, ac: params.cac, start: params.cstart, timing: params.ctiming as CohortTiming, textbookRounding: params.cround === '1' });
			if (!r.ok) throw new Error('cohort');
			return [r.value.pvTotal, r.value.cohortClv, r.value.perCustomer];
		}
		case 'nps': {
			const r = computeNps({ scores: params.scores });
			if (!r.ok) throw new Error('nps');
			return [r.value.promoterShare * 100, r.value.detractorShare * 100, r.value.nps];
		}
		case 'rfm': {
			// The RFM page reads one pasted table from ?data=.
			const table = parsePastedTable(params.data!, RFM_COLUMNS);
			const r = computeRfm(table.rows.map((x) => x.cells));
			if (!r.ok) throw new Error('rfm');
			const m = r.value.means;
			return [m.recency, m.frequency, m.monetary, r.value.segments.find((x) => x.segment === '重要价值')!.count];
		}
		default:
			return null;
	}
}

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
		case 'csi': {
			const rows = decodeRowsParam(params.csi!, ['attribute', 'weight', 'score']);
			const r = computeCsi(rows, params.scale as Scale);
			if (!r.ok) throw new Error('csi');
			return r.value.mean;
		}
		case 'cohort':
		case 'nps':
			return partsFromCalculator(kind, params)!.at(-1)!;
		case 'rfm':
			return partsFromCalculator(kind, params)![3]!;
	}
}

describe('drills', () => {
	it('list every generator, in the order seeded papers draw them', () => {
		expect(DRILL_KINDS).toEqual(Object.keys(DRILLS));
		// Set 0 is what every link made before the newer calculators draws from: it must never change.
		expect(CALC_SETS[0]).toEqual(['cdv', 'clv', 'satisfaction', 'satisfied-rate', 'abc']);
		expect(CALC_SETS[LATEST_CALC_SET]).toEqual(['cdv', 'clv', 'satisfaction', 'satisfied-rate', 'abc', 'cohort', 'csi', 'nps', 'rfm']);
		expect(CALC_SETS[LATEST_CALC_SET]).toEqual(DRILL_KINDS);
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
				expect(p.calculator.path).toMatch(/^\/calculators\/(cdv|clv|satisfaction|abc|rfm)$/);
				const parts = partsFromCalculator(kind, p.calculator.params);
				if (parts) {
					expect(p.parts!.map((x) => x.value)).toEqual(parts);
					expect(p.partsPrompt).toMatch(/^请依次写出/);
				} else expect(p.parts).toBeUndefined();
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

	it('the new kinds state every number the calculator link opens', () => {
		fc.assert(
			fc.property(seed, (s) => {
				const has = (stem: string, n: string | number) => expect(stem).toContain(String(n));
				const cohort = generateDrill('cohort', s);
				has(cohort.stem, `获取了 ${cohort.calculator.params.cstart} 位`);
				has(cohort.stem, `每位 ${cohort.calculator.params.cac} 元`);
				has(cohort.stem, `年折现率为 ${Math.round(Number(cohort.calculator.params.cd) * 100)}%`);
				decodeRowsParam(cohort.calculator.params.cohort!, ['customers', 'revenue', 'cost']).forEach((r, i) => has(cohort.stem, `第 ${i + 1} 年仍保留 ${r.customers} 位，每位客户收入 ${r.revenue} 元、服务成本 ${r.cost} 元`));

				const csi = generateDrill('csi', s);
				has(csi.stem, `${csi.calculator.params.scale!.split('-')[1]} 分制`);
				const rows = decodeRowsParam(csi.calculator.params.csi!, ['attribute', 'weight', 'score']);
				rows.forEach((r) => has(csi.stem, `${r.attribute}（权重 ${r.weight}）${r.score} 分`));
				expect(rows.reduce((t, r) => t + Number(r.weight), 0)).toBeCloseTo(1, 9);

				const nps = generateDrill('nps', s);
				const tally = new Map<string, number>();
				for (const x of nps.calculator.params.scores!.split(' ')) tally.set(x, (tally.get(x) ?? 0) + 1);
				for (const [score, count] of tally) has(nps.stem, `${score} 分 ${count} 人`);
				has(nps.stem, `请 ${[...tally.values()].reduce((a, b) => a + b, 0)} 位顾客`);

				const rfm = generateDrill('rfm', s);
				const lines = rfm.calculator.params.data!.split('\n');
				has(rfm.stem, `分析 ${lines.length} 位会员客户`);
				for (const line of lines) {
					const [name, r, f, m] = line.split('\t');
					has(rfm.stem, `${name}：R = ${r} 天、F = ${f} 次、M = ${m} 元`);
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('RFM never lets a value on its mean decide the answer, and always has a 重要价值 customer', () => {
		for (let s = 0; s < 200; s++) {
			const p = generateDrill('rfm', s);
			const [r, f, m, count] = p.parts!.map((x) => x.value);
			for (const line of p.calculator.params.data!.split('\n')) {
				const [, R, F, M] = line.split('\t').map(Number);
				expect([R !== r, F !== f, M !== m]).toEqual([true, true, true]);
			}
			expect(count).toBeGreaterThanOrEqual(1);
		}
	});

	it('hand-checked: a cohort problem agrees with the discounted sum', () => {
		const p = generateDrill('cohort', 11);
		const { cd, cac, cstart } = p.calculator.params as Record<string, string>;
		const rows = decodeRowsParam(p.calculator.params.cohort!, ['customers', 'revenue', 'cost']);
		const pv = rows.reduce((t, r, i) => t + (Number(r.customers) * (Number(r.revenue) - Number(r.cost))) / (1 + Number(cd)) ** (i + 1), 0);
		expect(p.parts![0]!.value).toBeCloseTo(pv, 6);
		expect(p.answer).toBeCloseTo((pv - Number(cac) * Number(cstart)) / Number(cstart), 6);
	});

	it('hand-checked: NPS is the promoter share minus the detractor share', () => {
		const p = generateDrill('nps', 5);
		const scores = p.calculator.params.scores!.split(' ').map(Number);
		const share = (test: (x: number) => boolean) => (100 * scores.filter(test).length) / scores.length;
		expect(p.parts!.map((x) => x.value)).toEqual([share((x) => x >= 9), share((x) => x <= 6), share((x) => x >= 9) - share((x) => x <= 6)].map((x, i) => (i < 2 ? x : p.answer)));
		expect(p.answer).toBeCloseTo(share((x) => x >= 9) - share((x) => x <= 6), 9);
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
