import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approxEqual, parseNumber } from '../../../src/lib/calc/common';
import { CDV_COSTS, CDV_VALUES, compareOffers, computeCdv, type CdvField } from '../../../src/lib/calc/cdv';
import { clvBySummation, clvClosedForm, computeClv, type Convention } from '../../../src/lib/calc/clv';
import { computeCsi, computeNps, computeRatio, computeSatisfiedRate } from '../../../src/lib/calc/satisfaction';

const all = (v: string) => Object.fromEntries([...CDV_VALUES, ...CDV_COSTS].map((k) => [k, v])) as Record<CdvField, string>;

describe('common', () => {
	it('0.1 + 0.2 equals 0.3 within the tolerance, 0.3001 does not', () => {
		expect(approxEqual(0.1 + 0.2, 0.3)).toBe(true);
		expect(approxEqual(0.3001, 0.3)).toBe(false);
	});

	it('parses full-width digits and separators, rejects the rest in Chinese', () => {
		expect(parseNumber('x', '１２,３４５.５', { label: 'x', example: '1' })).toEqual({ value: 12345.5 });
		const bad = parseNumber('x', 'abc', { label: '产品价值', min: 0, example: '120' });
		expect('error' in bad && bad.error.message).toBe('产品价值“abc”不是数字：应为不小于 0 的数，例如 120。');
	});
});

describe('CDV', () => {
	it('hand-checked: values 300+100+50+50, costs 200+20+10+20', () => {
		const r = computeCdv({ product: '300', service: '100', personnel: '50', image: '50', money: '200', time: '20', energy: '10', psychic: '20' });
		expect(r.ok && r.value).toMatchObject({ tcv: 500, tcc: 250, cdv: 250, ratio: 2 });
	});

	it('TCC = 0: the ratio is undefined with a reason, never ∞', () => {
		const r = computeCdv({ ...all('0'), product: '10' });
		expect(r.ok && r.value.ratio).toBeNull();
		expect(r.ok && r.steps.at(-1)!.note).toContain('不能作除数');
	});

	it('a negative CDV says the customer is unlikely to buy', () => {
		const r = computeCdv({ ...all('1'), money: '50' });
		expect(r.ok && r.value.interpretation).toContain('很可能不会购买');
	});

	it('is linear in each input', () => {
		fc.assert(
			fc.property(fc.constantFrom(...CDV_VALUES, ...CDV_COSTS), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (field, a, b) => {
				const at = (v: number) => {
					const r = computeCdv({ ...all('7'), [field]: String(v) });
					return r.ok ? r.value.cdv : NaN;
				};
				const sign = (CDV_VALUES as readonly string[]).includes(field) ? 1 : -1;
				return approxEqual(at(a) - at(b), sign * (a - b));
			})
		);
	});

	it('every invalid input gives errors and no result', () => {
		fc.assert(
			fc.property(fc.constantFrom(...CDV_VALUES, ...CDV_COSTS), fc.constantFrom('', '-1', 'abc', '1e999', '--2'), (field, bad) => {
				const r = computeCdv({ ...all('5'), [field]: bad });
				return !r.ok && r.errors.length === 1 && r.errors[0]!.field === field && !('value' in r);
			})
		);
	});

	it('compare mode flags when difference and ratio rank offers differently', () => {
		const a = { ...all('0'), product: '1000', money: '800' }; // CDV 200, ratio 1.25
		const b = { ...all('0'), product: '300', money: '100' }; // CDV 200 → tie; make it 150
		b.product = '250'; // CDV 150, ratio 2.5
		const r = compareOffers([
			{ name: '甲', input: a },
			{ name: '乙', input: b }
		]);
		expect(r.ok && r.value.disagree).toBe(true);
		expect(r.ok && r.value.rows.map((x) => [x.rankByDifference, x.rankByRatio])).toEqual([
			[1, 2],
			[2, 1]
		]);
		expect(r.ok && r.value.note).toContain('以差额排名为准');
	});
});

