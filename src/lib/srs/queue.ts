/**
 * The review queue: which cards a session shows, in which order. Pure and clock-free:
 * `now`, the time-zone offset and the settings are all inputs.
 */
import { State, type CardState, type Scheduler } from './scheduler';

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
	/** Optional exam date: also offer cards predicted to be forgotten by then. */
	examDate?: number | null;
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

/** Review cards are due for the whole study day; learning steps only from their due minute. */
export function isDue(s: CardState, now: number, dayEnd: number): boolean {
	if (s.state === State.New) return false;
	if (s.state === State.Review) return s.due < dayEnd;
	return s.due <= now;
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

	for (const id of input.cardIds) {
		const s = input.states.get(id);
		if (!s || s.state === State.New) {
			newCount++;
			if (fresh.length < allowance) fresh.push(id);
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
		if (examAt && s.state === State.Review) {
			const r = input.scheduler!.retrievability(s, examAt);
			if (r < input.retention) exam.push({ id, r });
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
