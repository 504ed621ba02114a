/**
 * The only module that talks to IndexedDB. Everything else goes through `ProgressStore`,
 * which falls back to memory when IndexedDB is missing (some private modes), retries failed
 * writes and reports what it could not save instead of dropping it.
 */
import { openDB, type IDBPTransaction } from 'idb';
import { Scheduler, type CardState, type ReviewEntry } from '../srs/scheduler';
import { State } from '../srs/card-state';
import { DEFAULT_SETTINGS } from '../srs/settings';
import type { BackupData } from '../formats/backup';
import { replayWith, same, SETTINGS_STAMPS, type MergeResult, type Replay, type Stamps } from '../sync/merge';
import {
	DB_NAME,
	DB_VERSION,
	runMigrations,
	type CrmSchema,
	type Db,
	type StoredAssignment,
	type StoredAttempt,
	type StoredClassEntry,
	type StoredMistake
} from './schema';
import { dropJournal, Journal, leftJournals, pageId, type JournalEntry } from './journal';

export type { StoredAssignment, StoredAttempt, StoredClassEntry, StoredMistake };

/**
 * The operations the app needs. Each write is one transaction, and applies its change to the
 * data read inside that transaction: another tab may have written since this page last read.
 */
export interface Backend {
	/** Rebuilds a card from its log when a review does not follow the stored state (see reviewInto). */
	replay: Replay;
	getCardStates(): Promise<Map<string, CardState>>;
	getReviews(since?: number): Promise<ReviewEntry[]>;
	/**
	 * Saves a review and the card's new state atomically. When the stored card is not the
	 * `prev` the page computed from (another tab reviewed it), the review is applied to the
	 * stored state instead, so neither tab's review is lost.
	 */
	saveReview(state: CardState, entry: ReviewEntry): Promise<void>;
	/** Several reviews at once (a quiz submission), all or nothing. */
	saveReviews(items: { state: CardState; entry: ReviewEntry }[]): Promise<void>;
	/** Removes a review and restores the card to what it was before (or replays later reviews), atomically. */
	undoReview(entry: ReviewEntry): Promise<void>;
	getSetting<T>(key: string): Promise<T | undefined>;
	/** Replaces one setting and stamps it with `now`, for newest-wins merging. */
	putSetting(key: string, value: unknown, now?: number): Promise<void>;
	/** Changes only the given fields of an object setting (read in the same transaction), stamping each. */
	patchSetting(key: string, patch: Record<string, unknown>, now?: number): Promise<void>;
	getAttempts(status?: StoredAttempt['status']): Promise<StoredAttempt[]>;
	putAttempt(attempt: StoredAttempt): Promise<void>;
	deleteAttempt(id: string): Promise<void>;
	getMistakes(): Promise<StoredMistake[]>;
	putMistakes(put: StoredMistake[], remove: string[]): Promise<void>;
	/** Saves an attempt together with the 错题本 and flashcard changes it caused, in one transaction. */
	saveQuizProgress(attempt: StoredAttempt, mistakes: StoredMistake[], removeMistakes: string[], reviews: { state: CardState; entry: ReviewEntry }[]): Promise<void>;
	getAssignments(): Promise<StoredAssignment[]>;
	putAssignment(a: StoredAssignment): Promise<void>;
	/** Removes an assignment together with its imported results. */
	deleteAssignment(id: string): Promise<void>;
	getClassEntries(assignmentId: string): Promise<StoredClassEntry[]>;
	/** Adds a batch of imported result files: all of them or none. */
	addClassEntries(entries: StoredClassEntry[]): Promise<void>;
	clearClass(assignmentId: string): Promise<void>;
	/** Everything a learner stored, for a backup file (an instructor's classes are not part of it). */
	exportAll(): Promise<BackupData>;
	/** Merges a validated backup into the store in one transaction: all of it or none. */
	importAll(data: BackupData): Promise<void>;
	/**
	 * Reads everything, runs `merge` on it and writes what differs, all in one transaction, so
	 * nothing written meanwhile by another tab is overwritten. `merge` must be synchronous.
	 */
	mergeIn(merge: (local: BackupData) => MergeResult, onProgress?: (done: number, total: number) => void): Promise<MergeResult>;
	/** 清除学习记录: removes cards, reviews, attempts and the 错题本; settings and decks stay. */
	clearProgress(): Promise<void>;
	/** How many records of each kind of progress are stored (cheap: no records are read). */
	counts(): Promise<ProgressCounts>;
	close(): void;
}

