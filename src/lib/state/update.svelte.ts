/**
 * Site updates without surprises. A new service worker installs in the background and waits;
 * this page keeps running its own version (JS and data from that version's cache) until the
 * learner agrees, or until the next navigation while nothing is in progress (no review session,
 * quiz or mock exam open). Then the waiting worker takes over and the page loads afresh.
 */
import { browser } from '$app/environment';

class UpdateState {
	/** A new version is installed and waiting. */
	ready = $state(false);
	/** Review sessions, quizzes and exams open right now: while any is, updates wait. */
	#busy = $state(0);
	#waiting: ServiceWorker | null = null;
	#watching = false;

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
		if (!w) return;
		navigator.serviceWorker.addEventListener('controllerchange', () => location.assign(href), { once: true });
		w.postMessage({ type: 'skip-waiting' });
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
	$effect(() => update.hold());
}
