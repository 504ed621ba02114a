/**
 * Calculator inputs mirrored in the URL query, so a worked example can be shared as a link.
 * Reads the query once in the browser and replaces it (no new history entry) on every edit.
 */
import { replaceState } from '$app/navigation';

export class UrlForm<K extends string> {
	values = $state({}) as Record<K, string>;

	constructor(
		readonly keys: readonly K[],
		defaults: Record<K, string>
	) {
		this.values = { ...defaults };
	}

	/** Call from onMount: the prerendered page has no query string. */
	load() {
		const query = new URLSearchParams(location.search);
		for (const k of this.keys) {
			const v = query.get(k);
			if (v !== null) this.values[k] = v;
		}
	}

	set(values: Partial<Record<K, string>>) {
		Object.assign(this.values, values);
		this.sync();
	}

	sync() {
		const url = new URL(location.href);
		for (const k of this.keys) url.searchParams.set(k, this.values[k] ?? '');
		replaceState(url, {});
	}
}
