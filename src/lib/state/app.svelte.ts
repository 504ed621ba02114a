/**
 * App-wide browser state: the progress store (opened lazily, never during prerendering),
 * storage problems to show, and study settings.
 */
import { untrack } from 'svelte';
import { browser } from '$app/environment';
import type { ProgressStore, StorageProblem } from '$lib/storage/store';
import { DEFAULT_SETTINGS, type StudySettings } from '$lib/srs/settings';
import type { CheckedSettingKey, SettingValue } from '$lib/formats/records';
import type { Scheduler } from '$lib/srs/scheduler';
import { damagedSettingNotice, settingsNotice, skippedNotice } from '$lib/formats/notices';
import type { Replay } from '$lib/sync/merge';

/**
 * What the store needs: IndexedDB access, the record checks and the scheduler. Loaded with the
 * store, so that they stay out of the first load of every page: pages reach the record checks
 * through `app.records()` and the scheduler through `app.scheduler()`, never by a static import.
 */
async function loadStoreCode() {
	const [{ ProgressStore }, records, { Scheduler }, { replayWith }] = await Promise.all([
		import('$lib/storage/store'),
		import('$lib/formats/records'),
		import('$lib/srs/scheduler'),
		import('$lib/sync/merge')
	]);
	return { ProgressStore, records, Scheduler, replayWith };
}

type StoreCode = Awaited<ReturnType<typeof loadStoreCode>>;

const CHANNEL = 'crm-study-changes';
/** Remembers (per browser) that persistence was requested, so a refusal is shown as one. */
const PERSIST_ASKED = 'crm-study-persist-asked';

class AppState {
	/** The latest problem of each kind, shown as banners. */
	problems = $state<StorageProblem[]>([]);
	persistent = $state(true);
	settings = $state<StudySettings>({ ...DEFAULT_SETTINGS });
	ready = $state(false);
	/** Damaged stored records that pages skipped, by what they are ("测验记录"): one notice each. */
	damaged = $state<Record<string, string>>({});
	/** Bumped when stored data changed under the page (a restore, another tab): pages showing counts reload. */
	revision = $state(0);

	/**
	 * Whether the browser promised to keep our data under storage pressure:
	 * 'granted', 'denied' (asked, refused), 'not-asked' (no progress yet), 'unsupported'.
	 */
	persistence = $state<'granted' | 'denied' | 'not-asked' | 'unsupported' | 'unknown'>('unknown');

	#store: Promise<ProgressStore> | null = null;
	#code: StoreCode | null = null;
	#channel: BroadcastChannel | null = null;
	#askedPersist = false;
	#opened: ProgressStore | null = null;
	#guarding = false;

