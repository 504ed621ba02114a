import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdbBackend, ProgressStore, type Backend } from '../../../src/lib/storage/store';
import { Journal, JOURNAL_PREFIX, pageId, type JournalEntry, type JournalStorage } from '../../../src/lib/storage/journal';
import { readJournal } from '../../../src/lib/formats/records';
import { Rating, Scheduler, type CardState, type Grade, type ReviewEntry } from '../../../src/lib/srs/scheduler';
import { sampleAttempt } from '../formats/samples';

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

const scheduler = new Scheduler({ retention: 0.9 });
const T0 = Date.parse('2026-06-01T08:00:00Z');
const never = new Promise<never>(() => {});
const JOURNALED = new Set(['saveReview', 'undoReview', 'putAttempt', 'saveQuizProgress']);

/** localStorage as the journal sees it, shared by the "pages" of one test. */
function memoryStorage(): JournalStorage & { keys(): string[] } {
	const m = new Map<string, string>();
	return {
		get length() {
			return m.size;
		},
		key: (i) => [...m.keys()][i] ?? null,
		getItem: (k) => m.get(k) ?? null,
		setItem: (k, v) => void m.set(k, String(v)),
		removeItem: (k) => void m.delete(k),
		keys: () => [...m.keys()]
	};
}

type Method = (...args: unknown[]) => Promise<unknown>;

/** The backend with some methods wrapped: `wrap[name]` gets the original and the call's arguments. */
function intercept(backend: Backend, wrap: Record<string, (original: Method, args: unknown[]) => Promise<unknown>>): Backend {
	return new Proxy(backend, {
		get(target, prop, receiver) {
			const value = Reflect.get(target, prop, receiver);
			if (typeof value !== 'function') return value;
			const original: Method = (...args) => value.apply(target, args);
			const w = typeof prop === 'string' ? wrap[prop] : undefined;
			return w ? (...args: unknown[]) => w(original, args) : original;
		}
	});
}

/**
 * A page that goes away: its first `landed` journaled writes land, and the ones after never do,
 * as when the browser aborts the open transaction of a page being unloaded. With
 * `lastLandsUnseen`, the next write lands but the page goes before it hears so (the journal
 * still lists it).
 */
function goneAfter(backend: Backend, landed: number, lastLandsUnseen = false): { backend: Backend; gone: Promise<void> } {
	let n = 0;
	let wentAway = () => {};
	const gone = new Promise<void>((resolve) => (wentAway = resolve));
	const journaled = async (original: Method, args: unknown[]) => {
		n++;
		if (n <= landed) return original(...args);
		if (n === landed + 1 && lastLandsUnseen) await original(...args);
		wentAway();
		return never;
	};
	return { backend: intercept(backend, Object.fromEntries([...JOURNALED].map((m) => [m, journaled]))), gone };
}

async function pageStore(backend: Backend, storage: JournalStorage, at: number) {
	return ProgressStore.open(() => {}, async () => backend, new Journal(storage, pageId(at, Math.random())));
}

type Op = { kind: 'rate'; card: number; grade: Grade } | { kind: 'undo' };

