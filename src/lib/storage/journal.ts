/**
 * A write-ahead journal for progress writes (ratings, quiz answers).
 *
 * An IndexedDB write takes a few round trips to land, and the browser aborts a transaction that
 * is still open when its page goes away: a reload, a closed tab or a full navigation moments
 * after a rating lost that rating (an e2e run lost 1 reload in 10). localStorage writes are
 * synchronous, so each progress write is noted here before it starts and struck off once it
 * landed. The next page that opens the store replays what a page that went away left behind.
 *
 * Replays must be harmless when the write did land after all, or when the page that wrote it is
 * still open in another tab and lands it itself: the store makes each journaled write idempotent
 * (see `replayEntry` in store.ts), which is why no tab needs to know whether another is alive.
 */
import type { CardState, ReviewEntry } from '../srs/scheduler';
import type { StoredAttempt, StoredMistake } from './schema';

export type JournalEntry =
	| { method: 'saveReview'; args: [state: CardState, entry: ReviewEntry] }
	| { method: 'undoReview'; args: [entry: ReviewEntry] }
	| { method: 'putAttempt'; args: [attempt: StoredAttempt] }
	| {
			method: 'saveQuizProgress';
			args: [attempt: StoredAttempt, mistakes: StoredMistake[], removeMistakes: string[], reviews: { state: CardState; entry: ReviewEntry }[]];
	  };

export const JOURNAL_PREFIX = 'crm-study-journal:';

/** The part of the Web Storage API the journal uses (localStorage in the browser). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** A page's own journal: one localStorage key, holding its writes that have not landed yet, in order. */
export class Journal {
	#pending = new Map<number, JournalEntry>();
	#seq = 0;
	/** Whether localStorage holds every write not yet landed (false after a failed storage write). */
	intact = true;
	readonly key: string;

	/** `id` must differ between pages (a time and a random part); journals replay in `id` order. */
	constructor(
		readonly storage: JournalStorage,
		id: string
	) {
		this.key = JOURNAL_PREFIX + id;
	}

	/** Notes a write before it starts; returns the number to strike it off with. */
	add(entry: JournalEntry): number {
		const n = ++this.#seq;
		this.#pending.set(n, entry);
		this.#persist();
		return n;
	}

	done(n: number) {
		if (this.#pending.delete(n)) this.#persist();
	}

	#persist() {
		try {
			if (this.#pending.size) this.storage.setItem(this.key, JSON.stringify([...this.#pending.values()]));
			else this.storage.removeItem(this.key);
			this.intact = true;
		} catch {
			this.intact = false;
			// Storage full or blocked: the journal is a safety net, and the IndexedDB write goes ahead without it.
		}
	}
}

/** Journals that other pages left, oldest page first, with the raw text each was read as. */
export function leftJournals(storage: JournalStorage, own: string): { key: string; raw: string }[] {
	const out: { key: string; raw: string }[] = [];
	try {
		for (let i = 0; i < storage.length; i++) {
			const key = storage.key(i);
			if (!key?.startsWith(JOURNAL_PREFIX) || key === own) continue;
			const raw = storage.getItem(key);
			if (raw !== null) out.push({ key, raw });
		}
	} catch {
		return [];
	}
	return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Removes a replayed journal, unless its page (still open) has written to it since it was read. */
export function dropJournal(storage: JournalStorage, key: string, raw: string) {
	try {
		if (storage.getItem(key) === raw) storage.removeItem(key);
	} catch {
		// Left for the next page to replay again, which is harmless.
	}
}

/** A page id that sorts by time: journals of older pages replay first. */
export function pageId(now: number, random: number): string {
	return `${now.toString(36).padStart(9, '0')}-${Math.floor(random * 36 ** 6).toString(36)}`;
}
