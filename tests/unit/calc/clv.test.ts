import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	CONVENTIONS,
	TABLE_LIMIT,
	clvBySummation,
	clvClosedForm,
	computeClv,
	parseClvInput,
	type ClvInput,
	type ClvValue,
	type Convention
} from '../../../src/lib/calc/clv';
import { computeCohort } from '../../../src/lib/calc/cohort';

function clv(m: number, r: number, d: number, n: number | 'inf', convention: Convention = 'gl', ac = 0): ClvValue {
	const res = computeClv({ m: String(m), r: String(r), d: String(d), n: String(n), ac: String(ac), convention });
	if (!res.ok) throw new Error(res.errors.map((e) => e.message).join());
	return res.value;
}

/** |a − b| within 1e-9 of the scale of the quantities involved. */
function close(a: number, b: number, scale = Math.max(1, Math.abs(a), Math.abs(b))) {
	// The floor keeps subnormal inputs (m = 5e-324) from demanding exact equality.
	expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(scale, 1e-300));
}

describe('CLV: hand-checked values', () => {
	it('m=100, r=0.8, d=0.1, n=3 under each convention', () => {
		// gl:    80/1.1 + 64/1.21 + 51.2/1.331 = 72.7273 + 52.8926 + 38.4673
		expect(clv(100, 0.8, 0.1, 3, 'gl').clv).toBeCloseTo(164.087153, 5);
		// end:   100/1.1 + 80/1.21 + 64/1.331 = 90.9091 + 66.1157 + 48.0841
		expect(clv(100, 0.8, 0.1, 3, 'end').clv).toBeCloseTo(205.108941, 5);
		// start: 100 + 80/1.1 + 64/1.21 = 100 + 72.7273 + 52.8926
		expect(clv(100, 0.8, 0.1, 3, 'start').clv).toBeCloseTo(225.619835, 5);
		expect(clv(100, 0.8, 0.1, 3).label).toBe('3 期截断 CLV');
	});

	it('infinite horizon: m=100, r=0.8, d=0.1', () => {
		// gl: 100·0.8/0.3 = 266.67; end: 100/0.3 = 333.33; start: 110/0.3 = 366.67
		expect(clv(100, 0.8, 0.1, 'inf', 'gl').clv).toBeCloseTo(800 / 3, 9);
		expect(clv(100, 0.8, 0.1, 'inf', 'end').clv).toBeCloseTo(1000 / 3, 9);
		expect(clv(100, 0.8, 0.1, 'inf', 'start').clv).toBeCloseTo(1100 / 3, 9);
		expect(clv(100, 0.8, 0.1, 'inf').label).toBe('无限期 CLV');
		expect(clv(100, 0.8, 0.1, 'inf').rows).toHaveLength(TABLE_LIMIT);
	});

	it('r = 0: only a certain first margin counts', () => {
		expect(clv(100, 0, 0.1, 5, 'gl').clv).toBe(0);
		expect(clv(100, 0, 0.1, 5, 'end').clv).toBeCloseTo(100 / 1.1, 12);
		expect(clv(100, 0, 0.1, 5, 'start').clv).toBe(100);
		expect(clv(100, 0, 0.1, 'inf', 'gl').clv).toBe(0);
		expect(clv(100, 0, 0.1, 'inf', 'start').clv).toBeCloseTo(100, 12);
		expect(clv(100, 0, 0.1, 5).expectedLifetime).toBe(1);
		expect(clv(100, 0, 0, 5, 'gl').rows.map((r) => r.survival)).toEqual([0, 0, 0, 0, 0]);
	});

	it('r = 1 with d > 0 is a perpetuity on the infinite horizon, an annuity when finite', () => {
		expect(clv(100, 1, 0.1, 'inf', 'gl').clv).toBeCloseTo(1000, 9);
		expect(clv(100, 1, 0.1, 'inf', 'end').clv).toBeCloseTo(1000, 9);
		expect(clv(100, 1, 0.1, 'inf', 'start').clv).toBeCloseTo(1100, 9);
		// Annuity: 100 · (1 − 1.1⁻³) / 0.1 = 248.685199
		expect(clv(100, 1, 0.1, 3, 'gl').clv).toBeCloseTo(248.685199, 5);
		const v = clv(100, 1, 0.1, 'inf');
		expect(v.expectedLifetime).toBeNull();
		expect(v.rows.every((r) => r.survival === 1)).toBe(true);
	});

	it('n = 1', () => {
		expect(clv(100, 0.8, 0.1, 1, 'gl').clv).toBeCloseTo(80 / 1.1, 12);
		expect(clv(100, 0.8, 0.1, 1, 'end').clv).toBeCloseTo(100 / 1.1, 12);
		expect(clv(100, 0.8, 0.1, 1, 'start').clv).toBe(100);
		expect(clv(100, 0.8, 0.1, 1).rows).toHaveLength(1);
		expect(clv(100, 0.8, 0.1, 1).glPrevious).toBe(0);
	});

	it('d = 0 with r = 1 and a finite n: q = 1, summed directly without dividing by zero', () => {
		for (const c of CONVENTIONS) expect(clv(100, 1, 0, 5, c).clv).toBe(500);
		const v = clv(100, 1, 0, 5);
		expect(v.q).toBe(1);
		const res = computeClv({ m: '100', r: '1', d: '0', n: '5' });
		expect(res.ok && res.steps.some((s) => s.note?.includes('q = 1'))).toBe(true);
		expect(JSON.stringify(res)).not.toMatch(/NaN|Infinity/);
	});

	it('d = 0 with r < 1 still converges on the infinite horizon', () => {
		expect(clv(100, 0.5, 0, 'inf', 'gl').clv).toBe(100);
		expect(clv(100, 0.5, 0, 'inf', 'start').clv).toBe(200);
	});

	it('a negative margin gives a negative CLV and nothing worth paying', () => {
		const v = clv(-50, 0.5, 0.1, 3, 'gl', 10);
		expect(v.clv).toBeLessThan(0);
		expect(v.maxAcquisitionCost).toBe(0);
		expect(v.payback).toBeNull();
		expect(v.interpretation).toContain('亏损');
	});
});

