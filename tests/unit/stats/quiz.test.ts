import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/lib/content/types';
import { newAttempt, finish } from '../../../src/lib/quiz/attempt';
import { scoreTrend, weakestChapters } from '../../../src/lib/stats/quiz';

const pos = { file: 'x.md', line: 1 };
const mk = (id: string, chapter: string): Question => ({
	id, chapter, type: 'judge', stem: '?', options: [], answer: true, explanation: '', concepts: [], source: 'authored', tags: [], pos
});
const qs = new Map(['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1'].map((id) => [id, mk(id, id[0]!)]));
const paper = (ids: string[]) => ({ seed: 1, items: ids.map((questionId) => ({ questionId, type: 'judge' as const, marks: 1 })), rules: { partialCredit: false } });

describe('quiz stats', () => {
	it('score trend lists finished exams oldest first, as shares of the maximum', () => {
		const a = finish({ ...newAttempt('mock', 'A', paper(['a1', 'a2']), 1000), answers: { a1: { type: 'judge', value: true } } }, qs, 2000);
		const b = finish({ ...newAttempt('mock', 'B', paper(['a1', 'a2']), 100), answers: { a1: { type: 'judge', value: true }, a2: { type: 'judge', value: true } } }, qs, 500);
		const practice = finish(newAttempt('practice', 'P', paper(['a1']), 1), qs, 3000);
		expect(scoreTrend([a, b, practice, newAttempt('mock', 'open', paper(['a1']), 5)])).toEqual([
			{ at: 500, title: 'B', percent: 1 },
			{ at: 2000, title: 'A', percent: 0.5 }
		]);
	});

	it('weakest chapters count checked practice answers and submitted exams, weakest first', () => {
		const yes = { type: 'judge' as const, value: true };
		const no = { type: 'judge' as const, value: false };
		const practice = { ...newAttempt('practice', 'P', paper(['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1']), 1), answers: { a1: no, a2: no, a3: yes, b1: yes, b2: yes, b3: no, c1: no }, checked: ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1'] };
		const unchecked = { ...newAttempt('practice', 'Q', paper(['a1']), 1), answers: { a1: yes } };
		const rows = weakestChapters([practice, unchecked], qs);
		expect(rows.map((r) => [r.chapter, r.answered, Math.round(r.rate * 100)])).toEqual([
			['a', 3, 33],
			['b', 3, 67]
		]);
	});
});
