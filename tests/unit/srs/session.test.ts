import { describe, expect, it } from 'vitest';
import { ALL_DECK, chapterDecks } from '../../../src/lib/srs/decks';
import { deckQueue, examPlan, nextCard, type StudyCard, type StudyContext } from '../../../src/lib/srs/session';
import { Rating, Scheduler, State, type CardState, type ReviewEntry } from '../../../src/lib/srs/scheduler';
import { studyDayIndex, studyDayStart } from '../../../src/lib/srs/queue';
import { DEFAULT_SETTINGS, localDate } from '../../../src/lib/srs/settings';
import { memoryProfile, simulateStudent } from '../../../src/lib/srs/simulate';

const DAY = 86_400_000;
const day = { dayStartHour: 4, utcOffsetMinutes: 480 };
const now = Date.parse('2026-12-01T19:00:00+08:00');
const scheduler = new Scheduler({ retention: 0.9 });
const cards: StudyCard[] = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, chapter: i < 30 ? 'a' : 'b', source: i % 10 === 9 ? 'extension' : 'course', kind: 'term', tags: [] }));
const [deckA, deckB] = chapterDecks([
	{ id: 'a', title: 'A', order: 1 },
	{ id: 'b', title: 'B', order: 2 }
]);

function ctx(over: Partial<StudyContext> = {}): StudyContext {
	return { ...day, cards, states: new Map(), reviews: [], now, settings: { ...DEFAULT_SETTINGS, newPerDay: 5 }, scheduler, ...over };
}

/** Meets `ids` as new cards today, rated 良好. */
function meet(ids: string[]) {
	const states = new Map<string, CardState>();
	const reviews: ReviewEntry[] = [];
	ids.forEach((id, i) => {
		const { state, entry } = scheduler.rate(id, null, Rating.Good, new Date(now - 600_000 + i * 1000));
		states.set(id, state);
		reviews.push(entry);
	});
	return { states, reviews };
}

describe('deckQueue without an exam date', () => {
	it('one chapter’s new cards do not use up another chapter’s daily number', () => {
		const today = ctx(meet(['c0', 'c1', 'c2', 'c3', 'c4']));
		expect(deckQueue(today, deckA!, null).queue.fresh).toEqual([]);
		expect(deckQueue(today, deckB!, null).queue.fresh).toEqual(['c30', 'c31', 'c32', 'c33', 'c34']);
		// The whole course counts every new card met today.
		expect(deckQueue(today, ALL_DECK, null).queue.fresh).toEqual([]);
	});

	it('今天多学: extra new cards for today only', () => {
		const today = ctx({ ...meet(['c0', 'c1', 'c2', 'c3', 'c4']), settings: { ...DEFAULT_SETTINGS, newPerDay: 5, extraNew: { day: studyDayIndex(now, day), count: 3 } } });
		expect(deckQueue(today, ALL_DECK, null).queue.fresh).toEqual(['c5', 'c6', 'c7']);
		expect(deckQueue({ ...today, now: now + DAY }, ALL_DECK, null).queue.fresh).toHaveLength(5);
	});
});