describe('CLV: derived figures', () => {
	it('margin multiple, expected lifetime, max acquisition cost', () => {
		const v = clv(100, 0.8, 0.1, 'inf', 'gl', 50);
		expect(v.marginMultiple).toBeCloseTo(8 / 3, 12);
		expect(v.expectedLifetime).toBeCloseTo(5, 12);
		expect(v.maxAcquisitionCost).toBeCloseTo(800 / 3, 9);
		expect(v.gross - v.clv).toBe(50);
		expect(clv(0, 0.8, 0.1, 3).marginMultiple).toBeNull();
	});

	it('payback period', () => {
		// cumulative PV: 72.73, 125.62, 164.09
		expect(clv(100, 0.8, 0.1, 10, 'gl', 150).payback).toBe(3);
		expect(clv(100, 0.8, 0.1, 10, 'gl', 150).paybackText).toBe('第 3 期末收回获客成本');
		expect(clv(100, 0.8, 0.1, 10, 'gl', 72).payback).toBe(1);
		expect(clv(100, 0.8, 0.1, 2, 'gl', 150).payback).toBeNull();
		expect(clv(100, 0.8, 0.1, 2, 'gl', 150).paybackText).toContain('2 期内');
		expect(clv(100, 0.8, 0.1, 3, 'gl', 0).payback).toBe(0);
		expect(clv(100, 0.8, 0.1, 3, 'start', 100).payback).toBe(0);
		expect(clv(100, 0.8, 0.1, 3, 'start', 150).payback).toBe(1);
		// Far beyond the 60 table rows: (1 − 1.01⁻ᵗ)/0.01 ≥ 90 ⇔ t ≥ ln 10 / ln 1.01 = 231.4.
		expect(clv(1, 1, 0.01, 'inf', 'gl', 90).payback).toBe(232);
		// r = 1 and d = 10⁻⁶: millions of periods, found without walking them.
		const slow = clv(1, 1, 1e-6, 'inf', 'gl', 990_000);
		const t = Math.ceil(Math.log(0.01) / Math.log(1 / (1 + 1e-6)));
		expect(Math.abs(slow.payback! - t)).toBeLessThanOrEqual(1);
		expect(clv(100, 0.8, 0.1, 'inf', 'gl', 1000).payback).toBeNull();
		// Exactly the infinite-horizon value is reached only in the limit.
		expect(clv(100, 1, 0.25, 'inf', 'gl', 400).payback).toBeNull();
		expect(clv(100, 1, 0.25, 'inf', 'gl', 400).paybackText).toContain('极限');
		expect(clv(100, 0.8, 0.1, 'inf', 'gl', 1000).paybackText).toContain('永远');
	});

	it('payback exactly at the cost counts (within the tolerance)', () => {
		// PV of the first gl margin is 80/1.1 = 72.7272…; pay exactly that.
		expect(clv(100, 0.8, 0.1, 5, 'gl', 80 / 1.1).payback).toBe(1);
		expect(clv(100, 1, 0, 3, 'gl', 300).payback).toBe(3);
	});

	it('payback agrees with walking the table', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -100, max: 500 }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.integer({ min: 1, max: 60 }),
				fc.integer({ min: 0, max: 3000 }),
				fc.constantFrom<Convention>('gl', 'end', 'start'),
				(m, r, d, n, ac, c) => {
					const v = clv(m, r, d, n, c, ac);
					const hit = v.rows.find((row) => row.cumulative >= 0 || Math.abs(row.cumulative) <= 1e-9 * ac);
					const expected = ac === 0 ? 0 : (hit?.t ?? null);
					expect(v.payback).toBe(expected);
				}
			)
		);
	});

	it('the period table', () => {
		const v = clv(100, 0.8, 0.1, 3, 'gl', 100);
		expect(v.rows.map((r) => r.t)).toEqual([1, 2, 3]);
		expect(v.rows[1]!.survival).toBeCloseTo(0.64, 14);
		expect(v.rows[1]!.expectedMargin).toBeCloseTo(64, 12);
		expect(v.rows[1]!.discount).toBeCloseTo(1 / 1.21, 14);
		expect(v.rows[1]!.pv).toBeCloseTo(64 / 1.21, 12);
		expect(v.rows[2]!.cumulative).toBeCloseTo(v.clv, 9);
		expect(clv(100, 0.8, 0.1, 3, 'start').rows.map((r) => [r.t, r.survival])).toEqual([
			[0, 1],
			[1, 0.8],
			[2, 0.6400000000000001]
		]);
		expect(clv(100, 0.8, 0.1, 3, 'end').rows.map((r) => r.survival)).toEqual([1, 0.8, 0.6400000000000001]);
	});

	it('worked solution shows formula, substitution and intermediate results, and names the convention', () => {
		const res = computeClv({ m: '100', r: '0.8', d: '0.1', n: '3', ac: '150' });
		expect(res.ok).toBe(true);
		if (!res.ok) return;
		const tex = res.steps.map((s) => s.tex);
		expect(tex[0]).toContain(String.raw`\sum_{t=1}^{n}`);
		expect(tex[1]).toContain(String.raw`\dfrac{100\times 0.8^{2}}{(1+0.1)^{2}}`);
		expect(tex[2]).toBe('= 72.73 + 52.89 + 38.47 - 150.00');
		expect(tex.at(-1)).toBe(String.raw`\text{CLV} = 164.09 - 150.00 = 14.09`);
		expect(res.steps.at(-1)!.label).toBe('3 期截断 CLV');
		expect(res.convention).toBe('期末收款、首期需留存（Gupta–Lehmann / Kotler）');
		const inf = computeClv({ m: '100', r: '0.8', d: '0.1', n: 'inf' });
		expect(inf.ok && inf.steps[1]!.tex).toBe(String.raw`\text{CLV} = \dfrac{100\times 0.8}{1+0.1-0.8}`);
	});

	it('long horizons are elided in the substitution', () => {
		const res = computeClv({ m: '100', r: '0.8', d: '0.1', n: '20' });
		expect(res.ok && res.steps[1]!.tex).toContain(String.raw`\cdots`);
	});
});

