import { chapterListings } from '$lib/server/content';

export function load() {
	return { chapters: chapterListings() };
}
