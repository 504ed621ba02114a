import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildQueue, studyDayStart } from '../../../src/lib/srs/queue';
import { Rating, Scheduler, State, type CardState, type Grade } from '../../../src/lib/srs/scheduler';

const DAY = 86_400_000;
const scheduler = new Scheduler({ retention: 0.9 });

/** Every list a session can draw a card from. */
function offered(q: ReturnType<typeof buildQueue>, id: string) {
	return [...q.due, ...q.fresh, ...q.exam, ...q.ahead].includes(id);
}

const step = fc.record({ minutes: fc.integer({ min: 0, max: 2_000 }), rating: fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy) });
const setup = fc.record({
	start: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
	dayStartHour: fc.integer({ min: 0, max: 23 }),
	utcOffsetMinutes: fc.constantFrom(-300, 0, 330, 480, 600),
	steps: fc.array(step, { minLength: 1, maxLength: 40 }),
	probes: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 })
});

describe('a card rated 困难/良好/简单 leaves today’s queue', () => {
	it('for any ratings at any times of day, it is not offered again the same study day unless it is in a learning step', () => {
		fc.assert(
			fc.property(setup, ({ start, dayStartHour, utcOffsetMinutes, steps, probes }) => {
				const day = { dayStartHour, utcOffsetMinutes };
				let now = start;
				let state: CardState | null = null;
				for (const { minutes, rating } of steps) {
					now += minutes * 60_000;
					const dayEnd = studyDayStart(now, day) + DAY;
					state = scheduler.rate('c', state, rating, new Date(now), 'flashcard', dayEnd).state;
					if (rating === Rating.Again || state.state !== State.Review) continue;
					for (const p of probes) {
						const t = now + Math.floor(p * (dayEnd - 1 - now));
						const q = buildQueue({
							...day,
							cardIds: ['c'],
							states: new Map([['c', state]]),
							now: t,
							newPerDay: 20,
							newSeenToday: 0,
							// An exam tomorrow makes the card a candidate for exam extras as well.
							examDate: dayEnd + DAY,
							examThreshold: 0.999,
							retention: 0.9,
							scheduler
						});
						if (offered(q, 'c')) return false;
					}
				}
				return true;
			}),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('the reported case: due at 19:00, reviewed 良好 at 10:00 the same day, is not due again that day nor is its due date kept', () => {
		const day = { dayStartHour: 4, utcOffsetMinutes: 480 };
		const due = Date.parse('2026-12-02T19:00:00+08:00');
		const card: CardState = { due, stability: 3, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps: 2, lapses: 0, state: State.Review, last_review: due - DAY };
		const now = Date.parse('2026-12-02T10:00:00+08:00');
		const dayEnd = studyDayStart(now, day) + DAY;
		const next = scheduler.rate('c', card, Rating.Good, new Date(now), 'flashcard', dayEnd).state;
		expect(next.due).toBeGreaterThan(dayEnd);
		const q = buildQueue({ ...day, cardIds: ['c'], states: new Map([['c', next]]), now: now + 60_000, newPerDay: 20, newSeenToday: 0, retention: 0.9 });
		expect(q.due).toEqual([]);
	});

	it('an extra review of a card not due this study day never moves its due date later', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 60 }),
				fc.double({ min: 0.5, max: 100, noNaN: true }),
				fc.integer({ min: 0, max: 23 }),
				fc.constantFrom<Grade>(Rating.Hard, Rating.Good, Rating.Easy),
				(daysAhead, stability, hour, rating) => {
					const day = { dayStartHour: 4, utcOffsetMinutes: 480 };
					const now = Date.parse('2026-12-02T00:00:00+08:00') + hour * 3_600_000;
					const dayEnd = studyDayStart(now, day) + DAY;
					const card: CardState = { due: dayEnd + (daysAhead - 1) * DAY + 3_600_000, stability, difficulty: 5, elapsed_days: 0, scheduled_days: daysAhead, learning_steps: 0, reps: 3, lapses: 0, state: State.Review, last_review: now - DAY };
					return scheduler.rate('c', card, rating, new Date(now), 'flashcard', dayEnd).state.due <= card.due;
				}
			),
			{ numRuns: 300 }
		);
	});
});