describe('CLV: validation', () => {
	const base: ClvInput = { m: '100', r: '0.8', d: '0.1', n: '3', ac: '', convention: 'gl' };
	const errs = (patch: ClvInput) => {
		const r = computeClv({ ...base, ...patch });
		return r.ok ? [] : r.errors;
	};

	it('a decimal field given 80 asks whether 80 % was meant; 80% is accepted', () => {
		expect(errs({ r: '80' })[0]!.message).toContain('你是想输入 80% 吗');
		expect(errs({ r: '80%' })).toEqual([]);
		expect(clv(100, 0.8, 0.1, 3).clv).toBe((computeClv({ ...base, r: '80%', d: '10%' }) as { value: ClvValue }).value.clv);
		expect(errs({ r: '150' })[0]!.message).toBe('保留率 r太大：应为不小于 0、不大于 1 的数，例如 0.8 或 80%。');
		expect(errs({ d: '12' })[0]!.message).toContain('你是想输入 12% 吗');
		expect(errs({ d: '10' })[0]!.field).toBe('d');
		expect(errs({ d: '9.99' })).toEqual([]);
	});

	it('an infinite horizon that diverges is refused with a reason', () => {
		const e = errs({ r: '1', d: '0', n: 'inf' });
		expect(e).toHaveLength(1);
		expect(e[0]!.field).toBe('n');
		expect(e[0]!.message).toContain('级数发散');
		expect(e[0]!.message).toContain('1 + d − r > 0');
	});

	it('n accepts 1..1000 and inf spellings', () => {
		for (const n of ['inf', 'INF', '∞', '无穷', '无限']) expect(errs({ n })).toEqual([]);
		for (const n of ['0', '1001', '2.5', '', 'x']) expect(errs({ n })[0]!.field).toBe('n');
		expect(errs({ n: '1000' })).toEqual([]);
	});

	it('m may be negative; ac must be ≥ 0 and defaults to 0; convention must be known', () => {
		expect(errs({ m: '-20' })).toEqual([]);
		expect(errs({ m: '' })[0]!.message).toContain('每期利润 m不能为空');
		expect(errs({ ac: '-1' })[0]!.field).toBe('ac');
		expect(errs({ convention: 'xx' })[0]!.field).toBe('convention');
		const p = parseClvInput({ m: '1', r: '0.5', d: '0', n: '2' });
		expect(p.ok && p.value).toEqual({ m: 1, r: 0.5, d: 0, n: 2, ac: 0, convention: 'gl' });
	});

	it('reports all bad fields together', () => {
		expect(errs({ m: 'x', r: '-1', d: '-1', n: '0', ac: 'y' }).map((e) => e.field)).toEqual(['m', 'r', 'd', 'n', 'ac']);
	});
});

