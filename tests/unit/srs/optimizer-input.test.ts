import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import {
	evaluate,
	isBetter,
	logLoss,
	MIN_DAYS,
	MIN_REVIEWS,
	packItems,
	readiness,
	reviewHistories,
	rmseBins,
	roundWeights,
	studyDay,
	trainingItems
} from '../../../src/lib/srs/optimizer-input';
import { Rating, Scheduler, State, type Grade, type ReviewEntry } from '../../../src/lib/srs/scheduler';
import { syntheticReviewLog, TRUE_WEIGHTS } from '../../fixtures/review-log';

const OFFSET = 480; // Asia/Shanghai
const local = (d: string, hm: string) => Date.parse(`${d}T${hm}:00+08:00`);

function entry(cardId: string, rating: Grade, state: State, at: number): ReviewEntry {
	return { id: `${at.toString(36)}:${cardId}`, cardId, rating, state, review: at, due: at, stability: 1, difficulty: 5, scheduled_days: 0, prev: null, origin: 'flashcard' };
}

describe('study days', () => {
	test('a review before the day-start hour belongs to the previous study day', () => {
		expect(studyDay(local('2026-09-02', '03:59'), 4, OFFSET)).toBe(studyDay(local('2026-09-01', '23:00'), 4, OFFSET));
		expect(studyDay(local('2026-09-02', '04:00'), 4, OFFSET)).toBe(studyDay(local('2026-09-01', '23:00'), 4, OFFSET) + 1);
	});
});

describe('the optimizer input', () => {
	// Card a: learnt on day 1 with a same-day step, lapsed on day 3 and relearnt the same day, recalled on day 6.
	const log = [
		entry('a', Rating.Good, State.Review, local('2026-09-06', '20:00')),
		entry('a', Rating.Again, State.New, local('2026-09-01', '20:00')),
		entry('a', Rating.Good, State.Learning, local('2026-09-01', '20:10')),
		entry('a', Rating.Again, State.Review, local('2026-09-03', '21:00')),
		entry('a', Rating.Good, State.Relearning, local('2026-09-03', '21:10')),
		// Card b's log starts mid-history (its first learning is missing): left out.
		entry('b', Rating.Good, State.Review, local('2026-09-02', '20:00')),
		entry('b', Rating.Good, State.Review, local('2026-09-05', '20:00')),
		// Card c was only seen on one day: no item, since nothing was predicted across a day.
		entry('c', Rating.Easy, State.New, local('2026-09-04', '02:00')),
		entry('c', Rating.Good, State.Learning, local('2026-09-04', '03:30'))
	];

	test('histories are in time order, cut to the first learning, with study-day numbers', () => {
		const h = reviewHistories(log, 4, OFFSET);
		expect(h).toHaveLength(2);
		const a = h[0]!;
		expect(a.map((r) => r.rating)).toEqual([1, 3, 1, 3, 3]);
		expect(a.map((r) => r.day - a[0]!.day)).toEqual([0, 0, 2, 2, 5]);
	});

	test('each review on a later day is one item: the history up to it, with day deltas', () => {
		const items = trainingItems(reviewHistories(log, 4, OFFSET));
		expect(items).toEqual([
			[
				{ rating: 1, delta_t: 0 },
				{ rating: 3, delta_t: 0 },
				{ rating: 1, delta_t: 2 }
			],
			[
				{ rating: 1, delta_t: 0 },
				{ rating: 3, delta_t: 0 },
				{ rating: 1, delta_t: 2 },
				{ rating: 3, delta_t: 0 },
				{ rating: 3, delta_t: 3 }
			]
		]);
		const packed = packItems(items);
		expect([...packed.lengths]).toEqual([3, 5]);
		expect([...packed.ratings]).toEqual([1, 3, 1, 1, 3, 1, 3, 3]);
		expect([...packed.deltaTs]).toEqual([0, 0, 2, 0, 0, 2, 0, 3]);
	});

	test('readiness counts reviews and distinct study days, and says how many more are needed', () => {
		const few = readiness(log, 4, OFFSET);
		expect(few).toMatchObject({ reviews: 9, ready: false, needReviews: MIN_REVIEWS - 9 });
		expect(few.days).toBe(5);
		expect(few.needDays).toBe(MIN_DAYS - 5);
		const { entries } = syntheticReviewLog({ seed: 3, reviews: 400, start: local('2026-09-01', '19:00') });
		const r = readiness(entries, 4, OFFSET);
		expect(r.reviews).toBe(400);
		expect(r.ready).toBe(r.days >= MIN_DAYS);
	});
});