describe('the write journal', () => {
	it('a rating whose write the closing page never finished is stored by the next page', async () => {
		const db = await IdbBackend.open(() => {}, 'j1');
		const storage = memoryStorage();
		const closing = await pageStore(goneAfter(db, 0).backend, storage, T0);
		const { state, entry } = scheduler.rate('crm:card', null, Rating.Good, new Date(T0));
		void closing.save({ method: 'saveReview', args: [state, entry] });
		await Promise.resolve();
		expect(await db.getReviews()).toEqual([]);
		expect(storage.keys()).toHaveLength(1);

		const next = await pageStore(db, storage, T0 + 1000);
		expect(await next.recover(readJournal)).toBe(1);
		expect(await db.getReviews()).toEqual([entry]);
		expect((await db.getCardStates()).get('crm:card')).toEqual(state);
		// Replayed and struck off: the page after that has nothing left to replay.
		expect(storage.keys()).toEqual([]);
	});

	it('a page strikes each write off once it landed, so a normal session leaves no journal', async () => {
		const db = await IdbBackend.open(() => {}, 'j2');
		const storage = memoryStorage();
		const store = await pageStore(db, storage, T0);
		const a = scheduler.rate('a', null, Rating.Good, new Date(T0));
		const b = scheduler.rate('b', null, Rating.Again, new Date(T0 + 1));
		await Promise.all([store.save({ method: 'saveReview', args: [a.state, a.entry] }), store.save({ method: 'saveReview', args: [b.state, b.entry] })]);
		expect(storage.keys()).toEqual([]);
		expect((await db.getReviews()).map((r) => r.id).sort()).toEqual([a.entry.id, b.entry.id].sort());
	});

	it('property: whichever write the page went away in, the next page ends where the page thought it was', async () => {
		const op = fc.oneof(
			fc.record({ kind: fc.constant('rate' as const), card: fc.integer({ min: 0, max: 3 }), grade: fc.constantFrom<Grade>(1, 2, 3, 4) }),
			fc.constant({ kind: 'undo' as const })
		);
		let run = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), fc.nat(), fc.boolean(), async (ops, cutAt, lastLandsUnseen) => {
				const db = await IdbBackend.open(() => {}, `prop-${run++}`);
				const storage = memoryStorage();
				const cut = cutAt % (ops.length + 1);
				const away = goneAfter(db, cut, lastLandsUnseen);
				const page = await pageStore(away.backend, storage, T0);
				// What the page shows: its cards and its undo history.
				const shown = new Map<string, CardState>();
				const history: ReviewEntry[] = [];
				const saves: Promise<void>[] = [];
				ops.forEach((o, i) => {
					if (o.kind === 'rate') {
						const id = `card-${o.card}`;
						const r = scheduler.rate(id, shown.get(id) ?? null, o.grade, new Date(T0 + i * 60_000));
						shown.set(id, r.state);
						history.push(r.entry);
						saves.push(page.save({ method: 'saveReview', args: [r.state, r.entry] }));
					} else {
						const entry = history.pop();
						if (!entry) return;
						if (entry.prev) shown.set(entry.cardId, entry.prev);
						else shown.delete(entry.cardId);
						saves.push(page.save({ method: 'undoReview', args: [entry] }));
					}
				});
				// The page is gone once a write hangs (or all of them landed).
				await Promise.race([Promise.all(saves), away.gone]);

				const next = await pageStore(db, storage, T0 + 3_600_000);
				await next.recover(readJournal);
				expect(await db.getCardStates()).toEqual(shown);
				expect((await db.getReviews()).map((r) => r.id).sort()).toEqual(history.map((r) => r.id).sort());
				expect(storage.keys()).toEqual([]);
				db.close();
			}),
			{ numRuns: 60 }
		);
	});

	it('an attempt is not written over a newer version of itself, whichever page wrote that', async () => {
		const db = await IdbBackend.open(() => {}, 'j4');
		const storage = memoryStorage();
		const data = sampleAttempt(false);
		const older = { id: 'att', status: 'active' as const, kind: 'mock', startedAt: T0, updatedAt: T0 + 1000, data };
		const newer = { ...older, updatedAt: T0 + 5000, data: { ...data, cursor: 3 } };
		const closing = await pageStore(goneAfter(db, 0).backend, storage, T0);
		void closing.save({ method: 'putAttempt', args: [older] });
		// Meanwhile another tab moved on in the same attempt, and its write landed.
		await db.putAttempt(newer);
		await (await pageStore(db, storage, T0 + 9000)).recover(readJournal);
		expect(await db.getAttempts()).toEqual([newer]);
		expect(storage.keys()).toEqual([]);
	});

	it('a quiz answer left unsaved (attempt, 错题本 and card review together) is stored by the next page', async () => {
		const db = await IdbBackend.open(() => {}, 'j5');
		const storage = memoryStorage();
		const data = sampleAttempt(false);
		const attempt = { id: 'att', status: 'active' as const, kind: 'practice', startedAt: T0, updatedAt: T0 + 1000, data };
		const r = scheduler.rate('crm:card', null, Rating.Again, new Date(T0 + 1000), 'quiz');
		const mistake = { questionId: 'q1', data: { questionId: 'q1', misses: 1, firstMissedAt: T0, lastMissedAt: T0, streak: 0, starred: false, lastWrong: { type: 'single' as const, choice: 'B' } } };
		const closing = await pageStore(goneAfter(db, 0).backend, storage, T0);
		void closing.save({ method: 'saveQuizProgress', args: [attempt, [mistake], [], [{ state: r.state, entry: r.entry }]] });
		await Promise.resolve();
		expect(await (await pageStore(db, storage, T0 + 2000)).recover(readJournal)).toBe(1);
		expect(await db.getAttempts()).toEqual([attempt]);
		expect(await db.getMistakes()).toEqual([mistake]);
		expect(await db.getReviews()).toEqual([r.entry]);
	});

	it('a damaged journal is dropped without writing anything or throwing; a damaged entry is skipped', async () => {
		const db = await IdbBackend.open(() => {}, 'j6');
		const storage = memoryStorage();
		const good = scheduler.rate('ok', null, Rating.Good, new Date(T0));
		storage.setItem(`${JOURNAL_PREFIX}0-a`, '{not json');
		storage.setItem(`${JOURNAL_PREFIX}0-b`, JSON.stringify([{ method: 'saveReview', args: [{ due: 'soon' }, { id: 'x' }] }, { method: 'deleteEverything', args: [] }, { method: 'saveReview', args: [good.state, good.entry] }]));
		storage.setItem('unrelated', 'kept');
		const store = await pageStore(db, storage, T0);
		expect(await store.recover(readJournal)).toBe(1);
		expect(await db.getReviews()).toEqual([good.entry]);
		expect(storage.keys()).toEqual(['unrelated']);
	});

	it("a journal that its page (still open in another tab) wrote to after it was read is kept, so nothing is dropped unreplayed", async () => {
		const db = await IdbBackend.open(() => {}, 'j7');
		const storage = memoryStorage();
		const other = new Journal(storage, pageId(T0, 0.5));
		const a = scheduler.rate('a', null, Rating.Good, new Date(T0));
		const b = scheduler.rate('b', null, Rating.Good, new Date(T0 + 1));
		other.add({ method: 'saveReview', args: [a.state, a.entry] });
		const store = await ProgressStore.open(
			() => {},
			async () =>
				// The other tab writes again while this page replays its first entry.
				intercept(db, { saveReview: (original, args) => (other.add({ method: 'saveReview', args: [b.state, b.entry] }), original(...args)) }),
			new Journal(storage, pageId(T0 + 10, 0.1))
		);
		await store.recover(readJournal);
		expect(storage.keys()).toEqual([other.key]);
		expect((JSON.parse(storage.getItem(other.key)!) as JournalEntry[]).map((e) => e.method)).toEqual(['saveReview', 'saveReview']);
	});

	it('a failed write says the page may be closed only when the journal holds it', async () => {
		const db = await IdbBackend.open(() => {}, 'j8');
		const failing = intercept(db, { saveReview: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) });
		const r = scheduler.rate('a', null, Rating.Good, new Date(T0));
		const messages: string[] = [];
		for (const storage of [memoryStorage(), { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } }]) {
			const store = await ProgressStore.open((p) => messages.push(p.message), async () => failing, new Journal(storage, pageId(T0, 0.3)));
			await store.save({ method: 'saveReview', args: [r.state, r.entry] });
		}
		expect(messages[0]).toContain('尚未保存的 1 项操作已记在本机，下次操作或重新打开本站时会自动重试。');
		expect(messages[1]).toContain('尚未保存的 1 项操作保留在本页中，下次操作时会自动重试；在此之前请不要关闭本页。');
	});

	it('journal keys sort by the time their page opened', () => {
		const ids = [T0 + 86_400_000, T0, T0 + 1].map((t, i) => pageId(t, i / 3));
		expect([...ids].sort()).toEqual([pageId(T0, 1 / 3), pageId(T0 + 1, 2 / 3), pageId(T0 + 86_400_000, 0)]);
	});
});

describe('leaving the page after a failed write', () => {
	it('is unsafe only while a failed write is queued that the journal does not hold', async () => {
		const db = await IdbBackend.open(() => {}, 'leave');
		let fail = true;
		const failWhileFull = (original: Method, args: unknown[]) => (fail ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : original(...args));
		const flaky = intercept(db, { saveReview: failWhileFull, putSetting: failWhileFull });
		const store = await ProgressStore.open(() => {}, async () => flaky, new Journal(memoryStorage(), pageId(T0, 0.4)));
		const r = scheduler.rate('a', null, Rating.Good, new Date(T0));
		await store.save({ method: 'saveReview', args: [r.state, r.entry] });
		// The rating is in the journal: the next page will save it.
		expect(store.unsafeToLeave).toBe(false);
		await store.write((b) => b.putSetting('decks', []));
		// A setting is not journaled, and it waits behind the rating.
		expect(store.unsafeToLeave).toBe(true);
		fail = false;
		await store.write((b) => b.putSetting('mistakesClearAfter', 3));
		expect(store.unsafeToLeave).toBe(false);
		expect(await db.getReviews()).toEqual([r.entry]);
	});
});
