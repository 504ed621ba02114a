/**
 * The question bank as pages use it: fetched once, indexed by id with 计算 ids generated. Apart
 * from the quiz state so that pages which only read the bank (progress) do not load the quiz.
 */
import { fetchJsonOnce } from './fetch-once';
import type { Question } from '$lib/content/types';
import { QuestionIndex, type CalcQuestion } from '$lib/quiz/calc-ids';
import { escapeHtml } from '$lib/html';

/** A question as published in /data/questions.json: the parsed question plus its rendered HTML. */
export type BankQuestion = Question & {
	stemHtml: string;
	explanationHtml: string;
};

/** The bank is only fetched by pages that need it. */
export async function fetchQuestions(): Promise<BankQuestion[]> {
	return (await fetchJsonOnce<{ questions: BankQuestion[] }>('/data/questions.json')).questions;
}

/**
 * Whether this page's URL names a saved attempt (?attempt=…). If it does, the bank starts
 * downloading now, beside the page's lazily loaded view, which then reuses the request.
 */
export function prefetchForAttempt(): boolean {
	const named = !!new URL(location.href).searchParams.get('attempt');
	if (named) fetchQuestions().catch(() => {});
	return named;
}

/** A generated 计算 question as the pages show it: plain text stem; the worked solution is its explanation. */
export function calcBankQuestion(q: CalcQuestion): BankQuestion {
	return { ...q, stemHtml: `<p>${escapeHtml(q.stem)}</p>`, explanationHtml: '' };
}

/**
 * Questions by id, 计算 ids included. The 计算 generator brings every calculator (about 13 KB gz),
 * so it is fetched here, alongside the bank, rather than with the page.
 */
export async function bankIndex(questions: readonly BankQuestion[]): Promise<QuestionIndex<BankQuestion>> {
	const { calcQuestionFromId } = await import('$lib/quiz/calc');
	return new QuestionIndex<BankQuestion>(questions, calcBankQuestion, calcQuestionFromId);
}

/** An index that knows no question yet, for state that has not loaded. */
export function emptyIndex(): QuestionIndex<BankQuestion> {
	return new QuestionIndex<BankQuestion>([], calcBankQuestion, null);
}

export const LOAD_ERROR = '题库加载失败。请检查网络后刷新本页；如果已离线，请先在联网时打开一次本页。';

