/**
 * The bank's index (about a tenth of the bank): what the /quiz setup chooses and assembles from.
 * Its own module so that pages which read the bank do not load paper assembly with it.
 */
import { fetchJsonOnce } from './fetch-once';
import { fromIndexRow, type PaperQuestion, type QuestionIndexRow } from '$lib/quiz/paper';

export async function fetchQuestionIndex(): Promise<PaperQuestion[]> {
	return (await fetchJsonOnce<{ questions: QuestionIndexRow[] }>('/data/question-index.json')).questions.map(fromIndexRow);
}
