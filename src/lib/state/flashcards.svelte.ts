/**
 * Flashcard data and review sessions for the UI. The scheduling rules live in $lib/srs;
 * this class only joins them to the store and to what the learner does.
 */
import { fetchJsonOnce } from './fetch-once';
import { app } from './app.svelte';
import type { CardKind, CardSource } from '$lib/srs/cards';
import { ALL_DECK, deckCards, type Deck } from '$lib/srs/decks';
import { buildQueue, studyDayStart, type Queue } from '$lib/srs/queue';
import { GRADES, Scheduler, type CardState, type Grade, type ReviewEntry } from '$lib/srs/scheduler';
import { examTime } from '$lib/srs/settings';
import { newSeenToday } from '$lib/stats/progress';
import { siftCardStates, siftReviews } from '$lib/formats/records';

export interface CardData {
	id: string;
	kind: CardKind;
	chapter: string;
	concept: string | null;
	question: string | null;
	tags: string[];
	source: CardSource;
	title: string;
	front: string;
	back: string;
}

/** The card faces are fetched only by pages that need them. */
export async function fetchCards(): Promise<CardData[]> {
	return (await fetchJsonOnce<{ cards: CardData[] }>('/data/cards.json')).cards;
}

export class FlashcardData {
	cards = $state.raw<CardData[]>([]);
	states = $state.raw<Map<string, CardState>>(new Map());
	/** Reviews since the start of yesterday's study day: enough for today's limits. */
	recent = $state.raw<ReviewEntry[]>([]);
	loaded = $state(false);
	error = $state<string | null>(null);

	constructor(private readonly clock: () => number = Date.now) {}

	async load() {
		try {
			const [cards, store] = await Promise.all([fetchCards(), app.store()]);
			const since = studyDayStart(this.clock(), this.day()) - 86_400_000;
			const [states, recent] = await Promise.all([
				store.read((b) => b.getCardStates(), new Map<string, CardState>()),
				store.read((b) => b.getReviews(since), [] as ReviewEntry[])
			]);
			this.cards = cards;
			this.states = app.sifted(siftCardStates(states), '卡片记录');
			this.recent = app.sifted(siftReviews(recent), '复习记录');
			this.loaded = true;
		} catch {
			this.error = '闪卡数据加载失败。请检查网络后刷新本页；如果已离线，请先在联网时打开一次本页。';
		}
	}

	day() {
		return { dayStartHour: app.settings.dayStartHour, utcOffsetMinutes: app.utcOffsetMinutes(this.clock()) };
	}

	scheduler() {
		return new Scheduler({ retention: app.settings.retention });
	}

	queueFor(deck: Deck, exclude: ReadonlySet<string> = new Set()): Queue {
		const now = this.clock();
		const day = this.day();
		const ids = deckCards(this.cards, deck.filter, app.settings.reverseCards).map((c) => c.id);
		const queue = buildQueue({
			...day,
			cardIds: ids,
			states: this.states,
			now,
			newPerDay: app.settings.newPerDay,
			newSeenToday: newSeenToday(this.recent, now, day),
			examDate: examTime(app.settings.examDate, day.dayStartHour, day.utcOffsetMinutes),
			retention: app.settings.retention,
			scheduler: this.scheduler()
		});
		return { ...queue, exam: queue.exam.filter((id) => !exclude.has(id)) };
	}

	apply(entry: ReviewEntry, state: CardState) {
		this.states = new Map(this.states).set(entry.cardId, state);
		this.recent = [...this.recent, entry];
	}

	revert(entry: ReviewEntry) {
		const states = new Map(this.states);
		if (entry.prev) states.set(entry.cardId, entry.prev);
		else states.delete(entry.cardId);
		this.states = states;
		this.recent = this.recent.filter((r) => r.id !== entry.id);
	}
}

export type SessionPhase = 'front' | 'back' | 'done';

export class ReviewSession {
	current = $state<CardData | null>(null);
	phase = $state<SessionPhase>('front');
	/** Where the current card came from, so the page can explain exam extras. */
	source = $state<'due' | 'new' | 'exam' | null>(null);
	reviewed = $state(0);
	history = $state.raw<ReviewEntry[]>([]);
	/** Exam extras already shown this session, so a passed one is not offered again. */
	#examShown = new Set<string>();
	queue = $state.raw<Queue | null>(null);

	constructor(
		readonly data: FlashcardData,
		readonly deck: Deck = ALL_DECK,
		private readonly clock: () => number = Date.now
	) {
		this.#advance();
	}

	get remaining() {
		const q = this.queue;
		return q ? { due: q.due.length + q.ahead.length, fresh: q.fresh.length, exam: q.exam.length } : { due: 0, fresh: 0, exam: 0 };
	}

	/** Due date each grade would give the current card (ms from now), for the buttons. */
	intervals(): Record<Grade, number> | null {
		if (!this.current) return null;
		const now = this.clock();
		const preview = this.data.scheduler().preview(this.data.states.get(this.current.id) ?? null, new Date(now));
		return Object.fromEntries(GRADES.map((g) => [g, preview[g] - now])) as Record<Grade, number>;
	}

	flip() {
		if (this.phase === 'front' && this.current) this.phase = 'back';
	}

	async rate(grade: Grade) {
		const card = this.current;
		if (!card || this.phase !== 'back') return;
		const { state, entry } = this.data.scheduler().rate(card.id, this.data.states.get(card.id) ?? null, grade, new Date(this.clock()));
		this.data.apply(entry, state);
		this.history = [...this.history, entry];
		this.reviewed++;
		if (this.source === 'exam') this.#examShown.add(card.id);
		this.#advance();
		const store = await app.store();
		await store.write((b) => b.saveReview(state, entry));
	}

	get canUndo() {
		return this.history.length > 0;
	}

	async undo() {
		const entry = this.history.at(-1);
		if (!entry) return;
		this.history = this.history.slice(0, -1);
		this.data.revert(entry);
		this.#examShown.delete(entry.cardId);
		this.reviewed = Math.max(0, this.reviewed - 1);
		this.current = this.data.cards.find((c) => c.id === entry.cardId) ?? null;
		this.phase = 'back';
		this.queue = this.data.queueFor(this.deck, this.#examShown);
		const store = await app.store();
		await store.write((b) => b.undoReview(entry));
	}

	#advance() {
		const queue = this.data.queueFor(this.deck, this.#examShown);
		this.queue = queue;
		const pick = queue.due[0]
			? { id: queue.due[0], source: 'due' as const }
			: queue.fresh[0]
				? { id: queue.fresh[0], source: 'new' as const }
				: queue.exam[0]
					? { id: queue.exam[0], source: 'exam' as const }
					: queue.ahead[0]
						? { id: queue.ahead[0], source: 'due' as const }
						: null;
		this.current = pick ? (this.data.cards.find((c) => c.id === pick.id) ?? null) : null;
		this.source = pick?.source ?? null;
		this.phase = this.current ? 'front' : 'done';
	}
}
