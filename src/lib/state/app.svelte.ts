/**
 * App-wide browser state: the progress store (opened lazily, never during prerendering),
 * storage problems to show, and study settings.
 */
import { browser } from '$app/environment';
import { ProgressStore, type StorageProblem } from '$lib/storage/store';
import { DEFAULT_SETTINGS, type StudySettings } from '$lib/srs/settings';

class AppState {
	/** The latest problem of each kind, shown as banners. */
	problems = $state<StorageProblem[]>([]);
	persistent = $state(true);
	settings = $state<StudySettings>({ ...DEFAULT_SETTINGS });
	ready = $state(false);

	#store: Promise<ProgressStore> | null = null;

	/** Opens the store on first use. Only call from the browser (effects, event handlers). */
	store(): Promise<ProgressStore> {
		if (!browser) throw new Error('the progress store is browser-only');
		this.#store ??= ProgressStore.open((p) => this.report(p)).then(async (store) => {
			this.persistent = store.persistent;
			const saved = await store.read((b) => b.getSetting<Partial<StudySettings>>('study'), undefined);
			this.settings = { ...DEFAULT_SETTINGS, ...saved };
			this.ready = true;
			return store;
		});
		return this.#store;
	}

	report(p: StorageProblem) {
		if (p.kind === 'recovered') {
			this.problems = this.problems.filter((q) => q.kind !== 'write-failed');
		}
		this.problems = [...this.problems.filter((q) => q.kind !== p.kind), p];
	}

	dismiss(kind: StorageProblem['kind']) {
		this.problems = this.problems.filter((p) => p.kind !== kind);
	}

	/** Saves the fields in `patch`; the others keep their current values. */
	async saveSettings(patch: Partial<StudySettings>) {
		this.settings = { ...this.settings, ...patch };
		const store = await this.store();
		await store.write((b) => b.putSetting('study', $state.snapshot(this.settings)));
	}

	/** Local time-zone offset, read at the edge so the domain code stays clock-free. */
	utcOffsetMinutes(at = Date.now()): number {
		return -new Date(at).getTimezoneOffset();
	}
}

export const app = new AppState();
