import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ABC_PRESETS, computeAbc, type AbcRowInput } from '../../../src/lib/calc/abc';

const rows = (values: number[]): AbcRowInput[] => values.map((v, i) => ({ name: `c${i + 1}`, value: String(v) }));
const classes = (values: number[], a?: string, b?: string) => {
	const r = computeAbc({ rows: rows(values), a, b });
	return r.ok ? r.value.customers.map((c) => c.class).join('') : r.errors.map((e) => e.field).join();
};

describe('ABC', () => {
	it('the boundary is inclusive: a cumulative share of exactly 80 % is A, exactly 95 % is B', () => {
		expect(classes([40, 40, 15, 5])).toBe('AABC');
		const r = computeAbc({ rows: rows([5, 40, 15, 40]) });
		expect(r.ok && r.value.customers.map((c) => [c.name, c.cumulative])).toEqual([
			['c2', 0.4],
			['c4', 0.8],
			['c3', 0.95],
			['c1', 1]
		]);
		expect(r.ok && r.value.boundaryRule).toContain('含在内');
	});

	it('the boundary holds through float noise (0.8000000000000002 is A)', () => {
		const r = computeAbc({ rows: rows([0.9, 0.8, 0.7, 0.3, 0.3]) });
		expect(r.ok && r.value.customers[2]!.cumulative).toBe(0.8000000000000002);
		expect(r.ok && r.value.customers.map((c) => c.class).join('')).toBe('AAABC');
	});

	it('ties that straddle a boundary are flagged, keeping input order', () => {
		const r = computeAbc({ rows: rows([0.9, 0.8, 0.7, 0.3, 0.3]) });
		expect(r.ok && r.value.tieAcrossBoundary).toBe(true);
		expect(r.ok && r.value.customers.slice(3).map((c) => c.name)).toEqual(['c4', 'c5']);
		expect(r.ok && r.value.notes.some((n) => n.includes('数值相同'))).toBe(true);
		expect(computeAbc({ rows: rows([40, 40, 15, 5]) }).ok && (computeAbc({ rows: rows([40, 40, 15, 5]) }) as { value: { tieAcrossBoundary: boolean } }).value.tieAcrossBoundary).toBe(false);
	});

	it('presets 70/90 and 55/85, and thresholds typed with %', () => {
		expect(ABC_PRESETS.map((p) => [p.a, p.b])).toEqual([
			[80, 95],
			[70, 90],
			[55, 85]
		]);
		expect(classes([40, 40, 15, 5], '70', '90')).toBe('ABCC');
		expect(classes([40, 40, 15, 5], '55', '85')).toBe('ABCC');
		expect(classes([40, 40, 15, 5], '80%', '95%')).toBe('AABC');
	});

	it('class summaries and the 二八法则 figure', () => {
		// 10 customers, total 1000; the top 2 hold 500 + 300 = 80 %.
		const r = computeAbc({ rows: rows([50, 500, 20, 300, 40, 30, 20, 15, 15, 10]) });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.total).toBe(1000);
		expect(r.value.top).toMatchObject({ count: 2, customerShare: 0.2, valueShare: 0.8 });
		expect(r.value.top.text).toBe('前 20% 的客户（2 位）贡献了 80% 的价值，集中程度达到或超过二八法则所说的 80%。');
		expect(r.value.classes.A).toEqual({ count: 2, value: 800, share: 0.8, customerShare: 0.2 });
		expect(r.value.classes.B.count + r.value.classes.C.count).toBe(8);
	});

	it('with N not a multiple of 5 the actual customer share is stated', () => {
		const r = computeAbc({ rows: rows([60, 20, 10, 5, 3, 2]) });
		expect(r.ok && r.value.top.count).toBe(1);
		expect(r.ok && r.value.top.text).toContain('价值最高的 1 位客户（占客户数的 16.67%）贡献了 60% 的价值');
	});

	it('a first customer above the A threshold leaves no A class, with a note', () => {
		const r = computeAbc({ rows: rows([90, 5, 5]) });
		expect(r.ok && r.value.customers.map((c) => c.class).join('')).toBe('BBC'); // 90 %, then exactly 95 % (B, inclusive), then 100 %
		expect(r.ok && r.value.notes.some((n) => n.includes('没有 A 类'))).toBe(true);
	});

	it('validation', () => {
		expect(classes([1, 2], '95', '80')).toBe('b');
		expect(classes([1, 2], '0', '80')).toBe('a');
		expect(classes([1, 2], '80', '101')).toBe('b');
		expect(classes([0, 0])).toBe('rows');
		expect(classes([])).toBe('rows');
		expect(classes([1, -2])).toBe('rows.1.value');
		const r = computeAbc({ rows: [{ name: '', value: 'abc' }] });
		expect(!r.ok && r.errors[0]!.message).toContain('“客户 1”的价值“abc”不是数字');
	});

	it('properties: classes never improve down the list, counts and shares add up, last cumulative is 1', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 60 }), fc.constantFrom(...ABC_PRESETS), (values, p) => {
				fc.pre(values.some((v) => v > 0));
				const r = computeAbc({ rows: rows(values), a: String(p.a), b: String(p.b) });
				if (!r.ok) return false;
				const cs = r.value.customers;
				const order = cs.map((c) => 'ABC'.indexOf(c.class));
				const { A, B, C } = r.value.classes;
				return (
					order.every((o, i) => i === 0 || o >= order[i - 1]!) &&
					cs.every((c, i) => i === 0 || c.value <= cs[i - 1]!.value) &&
					A.count + B.count + C.count === values.length &&
					Math.abs(A.share + B.share + C.share - 1) < 1e-12 &&
					cs.at(-1)!.cumulative === 1
				);
			})
		);
	});

	it('never throws on arbitrary input', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ name: fc.string(), value: fc.string() }), { maxLength: 6 }), fc.string(), fc.string(), (rs, a, b) => {
				const r = computeAbc({ rows: rs, a, b });
				return r.ok ? r.value.customers.length === rs.length : r.errors.length > 0;
			})
		);
	});
});
