/** Loads what the progress page and the home summary show. The arithmetic is in $lib/stats. */
import { app } from './app.svelte';
import { fetchCards, type CardData } from './flashcards.svelte';
import type { CardState, ReviewEntry } from '$lib/srs/scheduler';
import type { AttemptData } from '$lib/quiz/attempt';
import { bankIndex, fetchQuestions, type BankQuestion } from './quiz.svelte';

export class ProgressData {
	cards = $state.raw<CardData[]>([]);
	states = $state.raw<Map<string, CardState>>(new Map());
	reviews = $state.raw<ReviewEntry[]>([]);
	attempts = $state.raw<AttemptData[]>([]);
	questions = $state.raw<Map<string, BankQuestion>>(new Map());
	loaded = $state(false);
	error = $state<string | null>(null);

	/** `withCards` is false on the home page, which needs no card faces. */
	async load(withCards = true) {
		try {
			const store = await app.store();
			const [cards, states, reviews, attempts] = await Promise.all([
				withCards ? fetchCards() : Promise.resolve([]),
				store.read((b) => b.getCardStates(), new Map<string, CardState>()),
				store.read((b) => b.getReviews(), [] as ReviewEntry[]),
				store.read((b) => b.getAttempts(), [])
			]);
			this.attempts = attempts.map((a) => a.data as AttemptData);
			// The question bank is only needed to mark quiz answers per chapter.
			if (withCards && attempts.length) this.questions = bankIndex(await fetchQuestions());
			this.cards = cards;
			this.states = states;
			this.reviews = reviews;
			this.loaded = true;
		} catch {
			this.error = '进度数据加载失败。请刷新本页；如果已离线，请先在联网时打开一次本页。';
		}
	}
}
