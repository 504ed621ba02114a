/**
 * The exam plan: given the exam date and the minutes a day the learner has, how many new cards
 * to meet each day so that the whole course has been seen and reviewed by the exam, and an
 * honest verdict when the time cannot cover it. Pure: time and the learner's history are inputs.
 */
import { State } from './card-state';
import type { CardState, ReviewEntry } from './scheduler';
import { studyDayIndex, studyDayStart, type DayOptions } from './queue';
import type { CardSource } from './cards';

const DAY = 86_400_000;

/** Seconds a rating takes before the learner has a history to measure. */
export const DEFAULT_SECONDS_PER_CARD = 10;
/** Ratings a new card costs on the day it is met (the rating, plus a 10-minute step after 重来). */
export const DEFAULT_NEW_COST = 1.5;
/** Reviews measured only from gaps shorter than this: longer ones are breaks, not thinking time. */
const MAX_GAP_MS = 120_000;
const MIN_SAMPLES = 20;

/** Cards from the course's own documents first, then cards of questions written from them, then 教材拓展. */
export const SOURCE_PRIORITY: Record<CardSource, number> = { course: 0, authored: 1, extension: 2 };

export interface PlanCard {
	id: string;
	chapter: string;
	source: CardSource;
}

export interface PlanInput extends DayOptions {
	/** The cards the learner studies, in course order. */
	cards: readonly PlanCard[];
	states: ReadonlyMap<string, CardState>;
	/** The learner's review log (at least the last few weeks), for pace and today's new cards. */
	reviews: readonly Pick<ReviewEntry, 'review' | 'cardId' | 'state' | 'origin'>[];
	now: number;
	/** The moment of the exam (start of the exam's study day). */
	examAt: number;
	minutesPerDay: number;
	/** Chapters left out of the plan. */
	excluded: readonly string[];
	/** Extra new cards the learner asked for today ("今天多学"). */
	extraToday: number;
}

export interface ExamPlan {
	examAt: number;
	/** Study days left before the exam day, today included. */
	daysLeft: number;
	secondsPerCard: number;
	/** Whether secondsPerCard comes from this learner's own reviews. */
	measured: boolean;
	/** Ratings the learner's minutes allow each day. */
	capacity: number;
	/** Cards in the plan (chapters not left out) and how many of them have been seen. */
	planned: number;
	seen: number;
	/** New cards a day on the days that still introduce new cards. */
	newPerDay: number;
	/** New cards still to meet today, the extra ones included. */
	newToday: number;
	/** Days that still introduce new cards, and the review-only days before the exam after them. */
	newDays: number;
	reviewDays: number;
	/** Start of the study day by which every planned card will have been seen (null: nothing left). */
	allSeenBy: number | null;
	/** Minutes a day the plan is expected to take. */
	expectedMinutes: number;
	/** Minutes a day that would cover every planned card. */
	minutesNeeded: number;
	/** Whether the minutes given cover every planned card. */
	fits: boolean;
	/** Unseen cards in the order they will be introduced; only those that fit. */
	order: string[];
	/** Unseen cards that do not fit in the time given, by source. */
	leftOut: Record<CardSource, number>;
}

/** Median seconds between consecutive flashcard ratings, from this learner's log. */
export function measureSecondsPerCard(reviews: readonly Pick<ReviewEntry, 'review' | 'origin'>[]): { seconds: number; measured: boolean } {
	const times = reviews.filter((r) => r.origin === 'flashcard').map((r) => r.review).sort((a, b) => a - b);
	const gaps: number[] = [];
	for (let i = 1; i < times.length; i++) {
		const gap = times[i]! - times[i - 1]!;
		if (gap > 0 && gap < MAX_GAP_MS) gaps.push(gap);
	}
	if (gaps.length < MIN_SAMPLES) return { seconds: DEFAULT_SECONDS_PER_CARD, measured: false };
	gaps.sort((a, b) => a - b);
	const median = gaps[Math.floor(gaps.length / 2)]! / 1000;
	return { seconds: Math.min(60, Math.max(3, Math.round(median * 10) / 10)), measured: true };
}

