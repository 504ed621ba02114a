import { chapterList } from '$lib/server/names';

export function load() {
	return { chapters: chapterList() };
}
