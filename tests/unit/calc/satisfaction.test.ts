import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SCALES, computeCsi, computeNps, computeRatio, computeSatisfiedRate, type CsiRow, type Scale } from '../../../src/lib/calc/satisfaction';

describe('C = B / A', () => {
	it('perceived = expected is 满意, including 0.1 + 0.2 against 0.3', () => {
		const r = computeRatio({ perceived: String(0.1 + 0.2), expected: '0.3' });
		expect(String(0.1 + 0.2)).toBe('0.30000000000000004');
		expect(r.ok && r.value.level).toBe('满意');
		expect(r.ok && r.value.qualityLevel).toBe('满意');
		expect(r.ok && r.value.quality).toContain('Q1 = Q0');
		expect(r.ok && r.steps[1]!.tex).toMatch(/= 1$/);
		const same = computeRatio({ perceived: '8', expected: '8' });
		expect(same.ok && [same.value.ratio, same.value.gap, same.value.level]).toEqual([1, 0, '满意']);
	});

	it('below and above expectation', () => {
		const low = computeRatio({ perceived: '6', expected: '8' });
		expect(low.ok && [low.value.ratio, low.value.gap, low.value.level, low.value.qualityLevel]).toEqual([0.75, -2, '不满意', '难以接受']);
		const high = computeRatio({ perceived: '9', expected: '8' });
		expect(high.ok && [high.value.ratio, high.value.level, high.value.qualityLevel]).toEqual([1.125, '非常满意（惊喜）', '超出期望']);
		expect(high.ok && high.value.quality).toContain('Q1 > Q0');
		const zero = computeRatio({ perceived: '0', expected: '5' });
		expect(zero.ok && zero.value.level).toBe('不满意');
	});

	it('A must be > 0 and B ≥ 0', () => {
		const zero = computeRatio({ perceived: '6', expected: '0' });
		expect(!zero.ok && zero.errors).toEqual([{ field: 'expected', message: '期望值 A太小：应为大于 0 的数，例如 10。' }]);
		const neg = computeRatio({ perceived: '-1', expected: '' });
		expect(!neg.ok && neg.errors.map((e) => e.field)).toEqual(['perceived', 'expected']);
		const huge = computeRatio({ perceived: '1e308', expected: '1e-308' });
		expect(!huge.ok && huge.errors[0]!.message).toContain('超出了可计算的范围');
	});

	it('the classification agrees with B/A against 1 away from the tolerance, and nothing throws', () => {
		fc.assert(
			fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (b, a) => {
				const r = computeRatio({ perceived: String(b), expected: String(a) });
				if (!r.ok) return false;
				if (Math.abs(b - a) > 1e-6 * Math.max(a, b)) return r.value.level === (b < a ? '不满意' : '非常满意（惊喜）');
				return true;
			})
		);
		fc.assert(fc.property(fc.string(), fc.string(), (b, a) => {
			const r = computeRatio({ perceived: b, expected: a });
			return r.ok ? Number.isFinite(r.value.ratio) : r.errors.length > 0 && !('value' in r);
		}));
	});
});

