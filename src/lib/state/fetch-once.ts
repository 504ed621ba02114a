import { base } from '$app/paths';

const requests = new Map<string, Promise<unknown>>();

/**
 * Fetches a prerendered JSON file under the site's base path once per page load; a failed
 * request is forgotten so that the next call (e.g. after coming back online) tries again.
 */
export function fetchJsonOnce<T>(path: string): Promise<T> {
	let request = requests.get(path) as Promise<T> | undefined;
	if (!request) {
		request = fetch(`${base}${path}`).then((r) => {
			if (!r.ok) throw new Error(`HTTP ${r.status}`);
			return r.json() as Promise<T>;
		});
		request.catch(() => requests.delete(path));
		requests.set(path, request);
	}
	return request;
}
