import { describe, expect, it } from 'vitest';
import { buildQueue, studyDayIndex, studyDayStart } from '../../../src/lib/srs/queue';
import { Rating, Scheduler, State, newCardState, type CardState } from '../../../src/lib/srs/scheduler';

// Beijing time (UTC+8), day starts at 04:00.
const day = { dayStartHour: 4, utcOffsetMinutes: 480 };
const at = (iso: string) => new Date(iso).getTime();

function review(due: string, extra: Partial<CardState> = {}): CardState {
	return { ...newCardState(new Date(due)), state: State.Review, due: at(due), stability: 10, difficulty: 5, reps: 3, last_review: at(due) - 10 * 86_400_000, scheduled_days: 10, ...extra };
}

describe('study day', () => {
	it('rolls over at the configured local hour, not at midnight', () => {
		// 2026-06-01 03:59 Beijing is still the study day that began 2026-05-31 04:00.
		expect(studyDayStart(at('2026-06-01T03:59:00+08:00'), day)).toBe(at('2026-05-31T04:00:00+08:00'));
		expect(studyDayStart(at('2026-06-01T04:00:00+08:00'), day)).toBe(at('2026-06-01T04:00:00+08:00'));
		expect(studyDayIndex(at('2026-06-01T23:00:00+08:00'), day)).toBe(studyDayIndex(at('2026-06-02T03:00:00+08:00'), day));
		expect(studyDayIndex(at('2026-06-02T04:00:00+08:00'), day)).toBe(studyDayIndex(at('2026-06-01T04:00:00+08:00'), day) + 1);
	});

	it('works for negative UTC offsets', () => {
		const ny = { dayStartHour: 4, utcOffsetMinutes: -300 };
		expect(studyDayStart(at('2026-06-01T02:00:00-05:00'), ny)).toBe(at('2026-05-31T04:00:00-05:00'));
	});
});

describe('buildQueue', () => {
	const now = at('2026-06-01T08:00:00+08:00');
	const base = { ...day, now, newPerDay: 2, newSeenToday: 0, retention: 0.9 };

	it('puts due cards first, most overdue first, then new cards up to the daily limit', () => {
		const states = new Map<string, CardState>([
			['late', review('2026-05-30T09:00:00+08:00')],
			['today', review('2026-06-01T20:00:00+08:00')],
			['later-tonight', review('2026-06-02T03:30:00+08:00')],
			['tomorrow', review('2026-06-02T04:30:00+08:00')]
		]);
		const q = buildQueue({ ...base, cardIds: ['n1', 'today', 'n2', 'late', 'n3', 'tomorrow', 'later-tonight'], states });
		expect(q.due).toEqual(['late', 'today', 'later-tonight']);
		expect(q.fresh).toEqual(['n1', 'n2']);
		expect(q.counts).toEqual({ new: 3, due: 3, learned: 1 });
	});

	it('counts new cards already introduced today against the limit', () => {
		const q = buildQueue({ ...base, newSeenToday: 1, cardIds: ['a', 'b', 'c'], states: new Map() });
		expect(q.fresh).toEqual(['a']);
		expect(buildQueue({ ...base, newSeenToday: 5, cardIds: ['a'], states: new Map() }).fresh).toEqual([]);
	});

	it('a card due tomorrow becomes due once the day rolls over at 04:00', () => {
		const states = new Map([['x', review('2026-06-02T09:00:00+08:00')]]);
		const before = buildQueue({ ...base, now: at('2026-06-02T03:59:00+08:00'), cardIds: ['x'], states });
		const after = buildQueue({ ...base, now: at('2026-06-02T04:00:00+08:00'), cardIds: ['x'], states });
		expect(before.due).toEqual([]);
		expect(after.due).toEqual(['x']);
	});

	it('shows learning steps when due; those due within 20 minutes come after new cards', () => {
		const learning = (due: string): CardState => ({ ...review(due), state: State.Learning });
		const states = new Map([
			['now', learning('2026-06-01T07:59:00+08:00')],
			['soon', learning('2026-06-01T08:10:00+08:00')],
			['hours', learning('2026-06-01T12:00:00+08:00')]
		]);
		const q = buildQueue({ ...base, cardIds: ['soon', 'hours', 'now', 'n1'], states });
		expect(q.due).toEqual(['now']);
		expect(q.fresh).toEqual(['n1']);
		expect(q.ahead).toEqual(['soon']);
		expect(q.counts).toEqual({ new: 1, due: 2, learned: 1 });
	});

	it('with an exam date, offers cards that would fall below the desired retention by then', () => {
		const scheduler = new Scheduler({ retention: 0.9 });
		const reviewedAt = at('2026-05-20T08:00:00+08:00');
		const weak = review('2026-06-05T08:00:00+08:00', { stability: 3, last_review: reviewedAt });
		const strong = review('2026-07-30T08:00:00+08:00', { stability: 300, last_review: reviewedAt });
		const states = new Map([
			['weak', weak],
			['strong', strong]
		]);
		const examDate = at('2026-06-03T08:00:00+08:00');
		const q = buildQueue({ ...base, cardIds: ['weak', 'strong', 'new'], states, examDate, scheduler });
		expect(q.due).toEqual([]);
		expect(q.exam).toEqual(['weak']);
		expect(scheduler.retrievability(weak, new Date(examDate))).toBeLessThan(0.9);
		expect(scheduler.retrievability(strong, new Date(examDate))).toBeGreaterThan(0.9);
		// No exam date, or one in the past: nothing extra.
		expect(buildQueue({ ...base, cardIds: ['weak'], states, scheduler }).exam).toEqual([]);
		expect(buildQueue({ ...base, cardIds: ['weak'], states, scheduler, examDate: now - 1 }).exam).toEqual([]);
	});

	it('an early review for the exam never pushes the due date later', () => {
		const scheduler = new Scheduler({ retention: 0.9 });
		const weak = review('2026-06-05T08:00:00+08:00', { stability: 3, last_review: at('2026-05-20T08:00:00+08:00') });
		for (const g of [Rating.Hard, Rating.Good, Rating.Easy] as const) {
			const { state } = scheduler.rate('weak', weak, g, new Date(now));
			expect(state.due).toBeLessThanOrEqual(weak.due);
			expect(state.last_review).toBe(now);
		}
		// A lapse still brings the card forward.
		expect(scheduler.rate('weak', weak, Rating.Again, new Date(now)).state.due).toBeLessThan(weak.due);
	});
});
