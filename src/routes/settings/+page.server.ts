import { getCourse } from '$lib/server/content';

export function load() {
	return { chapters: getCourse().chapters.map(({ id, title, order }) => ({ id, title, order })) };
}
