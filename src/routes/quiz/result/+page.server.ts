import { chapterList, conceptNames } from '$lib/server/names';

export function load() {
	return { conceptNames: conceptNames(), chapters: chapterList() };
}
