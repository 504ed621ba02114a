/**
 * One quiz attempt being taken: answers, checks, self-marking and handing in, each saved at once.
 * Apart from the quiz setup page's state (./quiz.svelte) because marking is only needed here:
 * the setup page and the 错题本 load it when an attempt is opened or handed in.
 */
import { app } from './app.svelte';
import { readPracticeResume, type BankQuestion, type QuizData } from './quiz.svelte';
import type { Question } from '$lib/content/types';
import { answerEffects, finish, isExpired, markItem, type AttemptData, type Effects } from '$lib/quiz/attempt';
import type { MarkResult, Response } from '$lib/quiz/types';
import type { StoredAttempt } from '$lib/storage/store';

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
		const fx = this.#effects([{ question: q, mark, response: this.data.answers[qid] ?? null }], this.clock());
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
		const fx = this.#effects([{ question: q, mark, response: this.data.answers[qid] }], this.clock());
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
		const fx = this.data.assignment?.showAnswers === false ? undefined : this.#effects(outcomes, now);
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

	/** Applies answer effects to the bank's 错题本 and cards in memory, and returns them for saving. */
	#effects(outcomes: { question: Question; mark: MarkResult; response: Response | null }[], now: number): Effects {
		const bank = this.bank;
		// The store is open: the bank's `load` read the mistakes and cards from it.
		const fx = answerEffects(outcomes, bank.mistakes, bank.cards, app.scheduler(), now, bank.clearAfter);
		const mistakes = new Map(bank.mistakes);
		for (const m of fx.mistakesPut) mistakes.set(m.questionId, m);
		for (const id of fx.mistakesRemove) mistakes.delete(id);
		bank.mistakes = mistakes;
		if (fx.reviews.length) {
			const cards = new Map(bank.cards);
			for (const r of fx.reviews) cards.set(r.entry.cardId, r.state);
			bank.cards = cards;
		}
		return fx;
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
			await store.save({ method: 'putAttempt', args: [record] });
			return;
		}
		// Answers inside the effects are reactive proxies, which IndexedDB cannot clone.
		const plain = $state.snapshot(fx) as Effects;
		const put = plain.mistakesPut.map((m) => ({ questionId: m.questionId, data: m }));
		await store.save({ method: 'saveQuizProgress', args: [record, put, plain.mistakesRemove, plain.reviews] });
	}
}
