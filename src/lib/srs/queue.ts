/**
 * The review queue: which cards a session shows, in which order. Pure and clock-free:
 * `now`, the time-zone offset and the settings are all inputs.
 */
import { State } from './card-state';
import type { CardState, Scheduler } from './scheduler';

const DAY = 86_400_000;
/** Learning steps due within this window are shown once nothing else is left, rather than making the learner wait. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface DayOptions {
	/** Hour (0–23, local time) at which a new study day starts. */
	dayStartHour: number;
	/** Minutes to add to UTC to get local time (i.e. -Date#getTimezoneOffset()). */
	utcOffsetMinutes: number;
}

function shift(day: DayOptions): number {
	return day.utcOffsetMinutes * 60_000 - day.dayStartHour * 3_600_000;
}

/** Study-day number of `t`: days since the epoch, where each day begins at dayStartHour local time. */
export function studyDayIndex(t: number, day: DayOptions): number {
	return Math.floor((t + shift(day)) / DAY);
}

/** Start of the study day containing `now`, in ms since epoch. */
export function studyDayStart(now: number, day: DayOptions): number {
	return studyDayIndex(now, day) * DAY - shift(day);
}

export interface QueueInput extends DayOptions {
	/** Card ids in the deck, in course order (new cards are introduced in this order). */
	cardIds: readonly string[];
	states: ReadonlyMap<string, CardState>;
	now: number;
	newPerDay: number;
	/** New cards already introduced today (across all decks). */
	newSeenToday: number;
	/**
	 * The order in which new cards are introduced (an exam plan's priority order); cards not in
	 * it are not introduced. Without it, new cards come in `cardIds` order.
	 */
	newOrder?: readonly string[];
	/** Optional exam date: also offer cards predicted to be forgotten by then. */
	examDate?: number | null;
	/** Exam extras are cards whose predicted recall at the exam is below this; the retention by default. */
	examThreshold?: number;
	retention: number;
	scheduler?: Scheduler;
}

export interface Queue {
	/** Due cards, most overdue first. */
	due: string[];
	/** New cards allowed today, in course order. */
	fresh: string[];
	/** Not due, but predicted recall on the exam date is below the desired retention. */
	exam: string[];
	/** Learning steps due within LEARN_AHEAD_MS: shown last, soonest first. */
	ahead: string[];
	counts: { new: number; due: number; learned: number };
}

/**
 * Review cards are due for the whole study day, and a review card already rated this study day
 * is done for the day whatever its due time says (an exam extra keeps its old due date).
 * Learning steps are due from their due minute.
 */
export function isDue(s: CardState, now: number, dayEnd: number): boolean {
	if (s.state === State.New) return false;
	if (s.state === State.Review) return s.due < dayEnd && !reviewedToday(s, dayEnd);
	return s.due <= now;
}

function reviewedToday(s: CardState, dayEnd: number): boolean {
	return s.last_review !== null && s.last_review >= dayEnd - DAY;
}

export function buildQueue(input: QueueInput): Queue {
	const dayEnd = studyDayStart(input.now, input) + DAY;
	const due: { id: string; at: number }[] = [];
	const fresh: string[] = [];
	const exam: { id: string; r: number }[] = [];
	const ahead: { id: string; at: number }[] = [];
	let newCount = 0;
	let learned = 0;
	const allowance = Math.max(0, input.newPerDay - input.newSeenToday);
	const examAt = input.examDate && input.examDate > input.now && input.scheduler ? new Date(input.examDate) : null;
	const threshold = input.examThreshold ?? input.retention;

	for (const id of input.cardIds) {
		const s = input.states.get(id);
		if (!s || s.state === State.New) {
			newCount++;
			if (!input.newOrder && fresh.length < allowance) fresh.push(id);
			continue;
		}
		if (isDue(s, input.now, dayEnd)) {
			due.push({ id, at: s.due });
			continue;
		}
		if (s.state !== State.Review && s.due <= input.now + LEARN_AHEAD_MS) {
			ahead.push({ id, at: s.due });
			continue;
		}
		learned++;
		if (examAt && s.state === State.Review && !reviewedToday(s, dayEnd)) {
			const r = input.scheduler!.retrievability(s, examAt);
			if (r < threshold) exam.push({ id, r });
		}
	}
	if (input.newOrder) {
		const inDeck = new Set(input.cardIds);
		for (const id of input.newOrder) {
			if (fresh.length >= allowance) break;
			const s = input.states.get(id);
			if (inDeck.has(id) && (!s || s.state === State.New)) fresh.push(id);
		}
	}
	due.sort((a, b) => a.at - b.at);
	exam.sort((a, b) => a.r - b.r);
	ahead.sort((a, b) => a.at - b.at);
	return {
		due: due.map((d) => d.id),
		fresh,
		exam: exam.map((e) => e.id),
		ahead: ahead.map((a) => a.id),
		counts: { new: newCount, due: due.length + ahead.length, learned }
	};
}

export type CardSourceKind = 'due' | 'new' | 'exam';

export interface PickOptions {
	/**
	 * Today's new cards before the due ones. An exam plan needs this: a card never met counts
	 * nothing on the exam, so a learner who runs out of time must still have met today's share.
	 */
	newFirst: boolean;
	/** Whether exam extras may be offered (there is spare time left today). */
	extras: boolean;
}

/** The next card a session shows: the one rule the page and the simulated student share. */
export function pickNext(q: Queue, opts: PickOptions): { id: string; source: CardSourceKind } | null {
	if (opts.newFirst && q.fresh[0]) return { id: q.fresh[0], source: 'new' };
	if (q.due[0]) return { id: q.due[0], source: 'due' };
	if (q.fresh[0]) return { id: q.fresh[0], source: 'new' };
	if (opts.extras && q.exam[0]) return { id: q.exam[0], source: 'exam' };
	if (q.ahead[0]) return { id: q.ahead[0], source: 'due' };
	return null;
}