/**
 * Reviews a card needs from the day it is met until an exam `days` later: FSRS intervals grow
 * about 2–3 times per passed review (2, 5, 12, 30 days…), plus one refresher just before the exam.
 */
export function reviewsUntilExam(days: number): number {
	if (days <= 1) return 0;
	let n = 1;
	for (const t of [2, 7, 19, 49]) if (days > t) n++;
	return n;
}

/** Days kept for review only, before the exam: enough to refresh everything once. */
export function reviewOnlyDays(daysLeft: number): number {
	if (daysLeft >= 10) return 2;
	if (daysLeft >= 4) return 1;
	return 0;
}

export function planPriority(cards: readonly PlanCard[]): PlanCard[] {
	return cards
		.map((c, i) => ({ c, i }))
		.sort((a, b) => SOURCE_PRIORITY[a.c.source] - SOURCE_PRIORITY[b.c.source] || a.i - b.i)
		.map((x) => x.c);
}

export function buildPlan(input: PlanInput): ExamPlan {
	const today = studyDayIndex(input.now, input);
	const todayStart = studyDayStart(input.now, input);
	const daysLeft = Math.max(0, studyDayIndex(input.examAt, input) - today);
	const { seconds, measured } = measureSecondsPerCard(input.reviews);
	const capacity = Math.floor((input.minutesPerDay * 60) / seconds);

	const excluded = new Set(input.excluded);
	const planned = input.cards.filter((c) => !excluded.has(c.chapter));
	const isNew = (id: string) => {
		const s = input.states.get(id);
		return !s || s.state === State.New;
	};
	const unseen = planPriority(planned.filter((c) => isNew(c.id)));
	const seenToday = new Set(input.reviews.filter((r) => r.review >= todayStart && r.state === State.New).map((r) => r.cardId));
	const plannedIds = new Set(planned.map((c) => c.id));
	const metToday = [...seenToday].filter((id) => plannedIds.has(id)).length;

	const reviewDays = reviewOnlyDays(daysLeft);
	const newDays = Math.max(1, daysLeft - reviewDays);
	// The quota is fixed for the whole day: count today's new cards as still to meet.
	const toMeet = unseen.length + metToday;
	const rate = (n: number) => Math.ceil(n / newDays);

	// Ratings the seen cards still need: the reviews their schedule brings before the exam.
	let seenLoad = 0;
	for (const c of planned) {
		const s = input.states.get(c.id);
		if (!s || s.state === State.New) continue;
		if (s.due < input.examAt) seenLoad += 1 + reviewsUntilExam((input.examAt - Math.max(s.due, input.now)) / DAY);
	}
	/** Ratings needed from today to the exam if the first `n` unseen cards are met. */
	const need = (n: number) => {
		const perDay = rate(n + metToday);
		let total = seenLoad;
		for (let k = 0; k < n; k++) total += DEFAULT_NEW_COST + reviewsUntilExam(daysLeft - Math.floor((k + metToday) / Math.max(1, perDay)));
		return total;
	};
	const budget = capacity * Math.max(1, daysLeft);
	let fit = unseen.length;
	if (need(fit) > budget) {
		let lo = 0;
		let hi = unseen.length;
		while (lo < hi) {
			const mid = Math.ceil((lo + hi) / 2);
			if (need(mid) <= budget) lo = mid;
			else hi = mid - 1;
		}
		fit = lo;
	}
	const order = unseen.slice(0, fit).map((c) => c.id);
	const leftOut: Record<CardSource, number> = { course: 0, authored: 0, extension: 0 };
	for (const c of unseen.slice(fit)) leftOut[c.source]++;

	const newPerDay = daysLeft === 0 ? 0 : rate(fit + metToday);
	const newToday = daysLeft === 0 ? 0 : Math.max(0, Math.min(newPerDay, fit + metToday) - metToday) + Math.max(0, input.extraToday);
	const daysToSeeAll = newPerDay > 0 ? Math.ceil((fit + metToday) / newPerDay) : 0;
	const perMinute = seconds / 60;
	const days = Math.max(1, daysLeft);
	return {
		examAt: input.examAt,
		daysLeft,
		secondsPerCard: seconds,
		measured,
		capacity,
		planned: planned.length,
		seen: planned.length - unseen.length,
		newPerDay,
		newToday,
		newDays: daysLeft === 0 ? 0 : Math.min(newDays, daysToSeeAll),
		reviewDays: daysLeft === 0 ? 0 : daysLeft - Math.min(newDays, daysToSeeAll),
		allSeenBy: fit > 0 && daysToSeeAll > 0 ? todayStart + (daysToSeeAll - 1) * DAY : null,
		expectedMinutes: Math.min(input.minutesPerDay, Math.ceil((need(fit) / days) * perMinute)),
		minutesNeeded: Math.ceil((need(unseen.length) / days) * perMinute),
		fits: fit === unseen.length,
		order,
		leftOut
	};
}