export interface ProgressCounts {
	cards: number;
	reviews: number;
	attempts: number;
	mistakes: number;
}

export type StorageProblem =
	| { kind: 'unavailable'; message: string }
	| { kind: 'write-failed'; message: string; pending: number }
	| { kind: 'recovered'; message: string }
	| { kind: 'blocked'; message: string }
	| { kind: 'outdated'; message: string };

/**
 * Runs `work` inside `tx` and commits only if all of it succeeded. A write that throws
 * synchronously (e.g. a value that cannot be cloned) does not abort an IndexedDB
 * transaction by itself, so without this the earlier writes would still commit.
 */
async function atomic(tx: { abort(): void; done: Promise<void> }, work: () => Promise<void>): Promise<void> {
	try {
		await work();
	} catch (e) {
		try {
			tx.abort();
		} catch {
			// Already aborted by the browser: nothing left to undo.
		}
		await tx.done.catch(() => {});
		throw e;
	}
	await tx.done;
}

/** What reviewInto/undoFrom need from a backend, inside one transaction. */
interface CardIO {
	getState(id: string): Promise<CardState | undefined>;
	putState(id: string, s: CardState): Promise<unknown>;
	deleteState(id: string): Promise<unknown>;
	getReview(id: string): Promise<ReviewEntry | undefined>;
	log(cardId: string): Promise<ReviewEntry[]>;
	putReview(r: ReviewEntry): Promise<unknown>;
	deleteReview(id: string): Promise<unknown>;
}

/** Settings that record progress rather than a choice: cleared with the learning records. */
const PROGRESS_SETTINGS = 'practiceResume';

const defaultReplay = replayWith(new Scheduler({ retention: DEFAULT_SETTINGS.retention }));

/** Writes a replayed card: its state and whichever log entries changed. */
async function writeReplay(io: CardIO, cardId: string, log: ReviewEntry[], replay: Replay, stored: ReviewEntry[] = log) {
	const r = replay(cardId, log);
	await io.putState(cardId, r.state);
	const before = new Map(stored.map((e) => [e.id, e]));
	for (const e of r.reviews) if (!same(before.get(e.id), e)) await io.putReview(e);
}

async function reviewInto(io: CardIO, replay: Replay, state: CardState, entry: ReviewEntry) {
	// Already stored: a journal replay of a write that landed after all (see journal.ts).
	if (await io.getReview(entry.id)) return;
	const cur = (await io.getState(entry.cardId)) ?? null;
	// A card never stored and a stored card still in its new state are the same starting point.
	if (same(cur, entry.prev) || (cur === null && entry.prev?.state === State.New)) {
		// The usual case: the page computed from what is stored.
		await io.putState(entry.cardId, state);
		await io.putReview(entry);
	} else if (cur && (cur.last_review ?? -Infinity) <= entry.review) {
		// Another tab reviewed the card first: apply this review on top of its result.
		await writeReplay(io, entry.cardId, [{ ...entry, prev: cur }], replay);
	} else {
		// A review older than the stored state (clock skew): rebuild the card from its whole log.
		const log = (await io.log(entry.cardId)).filter((r) => r.id !== entry.id);
		await writeReplay(io, entry.cardId, [...log, entry], replay);
	}
}

async function undoFrom(io: CardIO, replay: Replay, entry: ReviewEntry) {
	// Another tab may have rewritten this entry's `prev`; the stored copy is the one to trust.
	// None stored: this undo landed already (a journal replay), or its review never did.
	const stored = await io.getReview(entry.id);
	if (!stored) return;
	await io.deleteReview(entry.id);
	const rest = (await io.log(entry.cardId)).filter((r) => r.id !== entry.id);
	const later = rest.some((r) => r.review > stored.review || (r.review === stored.review && r.id > stored.id));
	if (later) {
		// Replay starts from the earliest review's `prev`: when that was the undone one, start from its `prev`.
		const first = rest.reduce((x, y) => (y.review < x.review || (y.review === x.review && y.id < x.id) ? y : x));
		const isFirst = stored.review < first.review || (stored.review === first.review && stored.id < first.id);
		await writeReplay(io, entry.cardId, isFirst ? rest.map((r) => (r === first ? { ...r, prev: stored.prev } : r)) : rest, replay, rest);
	}
	else if (stored.prev) await io.putState(entry.cardId, stored.prev);
	else await io.deleteState(entry.cardId);
}

