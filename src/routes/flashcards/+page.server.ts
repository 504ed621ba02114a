import { getCourse } from '$lib/server/content';

export function load() {
	const course = getCourse();
	const tags = [...new Set([...course.concepts.flatMap((c) => c.tags), ...course.questions.filter((q) => q.type === 'fill').flatMap((q) => q.tags)])].sort();
	return { chapters: course.chapters.map(({ id, title, order }) => ({ id, title, order })), tags };
}
