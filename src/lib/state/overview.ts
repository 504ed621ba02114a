/**
 * Asks the overview worker for the exam plan and the counts a page shows. Browsers that cannot
 * start the worker get the same figures computed here, on the main thread.
 */
import { base } from '$app/paths';
import { fetchCardIndex } from './cards';
import type { Overview, OverviewInput } from '$lib/srs/overview';
import type { OverviewReply, OverviewRequest } from '$lib/workers/overview.worker';

let worker: Worker | null = null;
let broken = typeof Worker === 'undefined';
let nextId = 0;
const pending = new Map<number, { resolve: (o: Overview) => void; reject: (e: Error) => void }>();

function start(): Worker {
	const w = new Worker(new URL('../workers/overview.worker.ts', import.meta.url), { type: 'module' });
	w.onmessage = ({ data }: MessageEvent<OverviewReply>) => {
		const p = pending.get(data.id);
		pending.delete(data.id);
		if ('overview' in data) p?.resolve(data.overview);
		else p?.reject(new Error(data.error));
	};
	// The worker's script did not load or run: whatever was asked is answered on this thread.
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

async function onThisThread(input: OverviewInput): Promise<Overview> {
	const [{ overview }, cards] = await Promise.all([import('$lib/srs/overview'), fetchCardIndex()]);
	return overview(cards, input);
}

/** `input` must be plain data (no $state proxies): it is copied to the worker. */
export async function cardOverview(input: OverviewInput): Promise<Overview> {
	if (broken) return onThisThread(input);
	worker ??= start();
	const id = nextId++;
	const request: OverviewRequest = { id, indexUrl: `${base}/data/card-index.json`, input };
	try {
		return await new Promise<Overview>((resolve, reject) => {
			pending.set(id, { resolve, reject });
			worker!.postMessage(request);
		});
	} catch (e) {
		if (broken) return onThisThread(input);
		throw e;
	}
}
