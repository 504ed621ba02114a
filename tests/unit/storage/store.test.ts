import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, runMigrations, type CrmSchema } from '../../../src/lib/storage/schema';
import { IdbBackend, MemoryBackend, ProgressStore, type Backend, type StorageProblem } from '../../../src/lib/storage/store';
import { Rating, Scheduler, newCardState } from '../../../src/lib/srs/scheduler';
import { sampleAttempt, sampleMistake } from '../formats/samples';

beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});

const scheduler = new Scheduler({ retention: 0.9 });
const now = new Date('2026-06-01T08:00:00Z');

/** Sample data for every store, written through the version the test opened. */
async function fill(backend: Backend) {
	const { state, entry } = scheduler.rate('concept-a:card', null, Rating.Good, now);
	await backend.saveReview(state, entry);
	await backend.putSetting('retention', 0.85);
	await backend.putAttempt({ id: 'att-1', status: 'active', kind: 'mock', startedAt: 1, updatedAt: 2, data: sampleAttempt(false) });
	await backend.putMistakes([{ questionId: 'q1', data: sampleMistake('q1') }], []);
	return { state, entry };
}

describe('migrations', () => {
	it('version numbers strictly increase (append-only list)', () => {
		const versions = MIGRATIONS.map((m) => m.version);
		expect(versions[0]).toBe(1);
		versions.forEach((v, i) => i > 0 && expect(v).toBeGreaterThan(versions[i - 1]!));
		expect(DB_VERSION).toBe(versions.at(-1));
	});

	it('v1 from an empty browser creates every store and index', async () => {
		const backend = await IdbBackend.open(() => {}, 'm1', 1);
		backend.close();
		const db = await openDB<CrmSchema>('m1', 1);
		expect([...db.objectStoreNames].sort()).toEqual(['attempts', 'cards', 'mistakes', 'reviews', 'settings']);
		expect([...db.transaction('reviews').store.indexNames].sort()).toEqual(['byCard', 'byTime']);
		db.close();
	});

	// Every later migration gets the same check: open the previous version, fill it, upgrade, compare.
	for (const migration of MIGRATIONS.slice(1)) {
		it(`v${migration.version} keeps everything written under the previous version`, async () => {
			const prev = migration.version - 1;
			const old = await IdbBackend.open(() => {}, 'mig', prev);
			const { state, entry } = await fill(old);
			old.close();
			const upgraded = await IdbBackend.open(() => {}, 'mig', migration.version);
			expect((await upgraded.getCardStates()).get('concept-a:card')).toEqual(state);
			expect(await upgraded.getReviews()).toEqual([entry]);
			expect(await upgraded.getSetting('retention')).toBe(0.85);
			expect(await upgraded.getAttempts()).toHaveLength(1);
			expect(await upgraded.getMistakes()).toHaveLength(1);
			upgraded.close();
		});
	}

	it('runs only the migrations newer than the stored version', async () => {
		const ran: number[] = [];
		const fake = [1, 2, 3].map((version) => ({ version, migrate: () => void ran.push(version) }));
		await runMigrations({} as never, 1, 3, {} as never, fake);
		expect(ran).toEqual([2, 3]);
	});

	it('data survives reopening at the current version', async () => {
		const a = await IdbBackend.open(() => {}, 'reopen');
		const { state } = await fill(a);
		a.close();
		const b = await IdbBackend.open(() => {}, 'reopen');
		expect((await b.getCardStates()).get('concept-a:card')).toEqual(state);
		b.close();
	});
});