function stampsValue(v: unknown): Stamps {
	return typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...(v as Stamps) } : {};
}

/** The records of `result` that differ from `local`, per store, for a merge to write. */
function mergeWrites(local: BackupData, result: BackupData) {
	const diff = <T>(before: readonly T[], after: readonly T[], key: (x: T) => string) => {
		const old = new Map(before.map((x) => [key(x), x]));
		return after.filter((x) => !same(old.get(key(x)), x));
	};
	return {
		cards: diff(local.cards, result.cards, (c) => c.id),
		reviews: diff(local.reviews, result.reviews, (r) => r.id),
		attempts: diff(local.attempts, result.attempts, (a) => a.id),
		mistakes: diff(local.mistakes, result.mistakes, (m) => m.questionId),
		settings: diff(local.settings, result.settings, (s) => s.key)
	};
}

function countWrites(w: ReturnType<typeof mergeWrites>): number {
	return w.cards.length + w.reviews.length + w.attempts.length + w.mistakes.length + w.settings.length;
}

export class IdbBackend implements Backend {
	replay: Replay = defaultReplay;

	private constructor(private readonly db: Db) {}

	static async open(onProblem: (p: StorageProblem) => void, name = DB_NAME, version = DB_VERSION): Promise<IdbBackend> {
		const db = await openDB<CrmSchema>(name, version, {
			upgrade: (db, oldVersion, newVersion, tx) => runMigrations(db, oldVersion, newVersion ?? version, tx),
			blocked: () =>
				onProblem({
					kind: 'blocked',
					message: '本站在另一个标签页中以旧版本打开着，新版本无法启用。请关闭其他打开本站的标签页，然后刷新本页。你的进度不会丢失。'
				}),
			blocking: () => {
				// Another tab needs to upgrade: step aside so it can, then ask this tab to reload.
				db.close();
				onProblem({
					kind: 'outdated',
					message: '本站已在另一个标签页中更新。请刷新本页后继续，已保存的进度不会丢失。'
				});
			},
			terminated: () =>
				onProblem({ kind: 'unavailable', message: '浏览器意外关闭了本地数据库。请刷新本页；刷新前的操作可能未保存。' })
		});
		return new IdbBackend(db);
	}

	async getCardStates() {
		const rows = await this.db.getAll('cards');
		return new Map(rows.map((r) => [r.id, r.state]));
	}

	async getReviews(since?: number) {
		if (since === undefined) return this.db.getAll('reviews');
		return this.db.getAllFromIndex('reviews', 'byTime', IDBKeyRange.lowerBound(since));
	}

	async saveReview(state: CardState, entry: ReviewEntry) {
		await this.saveReviews([{ state, entry }]);
	}

	/** The card and review stores of a transaction, as reviewInto/undoFrom see them. */
	private cardIO(tx: IDBPTransaction<CrmSchema, ('cards' | 'reviews')[], 'readwrite'>): CardIO {
		const cards = tx.objectStore('cards');
		const reviews = tx.objectStore('reviews');
		return {
			getState: async (id) => (await cards.get(id))?.state,
			putState: (id, state) => cards.put({ id, state }),
			deleteState: (id) => cards.delete(id),
			getReview: (id) => reviews.get(id),
			log: (cardId) => reviews.index('byCard').getAll(cardId),
			putReview: (r) => reviews.put(r),
			deleteReview: (id) => reviews.delete(id)
		};
	}

	async saveReviews(items: { state: CardState; entry: ReviewEntry }[]) {
		const tx = this.db.transaction(['cards', 'reviews'], 'readwrite');
		await atomic(tx, async () => {
			const io = this.cardIO(tx);
			for (const { state, entry } of items) await reviewInto(io, this.replay, state, entry);
		});
	}

