/** Small lookups that pages embed at build time instead of fetching the whole course. */
import { getCourse } from './content';

export function chapterList() {
	return getCourse().chapters.map(({ id, title, order }) => ({ id, title, order }));
}

export function conceptNames(): Record<string, string> {
	return Object.fromEntries(getCourse().concepts.map((c) => [c.id, c.name]));
}