describe('CSI', () => {
	const rows: CsiRow[] = [
		{ attribute: '质量', weight: '0.1', score: '4' },
		{ attribute: '价格', weight: '0.2', score: '3' },
		{ attribute: '服务', weight: '0.7000000000000002', score: '5' }
	];

	it('weights summing to 1.0000000000000002 count as 1 and are not flagged', () => {
		const r = computeCsi(rows, '1-5');
		expect(r.ok && r.value.weightSum).toBe(1.0000000000000002);
		expect(r.ok && r.value.normalised).toBe(false);
		expect(r.ok && r.value.normalisedNote).toBeNull();
		expect(r.ok && r.value.mean).toBeCloseTo(0.4 + 0.6 + 3.5, 12);
		expect(r.ok && r.value.index).toBeCloseTo(((4.5 - 1) / 4) * 100, 10);
		expect(r.ok && r.steps.some((s) => s.label === '权重归一化')).toBe(false);
	});

	it('other sums are normalised, and the result says so', () => {
		const r = computeCsi(
			rows.map((x) => ({ ...x, weight: String(Number(x.weight) * 20) })),
			'1-5'
		);
		expect(r.ok && r.value.normalised).toBe(true);
		expect(r.ok && r.value.normalisedNote).toContain('归一化');
		expect(r.ok && r.value.mean).toBeCloseTo(4.5, 12);
		expect(r.ok && r.value.contributions.map((c) => c.rawWeight)).toEqual([2, 4, 14.000000000000004]);
		expect(r.ok && r.steps.some((s) => s.label === '权重归一化')).toBe(true);
	});

	it('hand-checked: 0.4·4 + 0.3·3 + 0.3·5 = 4.0 on 1–5 → index 75', () => {
		const r = computeCsi(
			[
				{ attribute: '产品质量', weight: '40%', score: '4' },
				{ attribute: '价格', weight: '30%', score: '3' },
				{ attribute: '服务', weight: '30%', score: '5' }
			],
			'1-5'
		);
		expect(r.ok && r.value.mean).toBeCloseTo(4, 12);
		expect(r.ok && r.value.index).toBeCloseTo(75, 10);
		expect(r.ok && r.value.contributions.map((c) => c.contribution)).toEqual([1.6, 0.8999999999999999, 1.5]);
	});

	it('each scale maps its minimum to 0 and maximum to 100', () => {
		for (const scale of Object.keys(SCALES) as Scale[]) {
			const [lo, hi] = SCALES[scale];
			const at = (s: number) => {
				const r = computeCsi([{ attribute: 'x', weight: '1', score: String(s) }], scale);
				return r.ok ? r.value.index : NaN;
			};
			expect([at(lo), at(hi)]).toEqual([0, 100]);
		}
	});

	it('validation: all-zero weights, out-of-scale scores, no rows, unknown scale', () => {
		const zeros = computeCsi(rows.map((x) => ({ ...x, weight: '0' })), '1-5');
		expect(!zeros.ok && zeros.errors[0]!.message).toContain('权重不能全为 0');
		const out = computeCsi([{ attribute: '质量', weight: '1', score: '6' }], '1-5');
		expect(!out.ok && out.errors[0]).toEqual({ field: 's0', message: '“质量”的得分太大：应为不小于 1、不大于 5 的数，例如 4。' });
		const neg = computeCsi([{ attribute: '', weight: '-1', score: '3' }], '1-5');
		expect(!neg.ok && neg.errors[0]!.message).toContain('“第 1 项”的权重太小');
		expect(computeCsi([], '1-5').ok).toBe(false);
		expect(computeCsi(rows, 'x' as Scale).ok).toBe(false);
	});

	it('scaling all weights leaves the result unchanged; contributions add up to the mean; mean stays in the scale', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 8 }),
				fc.integer({ min: 2, max: 1000 }),
				(pairs, k) => {
					fc.pre(pairs.some(([w]) => w > 0));
					const make = (f: number) => pairs.map(([w, s], i) => ({ attribute: `a${i}`, weight: String(w * f), score: String(s) }));
					const a = computeCsi(make(1), '1-10');
					const b = computeCsi(make(k), '1-10');
					if (!a.ok || !b.ok) return false;
					const sum = a.value.contributions.reduce((s, c) => s + c.contribution, 0);
					return (
						Math.abs(a.value.mean - b.value.mean) <= 1e-9 * a.value.mean &&
						Math.abs(sum - a.value.mean) <= 1e-9 * a.value.mean &&
						a.value.mean >= 1 - 1e-9 &&
						a.value.mean <= 10 + 1e-9
					);
				}
			)
		);
	});

	it('never throws on arbitrary rows', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ attribute: fc.string(), weight: fc.string(), score: fc.string() }), { maxLength: 6 }), fc.constantFrom<Scale>('1-5', '1-7', '1-10', '0-100'), (rs, scale) => {
				const r = computeCsi(rs, scale);
				return r.ok ? Number.isFinite(r.value.mean) && Number.isFinite(r.value.index) : r.errors.length > 0 && !('value' in r);
			})
		);
	});
});

describe('NPS', () => {
	it('from 0–10 scores', () => {
		const r = computeNps({ scores: '10 9 8 7 6 0 9 10' });
		expect(r.ok && r.value).toMatchObject({ promoters: 4, passives: 2, detractors: 2, total: 8, nps: 25, source: 'scores', promoterShare: 0.5 });
		const fw = computeNps({ scores: '１０，９、3' });
		expect(fw.ok && fw.value.nps).toBeCloseTo(100 / 3, 12);
	});

	it('from three counts', () => {
		const c = computeNps({ promoters: '50', passives: '30', detractors: '20' });
		expect(c.ok && c.value.nps).toBeCloseTo(30, 12);
		expect(c.ok && c.value.source).toBe('counts');
		const all = computeNps({ promoters: '0', passives: '0', detractors: '7' });
		expect(all.ok && all.value.nps).toBe(-100);
	});

	it('validation', () => {
		expect(computeNps({ scores: '9 11' }).ok).toBe(false);
		expect(computeNps({ scores: '9 -1' }).ok).toBe(false);
		expect(computeNps({ scores: '9 8.5' }).ok).toBe(false);
		const none = computeNps({ promoters: '0', passives: '0', detractors: '0' });
		expect(!none.ok && none.errors[0]!.message).toContain('至少需要一位受访者');
		const frac = computeNps({ promoters: '1.5', passives: '0', detractors: '0' });
		expect(!frac.ok && frac.errors[0]!.field).toBe('promoters');
	});

	it('NPS lies in [−100, 100] and the shares add to 1', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
				const r = computeNps({ scores: scores.join(' ') });
				if (!r.ok) return false;
				const v = r.value;
				return v.nps >= -100 && v.nps <= 100 && Math.abs(v.promoterShare + v.passiveShare + v.detractorShare - 1) < 1e-12 && v.total === scores.length;
			})
		);
	});
});

describe('满意率', () => {
	it('satisfied / total', () => {
		const r = computeSatisfiedRate({ satisfied: '45', total: '60' });
		expect(r.ok && r.value.rate).toBe(0.75);
		expect(r.ok && r.steps[1]!.tex).toContain('75\\%');
		expect(computeSatisfiedRate({ satisfied: '0', total: '60' }).ok).toBe(true);
	});

	it('validation', () => {
		const more = computeSatisfiedRate({ satisfied: '61', total: '60' });
		expect(!more.ok && more.errors[0]!.message).toContain('不能多于顾客总数');
		expect(computeSatisfiedRate({ satisfied: '1', total: '0' }).ok).toBe(false);
		expect(computeSatisfiedRate({ satisfied: '1.5', total: '3' }).ok).toBe(false);
		fc.assert(fc.property(fc.string(), fc.string(), (s, t) => {
			const r = computeSatisfiedRate({ satisfied: s, total: t });
			return r.ok ? r.value.rate >= 0 && r.value.rate <= 1 : r.errors.length > 0;
		}));
	});
});