describe('other tabs', () => {
	it('when another tab upgrades the database, this tab steps aside and asks for a reload; nothing is lost', async () => {
		const problems: StorageProblem[] = [];
		const tab1 = await IdbBackend.open((p) => problems.push(p), 'tabs', 1);
		const { state } = await fill(tab1);
		// A newer version of the site in another tab opens version 2.
		const tab2 = await openDB<CrmSchema>('tabs', 2, { upgrade() {} });
		expect(problems.map((p) => p.kind)).toEqual(['outdated']);
		expect(problems[0]!.message).toContain('请刷新本页');
		expect((await tab2.get('cards', 'concept-a:card'))?.state).toEqual(state);
		tab2.close();
	});

	it('when an older tab blocks the upgrade, this tab says so', async () => {
		const problems: StorageProblem[] = [];
		const old = await openDB('blocked', 1, { upgrade: (db) => void db.createObjectStore('cards') });
		// The old tab does not close its connection (no versionchange handler).
		const opening = IdbBackend.open((p) => problems.push(p), 'blocked', 2);
		await new Promise((r) => setTimeout(r, 50));
		expect(problems.map((p) => p.kind)).toEqual(['blocked']);
		expect(problems[0]!.message).toContain('请关闭其他打开本站的标签页');
		old.close();
		(await opening).close();
	});
});

describe('transactions', () => {
	it('a failed write inside a transaction leaves nothing half-written', async () => {
		const backend = await IdbBackend.open(() => {}, 'atomic');
		const good = scheduler.rate('ok', null, Rating.Good, now);
		const bad = scheduler.rate('bad', null, Rating.Good, now);
		// A function cannot be stored, so the second review's log write throws mid-transaction.
		const poisoned = { ...bad.entry, extra: () => 1 };
		await expect(backend.saveReviews([good, { state: bad.state, entry: poisoned }])).rejects.toThrow();
		expect((await backend.getCardStates()).size).toBe(0);
		expect(await backend.getReviews()).toEqual([]);
		backend.close();
	});

	it('undo removes the log entry and restores the previous card state in one go', async () => {
		const backend = await IdbBackend.open(() => {}, 'undo');
		const first = scheduler.rate('c', null, Rating.Good, now);
		await backend.saveReview(first.state, first.entry);
		const second = scheduler.rate('c', first.state, Rating.Again, new Date(first.state.due));
		await backend.saveReview(second.state, second.entry);
		await backend.undoReview(second.entry);
		expect((await backend.getCardStates()).get('c')).toEqual(first.state);
		expect((await backend.getReviews()).map((r) => r.id)).toEqual([first.entry.id]);
		await backend.undoReview(first.entry);
		expect((await backend.getCardStates()).size).toBe(0);
		backend.close();
	});

	it('reviews can be read from a point in time', async () => {
		const backend = await IdbBackend.open(() => {}, 'since');
		const a = scheduler.rate('a', null, Rating.Good, new Date('2026-01-01T00:00:00Z'));
		const b = scheduler.rate('b', null, Rating.Good, new Date('2026-03-01T00:00:00Z'));
		await backend.saveReviews([a, b]);
		expect((await backend.getReviews(Date.parse('2026-02-01T00:00:00Z'))).map((r) => r.cardId)).toEqual(['b']);
		backend.close();
	});
});

describe('backup', () => {
	it('export then import into an empty database restores everything, atomically', async () => {
		const a = await IdbBackend.open(() => {}, 'export-from');
		await fill(a);
		const data = await a.exportAll();
		a.close();
		const b = await IdbBackend.open(() => {}, 'export-to');
		await b.importAll(data);
		expect(await b.exportAll()).toEqual(data);
		// A bad record anywhere leaves the target untouched.
		const c = await IdbBackend.open(() => {}, 'export-bad');
		await expect(c.importAll({ ...data, settings: [...data.settings, { key: 'x', value: () => 1 }] })).rejects.toThrow();
		expect(await c.exportAll()).toEqual({ cards: [], reviews: [], attempts: [], mistakes: [], settings: [] });
		b.close();
		c.close();
	});
});