describe('metrics', () => {
	test('log loss and binned RMSE agree with hand-worked values', () => {
		expect(logLoss([0.9, 0.9], [1, 0])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.1)) / 2, 10);
		// Both predictions fall in one bin: mean prediction 0.9 against mean outcome 0.5.
		expect(rmseBins([0.9, 0.9], [1, 0])).toBeCloseTo(0.4, 10);
		// Different bins are judged separately: 0.2 vs 0 and 0.95 vs 1.
		expect(rmseBins([0.2, 0.95], [0, 1])).toBeCloseTo(Math.sqrt((0.2 ** 2 + 0.05 ** 2) / 2), 10);
		expect(Number.isNaN(logLoss([], []))).toBe(true);
	});

	test('better means lower log loss without worse calibration', () => {
		expect(isBetter({ logLoss: 0.4, rmseBins: 0.05, count: 10 }, { logLoss: 0.35, rmseBins: 0.04, count: 10 })).toBe(true);
		expect(isBetter({ logLoss: 0.4, rmseBins: 0.05, count: 10 }, { logLoss: 0.41, rmseBins: 0.01, count: 10 })).toBe(false);
		expect(isBetter({ logLoss: 0.4, rmseBins: 0.05, count: 10 }, { logLoss: 0.39, rmseBins: 0.06, count: 10 })).toBe(false);
	});
});

/** fsrs-browser in Node: the same WASM the page loads, single-threaded (no thread pool). */
async function loadOptimizer() {
	// Its thread helper listens for messages on `self` when imported; Node has no `self`.
	const g = globalThis as unknown as { self?: unknown; addEventListener?: unknown };
	g.self ??= globalThis;
	g.addEventListener ??= () => {};
	const mod = await import('fsrs-browser');
	const wasm = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
	mod.initSync({ module: readFileSync(wasm) });
	return mod;
}

describe('a simulated student with 1,000 reviews', () => {
	const start = local('2026-09-01', '19:00');
	const { entries } = syntheticReviewLog({ seed: 11, reviews: 1000, start });
	const histories = reviewHistories(entries, 4, OFFSET);

	test('the log is what the app writes, enough to optimise, and the evaluation sees the true memory', () => {
		expect(entries).toHaveLength(1000);
		expect(readiness(entries, 4, OFFSET).ready).toBe(true);
		const items = trainingItems(histories);
		expect(items.length).toBeGreaterThan(200);
		expect(items.every((it) => it[0]!.delta_t === 0 && it.at(-1)!.delta_t > 0)).toBe(true);
		const defaults = evaluate(histories, null);
		const truth = evaluate(histories, TRUE_WEIGHTS);
		expect(defaults.count).toBe(items.length);
		expect(truth.logLoss).toBeLessThan(defaults.logLoss);
	});

	test('fsrs-browser fits parameters that predict this student better than the defaults', async () => {
		const { Fsrs } = await loadOptimizer();
		const { ratings, deltaTs, lengths } = packItems(trainingItems(histories));
		const fitted = roundWeights(new Fsrs().computeParameters(ratings, deltaTs, lengths, null, true));
		expect(fitted).toHaveLength(21);
		const before = evaluate(histories, null);
		const after = evaluate(histories, fitted);
		expect(after.logLoss).toBeLessThan(before.logLoss);
		expect(isBetter(before, after)).toBe(true);
		// The scheduler takes them, and they change what it predicts.
		const s = new Scheduler({ retention: 0.9, weights: fitted });
		const d = new Scheduler({ retention: 0.9 });
		const first = s.rate('x', null, Rating.Good, new Date(start)).state;
		expect(first.stability).not.toBeCloseTo(d.rate('x', null, Rating.Good, new Date(start)).state.stability, 3);
	}, 60_000);
});

describe('the scheduler and stored weights', () => {
	test('malformed weights fall back to the defaults instead of crashing', () => {
		const now = new Date(local('2026-09-01', '19:00'));
		const d = new Scheduler({ retention: 0.9 }).rate('x', null, Rating.Good, now).state;
		for (const weights of [[1, 2, 3], [...TRUE_WEIGHTS.slice(0, 20), NaN], null]) {
			expect(new Scheduler({ retention: 0.9, weights }).rate('x', null, Rating.Good, now).state.stability).toBe(d.stability);
		}
	});
});
