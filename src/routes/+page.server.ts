import { getCourse } from '$lib/server/content';

export function load() {
	const { chapters, concepts, questions } = getCourse();
	return {
		stats: { chapters: chapters.length, concepts: concepts.length, questions: questions.length },
		chapters: chapters.map(({ id, title, order }) => ({ id, title, order }))
	};
}
