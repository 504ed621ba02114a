/**
 * Work that walks a whole bank, done in a worker so that the page stays responsive however big
 * the bank is. Where a worker cannot start, the same work runs here, on the main thread.
 */
import type { Reply } from '$lib/workers/serve';

export function offThread<Req, Res>(create: () => Worker, onThisThread: (request: Req) => Promise<Res>): (request: Req) => Promise<Res> {
	let worker: Worker | null = null;
	let broken = typeof Worker === 'undefined';
	let nextId = 0;
	const pending = new Map<number, { resolve: (r: Res) => void; reject: (e: Error) => void }>();

	function start(): Worker {
		const w = create();
		w.onmessage = ({ data }: MessageEvent<Reply<Res>>) => {
			const p = pending.get(data.id);
			pending.delete(data.id);
			if ('result' in data) p?.resolve(data.result);
			else p?.reject(new Error(data.error));
		};
		// The worker's script did not load or run: what was asked is answered on this thread.
		w.onerror = (e) => {
			e.preventDefault();
			broken = true;
			worker = null;
			w.terminate();
			for (const p of pending.values()) p.reject(new Error('worker failed'));
			pending.clear();
		};
		return w;
	}

	/** `request` must be plain data (no $state proxies): it is copied to the worker. */
	return async (request) => {
		if (broken) return onThisThread(request);
		worker ??= start();
		const id = nextId++;
		try {
			return await new Promise<Res>((resolve, reject) => {
				pending.set(id, { resolve, reject });
				worker!.postMessage({ id, request });
			});
		} catch (e) {
			if (broken) return onThisThread(request);
			throw e;
		}
	};
}
