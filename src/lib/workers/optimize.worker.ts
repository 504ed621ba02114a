/**
 * Fits FSRS parameters with fsrs-browser (fsrs-rs in WebAssembly) off the main thread.
 * Loaded only when the learner presses 优化参数, so neither this code nor the 1.7 MB WASM
 * reaches any page's first load.
 *
 * fsrs-browser can train on a thread pool (wasm-bindgen-rayon), which needs a cross-origin
 * isolated page. We don't start the pool: training runs on this one worker thread, which
 * works on any page without COOP/COEP headers and takes a few seconds for a student's log.
 */
import init, { Fsrs } from 'fsrs-browser';

export interface OptimizeRequest {
	ratings: Uint32Array;
	deltaTs: Uint32Array;
	lengths: Uint32Array;
}

export type OptimizeMessage =
	| { kind: 'stage'; stage: 'loading' | 'fitting' }
	| { kind: 'done'; weights: number[] }
	| { kind: 'error'; reason: 'unsupported' | 'download' | 'failed'; detail: string };

interface WorkerScope {
	onmessage: ((e: MessageEvent<OptimizeRequest>) => void) | null;
	postMessage(message: OptimizeMessage): void;
}
const scope = self as unknown as WorkerScope;

/** fsrs-browser's WASM is built with threads, so it needs shared WebAssembly memory even when run on one thread. */
function sharedMemoryWorks(): boolean {
	try {
		return typeof WebAssembly === 'object' && new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }).buffer.byteLength > 0;
	} catch {
		return false;
	}
}

scope.onmessage = async ({ data }) => {
	if (!sharedMemoryWorks()) {
		scope.postMessage({ kind: 'error', reason: 'unsupported', detail: 'WebAssembly shared memory unavailable' });
		return;
	}
	scope.postMessage({ kind: 'stage', stage: 'loading' });
	try {
		await init();
	} catch (e) {
		scope.postMessage({ kind: 'error', reason: 'download', detail: String(e) });
		return;
	}
	scope.postMessage({ kind: 'stage', stage: 'fitting' });
	try {
		const w = new Fsrs().computeParameters(data.ratings, data.deltaTs, data.lengths, null, true);
		scope.postMessage({ kind: 'done', weights: Array.from(w) });
	} catch (e) {
		scope.postMessage({ kind: 'error', reason: 'failed', detail: String(e) });
	}
};
