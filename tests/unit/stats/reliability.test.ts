import { describe, expect, it } from 'vitest';
import { commonItems, cronbachAlpha, kr20, sampleVariance, testStatistics } from '../../../src/lib/stats/reliability';

// Four students, three all-or-nothing items (1 mark each), worked by hand:
//   s1: 1 1 1 = 3   s2: 1 1 0 = 2   s3: 1 0 0 = 1   s4: 0 0 0 = 0
// Totals 3, 2, 1, 0: mean 1.5; deviations ±1.5, ±0.5 → Σd² = 2.25 + 0.25 + 0.25 + 2.25 = 5.
//   sample variance 5/3 = 1.6667, population variance 5/4 = 1.25.
// Items: p = 0.75, 0.5, 0.25 → p·q = 0.1875, 0.25, 0.1875, Σ = 0.625.
//   sample item variances = p·q · 4/3 = 0.25, 0.3333, 0.25, Σ = 0.8333.
// α = 3/2 · (1 − 0.8333 / 1.6667) = 1.5 · 0.5 = 0.75.
// KR-20 = 3/2 · (1 − 0.625 / 1.25) = 0.75, the same, as it must be on 0/1 items.
const binary = [
	[1, 1, 1],
	[1, 1, 0],
	[1, 0, 0],
	[0, 0, 0]
];

// Three students, a 5-mark and a 10-mark item with partial marks:
//   item 1: 5, 3, 1 (mean 3, Σd² = 4 + 0 + 4 = 8, variance 4)
//   item 2: 8, 6, 1 (mean 5, Σd² = 9 + 1 + 16 = 26, variance 13)
//   totals: 13, 9, 2 (mean 8, Σd² = 25 + 1 + 36 = 62, variance 31)
// α = 2/1 · (1 − (4 + 13) / 31) = 2 · 14/31 = 28/31 = 0.9032.
const graded = [
	[5, 8],
	[3, 6],
	[1, 1]
];

describe('reliability', () => {
	it('computes sample variance', () => {
		expect(sampleVariance([3, 2, 1, 0])).toBeCloseTo(5 / 3, 10);
		expect(sampleVariance([7])).toBeNull();
	});

	it('gives Cronbach’s α and KR-20 as worked by hand', () => {
		expect(cronbachAlpha(binary)).toBeCloseTo(0.75, 10);
		expect(kr20(binary)).toBeCloseTo(0.75, 10);
		expect(cronbachAlpha(graded)).toBeCloseTo(28 / 31, 10);
		expect(kr20(graded)).toBeNull();
	});

	it('has no α when every total is the same or there is only one item', () => {
		expect(
			cronbachAlpha([
				[1, 0],
				[0, 1]
			])
		).toBeNull();
		expect(cronbachAlpha([[1], [0]])).toBeNull();
	});

	it('summarises a class: mean, median, SD, α, KR-20 and SEM', () => {
		// Percents of the binary class: 100, 66.67, 33.33, 0. Mean 50, median 50.
		// SD = √(Σd²/3) with d = 50, 16.67, −16.67, −50: Σd² = 2500 + 277.78 + 277.78 + 2500 = 5555.56, SD = √1851.85 = 43.03.
		// SEM = SD · √(1 − 0.75) = 43.03 · 0.5 = 21.52.
		const s = testStatistics([100, 200 / 3, 100 / 3, 0], { scores: binary, max: [1, 1, 1] });
		expect(s.mean).toBeCloseTo(50, 10);
		expect(s.median).toBeCloseTo(50, 10);
		expect(s.sd).toBeCloseTo(43.0331, 3);
		expect(s.alpha).toBeCloseTo(0.75, 10);
		expect(s.kr20).toBeCloseTo(0.75, 10);
		expect(s.sem).toBeCloseTo(21.5166, 3);
		expect(s.note).toBeNull();
		// 2-mark items scored 0 or 2 are still all-or-nothing.
		expect(testStatistics([100, 0], { scores: [[2, 2], [0, 0]], max: [2, 2] }).kr20).toBeCloseTo(1, 10);
		const partial = testStatistics([86.67, 60, 13.33], { scores: graded, max: [5, 10] });
		expect(partial.kr20).toBeNull();
		expect(partial.alpha).toBeCloseTo(28 / 31, 10);
	});

	it('says why α is missing', () => {
		expect(testStatistics([80], { scores: [[1, 1]], max: [1, 1] })).toMatchObject({ alpha: null, note: expect.stringContaining('2 位学生') });
		expect(testStatistics([80, 20], { scores: [[1], [0]], max: [1] })).toMatchObject({ alpha: null, note: expect.stringContaining('不足 2 道') });
		expect(testStatistics([], { scores: [], max: [] })).toMatchObject({ count: 0, mean: null, sd: null });
	});

	it('takes the items on every paper, leaving out answers still awaiting marking', () => {
		const m = (earned: number, status = 'correct') => ({ earned, max: 1, status });
		const a = { items: [ { questionId: 'q1', mark: m(1) }, { questionId: 'q2', mark: m(0, 'wrong') }, { questionId: 'q3', mark: m(0, 'pending') } ] };
		const b = { items: [ { questionId: 'q2', mark: m(1) }, { questionId: 'q1', mark: m(0, 'wrong') }, { questionId: 'q3', mark: m(1) }, { questionId: 'q4', mark: m(1) } ] };
		expect(commonItems([a, b])).toEqual({ ids: ['q1', 'q2'], max: [1, 1], scores: [[1, 0], [0, 1]] });
	});
});
