/** A paper assembled from the whole bank, with its questions, from a worker (the print page). */
import { base } from '$app/paths';
import { fetchQuestions, type BankQuestion } from './bank';
import { offThread } from './off-thread';
import { assembleWithQuestions } from '$lib/quiz/paper';
import type { Paper, PaperSpec } from '$lib/quiz/types';
import type { PaperRequest } from '$lib/workers/paper.worker';

type Assembled = { paper: Paper; questions: BankQuestion[] };

const ask = offThread<PaperRequest, Assembled>(
	() => new Worker(new URL('../workers/paper.worker.ts', import.meta.url), { type: 'module' }),
	async ({ spec, seed }) => assembleWithQuestions(await fetchQuestions(), spec, seed)
);

export function paperFromBank(spec: PaperSpec, seed: number): Promise<Assembled> {
	return ask({ bankUrl: `${base}/data/questions.json`, spec, seed });
}
