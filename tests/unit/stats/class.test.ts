import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/lib/content/types';
import { markQuestion } from '../../../src/lib/quiz/marking';
import type { Response } from '../../../src/lib/quiz/types';
import { extremeGroups, itemAnalysis, summarizeScores, type GradedAttempt } from '../../../src/lib/stats/class';

const pos = { file: 'x.md', line: 1 };
const base = { chapter: 'a', stem: '?', explanation: '', concepts: [], source: 'authored' as const, tags: [], pos };
const options = ['A', 'B', 'C', 'D'].map((key) => ({ key, text: key }));
const questions: Question[] = [
	{ ...base, id: 'q1', type: 'single', options, answer: 'A' },
	{ ...base, id: 'q2', type: 'judge', options: [], answer: true },
	{ ...base, id: 'q3', type: 'single', options, answer: 'B' },
	{ ...base, id: 'q4', type: 'judge', options: [], answer: false },
	{ ...base, id: 'q5', type: 'judge', options: [], answer: true }
];
const byId = new Map(questions.map((q) => [q.id, q]));

const S = (choice: string): Response => ({ type: 'single', choice });
const J = (value: boolean): Response => ({ type: 'judge', value });

function attempt(key: string, responses: (Response | undefined)[]): GradedAttempt {
	const items = questions.map((q, i) => ({ questionId: q.id, mark: markQuestion(q, responses[i], 1, { partialCredit: false }), response: responses[i] }));
	return { key, items, earned: items.reduce((s, i) => s + i.mark.earned, 0), max: items.length };
}

// Worked by hand (see the table in the test names): totals 4/5, 3/5, 2/5, 1/5.
const klass = [
	attempt('s1', [S('A'), J(true), S('C'), J(false), J(true)]),
	attempt('s2', [S('A'), J(false), S('C'), J(false), J(true)]),
	attempt('s3', [S('B'), J(true), S('D'), undefined, J(true)]),
	attempt('s4', [S('C'), J(false), S('B'), J(true), J(false)])
];

describe('class statistics', () => {
	it('summarises percents: mean, median, passes and the grading bands', () => {
		const s = summarizeScores([80, 60, 40, 20], 60);
		expect(s).toMatchObject({ count: 4, mean: 50, median: 50, min: 20, max: 80, passed: 2 });
		expect(s.bands.map((b) => b.count)).toEqual([2, 1, 0, 1, 0]);
		expect(summarizeScores([100, 90, 59.9], 60).bands.map((b) => b.count)).toEqual([1, 0, 0, 0, 2]);
		expect(summarizeScores([], 60)).toMatchObject({ count: 0, mean: null, median: null });
	});

	it('takes the top and bottom 27 % as the extreme groups', () => {
		expect(extremeGroups(klass)).toEqual({ upper: new Set(['s1']), lower: new Set(['s4']) });
		const ten = Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, earned: i, max: 10, items: [] }));
		const g = extremeGroups(ten);
		expect([...g.upper]).toEqual(['k9', 'k8', 'k7']);
		expect([...g.lower]).toEqual(['k2', 'k1', 'k0']);
		expect(extremeGroups(ten.slice(0, 1)).upper.size).toBe(0);
	});

	// A fifth student (s5) answers only q3, rightly: totals 4, 3, 2, 1, 1. With five students the
	// groups are round(5 × 0.27) = 1 each: s1 on top and s5 at the bottom (s4 ties at 1 but sorts first).
	// Facility = right answers / 5: q1 2, q2 2, q3 2 (s4, s5), q4 2, q5 3.
	// Discrimination = s1's share − s5's share: q3 is 0 − 1 = −1, the others 1 − 0 = 1.
	const klass5 = [...klass, attempt('s5', [undefined, undefined, S('B'), undefined, undefined])];

	it('computes facility, discrimination and option counts as worked out by hand', () => {
		const stats = new Map(itemAnalysis(klass5, byId).map((s) => [s.questionId, s]));
		expect([...stats.values()].map((s) => s.facility)).toEqual([0.4, 0.4, 0.4, 0.4, 0.6]);
		expect([...stats.values()].map((s) => s.discrimination)).toEqual([1, 1, -1, 1, 1]);
		expect(stats.get('q1')!.options).toEqual([
			{ key: 'A', correct: true, count: 2 },
			{ key: 'B', correct: false, count: 1 },
			{ key: 'C', correct: false, count: 1 },
			{ key: 'D', correct: false, count: 0 }
		]);
		expect(stats.get('q3')!.options!.map((o) => o.count)).toEqual([0, 2, 2, 1]);
		expect(stats.get('q4')!.options).toEqual([
			{ key: 'T', correct: false, count: 1 },
			{ key: 'F', correct: true, count: 2 }
		]);
		expect(stats.get('q4')!.blank).toBe(2);
		expect(stats.get('q3')!.flags).toEqual(['negative-discrimination']);
		expect(stats.get('q1')!.flags).toEqual([]);
	});

	it('flags items that everyone or no one gets right', () => {
		const all = ['x1', 'x2', 'x3', 'x4', 'x5'].map((k) => attempt(k, [S('A'), J(false), S('A'), J(false), J(true)]));
		const stats = new Map(itemAnalysis(all, byId).map((s) => [s.questionId, s]));
		expect(stats.get('q1')!.flags).toContain('too-easy');
		expect(stats.get('q2')!.flags).toContain('too-hard');
		// Everyone scored the same, so the groups do equally well.
		expect(stats.get('q1')!.discrimination).toBe(0);
	});

	it('leaves answers nobody has marked yet out of an item’s statistics', () => {
		const essay: Question = { ...base, id: 'e1', type: 'short', options: [], answer: { model: '', points: ['a', 'b'] } };
		const map = new Map([['e1', essay]]);
		const graded = (key: string, ticked: number[] | null): GradedAttempt => {
			const response: Response = { type: 'short', text: '……', ticked };
			const mark = markQuestion(essay, response, 10, { partialCredit: false });
			return { key, earned: mark.earned, max: 10, items: [{ questionId: 'e1', mark, response }] };
		};
		const none = itemAnalysis([graded('a', null), graded('b', null)], map)[0]!;
		expect(none).toMatchObject({ n: 2, facility: null, discrimination: null, flags: [] });
		// Five marked (shares 1, 0.5, 1, 0, 0.5: mean 0.6) and one still pending, which is left out.
		const some = itemAnalysis([graded('a', [0, 1]), graded('b', null), graded('c', [0]), graded('d', [0, 1]), graded('e', []), graded('f', [1])], map)[0]!;
		expect(some).toMatchObject({ n: 6, marked: 5, facility: 0.6 });
		// Four marked: below the minimum sample, so nothing is computed or flagged.
		expect(itemAnalysis([graded('a', [0, 1]), graded('c', [0]), graded('d', [0, 1]), graded('e', [])], map)[0]).toMatchObject({ marked: 4, facility: null, flags: [] });
	});

	it('never flags a question on fewer than five answers (one student saw it and got it wrong)', () => {
		const [q1] = itemAnalysis([attempt('only', [S('D'), J(false), S('A'), J(true), J(false)])], byId);
		expect(q1).toMatchObject({ n: 1, marked: 1, facility: null, discrimination: null, flags: [] });
		// The four-student class of the hand-worked table is below the minimum too.
		expect(itemAnalysis(klass, byId).every((s) => s.facility === null && s.flags.length === 0)).toBe(true);
	});
});