	async undoReview(entry: ReviewEntry) {
		const tx = this.db.transaction(['cards', 'reviews'], 'readwrite');
		await atomic(tx, () => undoFrom(this.cardIO(tx), this.replay, entry));
	}

	async getSetting<T>(key: string) {
		return (await this.db.get('settings', key))?.value as T | undefined;
	}

	async putSetting(key: string, value: unknown, now = Date.now()) {
		const tx = this.db.transaction('settings', 'readwrite');
		await atomic(tx, async () => {
			const stamps = stampsValue((await tx.store.get(SETTINGS_STAMPS))?.value);
			stamps[key] = now;
			await tx.store.put({ key, value });
			await tx.store.put({ key: SETTINGS_STAMPS, value: stamps });
		});
	}

	async patchSetting(key: string, patch: Record<string, unknown>, now = Date.now()) {
		const tx = this.db.transaction('settings', 'readwrite');
		await atomic(tx, async () => {
			const cur = (await tx.store.get(key))?.value;
			const stamps = stampsValue((await tx.store.get(SETTINGS_STAMPS))?.value);
			for (const field of Object.keys(patch)) stamps[`${key}.${field}`] = now;
			await tx.store.put({ key, value: { ...(typeof cur === 'object' && cur !== null ? cur : {}), ...patch } });
			await tx.store.put({ key: SETTINGS_STAMPS, value: stamps });
		});
	}

	async getAttempts(status?: StoredAttempt['status']) {
		return status ? this.db.getAllFromIndex('attempts', 'byStatus', status) : this.db.getAll('attempts');
	}

	async putAttempt(attempt: StoredAttempt) {
		await this.db.put('attempts', attempt);
	}

	async deleteAttempt(id: string) {
		await this.db.delete('attempts', id);
	}

	async getMistakes() {
		return this.db.getAll('mistakes');
	}

	async putMistakes(put: StoredMistake[], remove: string[]) {
		const tx = this.db.transaction('mistakes', 'readwrite');
		await atomic(tx, async () => {
			for (const m of put) await tx.store.put(m);
			for (const id of remove) await tx.store.delete(id);
		});
	}

	async saveQuizProgress(attempt: StoredAttempt, mistakes: StoredMistake[], removeMistakes: string[], reviews: { state: CardState; entry: ReviewEntry }[]) {
		const tx = this.db.transaction(['attempts', 'mistakes', 'cards', 'reviews'], 'readwrite');
		await atomic(tx, async () => {
			await tx.objectStore('attempts').put(attempt);
			for (const m of mistakes) await tx.objectStore('mistakes').put(m);
			for (const id of removeMistakes) await tx.objectStore('mistakes').delete(id);
			for (const { state, entry } of reviews) {
				await tx.objectStore('cards').put({ id: entry.cardId, state });
				await tx.objectStore('reviews').put(entry);
			}
		});
	}

	async getAssignments() {
		return this.db.getAll('assignments');
	}

	async putAssignment(a: StoredAssignment) {
		await this.db.put('assignments', a);
	}

	async deleteAssignment(id: string) {
		const tx = this.db.transaction(['assignments', 'classResults'], 'readwrite');
		await atomic(tx, async () => {
			await tx.objectStore('assignments').delete(id);
			const keys = await tx.objectStore('classResults').index('byAssignment').getAllKeys(id);
			for (const k of keys) await tx.objectStore('classResults').delete(k);
		});
	}

	async getClassEntries(assignmentId: string) {
		return this.db.getAllFromIndex('classResults', 'byAssignment', assignmentId);
	}

	async addClassEntries(entries: StoredClassEntry[]) {
		const tx = this.db.transaction('classResults', 'readwrite');
		await atomic(tx, async () => {
			for (const e of entries) await tx.store.put(e);
		});
	}

	async clearClass(assignmentId: string) {
		const tx = this.db.transaction('classResults', 'readwrite');
		await atomic(tx, async () => {
			const keys = await tx.store.index('byAssignment').getAllKeys(assignmentId);
			for (const k of keys) await tx.store.delete(k);
		});
	}

