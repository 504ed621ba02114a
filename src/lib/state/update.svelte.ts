/**
 * Site updates without surprises. A new service worker installs in the background and waits;
 * this page keeps running its own version (JS and data from that version's cache) until the
 * learner agrees, or until the next navigation while nothing is in progress (no review session,
 * quiz or mock exam open). Then the waiting worker takes over and the page loads afresh.
 */
import { untrack } from 'svelte';
import { browser } from '$app/environment';

class UpdateState {
	/** A new version is installed and waiting. */
	ready = $state(false);
	/** Review sessions, quizzes and exams open right now: while any is, updates wait. */
	#busy = $state(0);
	#waiting: ServiceWorker | null = null;
	#watching = false;
	#switching = false;

	get busy() {
		return this.#busy > 0;
	}

	/** Starts watching the registration. Browser only; safe to call more than once. */
	async watch() {
		if (!browser || this.#watching || !('serviceWorker' in navigator)) return;
		this.#watching = true;
		// `ready` rather than getRegistration(): on a first visit the worker registers after this runs.
		const reg = await navigator.serviceWorker.ready;
		const found = (w: ServiceWorker | null) => {
			// Only an update: the very first install has no page controlled by an older version.
			if (w && navigator.serviceWorker.controller) {
				this.#waiting = w;
				this.ready = true;
			}
		};
		found(reg.waiting);
		// A switch this page did not ask for (see apply()) puts a newer worker under this page's
		// older scripts: load afresh now, or at the next navigation if a session is open.
		const hadController = !!navigator.serviceWorker.controller;
		navigator.serviceWorker.addEventListener('controllerchange', () => {
			if (this.#switching || !hadController) return;
			if (this.busy) this.ready = true;
			else location.reload();
		});
		reg.addEventListener('updatefound', () => {
			const w = reg.installing;
			w?.addEventListener('statechange', () => {
				if (w.state === 'installed') found(w);
			});
		});
	}

	/** Switches now and reloads into the new version (at `href`, or here). */
	apply(href = location.href) {
		const w = this.#waiting;
		if (!w && !this.ready) return;
		this.#switching = true;
		const go = () => location.assign(href);
		navigator.serviceWorker.addEventListener('controllerchange', go, { once: true });
		w?.postMessage({ type: 'skip-waiting' });
		// Chromium can hold the switch while the old worker still has work (seen under load); a
		// full load ends that work, and the page that loads switches as soon as it may (watch()).
		setTimeout(go, 3000);
	}

	/** Marks work in progress until the returned function is called. */
	hold(): () => void {
		this.#busy++;
		let released = false;
		return () => {
			if (!released) this.#busy--;
			released = true;
		};
	}
}

export const update = new UpdateState();

/** For components that are a session in progress: updates wait while the component is mounted. */
export function holdUpdates() {
	// Untracked: hold() reads the counter it bumps, and an effect that depends on what it writes
	// re-runs until Svelte gives up (effect_update_depth_exceeded), which left the page unable
	// to switch to the new version.
	$effect(() => untrack(() => update.hold()));
}