describe('CLV', () => {
	const clv = (m: number, r: number, d: number, n: number | 'inf', convention: Convention = 'gl', ac = 0) => {
		const res = computeClv({ m: String(m), r: String(r), d: String(d), n: String(n), ac: String(ac), convention });
		if (!res.ok) throw new Error(res.errors.map((e) => e.message).join());
		return res.value;
	};

	it('hand-checked: m=100, r=0.8, d=0.1, n=3 (gl)', () => {
		// 100·0.8/1.1 + 100·0.64/1.21 + 100·0.512/1.331 = 72.7273 + 52.8926 + 38.4673 = 164.0872
		expect(clv(100, 0.8, 0.1, 3).clv).toBeCloseTo(164.0872, 3);
		expect(clv(100, 0.8, 0.1, 3).label).toBe('3 期截断 CLV');
	});

	it('r = 0: only a certain first margin counts', () => {
		expect(clv(100, 0, 0.1, 5, 'gl').clv).toBe(0);
		expect(clv(100, 0, 0.1, 5, 'end').clv).toBeCloseTo(100 / 1.1, 9);
		expect(clv(100, 0, 0.1, 5, 'start').clv).toBe(100);
		expect(clv(100, 0, 0.1, 'inf', 'start').clv).toBeCloseTo(100, 9);
	});

	it('r = 1 with d > 0 converges to a perpetuity', () => {
		expect(clv(100, 1, 0.1, 'inf', 'gl').clv).toBeCloseTo(1000, 6);
		expect(clv(100, 1, 0.1, 'inf', 'end').clv).toBeCloseTo(1000, 6);
		expect(clv(100, 1, 0.1, 'inf', 'start').clv).toBeCloseTo(1100, 6);
		expect(clv(100, 1, 0.1, 'inf').expectedLifetime).toBeNull();
	});

	it('n = 1', () => {
		expect(clv(100, 0.8, 0.1, 1, 'gl').clv).toBeCloseTo(80 / 1.1, 9);
		expect(clv(100, 0.8, 0.1, 1, 'start').clv).toBe(100);
	});

	it('d = 0 with r = 1 and finite n sums directly (q = 1) without dividing by zero', () => {
		expect(clv(100, 1, 0, 5, 'gl').clv).toBe(500);
		expect(clv(100, 1, 0, 5, 'end').clv).toBe(500);
		expect(clv(100, 1, 0, 5, 'start').clv).toBe(500);
	});

	it('an infinite horizon that diverges is refused with a reason', () => {
		const r = computeClv({ m: '100', r: '1', d: '0', n: 'inf' });
		expect(!r.ok && r.errors[0]!.message).toContain('级数发散');
	});

	it('a decimal field given 80 asks whether 80 % was meant; 80% is accepted', () => {
		const r = computeClv({ m: '100', r: '80', d: '0.1', n: '3' });
		expect(!r.ok && r.errors[0]!.message).toContain('你是想输入 80% 吗');
		expect(computeClv({ m: '100', r: '80%', d: '0.1', n: '3' }).ok).toBe(true);
	});

	it('acquisition cost, payback and the most worth paying', () => {
		const v = clv(100, 0.8, 0.1, 10, 'gl', 150);
		expect(v.gross - v.clv).toBeCloseTo(150, 9);
		expect(v.payback).toBe(3); // cumulative PV: 72.7, 125.6, 164.1
	});

	const arb = fc.record({
		m: fc.double({ min: -1000, max: 1000, noNaN: true }),
		r: fc.double({ min: 0, max: 0.99, noNaN: true }),
		d: fc.double({ min: 0.01, max: 1, noNaN: true }),
		n: fc.integer({ min: 1, max: 200 })
	});

	it('finite CLV equals the period-by-period sum and tends to the closed form as n grows', () => {
		fc.assert(
			fc.property(arb, fc.constantFrom<Convention>('gl', 'end', 'start'), ({ m, r, d, n }, c) => {
				const closed = clvClosedForm(m, r, d, n, c);
				expect(Math.abs(closed - clvBySummation(m, r, d, n, c))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(closed)));
				const inf = clvClosedForm(m, r, d, 'inf', c);
				const far = clvClosedForm(m, r, d, 1000, c);
				expect(Math.abs(far - inf)).toBeLessThanOrEqual(Math.abs(clvClosedForm(m, r, d, n, c) - inf) + 1e-9);
				expect(Math.abs(far - inf)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(inf)));
			})
		);
	});

	it('the conventions obey start = m + gl and end = start / (1 + d)', () => {
		fc.assert(
			fc.property(arb, ({ m, r, d, n }) => {
				expect(clvClosedForm(m, r, d, 'inf', 'start')).toBeCloseTo(m + clvClosedForm(m, r, d, 'inf', 'gl'), 6);
				expect(clvClosedForm(m, r, d, 'inf', 'end')).toBeCloseTo(clvClosedForm(m, r, d, 'inf', 'start') / (1 + d), 6);
				// Finite horizon: start over n periods = m + gl over n − 1 periods.
				if (n > 1) expect(clvClosedForm(m, r, d, n, 'start')).toBeCloseTo(m + clvClosedForm(m, r, d, n - 1, 'gl'), 6);
				expect(clvClosedForm(m, r, d, n, 'end')).toBeCloseTo(clvClosedForm(m, r, d, n, 'start') / (1 + d), 6);
			})
		);
	});

	it('no valid input throws, and every invalid input gives errors and no result', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.string(), fc.string(), fc.string(), (m, r, d, n, ac) => {
				const res = computeClv({ m, r, d, n, ac });
				return res.ok ? Number.isFinite(res.value.clv) : res.errors.length > 0 && !('value' in res);
			})
		);
	});
});

