import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CDV_COSTS, CDV_FIELDS, CDV_VALUES, compareOffers, computeCdv, type CdvField, type CdvInput } from '../../../src/lib/calc/cdv';

const all = (v: string) => Object.fromEntries(CDV_FIELDS.map((k) => [k, v])) as Record<CdvField, string>;
const isValue = (k: CdvField) => (CDV_VALUES as readonly string[]).includes(k);

describe('computeCdv', () => {
	it('hand-checked: values 300+100+50+50 = 500, costs 200+20+10+20 = 250', () => {
		const r = computeCdv({ product: '300', service: '100', personnel: '50', image: '50', money: '200', time: '20', energy: '10', psychic: '20' });
		expect(r.ok && r.value).toMatchObject({ tcv: 500, tcc: 250, cdv: 250, ratio: 2, ratioNote: null, verdict: 'positive' });
		expect(r.ok && r.steps.map((s) => s.tex).join('\n')).toContain(String.raw`\text{TCV} = 300.00 + 100.00 + 50.00 + 50.00 = 500.00`);
		expect(r.ok && r.convention).toContain('科特勒');
	});

	it('TCC = 0: the ratio is undefined with a reason, never ∞', () => {
		const r = computeCdv({ ...all('0'), product: '10' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.ratio).toBeNull();
		expect(r.value.ratioNote).toContain('不能作除数');
		expect(r.steps.at(-1)!.tex).toContain('无定义');
		expect(JSON.stringify(r)).not.toMatch(/Infinity|∞|NaN/);
	});

	it('all zero: CDV 0, ratio undefined', () => {
		const r = computeCdv(all('0'));
		expect(r.ok && [r.value.cdv, r.value.ratio, r.value.verdict]).toEqual([0, null, 'zero']);
	});

	it('a negative CDV says the customer is unlikely to buy', () => {
		const r = computeCdv({ ...all('1'), money: '50' });
		expect(r.ok && r.value.verdict).toBe('negative');
		expect(r.ok && r.value.interpretation).toContain('很可能不会购买');
	});

	it('value and cost equal up to float noise count as zero (0.1 + 0.2 vs 0.3)', () => {
		const r = computeCdv({ ...all('0'), product: '0.1', service: '0.2', money: '0.3' });
		expect(r.ok && r.value.verdict).toBe('zero');
		expect(r.ok && r.steps[3]!.tex).toMatch(/= 0\.00$/);
	});

	it('reports every bad field with its own Chinese message', () => {
		const r = computeCdv({ ...all('1'), product: '', money: '-3', time: 'abc' });
		expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['product', 'money', 'time']);
		expect(!r.ok && r.errors[1]!.message).toBe('货币成本太小：应为不小于 0 的数，例如 120。');
	});

	it('is linear in each input (+1 per unit of value, −1 per unit of cost)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...CDV_FIELDS),
				fc.record(Object.fromEntries(CDV_FIELDS.map((k) => [k, fc.integer({ min: 0, max: 1e6 })])) as Record<CdvField, fc.Arbitrary<number>>),
				fc.integer({ min: 0, max: 1e6 }),
				fc.integer({ min: 0, max: 1e6 }),
				(field, base, a, b) => {
					const at = (v: number) => {
						const input = Object.fromEntries(Object.entries(base).map(([k, x]) => [k, String(x)])) as CdvInput;
						const r = computeCdv({ ...input, [field]: String(v) });
						return r.ok ? r.value.cdv : NaN;
					};
					// Integers below 2⁵³ add exactly, so this is exact equality (the subtraction avoids ±0 quibbles).
					expect(at(a) - at(b) - (isValue(field) ? 1 : -1) * (a - b)).toBe(0);
				}
			)
		);
	});

	it('is linear for fractional inputs too, within rounding', () => {
		fc.assert(
			fc.property(fc.constantFrom(...CDV_FIELDS), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (field, a, b) => {
				const at = (v: number) => {
					const r = computeCdv({ ...all('7.25'), [field]: String(v) });
					return r.ok ? r.value.cdv : NaN;
				};
				expect(Math.abs(at(a) - at(b) - (isValue(field) ? 1 : -1) * (a - b))).toBeLessThanOrEqual(1e-9 * (1 + a + b));
			})
		);
	});

	it('TCV/TCC > 1 exactly when CDV > 0', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 8, maxLength: 8 }), (xs) => {
				const r = computeCdv(Object.fromEntries(CDV_FIELDS.map((k, i) => [k, String(xs[i])])));
				if (!r.ok) return false;
				return r.value.ratio === null ? r.value.tcc === 0 : r.value.ratio > 1 === r.value.cdv > 0;
			})
		);
	});

	it('no input throws; invalid input gives errors and no result', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom(...CDV_FIELDS), fc.oneof(fc.string(), fc.double().map(String))), (input) => {
				const r = computeCdv(input);
				if (r.ok) return Number.isFinite(r.value.cdv) && r.value.ratio !== Infinity;
				return r.errors.length > 0 && !('value' in r) && !('steps' in r);
			})
		);
	});

	it('each kind of invalid field is reported on that field only', () => {
		fc.assert(
			fc.property(fc.constantFrom(...CDV_FIELDS), fc.constantFrom('', ' ', '-1', '-0.01', 'abc', '1e999', '--2', '5%', '1,2'), (field, bad) => {
				const r = computeCdv({ ...all('5'), [field]: bad });
				return !r.ok && r.errors.length === 1 && r.errors[0]!.field === field && /应为/.test(r.errors[0]!.message);
			})
		);
	});
});

