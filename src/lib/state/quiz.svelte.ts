/**
 * Quiz state for the UI: the question bank (fetched lazily), the 错题本, and a running attempt
 * that is saved after every answer. Marking and effects come from $lib/quiz.
 */
import { bankIndex, emptyIndex, fetchQuestions, LOAD_ERROR, type BankQuestion } from './bank';
import { app } from './app.svelte';
import type { AttemptData } from '$lib/quiz/attempt';
import type { PaperQuestion } from '$lib/quiz/paper';
import { DEFAULT_CLEAR_AFTER, type Mistake } from '$lib/quiz/mistakes';
import { setFavouriteNote, toggleFavourite, type Favourites } from '$lib/quiz/favourites';
import type { CardState } from '$lib/srs/scheduler';
import type { StoredAttempt } from '$lib/storage/store';

export { bankIndex, calcBankQuestion, emptyIndex, fetchQuestions, LOAD_ERROR, type BankQuestion } from './bank';

export class QuizData {
	questions = $state.raw<BankQuestion[]>([]);
	byId = $state.raw<Map<string, BankQuestion>>(emptyIndex());
	mistakes = $state.raw<Map<string, Mistake>>(new Map());
	cards = $state.raw<Map<string, CardState>>(new Map());
	clearAfter = $state(DEFAULT_CLEAR_AFTER);
	/** 收藏: questions saved by the learner, with their notes. */
	favourites = $state.raw<Favourites>({});
	loaded = $state(false);
	error = $state<string | null>(null);

	/** `onlyForMistakes`: the 错题本 fetches the bank (about 80 KB gz) only when it has mistakes or 收藏 to show. */
	async load(onlyForMistakes = false) {
		try {
			const store = await app.store();
			const { siftCardStates, siftMistakes } = await app.records();
			const [mistakes, cards, clearAfter, favourites] = await Promise.all([
				store.read((b) => b.getMistakes(), []),
				store.read((b) => b.getCardStates(), new Map<string, CardState>()),
				app.setting('mistakesClearAfter', '错题移出规则'),
				store.read((b) => b.getSetting<Favourites>('favourites'), undefined)
			]);
			this.favourites = favourites && typeof favourites === 'object' ? favourites : {};
			const empty = mistakes.length === 0 && Object.keys(this.favourites).length === 0;
			const skip = onlyForMistakes && empty;
			const [questions, byId] = skip ? [[], emptyIndex()] : await fetchQuestions().then(async (q) => [q, await bankIndex(q)] as const);
			this.questions = questions;
			this.byId = byId;
			this.mistakes = new Map(app.sifted(siftMistakes(mistakes), '错题记录').map((m) => [m.questionId, m.data]));
			this.cards = app.sifted(siftCardStates(cards), '卡片记录');
			this.clearAfter = clearAfter ?? DEFAULT_CLEAR_AFTER;
			this.loaded = true;
		} catch {
			this.error = LOAD_ERROR;
		}
	}

	async saveMistake(m: Mistake) {
		this.mistakes = new Map(this.mistakes).set(m.questionId, m);
		const store = await app.store();
		await store.write((b) => b.putMistakes([{ questionId: m.questionId, data: $state.snapshot(m) }], []));
	}

	async toggleFavourite(id: string) {
		await this.#saveFavourites(toggleFavourite(this.favourites, id, Date.now()));
	}

	async setNote(id: string, note: string) {
		await this.#saveFavourites(setFavouriteNote(this.favourites, id, note, Date.now()));
	}

	async #saveFavourites(f: Favourites) {
		this.favourites = f;
		const store = await app.store();
		await store.write((b) => b.putSetting('favourites', f));
	}

	async setClearAfter(n: number) {
		this.clearAfter = n;
		const store = await app.store();
		await store.write((b) => b.putSetting('mistakesClearAfter', n));
	}
}

export function newAttemptId(now: number): string {
	return `${now.toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/** Stored attempts that pass their check; damaged ones are skipped and reported. */
async function readAttempts(): Promise<StoredAttempt[]> {
	const store = await app.store();
	const { siftAttempts } = await app.records();
	return app.sifted(siftAttempts(await store.read((b) => b.getAttempts(), [])), '测验记录');
}

export async function loadAttempt(id: string): Promise<StoredAttempt | null> {
	return (await readAttempts()).find((a) => a.id === id) ?? null;
}

export async function listAttempts(): Promise<StoredAttempt[]> {
	return (await readAttempts()).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Where each 顺序 practice selection stopped; a damaged record starts them all afresh. */
export async function readPracticeResume(): Promise<Record<string, number>> {
	return (await app.setting('practiceResume', '顺序练习进度')) ?? {};
}

/**
 * Starts a practice attempt over these questions (the 错题本, 收藏, a summary's wrong answers) and
 * returns its id for the runner. The paper and attempt code load here, on the click.
 */
export async function startPracticeOn(mode: 'practice' | 'mistakes', title: string, questions: readonly PaperQuestion[], order: 'sequential' | 'random'): Promise<string> {
	const [{ newAttempt }, { practicePaper }] = await Promise.all([import('$lib/quiz/attempt'), import('$lib/quiz/paper')]);
	const now = Date.now();
	const id = newAttemptId(now);
	await saveNewAttempt(id, newAttempt(mode, title, practicePaper(questions, order, now % 2 ** 31), now));
	return id;
}

export async function saveNewAttempt(id: string, data: AttemptData) {
	const store = await app.store();
	await store.save({ method: 'putAttempt', args: [{ id, status: 'active', kind: data.mode, startedAt: data.startedAt, updatedAt: data.startedAt, data }] });
}