const params = fc.record({
	m: fc.double({ min: -1000, max: 1000, noNaN: true }),
	r: fc.double({ min: 0, max: 1, noNaN: true }),
	d: fc.double({ min: 0, max: 2, noNaN: true }),
	n: fc.integer({ min: 1, max: 300 })
});
const conv = fc.constantFrom<Convention>(...CONVENTIONS);

describe('CLV: properties', () => {
	it('the closed form equals adding the periods one by one', () => {
		fc.assert(
			fc.property(params, conv, ({ m, r, d, n }, c) => {
				close(clvClosedForm(m, r, d, n, c), clvBySummation(m, r, d, n, c), Math.abs(m) * n * 10);
			})
		);
	});

	it('finite CLV tends to the closed form as n grows', () => {
		fc.assert(
			fc.property(params, conv, ({ m, r, d, n }, c) => {
				fc.pre(1 + d - r > 1e-3);
				const inf = clvClosedForm(m, r, d, 'inf', c);
				const gap = (k: number) => Math.abs(clvClosedForm(m, r, d, k, c) - inf);
				// The gap never grows with n, and is exactly the discounted tail: |inf − finite_n| = |inf| · qⁿ.
				const q = r / (1 + d);
				expect(gap(n + 1)).toBeLessThanOrEqual(gap(n) + 1e-9 * (Math.abs(inf) + 1));
				close(gap(n), Math.abs(inf) * Math.pow(q, n), (Math.abs(inf) + Math.abs(m)) * 10);
				if (q <= 0.97) close(clvClosedForm(m, r, d, 1000, c), inf, (Math.abs(inf) + Math.abs(m)) * 10);
			})
		);
	});

	it('the conventions obey start = m + gl and end = start / (1 + d), on finite and infinite horizons', () => {
		fc.assert(
			fc.property(params, ({ m, r, d, n }) => {
				const scale = (Math.abs(m) + 1) * 100;
				fc.pre(1 + d - r > 1e-6);
				const F = (k: number | 'inf', c: Convention) => (k === 0 ? 0 : clvClosedForm(m, r, d, k, c));
				// Infinite horizon: exactly as the course states them.
				close(F('inf', 'start'), m + F('inf', 'gl'), scale / (1 + d - r));
				close(F('inf', 'end'), F('inf', 'start') / (1 + d), scale / (1 + d - r));
				// Finite horizon: end = start/(1+d) holds as is; start gains the t = 0 receipt and loses the t = n one.
				close(F(n, 'end'), F(n, 'start') / (1 + d), scale * n);
				close(F(n, 'start'), m + F(n - 1, 'gl'), scale * n);
				close(F(n, 'start'), m + F(n, 'gl') - m * Math.pow(r / (1 + d), n), scale * n);
			})
		);
	});

	it('computeClv reports the three conventions consistently with the identities', () => {
		fc.assert(
			fc.property(params, fc.boolean(), ({ m, r, d, n }, infinite) => {
				const res = computeClv({ m: String(m), r: String(r), d: String(d), n: infinite ? 'inf' : String(n) });
				if (infinite && !(1 - r + d > 0)) return !res.ok;
				if (!res.ok && res.errors[0]!.message.includes('超出了可计算的范围')) return true;
				expect(res.ok).toBe(true);
				if (!res.ok) return;
				const v = res.value;
				const scale = (Math.abs(m) + 1) * 100 * (infinite ? 1 / Math.max(1e-300, 1 + d - r) : n);
				close(v.byConvention.start, m + v.glPrevious, scale);
				close(v.byConvention.end, v.byConvention.start / (1 + d), scale);
				expect(v.identitySteps).toHaveLength(2);
			})
		);
	});

	it('no valid input throws and every result is finite', () => {
		fc.assert(
			fc.property(params, conv, fc.oneof(fc.constant('inf'), fc.integer({ min: 1, max: 1000 }).map(String)), fc.double({ min: 0, max: 1e6, noNaN: true }), ({ m, r, d }, c, n, ac) => {
				const res = computeClv({ m: String(m), r: String(r), d: String(d), n, ac: String(ac), convention: c });
				if (n === 'inf' && !(1 - r + d > 0)) return !res.ok;
				// r = 1 with a subnormal d: a valid but astronomically large perpetuity, refused as overflow.
				if (!res.ok) return res.errors[0]!.message.includes('超出了可计算的范围');
				const v = res.value;
				return [v.clv, v.gross, v.q, ...Object.values(v.byConvention), ...v.rows.flatMap((r) => [r.pv, r.cumulative])].every(Number.isFinite);
			})
		);
	});

	it('arbitrary text never throws; invalid input gives errors and no result', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), fc.string(), fc.string(), fc.string(), fc.string(), (m, r, d, n, ac, convention) => {
				const res = computeClv({ m, r, d, n, ac, convention });
				return res.ok ? Number.isFinite(res.value.clv) : res.errors.length > 0 && !('value' in res) && !('steps' in res);
			})
		);
	});

	it('each kind of invalid field yields an error on that field', () => {
		const bad: Record<string, string[]> = {
			m: ['', 'abc', '1e999', '5%'],
			r: ['', '-0.1', '1.01', '80', '101%', 'x'],
			d: ['', '-1', '10', '50', 'x'],
			n: ['', '0', '-3', '1001', '1.5', 'forever'],
			ac: ['-1', 'x', '1e400'],
			convention: ['GL', 'begin']
		};
		const cases = Object.entries(bad).flatMap(([f, vs]) => vs.map((v) => [f, v] as const));
		fc.assert(
			fc.property(fc.constantFrom(...cases), ([field, v]) => {
				const res = computeClv({ m: '100', r: '0.8', d: '0.1', n: '3', ac: '0', convention: 'gl', [field]: v });
				return !res.ok && res.errors.some((e) => e.field === field);
			})
		);
	});
});