	/**
	 * After a failed write, asks the browser to confirm leaving while a write that only this page
	 * holds is still queued. Not before: a beforeunload listener keeps some browsers from putting
	 * the page in their back/forward cache.
	 */
	#guardLeaving() {
		if (this.#guarding || typeof addEventListener === 'undefined') return;
		this.#guarding = true;
		addEventListener('beforeunload', (e) => {
			if (this.#opened?.unsafeToLeave) e.preventDefault();
		});
	}

	/** Opens the store on first use. Only call from the browser (effects, event handlers). */
	store(): Promise<ProgressStore> {
		if (!browser) throw new Error('the progress store is browser-only');
		this.#store ??= loadStoreCode()
			.then((code) => {
				this.#code = code;
				return code.ProgressStore.open((p) => this.report(p));
			})
			.then(async (store) => {
				this.persistent = store.persistent;
				await this.#loadSettings(store);
				// Other tabs of this site announce their writes; this tab rereads what it shows.
				if (typeof BroadcastChannel !== 'undefined') {
					this.#channel = new BroadcastChannel(CHANNEL);
					this.#channel.onmessage = () => void this.refresh();
				}
				this.#opened = store;
				store.onWrite = () => {
					this.#channel?.postMessage('changed');
					void this.#askPersistence(store);
				};
				// Writes that a page closed or reloaded moments after making them had no time to land.
				await store.recover(this.#code!.records.readJournal);
				void this.checkPersistence();
				this.ready = true;
				return store;
			});
		return this.#store;
	}

	async #loadSettings(store: ProgressStore) {
		const saved = await store.read((b) => b.getSetting<unknown>('study'), undefined);
		const { settings, bad } = this.#code!.records.readStudySettings(saved);
		this.settings = settings;
		if (bad.length) this.damaged = { ...this.damaged, 学习设置: settingsNotice(bad) };
		store.backend.replay = this.#replayNow();
	}

	/** Rereads what the stored data says after it changed under the page, and tells the pages. */
	async refresh() {
		await this.#loadSettings(await this.store());
		this.revision++;
	}

	report(p: StorageProblem) {
		if (p.kind === 'write-failed') this.#guardLeaving();
		if (p.kind === 'recovered') {
			this.problems = this.problems.filter((q) => q.kind !== 'write-failed');
		}
		this.problems = [...this.problems.filter((q) => q.kind !== p.kind), p];
	}

	/** The checks for stored records (`$lib/formats/records`), loaded with the store. */
	async records(): Promise<StoreCode['records']> {
		await this.store();
		return this.#code!.records;
	}

	/** A scheduler with the learner's settings. Only once the store is open: its code comes with the store. */
	scheduler(): Scheduler {
		if (!this.#code) throw new Error('the scheduler loads with the store: await app.store() first');
		return new this.#code.Scheduler({ retention: this.settings.retention, weights: this.settings.fsrsWeights });
	}

	/** Takes the records that passed their check, and reports the ones that did not. */
	sifted<T>(r: { valid: T; skipped: number }, what: string): T {
		if (r.skipped) this.damaged = { ...this.damaged, [what]: skippedNotice(r.skipped, what) };
		return r.valid;
	}

	/** A stored setting, checked; a damaged one is reported and read as never set. */
	async setting<K extends CheckedSettingKey>(key: K, what: string): Promise<SettingValue<K> | undefined> {
		const store = await this.store();
		const r = this.#code!.records.readSetting(key, await store.read((b) => b.getSetting<unknown>(key), undefined));
		if (r.damaged) this.damaged = { ...this.damaged, [what]: damagedSettingNotice(what) };
		return r.value;
	}

	dismissDamaged(what: string) {
		const { [what]: _, ...rest } = this.damaged;
		this.damaged = rest;
	}

	dismiss(kind: StorageProblem['kind']) {
		this.problems = this.problems.filter((p) => p.kind !== kind);
	}

	/**
	 * Saves only the fields in `patch`, onto the settings read inside the write, so a change
	 * made meanwhile in another tab to another field is kept.
	 */
	async saveSettings(patch: Partial<StudySettings>) {
		this.settings = { ...this.settings, ...patch };
		const store = await this.store();
		const plain = $state.snapshot(patch) as Record<string, unknown>;
		await store.write((b) => b.patchSetting('study', plain));
		await this.#loadSettings(store);
	}

	async checkPersistence() {
		const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
		if (!storage?.persisted || !storage.persist) {
			this.persistence = 'unsupported';
			return;
		}
		if (await storage.persisted().catch(() => false)) this.persistence = 'granted';
		else this.persistence = this.#askedBefore() ? 'denied' : 'not-asked';
	}

	/** Asks the browser to keep our data once there is real progress to keep (a review or a quiz answer). */
	async #askPersistence(store: ProgressStore) {
		if (this.#askedPersist || this.persistence !== 'not-asked') return;
		const counts = await store.read((b) => b.counts(), null);
		if (!counts || counts.reviews + counts.attempts === 0 || this.#askedPersist) return;
		await this.requestPersistence();
	}

	#askedBefore(): boolean {
		try {
			return localStorage.getItem(PERSIST_ASKED) === '1';
		} catch {
			return false;
		}
	}

	/** Asks now (also from the 设置 button: some browsers only agree after a click). */
	async requestPersistence() {
		if (this.persistence === 'unsupported') return;
		this.#askedPersist = true;
		try {
			localStorage.setItem(PERSIST_ASKED, '1');
		} catch {
			// Storage blocked: the answer is simply not remembered past this page.
		}
		const granted = await navigator.storage.persist().catch(() => false);
		this.persistence = granted ? 'granted' : 'denied';
	}

	/** Rebuilds a card from its review log with the learner's scheduler (restores, other tabs). */
	async replay(): Promise<Replay> {
		await this.store();
		return this.#replayNow();
	}

	#replayNow(): Replay {
		return this.#code!.replayWith(this.scheduler());
	}

	/** Local time-zone offset, read at the edge so the domain code stays clock-free. */
	utcOffsetMinutes(at = Date.now()): number {
		return -new Date(at).getTimezoneOffset();
	}
}

export const app = new AppState();

/**
 * Reruns `load` (untracked) whenever stored data changed under the page: a restore, a reset or
 * a write in another tab. Call during component initialisation.
 */
export function reloadOnChange(load: () => unknown) {
	$effect(() => {
		if (app.revision) untrack(load);
	});
}
