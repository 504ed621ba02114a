import { chapterList } from '$lib/server/names';
import { getCourse } from '$lib/server/content';
import { buildCards } from '$lib/srs/cards';

export function load() {
	const course = getCourse();
	const cards = buildCards(course);
	const counts: Record<string, { questions: number; cards: number }> = { '*': { questions: course.questions.length, cards: cards.length } };
	for (const c of course.chapters) {
		counts[c.id] = { questions: course.questions.filter((q) => q.chapter === c.id).length, cards: cards.filter((x) => x.chapter === c.id).length };
	}
	return { chapters: chapterList(), counts };
}
