import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fsrs, createEmptyCard, Rating as R } from 'ts-fsrs';
import { IdbBackend } from '../../../src/lib/storage/store';
import { GRADES, LEARNING_STEPS, Scheduler, formatInterval, fromFsrsCard, newCardState, toFsrsCard, type Grade } from '../../../src/lib/srs/scheduler';

describe('Scheduler', () => {
	it('a card stored in IndexedDB, reloaded and rated gives exactly what an unstored card gives', async () => {
		const scheduler = new Scheduler({ retention: 0.9 });
		const backend = await IdbBackend.open(() => {}, 'roundtrip-' + Math.random());
		let now = new Date('2026-06-01T08:00:00+08:00');
		let stored = newCardState(now);
		let plain = createEmptyCard(now);
		const reference = fsrs({ request_retention: 0.9, enable_fuzz: true, enable_short_term: true, learning_steps: [...LEARNING_STEPS] });
		const ratings: Grade[] = [R.Good, R.Good, R.Again, R.Hard, R.Good, R.Easy, R.Good];
		for (const rating of ratings) {
			const { state, entry } = scheduler.rate('c1', stored, rating, now);
			await backend.saveReview(state, entry);
			stored = (await backend.getCardStates()).get('c1')!;
			plain = reference.next(plain, now, rating).card;
			expect(stored).toEqual(fromFsrsCard(plain));
			now = new Date(stored.due + 3_600_000);
		}
		expect(await backend.getReviews()).toHaveLength(ratings.length);
		backend.close();
	});

	it('converts card state to ts-fsrs and back without loss', () => {
		const arb = fc.record({
			due: fc.integer({ min: 0, max: 4e12 }),
			stability: fc.double({ min: 0, max: 1e4, noNaN: true }),
			difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
			elapsed_days: fc.nat(10_000),
			scheduled_days: fc.nat(10_000),
			learning_steps: fc.nat(3),
			reps: fc.nat(1000),
			lapses: fc.nat(1000),
			state: fc.constantFrom(0, 1, 2, 3),
			last_review: fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: null })
		});
		fc.assert(
			fc.property(arb, (s) => {
				expect(fromFsrsCard(toFsrsCard(s))).toEqual(s);
			})
		);
	});

	it('preview gives increasing intervals from 重来 to 简单', () => {
		const s = new Scheduler({ retention: 0.9 });
		const now = new Date('2026-06-01T08:00:00Z');
		let state = newCardState(now);
		for (const g of [R.Good, R.Good, R.Good] as Grade[]) state = s.rate('x', state, g, now).state;
		const p = s.preview(state, new Date(state.due));
		const dues = GRADES.map((g) => p[g]);
		expect([...dues].sort((a, b) => a - b)).toEqual(dues);
	});

	it('undo data: each entry keeps the previous state', () => {
		const s = new Scheduler({ retention: 0.9 });
		const now = new Date('2026-06-01T08:00:00Z');
		const first = s.rate('x', null, R.Good, now);
		expect(first.entry.prev).toBeNull();
		const second = s.rate('x', first.state, R.Good, new Date(first.state.due));
		expect(second.entry.prev).toEqual(first.state);
	});

	it('a review dated before the last one (clock moved back) does not throw', () => {
		const s = new Scheduler({ retention: 0.9 });
		const later = s.rate('x', null, R.Good, new Date('2026-06-10T08:00:00Z')).state;
		const back = s.rate('x', later, R.Good, new Date('2026-06-01T08:00:00Z'));
		expect(back.state.reps).toBe(2);
		expect(back.state.last_review).toBe(later.last_review);
	});

	it('retrievability follows ts-fsrs', () => {
		const s = new Scheduler({ retention: 0.9 });
		const ref = fsrs({ request_retention: 0.9 });
		let state = s.rate('x', null, R.Good, new Date('2026-06-01T08:00:00Z')).state;
		state = s.rate('x', state, R.Good, new Date(state.due)).state;
		for (const days of [1, 5, 30]) {
			const at = new Date(state.last_review! + days * 86_400_000);
			expect(s.retrievability(state, at)).toBeCloseTo(ref.get_retrievability(toFsrsCard(state), at, false), 3);
		}
		expect(s.retrievability(newCardState(new Date()), new Date())).toBe(0);
	});

	it('formats intervals in Chinese', () => {
		expect(formatInterval(60_000)).toBe('1分钟');
		expect(formatInterval(10 * 60_000)).toBe('10分钟');
		expect(formatInterval(5 * 3_600_000)).toBe('5小时');
		expect(formatInterval(3 * 86_400_000)).toBe('3天');
		expect(formatInterval(75 * 86_400_000)).toBe('2.5个月');
		expect(formatInterval(730 * 86_400_000)).toBe('2年');
	});
});
