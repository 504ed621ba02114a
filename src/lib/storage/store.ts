/**
 * The only module that talks to IndexedDB. Everything else goes through `ProgressStore`,
 * which falls back to memory when IndexedDB is missing (some private modes), retries failed
 * writes and reports what it could not save instead of dropping it.
 */
import { openDB } from 'idb';
import type { CardState, ReviewEntry } from '../srs/scheduler';
import type { BackupData } from '../formats/backup';
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

export type { StoredAssignment, StoredAttempt, StoredClassEntry, StoredMistake };

/** The operations the app needs; each write is one transaction. */
export interface Backend {
	getCardStates(): Promise<Map<string, CardState>>;
	getReviews(since?: number): Promise<ReviewEntry[]>;
	/** Saves the card's new state and its review-log entry atomically. */
	saveReview(state: CardState, entry: ReviewEntry): Promise<void>;
	/** Several reviews at once (a quiz submission), all or nothing. */
	saveReviews(items: { state: CardState; entry: ReviewEntry }[]): Promise<void>;
	/** Removes a review and restores the card to what it was before, atomically. */
	undoReview(entry: ReviewEntry): Promise<void>;
	getSetting<T>(key: string): Promise<T | undefined>;
	putSetting(key: string, value: unknown): Promise<void>;
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
	close(): void;
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

export class IdbBackend implements Backend {
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

	async saveReviews(items: { state: CardState; entry: ReviewEntry }[]) {
		const tx = this.db.transaction(['cards', 'reviews'], 'readwrite');
		await atomic(tx, async () => {
			for (const { state, entry } of items) {
				await tx.objectStore('cards').put({ id: entry.cardId, state });
				await tx.objectStore('reviews').put(entry);
			}
		});
	}

	async undoReview(entry: ReviewEntry) {
		const tx = this.db.transaction(['cards', 'reviews'], 'readwrite');
		await atomic(tx, async () => {
			await tx.objectStore('reviews').delete(entry.id);
			if (entry.prev) await tx.objectStore('cards').put({ id: entry.cardId, state: entry.prev });
			else await tx.objectStore('cards').delete(entry.cardId);
		});
	}

	async getSetting<T>(key: string) {
		return (await this.db.get('settings', key))?.value as T | undefined;
	}

	async putSetting(key: string, value: unknown) {
		await this.db.put('settings', { key, value });
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

	close() {
		this.db.close();
	}
}

/** Same behaviour as IdbBackend, kept in memory: used when IndexedDB cannot be opened. */
export class MemoryBackend implements Backend {
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
	async saveReviews(items: { state: CardState; entry: ReviewEntry }[]) {
		for (const { state, entry } of items) {
			this.cards.set(entry.cardId, structuredClone(state));
			this.reviews.set(entry.id, structuredClone(entry));
		}
	}
	async undoReview(entry: ReviewEntry) {
		this.reviews.delete(entry.id);
		if (entry.prev) this.cards.set(entry.cardId, structuredClone(entry.prev));
		else this.cards.delete(entry.cardId);
	}
	async getSetting<T>(key: string) {
		return structuredClone(this.settings.get(key)) as T | undefined;
	}
	async putSetting(key: string, value: unknown) {
		this.settings.set(key, structuredClone(value));
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
	close() {}
}

function describeError(e: unknown): string {
	const name = (e as { name?: string })?.name ?? '';
	if (name === 'QuotaExceededError') return '浏览器的存储空间已满。请在浏览器设置中为本站清理空间，或删除其他网站的数据。';
	if (name === 'InvalidStateError') return '本地数据库已关闭（可能在另一个标签页中更新了）。请刷新本页。';
	return `写入本地数据库失败（${name || String(e)}）。`;
}

/**
 * The store the app uses. Writes are retried once; if they still fail, they stay queued and
 * are tried again with the next write, and the problem is reported so the page can say
 * plainly that progress is not saved yet.
 */
export class ProgressStore {
	private queue: (() => Promise<unknown>)[] = [];

	constructor(
		readonly backend: Backend,
		readonly persistent: boolean,
		private readonly onProblem: (p: StorageProblem) => void
	) {}

	static async open(onProblem: (p: StorageProblem) => void, factory?: () => Promise<Backend>): Promise<ProgressStore> {
		try {
			if (!factory && typeof indexedDB === 'undefined') throw new Error('indexedDB is not defined');
			const backend = await (factory ? factory() : IdbBackend.open(onProblem));
			return new ProgressStore(backend, true, onProblem);
		} catch {
			onProblem({
				kind: 'unavailable',
				message: '此浏览器不允许本站使用本地存储（可能处于无痕/隐私模式）。你仍然可以继续学习，但关闭或刷新页面后，本次的进度会丢失。'
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
		const run = this.chain.then(() => {
			this.queue.push(() => op(this.backend));
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
				last = await op();
			} catch {
				try {
					last = await op();
				} catch (e) {
					this.failed = true;
					this.onProblem({
						kind: 'write-failed',
						message: `${describeError(e)}尚未保存的 ${this.queue.length} 项操作保留在本页中，下次操作时会自动重试；在此之前请不要关闭本页。`,
						pending: this.queue.length
					});
					return undefined;
				}
			}
			const hadFailed = this.failed;
			this.queue.shift();
			if (hadFailed && this.queue.length === 0) {
				this.failed = false;
				this.onProblem({ kind: 'recovered', message: '之前未保存的进度已经成功保存。' });
			}
		}
		return last;
	}

	private failed = false;

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
