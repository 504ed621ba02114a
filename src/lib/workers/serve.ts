/** The worker side of src/lib/state/off-thread.ts: answers numbered requests, and fetches published files once per worker. */
export type Reply<T> = { id: number; result: T } | { id: number; error: string };

interface WorkerScope {
	onmessage: ((e: MessageEvent<{ id: number; request: unknown }>) => void) | null;
	postMessage(message: Reply<unknown>): void;
}

export function serve<Req, Res>(handle: (request: Req) => Promise<Res> | Res): void {
	const scope = self as unknown as WorkerScope;
	scope.onmessage = async ({ data: { id, request } }) => {
		try {
			scope.postMessage({ id, result: await handle(request as Req) });
		} catch (e) {
			scope.postMessage({ id, error: String(e) });
		}
	};
}

const downloads = new Map<string, Promise<unknown>>();

/**
 * A published JSON file, fetched and turned into what the worker keeps (`read`) once per worker;
 * a failed download is tried again on the next call.
 */
export function fetchOnce<T>(url: string, read: (json: unknown) => T): Promise<T> {
	let download = downloads.get(url) as Promise<T> | undefined;
	if (!download) {
		download = fetch(url).then(async (r) => {
			if (!r.ok) throw new Error(`HTTP ${r.status}`);
			return read(await r.json());
		});
		download.catch(() => downloads.delete(url));
		downloads.set(url, download);
	}
	return download;
}