describe('ProgressStore', () => {
	it('falls back to memory and says so when IndexedDB is unavailable', async () => {
		const problems: StorageProblem[] = [];
		const store = await ProgressStore.open((p) => problems.push(p), () => Promise.reject(new Error('SecurityError')));
		expect(store.persistent).toBe(false);
		expect(problems[0]?.kind).toBe('unavailable');
		expect(problems[0]?.message).toContain('刷新页面后');
		const r = scheduler.rate('x', newCardState(now), Rating.Good, now);
		await store.write((b) => b.saveReview(r.state, r.entry));
		expect((await store.backend.getCardStates()).get('x')).toEqual(r.state);
	});

	it('retries a failed write, reports it with a Chinese message, keeps it queued and saves it later', async () => {
		const problems: StorageProblem[] = [];
		const memory = new MemoryBackend();
		let failures = 3;
		const flaky: Backend = Object.assign(Object.create(memory), {
			saveReview: (...args: Parameters<Backend['saveReview']>) => {
				if (failures-- > 0) return Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
				return memory.saveReview(...args);
			}
		});
		const store = new ProgressStore(flaky, true, (p) => problems.push(p));
		const r1 = scheduler.rate('a', null, Rating.Good, now);
		await store.write((b) => b.saveReview(r1.state, r1.entry));
		expect(failures).toBe(1); // tried twice
		expect(problems).toEqual([expect.objectContaining({ kind: 'write-failed', pending: 1 })]);
		expect(problems[0]!.message).toContain('存储空间已满');
		expect(store.pending).toBe(1);

		const r2 = scheduler.rate('b', null, Rating.Good, now);
		await store.write((b) => b.saveReview(r2.state, r2.entry));
		expect(store.pending).toBe(0);
		expect([...(await memory.getCardStates()).keys()].sort()).toEqual(['a', 'b']);
		expect(problems.at(-1)?.kind).toBe('recovered');
	});
});

describe('instructor data (v2)', () => {
	const entry = (checksum: string, assignmentId: string) => ({ checksum, assignmentId, fileName: `${checksum}.json`, importedAt: 1, result: { score: 1 } });

	const backends: [string, () => Promise<Backend>][] = [
		['IndexedDB', () => IdbBackend.open(() => {}, 'teach')],
		['memory', async () => new MemoryBackend()]
	];
	for (const [label, make] of backends) {
		it(`keeps a class per assignment until it is cleared (${label})`, async () => {
			const b: Backend = await make();
			await b.putAssignment({ id: 'hw1', code: '1.x.y', createdAt: 5, data: { title: 't' } });
			await b.putAssignment({ id: 'hw2', code: '1.z.w', createdAt: 6, data: { title: 'u' } });
			await b.addClassEntries([entry('c1', 'hw1'), entry('c2', 'hw1'), entry('c3', 'hw2')]);
			expect((await b.getClassEntries('hw1')).map((e) => e.checksum).sort()).toEqual(['c1', 'c2']);
			// A batch with a value that cannot be stored is refused whole.
			await expect(b.addClassEntries([entry('c4', 'hw1'), { ...entry('c5', 'hw1'), result: () => 1 }])).rejects.toThrow();
			expect(await b.getClassEntries('hw1')).toHaveLength(2);
			await b.clearClass('hw1');
			expect(await b.getClassEntries('hw1')).toEqual([]);
			expect(await b.getClassEntries('hw2')).toHaveLength(1);
			await b.deleteAssignment('hw2');
			expect((await b.getAssignments()).map((a) => a.id)).toEqual(['hw1']);
			expect(await b.getClassEntries('hw2')).toEqual([]);
			b.close();
		});
	}

	it('v2 adds the instructor stores', async () => {
		(await IdbBackend.open(() => {}, 'm2', 2)).close();
		const db = await openDB<CrmSchema>('m2', 2);
		expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['assignments', 'classResults']));
		expect([...db.transaction('classResults').store.indexNames]).toEqual(['byAssignment']);
		db.close();
	});
});