	async exportAll(): Promise<BackupData> {
		const tx = this.db.transaction(['cards', 'reviews', 'attempts', 'mistakes', 'settings']);
		const [cards, reviews, attempts, mistakes, settings] = await Promise.all([
			tx.objectStore('cards').getAll(),
			tx.objectStore('reviews').getAll(),
			tx.objectStore('attempts').getAll(),
			tx.objectStore('mistakes').getAll(),
			tx.objectStore('settings').getAll()
		]);
		await tx.done;
		return { cards, reviews, attempts, mistakes, settings };
	}

	async importAll(data: BackupData) {
		const tx = this.db.transaction(['cards', 'reviews', 'attempts', 'mistakes', 'settings'], 'readwrite');
		await atomic(tx, async () => {
			for (const c of data.cards) await tx.objectStore('cards').put(c);
			for (const r of data.reviews) await tx.objectStore('reviews').put(r);
			for (const a of data.attempts) await tx.objectStore('attempts').put(a);
			for (const m of data.mistakes) await tx.objectStore('mistakes').put(m);
			for (const s of data.settings) await tx.objectStore('settings').put(s);
		});
	}

	async mergeIn(merge: (local: BackupData) => MergeResult, onProgress?: (done: number, total: number) => void) {
		const names = ['cards', 'reviews', 'attempts', 'mistakes', 'settings'] as const;
		const tx = this.db.transaction([...names], 'readwrite');
		let out: MergeResult | undefined;
		await atomic(tx, async () => {
			const [cards, reviews, attempts, mistakes, settings] = await Promise.all(names.map((n) => tx.objectStore(n).getAll()));
			const local = { cards, reviews, attempts, mistakes, settings } as BackupData;
			out = merge(local);
			const w = mergeWrites(local, out.result);
			const total = countWrites(w);
			let done = 0;
			const tick = () => {
				if (++done % 1000 === 0) onProgress?.(done, total);
			};
			for (const c of w.cards) (await tx.objectStore('cards').put(c), tick());
			for (const r of w.reviews) (await tx.objectStore('reviews').put(r), tick());
			for (const a of w.attempts) (await tx.objectStore('attempts').put(a), tick());
			for (const m of w.mistakes) (await tx.objectStore('mistakes').put(m), tick());
			for (const st of w.settings) (await tx.objectStore('settings').put(st), tick());
		});
		return out!;
	}

	async clearProgress() {
		const tx = this.db.transaction(['cards', 'reviews', 'attempts', 'mistakes', 'settings'], 'readwrite');
		await atomic(tx, async () => {
			await tx.objectStore('cards').clear();
			await tx.objectStore('reviews').clear();
			await tx.objectStore('attempts').clear();
			await tx.objectStore('mistakes').clear();
			await tx.objectStore('settings').delete(PROGRESS_SETTINGS);
		});
	}

	async counts() {
		const tx = this.db.transaction(['cards', 'reviews', 'attempts', 'mistakes']);
		const [cards, reviews, attempts, mistakes] = await Promise.all((['cards', 'reviews', 'attempts', 'mistakes'] as const).map((n) => tx.objectStore(n).count()));
		return { cards: cards!, reviews: reviews!, attempts: attempts!, mistakes: mistakes! };
	}

	close() {
		this.db.close();
	}
}


/** Same behaviour as IdbBackend, kept in memory: used when IndexedDB cannot be opened. */
export class MemoryBackend implements Backend {
	replay: Replay = defaultReplay;
	private cards = new Map<string, CardState>();
	private reviews = new Map<string, ReviewEntry>();
	private settings = new Map<string, unknown>();
	private attempts = new Map<string, StoredAttempt>();
	private mistakes = new Map<string, StoredMistake>();
	private assignments = new Map<string, StoredAssignment>();
	private classResults = new Map<string, StoredClassEntry>();

