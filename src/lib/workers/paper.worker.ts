/**
 * Assembles a paper from the whole question bank off the main thread and sends back only the
 * questions on it: parsing the bank (half a megabyte for this course) blocked the print page.
 */
import type { BankQuestion } from '$lib/state/bank';
import { assembleWithQuestions } from '$lib/quiz/paper';
import type { PaperSpec } from '$lib/quiz/types';
import { fetchOnce, serve } from './serve';

export interface PaperRequest {
	/** Where the bank is published (the site's base path included). */
	bankUrl: string;
	spec: PaperSpec;
	seed: number;
}

const readBank = (json: unknown) => (json as { questions: BankQuestion[] }).questions;

serve(async ({ bankUrl, spec, seed }: PaperRequest) => assembleWithQuestions(await fetchOnce(bankUrl, readBank), spec, seed));