describe('satisfaction', () => {
	it('perceived = expected is 满意, including 0.1 + 0.2 against 0.3', () => {
		const r = computeRatio({ perceived: String(0.1 + 0.2), expected: '0.3' });
		expect(r.ok && r.value.level).toBe('满意');
		expect(r.ok && r.value.quality).toContain('Q1 = Q0');
		const low = computeRatio({ perceived: '6', expected: '8' });
		expect(low.ok && [low.value.ratio, low.value.level]).toEqual([0.75, '不满意']);
		const high = computeRatio({ perceived: '9', expected: '8' });
		expect(high.ok && high.value.level).toBe('非常满意（惊喜）');
		const zero = computeRatio({ perceived: '6', expected: '0' });
		expect(!zero.ok && zero.errors[0]!.message).toContain('期望值 A');
	});

	it('CSI: weights summing to 1.0000000000000002 are not flagged; others are normalised', () => {
		const rows = [
			{ attribute: '质量', weight: '0.1', score: '4' },
			{ attribute: '价格', weight: '0.2', score: '3' },
			{ attribute: '服务', weight: '0.7000000000000002', score: '5' }
		];
		const r = computeCsi(rows, '1-5');
		expect(r.ok && r.value.normalised).toBe(false);
		expect(r.ok && r.value.mean).toBeCloseTo(0.4 + 0.6 + 3.5, 9);
		expect(r.ok && r.value.index).toBeCloseTo(((4.5 - 1) / 4) * 100, 9);
		const doubled = computeCsi(rows.map((x) => ({ ...x, weight: String(Number(x.weight) * 2) })), '1-5');
		expect(doubled.ok && doubled.value.normalised).toBe(true);
		expect(doubled.ok && doubled.value.mean).toBeCloseTo(4.5, 9);
		const zeros = computeCsi(rows.map((x) => ({ ...x, weight: '0' })), '1-5');
		expect(!zeros.ok && zeros.errors[0]!.message).toContain('权重不能全为 0');
		const out = computeCsi([{ attribute: '质量', weight: '1', score: '6' }], '1-5');
		expect(!out.ok && out.errors[0]!.message).toContain('得分太大');
	});

	it('NPS from scores or counts', () => {
		const r = computeNps({ scores: '10 9 8 7 6 0 9 10' });
		expect(r.ok && r.value).toEqual({ promoters: 4, passives: 2, detractors: 2, total: 8, nps: 25 });
		const c = computeNps({ promoters: '50', passives: '30', detractors: '20' });
		expect(c.ok && c.value.nps).toBeCloseTo(30, 9);
		expect(computeNps({ scores: '9 11' }).ok).toBe(false);
	});

	it('满意率', () => {
		const r = computeSatisfiedRate({ satisfied: '45', total: '60' });
		expect(r.ok && r.value.rate).toBe(0.75);
		expect(computeSatisfiedRate({ satisfied: '61', total: '60' }).ok).toBe(false);
	});
});