describe('Cohort mode', () => {
	const rows = [
		{ customers: '100', revenue: '100', cost: '70' },
		{ customers: '90', revenue: '110', cost: '72' },
		{ customers: '80', revenue: '120', cost: '75' }
	];

	it('hand-checked: acquisition cost × starting customers is subtracted at t = 0', () => {
		// PV: 3000/1.1 = 2727.2727, 3420/1.21 = 2826.4463, 3600/1.331 = 2704.7333; sum 8258.4523; − 40·100
		const r = computeCohort({ rows, d: '0.1', ac: '40' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.startCustomers).toBe(100);
		expect(r.value.acquisitionTotal).toBe(4000);
		expect(r.value.rows.map((x) => x.totalMargin)).toEqual([3000, 3420, 3600]);
		expect(r.value.rows.map((x) => x.retention)).toEqual([1, 0.9, 80 / 90]);
		expect(r.value.pvTotal).toBeCloseTo(8258.452292, 5);
		expect(r.value.cohortClv).toBeCloseTo(4258.452292, 5);
		expect(r.value.perCustomer).toBeCloseTo(42.58452292, 7);
		expect(r.value.rows.at(-1)!.cumulative).toBeCloseTo(r.value.cohortClv, 9);
		expect(r.steps.at(-1)!.tex).toContain('42.58');
	});

	it('textbook rounding rounds each row PV to cents before adding', () => {
		const r = computeCohort({ rows, d: '0.1', ac: '40', textbookRounding: true });
		expect(r.ok && r.value.rows.map((x) => x.pv)).toEqual([2727.27, 2826.45, 2704.73]);
		expect(r.ok && r.value.pvTotal).toBeCloseTo(8258.45, 9);
		expect(r.ok && r.convention).toContain('教材舍入');
	});

	it('a separate starting cohort and start-of-year timing', () => {
		const r = computeCohort({ rows, d: '0.1', ac: '40', start: '120', timing: 'start' });
		expect(r.ok && r.value.acquisitionTotal).toBe(4800);
		expect(r.ok && r.value.rows.map((x) => x.t)).toEqual([0, 1, 2]);
		expect(r.ok && r.value.pvTotal).toBeCloseTo(3000 + 3420 / 1.1 + 3600 / 1.21, 9);
		if (r.ok) expect(r.value.perCustomer).toBeCloseTo(r.value.cohortClv / 120, 12);
	});

	it('matches the per-customer gl formula when customers decay geometrically', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 300 }), (n, r, d, m, ac) => {
				const N0 = 1000;
				const cohort = computeCohort({
					rows: Array.from({ length: n }, (_, i) => ({ customers: String(N0 * Math.pow(r, i + 1)), revenue: String(m + 50), cost: '50' })),
					d: String(d),
					ac: String(ac),
					start: String(N0)
				});
				const single = clv(m, r, d, n, 'gl', ac);
				expect(cohort.ok).toBe(true);
				if (cohort.ok) close(cohort.value.perCustomer, single.clv, (m + ac + 1) * n * 10);
			})
		);
	});

	it('validation', () => {
		const errs = (input: Parameters<typeof computeCohort>[0]) => {
			const r = computeCohort(input);
			return r.ok ? [] : r.errors.map((e) => e.field);
		};
		expect(errs({ rows: [], d: '0.1' })).toEqual(['rows']);
		expect(errs({ rows, d: '' })).toEqual(['d']);
		expect(errs({ rows, d: '0.1', ac: '-5' })).toEqual(['ac']);
		expect(errs({ rows: [rows[0]!, { customers: '120', revenue: '1', cost: '1' }], d: '0.1' })).toEqual(['rows.1.customers']);
		expect(errs({ rows: [{ customers: '0', revenue: '1', cost: '1' }], d: '0.1' })).toEqual(['rows.0.customers']);
		expect(errs({ rows: [{ customers: 'x', revenue: '-1', cost: '' }], d: '0.1' })).toEqual(['rows.0.customers', 'rows.0.revenue', 'rows.0.cost']);
		expect(errs({ rows, d: '0.1', start: '0' })).toEqual(['start']);
	});

	it('never throws on arbitrary rows', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ customers: fc.string(), revenue: fc.string(), cost: fc.string() }), { maxLength: 5 }), fc.string(), fc.string(), fc.string(), fc.boolean(), (rs, d, ac, start, tr) => {
				const r = computeCohort({ rows: rs, d, ac, start, textbookRounding: tr });
				return r.ok ? Number.isFinite(r.value.cohortClv) : r.errors.length > 0;
			})
		);
	});
});