	async getCardStates() {
		return new Map(this.cards);
	}
	async getReviews(since?: number) {
		return [...this.reviews.values()].filter((r) => since === undefined || r.review >= since);
	}
	async saveReview(state: CardState, entry: ReviewEntry) {
		await this.saveReviews([{ state, entry }]);
	}
	private io: CardIO = {
		getState: async (id) => structuredClone(this.cards.get(id)),
		putState: async (id, s) => this.cards.set(id, structuredClone(s)),
		deleteState: async (id) => this.cards.delete(id),
		getReview: async (id) => structuredClone(this.reviews.get(id)),
		log: async (cardId) => [...this.reviews.values()].filter((r) => r.cardId === cardId).map((r) => structuredClone(r)),
		putReview: async (r) => this.reviews.set(r.id, structuredClone(r)),
		deleteReview: async (id) => this.reviews.delete(id)
	};
	async saveReviews(items: { state: CardState; entry: ReviewEntry }[]) {
		for (const { state, entry } of items) await reviewInto(this.io, this.replay, state, entry);
	}
	async undoReview(entry: ReviewEntry) {
		await undoFrom(this.io, this.replay, entry);
	}
	async getSetting<T>(key: string) {
		return structuredClone(this.settings.get(key)) as T | undefined;
	}
	async putSetting(key: string, value: unknown, now = Date.now()) {
		this.settings.set(key, structuredClone(value));
		this.settings.set(SETTINGS_STAMPS, { ...stampsValue(this.settings.get(SETTINGS_STAMPS)), [key]: now });
	}
	async patchSetting(key: string, patch: Record<string, unknown>, now = Date.now()) {
		const cur = this.settings.get(key);
		this.settings.set(key, { ...(typeof cur === 'object' && cur !== null ? cur : {}), ...structuredClone(patch) });
		const stamps = stampsValue(this.settings.get(SETTINGS_STAMPS));
		for (const field of Object.keys(patch)) stamps[`${key}.${field}`] = now;
		this.settings.set(SETTINGS_STAMPS, stamps);
	}
	async getAttempts(status?: StoredAttempt['status']) {
		return [...this.attempts.values()].filter((a) => !status || a.status === status).map((a) => structuredClone(a));
	}
	async putAttempt(attempt: StoredAttempt) {
		this.attempts.set(attempt.id, structuredClone(attempt));
	}
	async deleteAttempt(id: string) {
		this.attempts.delete(id);
	}
	async getMistakes() {
		return [...this.mistakes.values()].map((m) => structuredClone(m));
	}
	async putMistakes(put: StoredMistake[], remove: string[]) {
		for (const m of put) this.mistakes.set(m.questionId, structuredClone(m));
		for (const id of remove) this.mistakes.delete(id);
	}
	async saveQuizProgress(attempt: StoredAttempt, mistakes: StoredMistake[], removeMistakes: string[], reviews: { state: CardState; entry: ReviewEntry }[]) {
		await this.putAttempt(attempt);
		await this.putMistakes(mistakes, removeMistakes);
		await this.saveReviews(reviews);
	}
	async getAssignments() {
		return [...this.assignments.values()].map((a) => structuredClone(a));
	}
	async putAssignment(a: StoredAssignment) {
		this.assignments.set(a.id, structuredClone(a));
	}
	async deleteAssignment(id: string) {
		this.assignments.delete(id);
		await this.clearClass(id);
	}
	async getClassEntries(assignmentId: string) {
		return [...this.classResults.values()].filter((e) => e.assignmentId === assignmentId).map((e) => structuredClone(e));
	}
	async addClassEntries(entries: StoredClassEntry[]) {
		const copies = structuredClone(entries);
		for (const e of copies) this.classResults.set(e.checksum, e);
	}
	async clearClass(assignmentId: string) {
		for (const [k, e] of this.classResults) if (e.assignmentId === assignmentId) this.classResults.delete(k);
	}
	async exportAll(): Promise<BackupData> {
		return structuredClone({
			cards: [...this.cards].map(([id, state]) => ({ id, state })),
			reviews: [...this.reviews.values()],
			attempts: [...this.attempts.values()],
			mistakes: [...this.mistakes.values()],
			settings: [...this.settings].map(([key, value]) => ({ key, value }))
		});
	}
	async importAll(data: BackupData) {
		const copy = structuredClone(data);
		for (const c of copy.cards) this.cards.set(c.id, c.state);
		for (const r of copy.reviews) this.reviews.set(r.id, r);
		for (const a of copy.attempts) this.attempts.set(a.id, a);
		for (const m of copy.mistakes) this.mistakes.set(m.questionId, m);
		for (const s of copy.settings) this.settings.set(s.key, s.value);
	}
	async mergeIn(merge: (local: BackupData) => MergeResult) {
		const out = merge(await this.exportAll());
		await this.importAll(out.result);
		return out;
	}
	async clearProgress() {
		this.cards.clear();
		this.reviews.clear();
		this.attempts.clear();
		this.mistakes.clear();
		this.settings.delete(PROGRESS_SETTINGS);
	}
	async counts() {
		return { cards: this.cards.size, reviews: this.reviews.size, attempts: this.attempts.size, mistakes: this.mistakes.size };
	}
	close() {}
}

