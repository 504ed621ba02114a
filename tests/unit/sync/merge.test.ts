import { sampleAttempt, sampleMistake } from '../formats/samples';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupData } from '../../../src/lib/formats/backup';
import { Rating, Scheduler, State, type CardState, type Grade, type ReviewEntry } from '../../../src/lib/srs/scheduler';
import { IdbBackend } from '../../../src/lib/storage/store';
import { describeChanges, hasChanges, merge, mergeInChunks, replayWith, SETTINGS_STAMPS } from '../../../src/lib/sync/merge';

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

const scheduler = new Scheduler({ retention: 0.9 });
const replay = replayWith(scheduler);
const DAY = 86_400_000;
const t0 = Date.parse('2026-06-01T08:00:00Z');

type Op = { card: string; rating: Grade; at: number };

/** A learner's data after doing `ops` in time order, one review at a time, as the app does. */
function build(ops: readonly Op[], extra: Partial<BackupData> = {}): BackupData {
	const states = new Map<string, CardState>();
	const reviews: ReviewEntry[] = [];
	for (const op of [...ops].sort((a, b) => a.at - b.at)) {
		const { state, entry } = scheduler.rate(op.card, states.get(op.card) ?? null, op.rating, new Date(op.at));
		states.set(op.card, state);
		reviews.push(entry);
	}
	return { cards: [...states].map(([id, state]) => ({ id, state })), reviews, attempts: [], mistakes: [], settings: [], ...extra };
}

/** Order-free view of a snapshot, for comparing two of them. */
function canon(d: BackupData) {
	const by = <T>(xs: T[], k: (x: T) => string) => [...xs].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
	return {
		cards: by(d.cards, (c) => c.id),
		reviews: by(d.reviews, (r) => r.id),
		attempts: by(d.attempts, (a) => a.id),
		mistakes: by(d.mistakes, (m) => m.questionId),
		settings: by(d.settings, (s) => s.key)
	};
}

const due = (d: BackupData, at: number) => d.cards.filter((c) => c.state.due <= at).length;
const learned = (d: BackupData) => d.cards.filter((c) => c.state.state === State.Review).length;

