import { chapterList } from '$lib/server/names';
import { getCourse } from '$lib/server/content';
import { tallyQuestions } from '$lib/quiz/paper';

export function load() {
	return { chapters: chapterList(), tally: tallyQuestions(getCourse().questions) };
}