function describeError(e: unknown): string {
	const name = (e as { name?: string })?.name ?? '';
	if (name === 'QuotaExceededError') return '浏览器的存储空间已满。请在浏览器设置中为本站清理空间，或删除其他网站的数据。';
	if (name === 'InvalidStateError') return '本地数据库已关闭（可能在另一个标签页中更新了）。请刷新本页。';
	return `写入本地数据库失败（${name || String(e)}）。`;
}

/** Runs a journaled write. */
function runEntry(b: Backend, e: JournalEntry): Promise<void> {
	switch (e.method) {
		case 'saveReview':
			return b.saveReview(...e.args);
		case 'undoReview':
			return b.undoReview(...e.args);
		case 'putAttempt':
			return b.putAttempt(...e.args);
		case 'saveQuizProgress':
			return b.saveQuizProgress(...e.args);
	}
}

/**
 * Runs a journaled write again, harmlessly if it landed already: reviews and undos check their
 * review's id (reviewInto, undoFrom), and an attempt is written only over an older version of itself.
 */
async function replayEntry(b: Backend, e: JournalEntry): Promise<void> {
	if (e.method === 'putAttempt' || e.method === 'saveQuizProgress') {
		const attempt = e.args[0];
		const stored = (await b.getAttempts()).find((a) => a.id === attempt.id);
		if (stored && stored.updatedAt >= attempt.updatedAt) return;
	}
	await runEntry(b, e);
}

/** This page's journal in localStorage; none where storage is blocked. */
function browserJournal(): Journal | null {
	try {
		const storage = globalThis.localStorage;
		return storage ? new Journal(storage, pageId(Date.now(), Math.random())) : null;
	} catch {
		return null;
	}
}

/**
 * The store the app uses. Writes are retried once; if they still fail, they stay queued and
 * are tried again with the next write, and the problem is reported so the page can say
 * plainly that progress is not saved yet. Progress writes (`save`) are also kept in a
 * localStorage journal until they land, and `recover` replays what a closed page left.
 */
export class ProgressStore {
	/** Writes not landed yet, first the one running or failed; `journaled` ones survive the page closing. */
	private queue: { run: () => Promise<unknown>; journaled: boolean }[] = [];
	/** Called after each write that landed: the app tells other tabs from here. */
	onWrite: (() => void) | null = null;

	constructor(
		readonly backend: Backend,
		readonly persistent: boolean,
		private readonly onProblem: (p: StorageProblem) => void,
		private readonly journal: Journal | null = null
	) {}

	/** `journal` defaults to one in localStorage when the store is IndexedDB (no `factory`). */
	static async open(onProblem: (p: StorageProblem) => void, factory?: () => Promise<Backend>, journal = factory ? null : browserJournal()): Promise<ProgressStore> {
		try {
			if (!factory && typeof indexedDB === 'undefined') throw new Error('indexedDB is not defined');
			const backend = await (factory ? factory() : IdbBackend.open(onProblem));
			return new ProgressStore(backend, true, onProblem, journal);
		} catch (e) {
			onProblem({
				kind: 'unavailable',
				message:
					(e as { name?: string } | null)?.name === 'VersionError'
						? // A downgrade: the stored database was written by a newer build of the site (an old cached page).
							'本机的学习数据库来自更新版本的本站，而当前打开的是旧版本，所以暂时无法读取。你的数据没有受影响：请刷新页面；如果仍然如此，请清除本站的浏览器缓存（不要清除“网站数据”）后重新打开。在此之前，本页的操作不会被保存。'
						: '此浏览器不允许本站使用本地存储（可能处于无痕/隐私模式）。你仍然可以继续学习，但关闭或刷新页面后，本次的进度会丢失。'
			});
			return new ProgressStore(new MemoryBackend(), false, onProblem);
		}
	}

