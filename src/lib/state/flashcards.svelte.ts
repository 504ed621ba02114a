/**
 * Flashcard data and review sessions for the UI. The scheduling rules live in $lib/srs;
 * this class only joins them to the store and to what the learner does.
 */
import { app } from './app.svelte';
import { fetchCardFaces, fetchCardIndex, planContext, studyDay, type CardData, type CardFace, type CardMeta } from './cards';
import { cardOverview } from './overview';
import { ALL_DECK, type Deck } from '$lib/srs/decks';
import type { Overview } from '$lib/srs/overview';
import { studyDayStart, type CardSourceKind } from '$lib/srs/queue';
import { deckQueue, examPlan, nextCard, type DeckQueue, type StudyContext } from '$lib/srs/session';

export type { CardData, CardMeta };
import type { CardState, Grade, ReviewEntry } from '$lib/srs/scheduler';

const DAY = 86_400_000;
const LOAD_ERROR = '闪卡数据加载失败。请检查网络后刷新本页；如果已离线，请先在联网时打开一次本页。';
/** Reviews loaded for a session: enough for today's limits and a measured pace for the plan. */
const HISTORY_DAYS = 30;

function contextFor(cards: readonly CardMeta[], states: ReadonlyMap<string, CardState>, reviews: readonly ReviewEntry[], now: number): StudyContext {
	return { ...planContext(cards, states, reviews, now), scheduler: app.scheduler() };
}

export class FlashcardData {
	/** The card index: loaded with the faces, when a session starts. */
	cards = $state.raw<CardMeta[]>([]);
	faces = $state.raw<Map<string, CardFace>>(new Map());
	states = $state.raw<Map<string, CardState>>(new Map());
	/** Reviews of the last HISTORY_DAYS days. */
	recent = $state.raw<ReviewEntry[]>([]);
	loaded = $state(false);
	error = $state<string | null>(null);
	/** The exam plan and the counts of the decks last asked for by `count`. */
	overview = $state.raw<Overview | null>(null);
	#asked = 0;

	constructor(private readonly clock: () => number = Date.now) {}

	/** Reads the learner's records; `count` and `loadCards` bring the rest. */
	async load() {
		try {
			const store = await app.store();
			const { siftCardStates, siftReviews } = await app.records();
			const since = studyDayStart(this.clock(), studyDay(this.clock())) - HISTORY_DAYS * DAY;
			const [states, recent] = await Promise.all([
				store.read((b) => b.getCardStates(), new Map<string, CardState>()),
				store.read((b) => b.getReviews(since), [] as ReviewEntry[])
			]);
			this.states = app.sifted(siftCardStates(states), '卡片记录');
			this.recent = app.sifted(siftReviews(recent), '复习记录');
			this.loaded = true;
		} catch {
			this.error = LOAD_ERROR;
		}
	}

	/**
	 * Counts `decks` and plans from the records loaded, off the main thread. Reads the records
	 * and settings before its first await, so an $effect that calls it counts again when they change.
	 */
	async count(decks: readonly Deck[]) {
		const now = this.clock();
		const input = { states: this.states, reviews: this.recent, now, day: studyDay(now), settings: $state.snapshot(app.settings), decks: $state.snapshot(decks) };
		const asked = ++this.#asked;
		try {
			const overview = await cardOverview(input);
			// An answer to an older question is dropped.
			if (asked === this.#asked) this.overview = overview;
		} catch {
			this.error = LOAD_ERROR;
		}
	}

	/** Fetches the card index and faces for a session; false (with an error message) when they cannot be had. */
	async loadCards(): Promise<boolean> {
		if (this.faces.size) return true;
		try {
			const [cards, faces] = await Promise.all([fetchCardIndex(), fetchCardFaces()]);
			this.cards = cards;
			this.faces = faces;
			return true;
		} catch {
			this.error = '卡片内容加载失败。请检查网络后重试；如果已离线，请先在联网时打开一次本页。';
			return false;
		}
	}

	context(): StudyContext {
		return contextFor(this.cards, this.states, this.recent, this.clock());
	}

	queueFor(deck: Deck, shownExtras: ReadonlySet<string> = new Set()): DeckQueue {
		const ctx = this.context();
		return deckQueue(ctx, deck, examPlan(ctx), shownExtras);
	}

	card(id: string): CardData | null {
		const meta = this.cards.find((c) => c.id === id);
		const face = this.faces.get(id);
		return meta && face ? { ...meta, ...face } : null;
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
	source = $state<CardSourceKind | null>(null);
	reviewed = $state(0);
	history = $state.raw<ReviewEntry[]>([]);
	/** Exam extras already shown this session, so a passed one is not offered again. */
	#examShown = new Set<string>();
	dq = $state.raw<DeckQueue | null>(null);

	constructor(
		readonly data: FlashcardData,
		readonly deck: Deck = ALL_DECK,
		private readonly clock: () => number = Date.now
	) {
		this.#advance();
	}

	get remaining() {
		const q = this.dq?.queue;
		return q ? { due: q.due.length + q.ahead.length, fresh: q.fresh.length, exam: this.dq!.pick.extras ? q.exam.length : 0 } : { due: 0, fresh: 0, exam: 0 };
	}

	#dayEnd(now: number) {
		return studyDayStart(now, studyDay(now)) + DAY;
	}

	/** Due date each grade would give the current card (ms from now), for the buttons. */
	intervals(): Record<Grade, number> | null {
		if (!this.current) return null;
		const now = this.clock();
		const preview = app.scheduler().preview(this.data.states.get(this.current.id) ?? null, new Date(now), this.#dayEnd(now));
		return Object.fromEntries(Object.entries(preview).map(([g, due]) => [g, due - now])) as Record<Grade, number>;
	}

	flip() {
		if (this.phase === 'front' && this.current) this.phase = 'back';
	}

	async rate(grade: Grade) {
		const card = this.current;
		if (!card || this.phase !== 'back') return;
		const now = this.clock();
		const { state, entry } = app.scheduler().rate(card.id, this.data.states.get(card.id) ?? null, grade, new Date(now), 'flashcard', this.#dayEnd(now));
		this.data.apply(entry, state);
		this.history = [...this.history, entry];
		this.reviewed++;
		if (this.source === 'exam') this.#examShown.add(card.id);
		this.#advance();
		const store = await app.store();
		await store.save({ method: 'saveReview', args: [state, entry] });
	}

	get canUndo() {
		return this.history.length > 0;
	}

	/** Takes back the last rating and shows that card again from its question side. */
	async undo() {
		const entry = this.history.at(-1);
		if (!entry) return;
		this.history = this.history.slice(0, -1);
		this.data.revert(entry);
		this.#examShown.delete(entry.cardId);
		this.reviewed = Math.max(0, this.reviewed - 1);
		this.current = this.data.card(entry.cardId);
		this.source = entry.prev ? 'due' : 'new';
		this.phase = this.current ? 'front' : 'done';
		this.dq = this.data.queueFor(this.deck, this.#examShown);
		const store = await app.store();
		await store.save({ method: 'undoReview', args: [entry] });
	}

	#advance() {
		const dq = this.data.queueFor(this.deck, this.#examShown);
		this.dq = dq;
		const pick = nextCard(dq);
		this.current = pick ? this.data.card(pick.id) : null;
		this.source = pick?.source ?? null;
		this.phase = this.current ? 'front' : 'done';
	}
}