export interface PlanText {
	/** "距考试还有 14 天" */
	countdown: string;
	/** One line per fact, in the order a student reads them. */
	lines: string[];
	/** The verdict: plain about what the time does and does not cover. */
	verdict: string;
	ok: boolean;
}

/** The plan in words, for the home page, /progress and /flashcards. `date` formats a study-day start. */
export function describePlan(plan: ExamPlan, minutesPerDay: number, date: (t: number) => string): PlanText {
	const countdown = plan.daysLeft === 1 ? '明天考试' : `距考试还有 ${plan.daysLeft} 天`;
	const pace = plan.measured ? `按你最近的速度（每张约 ${plan.secondsPerCard} 秒）` : `按每张约 ${plan.secondsPerCard} 秒估算`;
	const lines: string[] = [];
	const unseen = plan.order.length;
	if (unseen > 0) {
		lines.push(`今天学 ${plan.newToday} 张新卡；之后每天约 ${plan.newPerDay} 张。`);
		if (plan.allSeenBy !== null) {
			const what = plan.fits ? `计划内的全部 ${plan.planned} 张卡片` : `时间排得下的 ${plan.seen + unseen} 张卡片（共 ${plan.planned} 张）`;
			lines.push(`${date(plan.allSeenBy)} 前看完${what}，之后 ${plan.reviewDays} 天只复习。`);
		}
	} else if (plan.planned > 0) {
		lines.push(`计划内的 ${plan.planned} 张卡片都已学过：每天先复习到期的卡片，余下时间用来加强考试那天最可能忘的卡片。`);
	}
	lines.push(`${pace}，每天约需 ${plan.expectedMinutes} 分钟（你每天有 ${minutesPerDay} 分钟）。`);
	const left = plan.leftOut.course + plan.leftOut.authored + plan.leftOut.extension;
	let verdict: string;
	if (plan.fits) {
		verdict = '时间够用：照计划每天学完，考试前能把计划内的内容全部学完并复习到。';
	} else {
		const parts = [
			plan.leftOut.course ? `课程资料 ${plan.leftOut.course} 张` : '',
			plan.leftOut.authored ? `练习题挖空 ${plan.leftOut.authored} 张` : '',
			plan.leftOut.extension ? `教材拓展 ${plan.leftOut.extension} 张` : ''
		].filter(Boolean);
		verdict = `时间不够：按每天 ${minutesPerDay} 分钟，有 ${left} 张卡片（${parts.join('、')}）来不及学，计划先学课程资料。每天约 ${plan.minutesNeeded} 分钟才能覆盖全部；也可以在设置里把不考的章节移出计划。`;
	}
	return { countdown, lines, verdict, ok: plan.fits };
}
