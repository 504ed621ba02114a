import { sampleAttempt, sampleMistake } from '../formats/samples';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdbBackend, MemoryBackend, type Backend } from '../../../src/lib/storage/store';
import { Rating, Scheduler } from '../../../src/lib/srs/scheduler';
import { replayWith, SETTINGS_STAMPS } from '../../../src/lib/sync/merge';

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

const scheduler = new Scheduler({ retention: 0.9 });
const t0 = new Date('2026-06-01T08:00:00Z');
const later = (min: number) => new Date(t0.getTime() + min * 60_000);

const backends: [string, () => Promise<Backend>][] = [
	['IndexedDB', () => IdbBackend.open(() => {}, 'tabs')],
	['memory', async () => new MemoryBackend()]
];

for (const [label, make] of backends) {
	describe(`two tabs writing (${label})`, () => {
		it('a review computed from a stale card is applied on top of the stored one: both survive', async () => {
			const b = await make();
			b.replay = replayWith(scheduler);
			// Both tabs saw the card as new. Tab A rates 良好, then tab B 重来.
			const a = scheduler.rate('x', null, Rating.Good, later(0));
			const stale = scheduler.rate('x', null, Rating.Again, later(1));
			await b.saveReview(a.state, a.entry);
			await b.saveReview(stale.state, stale.entry);
			const expected = scheduler.rate('x', a.state, Rating.Again, later(1));
			expect((await b.getCardStates()).get('x')).toEqual(expected.state);
			const reviews = (await b.getReviews()).sort((p, q) => p.review - q.review);
			expect(reviews.map((r) => r.rating)).toEqual([Rating.Good, Rating.Again]);
			// The second review's `prev` is what was really stored, so undo returns to A's result.
			expect(reviews[1]!.prev).toEqual(a.state);
			await b.undoReview(stale.entry);
			expect((await b.getCardStates()).get('x')).toEqual(a.state);
			b.close();
		});

		it('undoing an earlier review when another tab reviewed later replays the later one', async () => {
			const b = await make();
			b.replay = replayWith(scheduler);
			const first = scheduler.rate('x', null, Rating.Again, later(0));
			await b.saveReview(first.state, first.entry);
			const second = scheduler.rate('x', first.state, Rating.Good, later(5));
			await b.saveReview(second.state, second.entry);
			// The first tab undoes its review after the second tab's landed.
			await b.undoReview(first.entry);
			const alone = scheduler.rate('x', null, Rating.Good, later(5));
			expect((await b.getCardStates()).get('x')).toEqual(alone.state);
			expect(await b.getReviews()).toEqual([{ ...alone.entry, id: second.entry.id }]);
			b.close();
		});

		it('settings patches change only their fields, on what is stored, and stamp each field', async () => {
			const b = await make();
			await b.patchSetting('study', { newPerDay: 20, dayStartHour: 4 }, 1);
			await b.patchSetting('study', { newPerDay: 30 }, 2); // tab A
			await b.patchSetting('study', { dayStartHour: 6 }, 3); // tab B, with its old form
			expect(await b.getSetting('study')).toEqual({ newPerDay: 30, dayStartHour: 6 });
			expect(await b.getSetting(SETTINGS_STAMPS)).toEqual({ 'study.newPerDay': 2, 'study.dayStartHour': 3 });
			await b.putSetting('decks', [], 4);
			expect(await b.getSetting(SETTINGS_STAMPS)).toMatchObject({ decks: 4 });
			b.close();
		});

		it('clearing the learning records keeps settings and decks', async () => {
			const b = await make();
			const r = scheduler.rate('x', null, Rating.Good, later(0));
			await b.saveReview(r.state, r.entry);
			await b.putAttempt({ id: 'a', status: 'finished', kind: 'mock', startedAt: 1, updatedAt: 2, data: sampleAttempt() });
			await b.putMistakes([{ questionId: 'q', data: sampleMistake('q') }], []);
			await b.patchSetting('study', { newPerDay: 30 });
			await b.putSetting('decks', [{ id: 'd' }]);
			await b.putSetting('practiceResume', { c1: 3 });
			expect(await b.counts()).toEqual({ cards: 1, reviews: 1, attempts: 1, mistakes: 1 });
			await b.clearProgress();
			expect(await b.counts()).toEqual({ cards: 0, reviews: 0, attempts: 0, mistakes: 0 });
			expect(await b.getSetting('study')).toEqual({ newPerDay: 30 });
			expect(await b.getSetting('decks')).toEqual([{ id: 'd' }]);
			expect(await b.getSetting('practiceResume')).toBeUndefined();
			b.close();
		});
	});
}

describe('opening the site at an older version than the stored database', () => {
	it('says the database is from a newer version and that nothing was affected, not "private mode"', async () => {
		const { ProgressStore, IdbBackend: Idb } = await import('../../../src/lib/storage/store');
		const { DB_NAME, DB_VERSION } = await import('../../../src/lib/storage/schema');
		// A newer build already upgraded the database past what this build knows.
		const newer = await Idb.open(() => {}, DB_NAME, DB_VERSION + 1);
		newer.close();
		const problems: { kind: string; message: string }[] = [];
		const store = await ProgressStore.open((p) => problems.push(p));
		expect(store.persistent).toBe(false);
		expect(problems).toHaveLength(1);
		expect(problems[0]!.message).toContain('来自更新版本的本站');
		expect(problems[0]!.message).toContain('数据没有受影响');
		expect(problems[0]!.message).not.toContain('无痕');
	});
});
