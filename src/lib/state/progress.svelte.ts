/** Loads what the progress page and the home summary show. The arithmetic is in $lib/stats. */
import { app } from './app.svelte';
import { fetchCardIndex, planFor, type CardMeta } from './cards';
import type { CardState, ReviewEntry } from '$lib/srs/scheduler';
import type { AttemptData } from '$lib/quiz/attempt';
import { bankIndex, fetchQuestions, type BankQuestion } from './bank';
import { siftAttempts, siftCardStates, siftReviews } from '$lib/formats/records';

export class ProgressData {
	cards = $state.raw<CardMeta[]>([]);
	states = $state.raw<Map<string, CardState>>(new Map());
	reviews = $state.raw<ReviewEntry[]>([]);
	attempts = $state.raw<AttemptData[]>([]);
	questions = $state.raw<Map<string, BankQuestion>>(new Map());
	loaded = $state(false);
	error = $state<string | null>(null);

	/** `withCards` is false on the home page, which needs no quiz marking. */
	async load(withCards = true) {
		try {
			const store = await app.store();
			const [cards, states, reviews, attempts] = await Promise.all([
				fetchCardIndex(),
				store.read((b) => b.getCardStates(), new Map<string, CardState>()),
				store.read((b) => b.getReviews(), [] as ReviewEntry[]),
				store.read((b) => b.getAttempts(), [])
			]);
			this.attempts = app.sifted(siftAttempts(attempts), '测验记录').map((a) => a.data);
			// The question bank is only needed to mark quiz answers per chapter.
			if (withCards && this.attempts.length) this.questions = await bankIndex(await fetchQuestions());
			this.cards = cards;
			this.states = app.sifted(siftCardStates(states), '卡片记录');
			this.reviews = app.sifted(siftReviews(reviews), '复习记录');
			this.loaded = true;
		} catch {
			this.error = '进度数据加载失败。请刷新本页；如果已离线，请先在联网时打开一次本页。';
		}
	}

	/** The exam plan, or null without an exam date. */
	plan(now: number) {
		return this.loaded ? planFor(this.cards, this.states, this.reviews, now) : null;
	}
}
