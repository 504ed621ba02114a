/**
 * App-wide browser state: the progress store (opened lazily, never during prerendering),
 * storage problems to show, and study settings.
 */
import { browser } from '$app/environment';
import { ProgressStore, type StorageProblem } from '$lib/storage/store';
import { DEFAULT_SETTINGS, type StudySettings } from '$lib/srs/settings';
import { damagedSettingNotice, readSetting, readStudySettings, settingsNotice, skippedNotice, type CheckedSettingKey, type SettingValue } from '$lib/formats/records';

class AppState {
	/** The latest problem of each kind, shown as banners. */
	problems = $state<StorageProblem[]>([]);
	persistent = $state(true);
	settings = $state<StudySettings>({ ...DEFAULT_SETTINGS });
	ready = $state(false);
	/** Damaged stored records that pages skipped, by what they are ("测验记录"): one notice each. */
	damaged = $state<Record<string, string>>({});

	#store: Promise<ProgressStore> | null = null;

	/** Opens the store on first use. Only call from the browser (effects, event handlers). */
	store(): Promise<ProgressStore> {
		if (!browser) throw new Error('the progress store is browser-only');
		this.#store ??= ProgressStore.open((p) => this.report(p)).then(async (store) => {
			this.persistent = store.persistent;
			const saved = await store.read((b) => b.getSetting<unknown>('study'), undefined);
			const { settings, bad } = readStudySettings(saved);
			this.settings = settings;
			if (bad.length) this.damaged = { ...this.damaged, 学习设置: settingsNotice(bad) };
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

	/** Takes the records that passed their check, and reports the ones that did not. */
	sifted<T>(r: { valid: T; skipped: number }, what: string): T {
		if (r.skipped) this.damaged = { ...this.damaged, [what]: skippedNotice(r.skipped, what) };
		return r.valid;
	}

	/** A stored setting, checked; a damaged one is reported and read as never set. */
	async setting<K extends CheckedSettingKey>(key: K, what: string): Promise<SettingValue<K> | undefined> {
		const store = await this.store();
		const r = readSetting(key, await store.read((b) => b.getSetting<unknown>(key), undefined));
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
