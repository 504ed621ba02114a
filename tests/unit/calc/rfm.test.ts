import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RFM_SEGMENTS, RFM_TIE_RULE, computeRfm, quintileScores, segmentOf, type Level, type RfmRowInput } from '../../../src/lib/calc/rfm';

const row = (name: string, recency: number, frequency: number, monetary: number): RfmRowInput => ({
	name,
	recency: String(recency),
	frequency: String(frequency),
	monetary: String(monetary)
});

describe('RFM mean split', () => {
	// Means: R = 190/5 = 38 days, F = 20/5 = 4, M = 10000/5 = 2000.
	const rows = [row('甲', 10, 8, 5000), row('乙', 40, 2, 800), row('丙', 20, 5, 3000), row('丁', 90, 1, 200), row('戊', 30, 4, 1000)];

	it('hand-checked segments, with the tie rule printed', () => {
		const r = computeRfm(rows);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.means).toEqual({ recency: 38, frequency: 4, monetary: 2000 });
		expect(r.value.customers.map((c) => [c.name, c.r + c.f + c.m, c.segment])).toEqual([
			['甲', '高高高', '重要价值'],
			['乙', '低低低', '一般挽留'],
			['丙', '高高高', '重要价值'],
			['丁', '低低低', '一般挽留'],
			// F = 4 equals the mean: 高 by the stated rule.
			['戊', '高高低', '一般价值']
		]);
		expect(r.value.tieRule).toBe(RFM_TIE_RULE);
		expect(r.value.tieRule).toContain('等于平均值');
		expect(r.steps[1]!.note).toBe(RFM_TIE_RULE);
		expect(r.value.segments.find((s) => s.segment === '重要价值')).toMatchObject({ count: 2, names: ['甲', '丙'] });
		expect(r.value.segments).toHaveLength(8);
		expect(r.steps[0]!.tex).toContain(String.raw`\bar{R} = \dfrac{10 + 40 + 20 + 90 + 30}{5} = 38`);
	});

	it('hand-checked 1–5 scores and cell codes', () => {
		const r = computeRfm(rows);
		expect(r.ok && r.value.customers.map((c) => c.code)).toEqual(['555', '222', '444', '111', '333']);
	});

	it('ties: a value equal to the mean is 高 for R, F and M', () => {
		// R mean 20, F mean 4, M mean 200; the second customer sits exactly on every mean.
		const r = computeRfm([row('a', 10, 2, 100), row('b', 20, 4, 200), row('c', 30, 6, 300)]);
		expect(r.ok && r.value.customers.map((c) => c.r + c.f + c.m)).toEqual(['高低低', '高高高', '低高高']);
	});

	it('ties hold through float noise: F = 0.15 against a mean of 0.15000000000000002', () => {
		expect((0.1 + 0.2 + 0.15) / 3).not.toBe(0.15);
		const r = computeRfm([row('a', 1, 0.1, 1), row('b', 1, 0.2, 1), row('c', 1, 0.15, 1)]);
		expect(r.ok && r.value.customers.map((c) => c.f)).toEqual(['低', '高', '高']);
		// Everyone equal on R and M: all 高.
		expect(r.ok && r.value.customers.every((c) => c.r === '高' && c.m === '高')).toBe(true);
	});

	it('every segment has an action, and the 8 R/F/M combinations are distinct', () => {
		const levels: Level[] = ['高', '低'];
		const names = levels.flatMap((r) => levels.flatMap((f) => levels.map((m) => segmentOf(r, f, m).segment)));
		expect(new Set(names).size).toBe(8);
		expect(RFM_SEGMENTS.every((s) => s.action.length > 8)).toBe(true);
		expect(segmentOf('低', '高', '高').segment).toBe('重要保持');
		expect(segmentOf('高', '低', '高').segment).toBe('重要发展');
		expect(segmentOf('低', '低', '高').segment).toBe('重要挽留');
		expect(segmentOf('低', '高', '低').segment).toBe('一般保持');
		expect(segmentOf('高', '低', '低').segment).toBe('一般发展');
	});

	it('validation: at least two customers, non-negative numbers', () => {
		expect(computeRfm([row('a', 1, 1, 1)]).ok).toBe(false);
		const r = computeRfm([row('a', -1, 1, 1), { name: '', recency: '3', frequency: 'x', monetary: '' }]);
		expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['rows.0.recency', 'rows.1.frequency', 'rows.1.monetary']);
		expect(!r.ok && r.errors[1]!.message).toContain('“客户 2”的F（购买次数）');
	});

	it('levels agree with the means, scores are 1–5, and nothing throws', () => {
		const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 365 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1e5 })), { minLength: 2, maxLength: 40 });
		fc.assert(
			fc.property(arb, (data) => {
				const r = computeRfm(data.map(([a, b, c], i) => row(`c${i}`, a, b, c)));
				if (!r.ok) return false;
				const { means, customers } = r.value;
				return customers.every(
					(c) =>
						(c.r === '高') === c.recency <= means.recency + 1e-9 * means.recency &&
						(c.f === '高') === c.frequency >= means.frequency - 1e-9 * means.frequency &&
						c.segment === segmentOf(c.r, c.f, c.m).segment &&
						[c.scoreR, c.scoreF, c.scoreM].every((s) => Number.isInteger(s) && s >= 1 && s <= 5) &&
						c.code === `${c.scoreR}${c.scoreF}${c.scoreM}`
				);
			})
		);
		fc.assert(
			fc.property(fc.array(fc.record({ name: fc.string(), recency: fc.string(), frequency: fc.string(), monetary: fc.string() }), { maxLength: 5 }), (rs) => {
				const r = computeRfm(rs);
				return r.ok || r.errors.length > 0;
			})
		);
	});
});

describe('quintileScores', () => {
	it('five distinct values score 1..5; ten score in pairs', () => {
		expect(quintileScores([3, 1, 5, 2, 4], true)).toEqual([3, 1, 5, 2, 4]);
		expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
	});

	it('recency is reversed: fewer days score higher', () => {
		expect(quintileScores([5, 50, 500, 10, 100], false)).toEqual([5, 3, 1, 4, 2]);
	});

	it('ties share a score (mid-rank); all equal scores 3', () => {
		expect(quintileScores([7, 7, 7, 7], true)).toEqual([3, 3, 3, 3]);
		expect(quintileScores([1, 5, 5, 9], true)).toEqual([1, 3, 3, 5]);
		expect(quintileScores([0.3, 0.1 + 0.2, 1], true)).toEqual([2, 2, 5]);
		expect(quintileScores([42], true)).toEqual([3]);
	});

	it('is monotone: a better value never scores lower', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 50 }), (xs) => {
				const s = quintileScores(xs, true);
				return xs.every((x, i) => xs.every((y, j) => !(x > y) || s[i]! >= s[j]!));
			})
		);
	});
});