describe('compareOffers', () => {
	const offer = (name: string, product: number, money: number) => ({ name, input: { ...all('0'), product: String(product), money: String(money) } });

	it('flags when difference and ratio rank the offers differently, and defers to Kotler (difference)', () => {
		// 甲: CDV 200, ratio 1.25; 乙: CDV 150, ratio 2.5
		const r = compareOffers([offer('甲', 1000, 800), offer('乙', 250, 100)]);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.disagree).toBe(true);
		expect(r.value.rows.map((x) => [x.rankByDifference, x.rankByRatio])).toEqual([
			[1, 2],
			[2, 1]
		]);
		expect(r.value.best).toEqual([0]);
		expect(r.value.note).toContain('科特勒');
		expect(r.value.note).toContain('以差额排名为准');
	});

	it('agreeing rankings are not flagged; ties share a rank', () => {
		const r = compareOffers([offer('甲', 300, 100), offer('乙', 200, 100), offer('丙', 300, 100)]);
		expect(r.ok && r.value.disagree).toBe(false);
		expect(r.ok && r.value.rows.map((x) => x.rankByDifference)).toEqual([1, 3, 1]);
		expect(r.ok && r.value.best).toEqual([0, 2]);
	});

	it('an offer with TCC = 0 has no ratio rank and does not cause a false flag', () => {
		const r = compareOffers([offer('甲', 300, 0), offer('乙', 200, 100)]);
		expect(r.ok && r.value.rows.map((x) => x.rankByRatio)).toEqual([null, 1]);
		expect(r.ok && r.value.disagree).toBe(false);
	});

	it('unnamed offers get 方案甲… names; errors name the offer and field', () => {
		const r = compareOffers([offer('', 1, 1), { name: '', input: { ...all('1'), money: 'x' } }]);
		expect(!r.ok && r.errors[0]).toMatchObject({ field: '1.money' });
		expect(!r.ok && r.errors[0]!.message).toContain('方案乙');
	});

	it('allows one to four offers', () => {
		expect(compareOffers([]).ok).toBe(false);
		expect(compareOffers([offer('a', 1, 1)]).ok).toBe(true);
		expect(compareOffers(Array.from({ length: 5 }, (_, i) => offer(String(i), 1, 1))).ok).toBe(false);
	});

	it('the flag is exactly "some pair is ordered differently by difference and by ratio"', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 4 }), (pairs) => {
				const r = compareOffers(pairs.map(([v, c], i) => offer(String(i), v, c)));
				if (!r.ok) return false;
				const rows = r.value.rows;
				const expected = rows.some((a, i) => rows.some((b, j) => j > i && Math.sign(a.cdv - b.cdv) !== Math.sign(a.ratio! - b.ratio!)));
				return r.value.disagree === expected;
			})
		);
	});
});

// Keep the value/cost lists honest: 4 + 4 fields, no overlap.
it('CDV fields', () => {
	expect(new Set([...CDV_VALUES, ...CDV_COSTS]).size).toBe(8);
});
