/**
 * FSRS scheduling through ts-fsrs. Card state is stored as plain numbers (ms since epoch)
 * so it survives IndexedDB, JSON backups and structured cloning without Date surprises.
 * `now` is always a parameter: nothing here reads the clock.
 */
import { fsrs, Rating, State, type Card, type FSRS, type Grade, type ReviewLog } from 'ts-fsrs';

export { Rating, State };
export type { Grade };

export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

export const GRADE_LABELS: Record<Grade, string> = {
	[Rating.Again]: '重来',
	[Rating.Hard]: '困难',
	[Rating.Good]: '良好',
	[Rating.Easy]: '简单'
};

export interface CardState {
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: State;
	last_review: number | null;
}

export interface ReviewEntry {
	/** Unique per review: time plus card id, so undo can find it before the write even lands. */
	id: string;
	cardId: string;
	rating: Grade;
	/** State the card was in before this review (ts-fsrs semantics). */
	state: State;
	/** When the review happened. */
	review: number;
	/** Due date the review produced. */
	due: number;
	stability: number;
	difficulty: number;
	scheduled_days: number;
	/** The card before this review, so undo restores it exactly (null for a new card). */
	prev: CardState | null;
	/** 'flashcard' for a rating on a card, 'quiz' when a quiz answer drove it. */
	origin: 'flashcard' | 'quiz';
}

export function toFsrsCard(s: CardState): Card {
	return {
		due: new Date(s.due),
		stability: s.stability,
		difficulty: s.difficulty,
		elapsed_days: s.elapsed_days,
		scheduled_days: s.scheduled_days,
		learning_steps: s.learning_steps,
		reps: s.reps,
		lapses: s.lapses,
		state: s.state,
		...(s.last_review === null ? {} : { last_review: new Date(s.last_review) })
	};
}

export function fromFsrsCard(c: Card): CardState {
	return {
		due: c.due.getTime(),
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: c.elapsed_days,
		scheduled_days: c.scheduled_days,
		learning_steps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state,
		last_review: c.last_review ? c.last_review.getTime() : null
	};
}

export function newCardState(now: Date): CardState {
	return {
		due: now.getTime(),
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		reps: 0,
		lapses: 0,
		state: State.New,
		last_review: null
	};
}

export interface SchedulerOptions {
	/** Desired retention, 0.7–0.99. */
	retention: number;
	/** FSRS parameters fitted to this learner (设置 → 优化参数); the defaults when absent. */
	weights?: readonly number[] | null;
}

/**
 * One learning step of ten minutes: a new card rated 良好 goes straight to FSRS's first
 * interval. FSRS models memory from the first rating on, so a second same-day step adds
 * little, and it would double the cost of every new card in an exam plan.
 */
export const LEARNING_STEPS = ['10m'] as const;

export class Scheduler {
	readonly #fsrs: FSRS;
	constructor(readonly options: SchedulerOptions) {
		const w = options.weights && validWeights(options.weights) ? [...options.weights] : undefined;
		this.#fsrs = fsrs({
			request_retention: options.retention,
			enable_fuzz: true,
			enable_short_term: true,
			learning_steps: [...LEARNING_STEPS],
			...(w ? { w } : {})
		});
	}

	/**
	 * Rates a card. `dayEnd` is the end of the current study day: a review card due before
	 * then is an ordinary review, whatever the hour. A passing rating on a card not due this
	 * study day (an exam extra, or a quiz answer) may strengthen its memory state but never
	 * moves its due date later than it already was, so extra reviews cannot inflate intervals.
	 * Without `dayEnd`, only a card whose due time has passed counts as due.
	 */
	rate(cardId: string, prev: CardState | null, rating: Grade, now: Date, origin: ReviewEntry['origin'] = 'flashcard', dayEnd?: number) {
		const before = prev ?? newCardState(now);
		// A clock moved backwards (or a synced state from another device) must not crash FSRS,
		// which rejects reviews dated before the last one: treat such a review as happening then.
		const at = before.last_review !== null && before.last_review > now.getTime() ? new Date(before.last_review) : now;
		const { card, log } = this.#fsrs.next(toFsrsCard(before), at, rating);
		const next = fromFsrsCard(card);
		const early = before.state === State.Review && before.due >= (dayEnd ?? at.getTime() + 1);
		if (early && rating !== Rating.Again && next.due > before.due) {
			next.due = before.due;
			next.scheduled_days = before.scheduled_days;
		}
		return { state: next, entry: toEntry(cardId, log, next, prev, origin) };
	}

	/** The due date each rating would give, for labelling the buttons. */
	preview(prev: CardState | null, now: Date, dayEnd?: number): Record<Grade, number> {
		const out = {} as Record<Grade, number>;
		for (const g of GRADES) out[g] = this.rate('preview', prev, g, now, 'flashcard', dayEnd).state.due;
		return out;
	}

	/** Predicted probability of recall at `at` (0–1); 0 for cards never reviewed. */
	retrievability(s: CardState, at: Date): number {
		if (s.state === State.New || s.last_review === null) return 0;
		// The forgetting curve directly, without building Date objects: the queue calls this for
		// thousands of cards when an exam date is set.
		const elapsedDays = Math.max(0, (at.getTime() - s.last_review) / 86_400_000);
		return this.#fsrs.forgetting_curve(elapsedDays, s.stability);
	}
}

/** Weights ts-fsrs accepts (FSRS-4.5/5/6 lengths, all finite); anything else falls back to the defaults. */
export function validWeights(w: readonly number[]): boolean {
	return [17, 19, 21].includes(w.length) && w.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function toEntry(cardId: string, log: ReviewLog, next: CardState, prev: CardState | null, origin: ReviewEntry['origin']): ReviewEntry {
	return {
		id: `${log.review.getTime().toString(36)}:${cardId}`,
		cardId,
		rating: log.rating as Grade,
		state: log.state,
		review: log.review.getTime(),
		due: next.due,
		stability: next.stability,
		difficulty: next.difficulty,
		scheduled_days: next.scheduled_days,
		prev,
		origin
	};
}

/** "10分钟", "3天", "2.5个月": the interval labels shown on the rating buttons. */
export function formatInterval(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / 60_000));
	if (minutes < 60) return `${minutes}分钟`;
	const hours = minutes / 60;
	if (hours < 24) return `${Math.round(hours)}小时`;
	const days = hours / 24;
	if (days < 30) return `${Math.round(days)}天`;
	if (days < 365) return `${trim(days / 30)}个月`;
	return `${trim(days / 365)}年`;
}

function trim(n: number): string {
	return (Math.round(n * 10) / 10).toString();
}