	get pending(): number {
		return this.queue.length;
	}

	/** Writes run one at a time, in order, even when the learner acts faster than the disk. */
	private chain: Promise<unknown> = Promise.resolve();

	/** Runs a write; on failure retries it, then keeps it queued and reports. Resolves either way. */
	write<T>(op: (b: Backend) => Promise<T>): Promise<T | undefined> {
		return this.enqueue(op, false);
	}

	private enqueue<T>(op: (b: Backend) => Promise<T>, journaled: boolean): Promise<T | undefined> {
		const run = this.chain.then(() => {
			this.queue.push({ run: () => op(this.backend), journaled });
			return this.flush() as Promise<T | undefined>;
		});
		this.chain = run;
		return run;
	}

	private async flush(): Promise<unknown> {
		let last: unknown;
		while (this.queue.length > 0) {
			const op = this.queue[0]!;
			try {
				last = await op.run();
			} catch {
				try {
					last = await op.run();
				} catch (e) {
					this.failed = true;
					const kept = this.journalHolds();
					this.onProblem({
						kind: 'write-failed',
						message:
							`${describeError(e)}尚未保存的 ${this.queue.length} 项操作` +
							(kept ? '已记在本机，下次操作或重新打开本站时会自动重试。' : '保留在本页中，下次操作时会自动重试；在此之前请不要关闭本页。'),
						pending: this.queue.length
					});
					return undefined;
				}
			}
			const hadFailed = this.failed;
			this.queue.shift();
			this.onWrite?.();
			if (hadFailed && this.queue.length === 0) {
				this.failed = false;
				this.onProblem({ kind: 'recovered', message: '之前未保存的进度已经成功保存。' });
			}
		}
		return last;
	}

	private failed = false;

	/** Whether every write not landed yet would survive the page closing (journaled, and the journal intact). */
	private journalHolds(): boolean {
		return !!this.journal?.intact && this.queue.every((q) => q.journaled);
	}

	/**
	 * Leaving now would lose something: a write failed and stays queued, and the journal does not
	 * hold all that is queued (settings, assignments, a full localStorage). The app asks the
	 * browser to confirm leaving then.
	 */
	get unsafeToLeave(): boolean {
		return this.failed && this.queue.length > 0 && !this.journalHolds();
	}

	/**
	 * A progress write (a rating, an answer), noted in the journal until it lands, so that it
	 * survives the page going away before IndexedDB committed it.
	 */
	save(entry: JournalEntry): Promise<void> {
		const n = this.journal?.add(entry);
		return this.enqueue(async (b) => {
			await runEntry(b, entry);
			if (n !== undefined) this.journal!.done(n);
		}, n !== undefined).then(() => {});
	}

	/**
	 * Replays the journals that pages which went away left with writes not known to have landed
	 * (`check` keeps the entries that pass their schema). Returns how many entries were replayed.
	 * A journal whose replay fails stays for the next page.
	 */
	async recover(check: (entries: unknown) => JournalEntry[]): Promise<number> {
		if (!this.journal) return 0;
		const { storage, key: own } = this.journal;
		let replayed = 0;
		for (const { key, raw } of leftJournals(storage, own)) {
			let entries: JournalEntry[] = [];
			try {
				entries = check(JSON.parse(raw));
			} catch {
				// Not JSON: nothing in it can be replayed.
			}
			try {
				for (const e of entries) await replayEntry(this.backend, e);
			} catch {
				continue;
			}
			replayed += entries.length;
			dropJournal(storage, key, raw);
		}
		if (replayed) this.onWrite?.();
		return replayed;
	}

	/** Reads never queue: a failed read is reported and answered with the fallback. */
	async read<T>(op: (b: Backend) => Promise<T>, fallback: T): Promise<T> {
		try {
			return await op(this.backend);
		} catch (e) {
			this.onProblem({ kind: 'write-failed', message: `读取本地数据失败：${describeError(e)}`, pending: this.queue.length });
			return fallback;
		}
	}
}