describe('restore is a merge', () => {
	it('export, study 10 cards, import the old file: nothing is lost (due and learned unchanged)', async () => {
		const backend = await IdbBackend.open(() => {}, 'restore');
		backend.replay = replay;
		// Two weeks of study on 20 cards, then a backup.
		for (let d = 0; d < 14; d++) {
			for (let c = 0; c < 20; c++) {
				const at = t0 + d * DAY + c * 60_000;
				const cur = (await backend.getCardStates()).get(`c${c}`) ?? null;
				if (cur && cur.due > at) continue;
				const r = scheduler.rate(`c${c}`, cur, c % 5 === 0 ? Rating.Again : Rating.Good, new Date(at));
				await backend.saveReview(r.state, r.entry);
			}
		}
		const old = await backend.exportAll();
		// Then ten more cards studied.
		const later = t0 + 14 * DAY;
		for (let c = 20; c < 30; c++) {
			const r = scheduler.rate(`c${c}`, null, Rating.Good, new Date(later + c * 60_000));
			const again = scheduler.rate(`c${c}`, r.state, Rating.Good, new Date(r.state.due));
			await backend.saveReviews([r, again]);
		}
		const before = await backend.exportAll();
		const out = await backend.mergeIn((local) => merge(local, old, replay));
		const after = await backend.exportAll();
		expect(canon(after)).toEqual(canon(before));
		expect(due(after, later + DAY)).toBe(due(before, later + DAY));
		expect(learned(after)).toBe(learned(before));
		expect(hasChanges(out.changes)).toBe(false);
		expect(describeChanges(out.changes)).toContain('不会改变任何记录');
		backend.close();
	});

	it('a card reviewed on both sides is rebuilt from both logs in time order, with prev recomputed', () => {
		const base: Op[] = [{ card: 'x', rating: Rating.Good, at: t0 }];
		const a = build([...base, { card: 'x', rating: Rating.Good, at: t0 + 3 * DAY }]);
		const b = build([...base, { card: 'x', rating: Rating.Again, at: t0 + 5 * DAY }]);
		const { result, changes } = merge(a, b, replay);
		const both = build([...base, { card: 'x', rating: Rating.Good, at: t0 + 3 * DAY }, { card: 'x', rating: Rating.Again, at: t0 + 5 * DAY }]);
		expect(canon(result)).toEqual(canon(both));
		expect(result.cards[0]!.state.lapses).toBe(1);
		expect(changes).toMatchObject({ reviewsAdded: 1, cardsChanged: 1 });
		expect(describeChanges(changes)).toBe('将新增 1 条复习记录，1 张卡片状态将更新。本机已有的记录不会丢失。');
	});

	it('quiz-driven reviews count and keep their origin', () => {
		const a = build([{ card: 'x', rating: Rating.Good, at: t0 }]);
		const q = scheduler.rate('x', null, Rating.Again, new Date(t0 + DAY), 'quiz');
		const b: BackupData = { ...build([]), cards: [{ id: 'x', state: q.state }], reviews: [q.entry] };
		const { result } = merge(a, b, replay);
		expect(result.reviews.map((r) => r.origin).sort()).toEqual(['flashcard', 'quiz']);
		expect(result.cards[0]!.state.reps).toBe(2);
	});

	it('cards with a state but no reviews keep the newer state', () => {
		const older = build([{ card: 'x', rating: Rating.Good, at: t0 }]);
		const newer = build([{ card: 'x', rating: Rating.Easy, at: t0 + DAY }]);
		const strip = (d: BackupData): BackupData => ({ ...d, reviews: [] });
		expect(merge(strip(older), strip(newer), replay).result.cards).toEqual(newer.cards);
		expect(merge(strip(newer), strip(older), replay).result.cards).toEqual(newer.cards);
	});

	it('attempts and mistakes keep the newer copy; settings are newest-wins per field', () => {
		const attempt = (updatedAt: number, answer: string) => ({ id: 'a1', status: 'active' as const, kind: 'practice', startedAt: 1, updatedAt, data: { ...sampleAttempt(false), title: answer } });
		const mistake = (lastMissedAt: number, misses: number) => ({ questionId: 'q1', data: { ...sampleMistake('q1'), misses, lastMissedAt } });
		const local = build([], {
			attempts: [attempt(10, 'local')],
			mistakes: [mistake(50, 3)],
			settings: [
				{ key: 'study', value: { newPerDay: 30, dayStartHour: 4 } },
				{ key: SETTINGS_STAMPS, value: { 'study.newPerDay': 200, 'study.dayStartHour': 100 } }
			]
		});
		const incoming = build([], {
			attempts: [attempt(20, 'incoming'), { ...attempt(5, 'other'), id: 'a2' }],
			mistakes: [mistake(40, 2)],
			settings: [
				{ key: 'study', value: { newPerDay: 20, dayStartHour: 6 } },
				{ key: 'decks', value: [{ id: 'd' }] },
				{ key: SETTINGS_STAMPS, value: { 'study.newPerDay': 150, 'study.dayStartHour': 300 } }
			]
		});
		const { result, changes } = merge(local, incoming, replay);
		expect(result.attempts.find((a) => a.id === 'a1')!.data.title).toBe('incoming');
		expect(result.attempts).toHaveLength(2);
		expect(result.mistakes[0]!.data).toMatchObject({ misses: 3 });
		expect(result.settings.find((s) => s.key === 'study')!.value).toEqual({ newPerDay: 30, dayStartHour: 6 });
		expect(result.settings.find((s) => s.key === 'decks')!.value).toEqual([{ id: 'd' }]);
		expect(result.settings.find((s) => s.key === SETTINGS_STAMPS)!.value).toEqual({ 'study.newPerDay': 200, 'study.dayStartHour': 300 });
		expect(changes).toMatchObject({ attemptsAdded: 1, attemptsUpdated: 1, mistakesAdded: 0, mistakesUpdated: 0 });
		expect(changes.settingsChanged.sort()).toEqual(['decks', 'study.dayStartHour']);
		// An old backup without timestamps never overrides settings the learner has here.
		const old = build([], { settings: [{ key: 'study', value: { newPerDay: 5 } }] });
		expect(merge(local, old, replay).result.settings.find((s) => s.key === 'study')!.value).toEqual({ newPerDay: 30, dayStartHour: 4 });
	});

	it('reports progress in chunks for a big restore and gives the same result', async () => {
		const ops: Op[] = [];
		for (let c = 0; c < 600; c++) ops.push({ card: `c${c}`, rating: Rating.Good, at: t0 + c * 1000 });
		const a = build(ops.filter((_, i) => i % 2 === 0));
		const b = build(ops);
		const seen: number[] = [];
		const chunked = await mergeInChunks(a, b, replay, (done) => seen.push(done), () => Promise.resolve());
		expect(seen.length).toBeGreaterThan(1);
		expect(chunked).toEqual(merge(a, b, replay));
		expect(chunked.changes.reviewsAdded).toBe(300);
	});
});

describe('merge properties', () => {
	const op = fc.record({
		card: fc.constantFrom('a', 'b', 'c', 'd'),
		rating: fc.constantFrom(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy) as fc.Arbitrary<Grade>,
		// Distinct whole minutes over ~60 days, so no two reviews share a time.
		at: fc.integer({ min: 0, max: 60 * 24 * 60 }).map((m) => t0 + m * 60_000)
	});
	const ops = fc.uniqueArray(op, { selector: (o) => o.at, maxLength: 14 });
	const sides = fc.tuple(ops, ops, ops).map(([base, onlyA, onlyB]) => {
		const times = new Set(base.map((o) => o.at));
		const a = onlyA.filter((o) => !times.has(o.at));
		a.forEach((o) => times.add(o.at));
		const b = onlyB.filter((o) => !times.has(o.at));
		return { base, a, b };
	});

	it('merge(a, b) holds every review of both, equals the union replayed, and is idempotent and symmetric', () => {
		fc.assert(
			fc.property(sides, ({ base, a, b }) => {
				const A = build([...base, ...a]);
				const B = build([...base, ...b]);
				const m = merge(A, B, replay).result;
				const ids = new Set(m.reviews.map((r) => r.id));
				for (const r of [...A.reviews, ...B.reviews]) expect(ids.has(r.id)).toBe(true);
				expect(canon(m)).toEqual(canon(build([...base, ...a, ...b])));
				expect(canon(merge(B, A, replay).result)).toEqual(canon(m));
				expect(canon(merge(A, A, replay).result)).toEqual(canon(A));
				expect(hasChanges(merge(A, A, replay).changes)).toBe(false);
				expect(canon(merge(m, B, replay).result)).toEqual(canon(m));
				expect(canon(merge(m, A, replay).result)).toEqual(canon(m));
			}),
			{ numRuns: 150 }
		);
	});
});
