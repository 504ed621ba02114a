/** Progress aggregates for the progress page and the home summary. Pure: time is an input. */
import { State } from '../srs/card-state';
import type { CardState, ReviewEntry } from '../srs/scheduler';
import { isDue, studyDayIndex, studyDayStart, type DayOptions } from '../srs/queue';

const DAY = 86_400_000;
/** A card counts as mastered once FSRS expects it to last three weeks. */
export const MASTERED_STABILITY_DAYS = 21;

/** Cards due today (overdue included) and on each of the next `days` study days. */
export function dueForecast(states: Iterable<CardState>, now: number, day: DayOptions, days = 7): number[] {
	const counts = new Array<number>(days + 1).fill(0);
	const today = studyDayIndex(now, day);
	const dayEnd = studyDayStart(now, day) + DAY;
	for (const s of states) {
		if (s.state === State.New) continue;
		if (isDue(s, now, dayEnd) || s.due < dayEnd) {
			counts[0]!++;
			continue;
		}
		const offset = studyDayIndex(s.due, day) - today;
		if (offset >= 1 && offset <= days) counts[offset]!++;
	}
	return counts;
}

export interface ChapterProgress {
	chapter: string;
	total: number;
	learned: number;
	mastered: number;
}

export function chapterProgress(
	cards: readonly { id: string; chapter: string }[],
	states: ReadonlyMap<string, CardState>,
	chapterOrder: readonly string[]
): ChapterProgress[] {
	const rows = new Map(chapterOrder.map((chapter) => [chapter, { chapter, total: 0, learned: 0, mastered: 0 }]));
	for (const card of cards) {
		const row = rows.get(card.chapter);
		if (!row) continue;
		row.total++;
		const s = states.get(card.id);
		if (!s || s.state === State.New) continue;
		row.learned++;
		if (s.state === State.Review && s.stability >= MASTERED_STABILITY_DAYS) row.mastered++;
	}
	return [...rows.values()];
}

export interface DayCount {
	/** Study-day index. */
	day: number;
	/** Start of that study day (ms), for labelling. */
	start: number;
	count: number;
}

/** Reviews per study day over the last `days` days, oldest first, today last. */
export function dailyReviews(reviews: readonly Pick<ReviewEntry, 'review'>[], now: number, day: DayOptions, days = 90): DayCount[] {
	const today = studyDayIndex(now, day);
	const todayStart = studyDayStart(now, day);
	const out: DayCount[] = [];
	for (let i = days - 1; i >= 0; i--) out.push({ day: today - i, start: todayStart - i * DAY, count: 0 });
	const first = today - days + 1;
	for (const r of reviews) {
		const d = studyDayIndex(r.review, day);
		if (d >= first && d <= today) out[d - first]!.count++;
	}
	return out;
}

export interface RetentionPoint {
	/** Start of the week (ms). */
	start: number;
	passed: number;
	total: number;
	/** passed / total, or null for a week without reviews of learned cards. */
	rate: number | null;
}

/**
 * True retention per week: the share of passed reviews (anything but 重来) among reviews
 * of cards that were already learned (in the Review state) when they were reviewed.
 */
export function retentionByWeek(reviews: readonly Pick<ReviewEntry, 'review' | 'state' | 'rating'>[], now: number, day: DayOptions, weeks = 12): RetentionPoint[] {
	const today = studyDayIndex(now, day);
	const todayStart = studyDayStart(now, day);
	const points: RetentionPoint[] = [];
	for (let w = weeks - 1; w >= 0; w--) points.push({ start: todayStart - (w * 7 + 6) * DAY, passed: 0, total: 0, rate: null });
	for (const r of reviews) {
		if (r.state !== State.Review) continue;
		const ago = today - studyDayIndex(r.review, day);
		if (ago < 0 || ago >= weeks * 7) continue;
		const p = points[weeks - 1 - Math.floor(ago / 7)]!;
		p.total++;
		if (r.rating !== 1) p.passed++;
	}
	for (const p of points) p.rate = p.total ? p.passed / p.total : null;
	return points;
}

/** Consecutive study days with at least one review, ending today (or yesterday if today has none yet). */
export function studyStreak(reviews: readonly Pick<ReviewEntry, 'review'>[], now: number, day: DayOptions): number {
	const days = new Set(reviews.map((r) => studyDayIndex(r.review, day)));
	let d = studyDayIndex(now, day);
	if (!days.has(d)) d--;
	let streak = 0;
	while (days.has(d)) {
		streak++;
		d--;
	}
	return streak;
}

/** New cards introduced today: reviews made today of cards that were new at the time. */
export function newSeenToday(reviews: readonly Pick<ReviewEntry, 'review' | 'state' | 'origin'>[], now: number, day: DayOptions): number {
	const start = studyDayStart(now, day);
	return reviews.filter((r) => r.review >= start && r.state === State.New && r.origin === 'flashcard').length;
}