describe('deckQueue under an exam plan', () => {
	const examDate = localDate(studyDayStart(now, day) + 5 * DAY + 12 * 3_600_000, 480);

	it('the whole course follows the plan: its quota, the course’s own cards first, new cards before due ones', () => {
		const c = ctx({ settings: { ...DEFAULT_SETTINGS, examDate, minutesPerDay: 2 } });
		const plan = examPlan(c)!;
		expect(plan.daysLeft).toBe(5);
		const dq = deckQueue(c, ALL_DECK, plan);
		expect(dq.queue.fresh.slice(0, plan.newToday)).toEqual(plan.order.slice(0, plan.newToday));
		expect(dq.queue.fresh.some((id) => cards.find((x) => x.id === id)!.source === 'extension')).toBe(false);
		expect(nextCard(dq)).toEqual({ id: 'c0', source: 'new' });
	});

	it('offers exam extras only once every planned card has been met, and only in the time the learner has', () => {
		const states = new Map<string, CardState>();
		for (const card of cards) states.set(card.id, { due: now + 10 * DAY, stability: 3, difficulty: 5, elapsed_days: 0, scheduled_days: 10, learning_steps: 0, reps: 2, lapses: 0, state: State.Review, last_review: now - 3 * DAY });
		const c = ctx({ states, settings: { ...DEFAULT_SETTINGS, examDate, minutesPerDay: 1 } });
		const plan = examPlan(c)!;
		const dq = deckQueue(c, ALL_DECK, plan);
		expect(dq.queue.exam.length).toBeGreaterThan(0);
		expect(nextCard(dq)?.source).toBe('exam');
		// After a minute's worth of ratings today, no more extras.
		const busy = Array.from({ length: plan.capacity }, (_, i) => ({ id: `r${i}`, cardId: 'c0', rating: Rating.Good, state: State.Review, review: now - 1000 * (i + 1), due: 0, stability: 0, difficulty: 0, scheduled_days: 0, prev: null, origin: 'flashcard' as const }));
		expect(nextCard(deckQueue({ ...c, reviews: busy }, ALL_DECK, plan))).toBeNull();
	});

	it('a chapter left out of the plan gets no new cards in the whole-course deck', () => {
		const c = ctx({ settings: { ...DEFAULT_SETTINGS, examDate, minutesPerDay: 30, planExcluded: ['a'] } });
		const dq = deckQueue(c, ALL_DECK, examPlan(c));
		expect(dq.queue.fresh.every((id) => cards.find((x) => x.id === id)!.chapter === 'b')).toBe(true);
		expect(deckQueue(c, deckA!, examPlan(c)).queue.fresh.length).toBeGreaterThan(0);
	});
});

describe('simulateStudent', () => {
	it('a student who follows a plan with enough time knows a small course on the exam day', () => {
		const result = simulateStudent({ ...day, cards, profile: memoryProfile('default', 1), days: 5, minutesPerDay: 5, secondsPerCard: 10, studyHour: 19, start: now, seed: 1 });
		expect(result.seen).toBe(60);
		expect(result.days).toHaveLength(5);
		expect(result.recallTrue).toBeGreaterThan(0.85);
		// Deterministic for a seed.
		expect(simulateStudent({ ...day, cards, profile: memoryProfile('default', 1), days: 5, minutesPerDay: 5, secondsPerCard: 10, studyHour: 19, start: now, seed: 1 })).toEqual(result);
	});

	it('a student without the time is not told a comforting story: recall stays low', () => {
		const result = simulateStudent({ ...day, cards, profile: memoryProfile('weak', 0.5, 0.3), days: 2, minutesPerDay: 1, secondsPerCard: 10, studyHour: 19, start: now, seed: 2 });
		expect(result.seen).toBeLessThan(60);
		expect(result.recallTrue).toBeLessThan(0.6);
	});
});

describe('只看课程资料', () => {
	it('leaves 教材拓展 cards out of every deck and out of the exam plan', () => {
		const examDate = localDate(studyDayStart(now, day) + 5 * DAY + 12 * 3_600_000, 480);
		const settings = { ...DEFAULT_SETTINGS, newPerDay: 100, examDate, courseOnly: true };
		const c = ctx({ settings });
		const plan = examPlan(c)!;
		expect(plan.planned).toBe(54);
		expect(plan.order.every((id) => !id.endsWith('9'))).toBe(true);
		const fresh = deckQueue(c, deckB!, plan).queue.fresh;
		expect(fresh.length).toBeGreaterThan(0);
		expect(fresh.some((id) => cards.find((x) => x.id === id)!.source === 'extension')).toBe(false);
		// Without the setting the same deck includes them.
		expect(deckQueue(ctx({ settings: { ...settings, courseOnly: false } }), deckB!, null).queue.fresh).toContain('c39');
	});
});
