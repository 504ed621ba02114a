import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/lib/content/types';
import { answerEffects, finish, isExpired, newAttempt, secondsLeft } from '../../../src/lib/quiz/attempt';
import { markQuestion } from '../../../src/lib/quiz/marking';
import { Rating, Scheduler, State, type CardState } from '../../../src/lib/srs/scheduler';

const pos = { file: 'x.md', line: 1 };
const q: Question = {
	id: 'q1', chapter: 'c', type: 'single', stem: '?', options: [{ key: 'A', text: 'a' }, { key: 'B', text: 'b' }], answer: 'A',
	explanation: '', concepts: ['crm', 'fresh'], source: 'authored', tags: [], pos
};
const scheduler = new Scheduler({ retention: 0.9 });
const now = Date.parse('2026-06-10T08:00:00Z');
const learned = (): CardState => scheduler.rate('crm:card', scheduler.rate('crm:card', null, Rating.Good, new Date(now - 20 * 86_400_000)).state, Rating.Good, new Date(now - 19 * 86_400_000)).state;

describe('answerEffects', () => {
	const cards = new Map<string, CardState>([['crm:card', { ...learned(), state: State.Review, due: now + 30 * 86_400_000 }]]);

	it('a wrong answer enters the 错题本 and brings a learned card forward like 重来', () => {
		const mark = markQuestion(q, { type: 'single', choice: 'B' }, 2, { partialCredit: false });
		const fx = answerEffects([{ question: q, mark, response: { type: 'single', choice: 'B' } }], new Map(), cards, scheduler, now, 2);
		expect(fx.mistakesPut).toEqual([expect.objectContaining({ questionId: 'q1', misses: 1, lastWrong: { type: 'single', choice: 'B' } })]);
		expect(fx.reviews).toHaveLength(1); // the new card 'fresh:card' has no state and is left alone
		expect(fx.reviews[0]!.entry).toMatchObject({ cardId: 'crm:card', rating: Rating.Again, origin: 'quiz' });
		expect(fx.reviews[0]!.state.due).toBeLessThan(now + 86_400_000);
	});

	it('a right answer never touches card intervals and counts towards leaving the notebook', () => {
		const mark = markQuestion(q, { type: 'single', choice: 'A' }, 2, { partialCredit: false });
		const entry = { questionId: 'q1', misses: 1, firstMissedAt: 1, lastMissedAt: 1, streak: 1, starred: false, lastWrong: null };
		const fx = answerEffects([{ question: q, mark, response: null }], new Map([['q1', entry]]), cards, scheduler, now, 2);
		expect(fx.reviews).toEqual([]);
		expect(fx.mistakesRemove).toEqual(['q1']);
	});

	it('blank and not-yet-self-marked answers change nothing', () => {
		const blank = markQuestion(q, undefined, 2, { partialCredit: false });
		expect(answerEffects([{ question: q, mark: blank, response: null }], new Map(), cards, scheduler, now, 2)).toEqual({ mistakesPut: [], mistakesRemove: [], reviews: [] });
	});
});

describe('timed attempts', () => {
	it('time keeps running from the start, and finishing after the deadline records the deadline', () => {
		const a = newAttempt('mock', '模拟考试', { seed: 1, items: [{ questionId: 'q1', type: 'single', marks: 2 }], rules: { partialCredit: false } }, now, 30);
		expect(secondsLeft(a, now + 60_000)).toBe(29 * 60);
		expect(isExpired(a, now + 29 * 60_000)).toBe(false);
		expect(isExpired(a, now + 31 * 60_000)).toBe(true);
		const done = finish({ ...a, answers: { q1: { type: 'single', choice: 'A' } } }, new Map([['q1', q]]), now + 3 * 3_600_000);
		expect(done.finishedAt).toBe(a.deadline);
		expect(done.score).toMatchObject({ earned: 2, max: 2 });
		expect(secondsLeft(newAttempt('practice', 'p', a.paper, now), now)).toBeNull();
	});
});
