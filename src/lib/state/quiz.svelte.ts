/**
 * Quiz state for the UI: the question bank (fetched lazily), the 错题本, and a running attempt
 * that is saved after every answer. Marking and effects come from $lib/quiz.
 */
import { bankIndex, emptyIndex, fetchQuestions, LOAD_ERROR, type BankQuestion } from './bank';
import { app } from './app.svelte';
import type { Question } from '$lib/content/types';
import { answerEffects, finish, isExpired, markItem, type AttemptData, type Effects } from '$lib/quiz/attempt';
import { DEFAULT_CLEAR_AFTER, type Mistake } from '$lib/quiz/mistakes';
import type { MarkResult, Response } from '$lib/quiz/types';
import { setFavouriteNote, toggleFavourite, type Favourites } from '$lib/quiz/practice';
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

	/** Applies answer effects in memory and returns them for saving. */
	effects(outcomes: { question: Question; mark: MarkResult; response: Response | null }[], now: number): Effects {
		// The store is open: `load` read the mistakes and cards from it.
		const fx = answerEffects(outcomes, this.mistakes, this.cards, app.scheduler(), now, this.clearAfter);
		const mistakes = new Map(this.mistakes);
		for (const m of fx.mistakesPut) mistakes.set(m.questionId, m);
		for (const id of fx.mistakesRemove) mistakes.delete(id);
		this.mistakes = mistakes;
		if (fx.reviews.length) {
			const cards = new Map(this.cards);
			for (const r of fx.reviews) cards.set(r.entry.cardId, r.state);
			this.cards = cards;
		}
		return fx;
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

export async function saveNewAttempt(id: string, data: AttemptData) {
	const store = await app.store();
	await store.write((b) => b.putAttempt({ id, status: 'active', kind: data.mode, startedAt: data.startedAt, updatedAt: data.startedAt, data }));
}

/** One attempt being taken. Every change is saved at once, so a reload resumes exactly here. */
export class AttemptRunner {
	data = $state() as AttemptData;

	constructor(
		readonly id: string,
		initial: AttemptData,
		readonly bank: QuizData,
		private readonly clock: () => number = Date.now
	) {
		this.data = initial;
	}

	get items() {
		return this.data.paper.items;
	}

	get current(): BankQuestion | null {
		const item = this.items[this.data.cursor];
		return item ? (this.bank.byId.get(item.questionId) ?? null) : null;
	}

	get finished() {
		return this.data.finishedAt !== null;
	}

	isChecked(qid: string) {
		return this.data.checked.includes(qid);
	}

	mark(qid: string): MarkResult | null {
		const q = this.bank.byId.get(qid);
		return q ? markItem(this.data, q) : null;
	}

	isFlagged(qid: string) {
		return this.data.flagged?.includes(qid) ?? false;
	}

	/** Mock exams: 标记 a question to come back to before handing in. */
	async toggleFlag(qid: string) {
		const flagged = this.data.flagged ?? [];
		this.data.flagged = flagged.includes(qid) ? flagged.filter((x) => x !== qid) : [...flagged, qid];
		await this.#save();
	}

	async go(index: number) {
		if (index < 0 || index >= this.items.length) return;
		this.data.cursor = index;
		await this.#save();
	}

	async answer(qid: string, response: Response) {
		if (this.finished || this.isChecked(qid)) return;
		this.data.answers[qid] = response;
		await this.#save();
	}

	/** Practice: reveal whether the answer was right and record it in the 错题本. */
	async check(qid: string) {
		const q = this.bank.byId.get(qid);
		if (!q || this.isChecked(qid)) return;
		this.data.checked.push(qid);
		const mark = markItem(this.data, q);
		const fx = this.bank.effects([{ question: q, mark, response: this.data.answers[qid] ?? null }], this.clock());
		await this.#save(fx);
		await this.#remember(qid);
	}

	/** 顺序 practice resumes after the last question checked, next time the same selection is chosen. */
	async #remember(qid: string) {
		const resume = this.data.resume;
		if (!resume) return;
		const index = this.items.findIndex((i) => i.questionId === qid);
		const store = await app.store();
		const positions = await readPracticeResume();
		positions[resume.key] = Math.max(positions[resume.key] ?? 0, resume.offset + index + 1);
		await store.write((b) => b.putSetting('practiceResume', positions));
	}

	/** Self-marking of 名词解释 / 简答: tick the points the answer covered. */
	async selfMark(qid: string, ticked: number[]) {
		const q = this.bank.byId.get(qid);
		const prev = this.data.answers[qid];
		if (!q || (q.type !== 'define' && q.type !== 'short')) return;
		const text = prev && (prev.type === 'define' || prev.type === 'short') ? prev.text : '';
		this.data.answers[qid] = { type: q.type, text, ticked };
		if (!this.data.checked.includes(qid)) this.data.checked.push(qid);
		const mark = markItem(this.data, q);
		const fx = this.bank.effects([{ question: q, mark, response: this.data.answers[qid] }], this.clock());
		if (this.finished) this.data = finish(this.data, this.bank.byId, this.data.finishedAt!);
		await this.#save(fx);
		await this.#remember(qid);
	}

	/** Mock exams and assignments: mark everything at once. */
	async submit() {
		if (this.finished) return;
		const now = this.clock();
		this.data = finish(this.data, this.bank.byId, now);
		const outcomes = this.items.flatMap((item) => {
			const q = this.bank.byId.get(item.questionId);
			return q ? [{ question: q as Question, mark: markItem(this.data, q), response: this.data.answers[q.id] ?? null }] : [];
		});
		// An assignment whose answers stay hidden must not put them in the 错题本 either.
		const fx = this.data.assignment?.showAnswers === false ? undefined : this.bank.effects(outcomes, now);
		await this.#save(fx, 'finished');
	}

	/** Practice sessions end without a paper score but are kept for the history. */
	async end() {
		if (this.finished) return;
		this.data = finish(this.data, this.bank.byId, this.clock());
		await this.#save(undefined, 'finished');
	}

	expired() {
		return isExpired(this.data, this.clock());
	}

	async #save(fx?: Effects, status: StoredAttempt['status'] = this.finished ? 'finished' : 'active') {
		const record: StoredAttempt = {
			id: this.id,
			status,
			kind: this.data.mode,
			startedAt: this.data.startedAt,
			updatedAt: this.clock(),
			data: $state.snapshot(this.data)
		};
		const store = await app.store();
		if (!fx) {
			await store.write((b) => b.putAttempt(record));
			return;
		}
		// Answers inside the effects are reactive proxies, which IndexedDB cannot clone.
		const plain = $state.snapshot(fx) as Effects;
		const put = plain.mistakesPut.map((m) => ({ questionId: m.questionId, data: m }));
		await store.write((b) => b.saveQuizProgress(record, put, plain.mistakesRemove, plain.reviews));
	}
}
