import { chapterList } from '$lib/server/names';
import { exportCounts } from '$lib/server/exports';

export function load() {
	return { chapters: chapterList(), counts: exportCounts() };
}