import { analyseRfm, parseRfm } from '../../../src/lib/calc/rfm';
import { analyseAbc, parseAbc } from '../../../src/lib/calc/abc';

describe('RFM', () => {
	it('mean split with ties counted as 高, the eight segments and 1–5 cell codes', () => {
		// Means: R (10+30+20)/3 = 20, F (5+1+3)/3 = 3, M (100+500+300)/3 = 300.
		const { rows, means } = analyseRfm([
			{ name: '甲', recency: 10, frequency: 5, monetary: 100 },
			{ name: '乙', recency: 30, frequency: 1, monetary: 500 },
			{ name: '丙', recency: 20, frequency: 3, monetary: 300 }
		]);
		expect(means).toEqual({ recency: 20, frequency: 3, monetary: 300 });
		expect(rows.map((r) => [r.name, r.r + r.f + r.m, r.segment])).toEqual([
			['甲', '高高低', '一般价值客户'],
			['乙', '低低高', '重要挽留客户'],
			['丙', '高高高', '重要价值客户'] // exactly at every mean: all 高
		]);
		expect(rows[0]!.scores.code).toMatch(/^[1-5]{3}$/);
	});

	it('pasted rows: a header is skipped, bad rows reported by line, good rows kept', () => {
		const parsed = parseRfm('客户\t天数\t次数\t金额\n张三\t5\t3\t200\n李四\tabc\t2\t100\n王五,10,1,50\n赵六\t1');
		expect(parsed.rows.map((r) => r.name)).toEqual(['张三', '王五']);
		expect(parsed.problems.map((p) => p.line)).toEqual([3, 5]);
		expect(parsed.problems[0]!.message).toContain('读到“abc”');
	});
});

describe('ABC', () => {
	it('classifies by cumulative share with inclusive boundaries', () => {
		// Total 100: 50 → 0.5 A, 30 → 0.8 A (boundary), 15 → 0.95 B (boundary), 5 → 1 C.
		const r = analyseAbc([
			{ name: 'c', value: 15 },
			{ name: 'a', value: 50 },
			{ name: 'd', value: 5 },
			{ name: 'b', value: 30 }
		]);
		expect('rows' in r && r.rows.map((x) => x.name + x.grade)).toEqual(['aA', 'bA', 'cB', 'dC']);
		expect('rows' in r && r.top20Share).toBe(0.5);
		// 0.1 + 0.2 style float sums still land on the boundary.
		const f = analyseAbc([
			{ name: 'x', value: 0.1 },
			{ name: 'y', value: 0.2 },
			{ name: 'z', value: 0.7 }
		], 0.7, 0.9);
		expect('rows' in f && f.rows.map((x) => x.grade)).toEqual(['A', 'B', 'C']);
		expect(analyseAbc([], 0.8, 0.95)).toEqual({ error: expect.stringContaining('至少需要') });
		expect(analyseAbc([{ name: 'x', value: 1 }], 0.9, 0.8)).toEqual({ error: expect.stringContaining('阈值') });
		expect(parseAbc('甲,100\n乙,-3').problems[0]!.line).toBe(2);
	});
});
