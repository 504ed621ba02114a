import { conceptNames } from '$lib/server/names';

export function load() {
	return { conceptNames: conceptNames() };
}
