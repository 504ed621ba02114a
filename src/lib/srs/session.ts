/**
 * What a study session offers next: the deck's queue under the exam plan, and the rule for
 * picking a card. The flashcards page and the simulated student (`npm run simulate`) both call
 * these, so the figures the simulation prints are what the page does.
 */
import type { CardKind } from './cards';
import { deckCards, type Deck } from './decks';
import { DEFAULT_NEW_COST, buildPlan, type ExamPlan, type PlanCard } from './plan';
import { buildQueue, pickNext, studyDayIndex, studyDayStart, type DayOptions, type PickOptions, type Queue } from './queue';
import { State } from './card-state';
import type { CardState, ReviewEntry, Scheduler } from './scheduler';
import { examTime, type StudySettings } from './settings';

export interface StudyCard extends PlanCard {
	kind: CardKind;
	tags: string[];
}

export interface PlanContext extends DayOptions {
	/** Every card of the course, in course order. */
	cards: readonly StudyCard[];
	states: ReadonlyMap<string, CardState>;
	/** The review log, at least since the start of yesterday (a month or more gives the plan a measured pace). */
	reviews: readonly Pick<ReviewEntry, 'review' | 'cardId' | 'state' | 'origin'>[];
	now: number;
	settings: StudySettings;
}

export interface StudyContext extends PlanContext {
	scheduler: Scheduler;
}

/** Extra new cards the learner asked for today (0 once the day has passed). */
export function extraToday(settings: StudySettings, now: number, day: DayOptions): number {
	return settings.extraNew && settings.extraNew.day === studyDayIndex(now, day) ? settings.extraNew.count : 0;
}

/** The exam plan, when an exam date in the future is set. */
export function examPlan(ctx: PlanContext): ExamPlan | null {
	const examAt = examTime(ctx.settings.examDate, ctx.dayStartHour, ctx.utcOffsetMinutes);
	if (examAt === null || studyDayIndex(examAt, ctx) <= studyDayIndex(ctx.now, ctx)) return null;
	const cards = ctx.cards.filter((c) => (ctx.settings.reverseCards || c.kind !== 'reverse') && !(ctx.settings.courseOnly && c.source === 'extension'));
	return buildPlan({
		...dayOf(ctx),
		cards,
		states: ctx.states,
		reviews: ctx.reviews,
		now: ctx.now,
		examAt,
		minutesPerDay: ctx.settings.minutesPerDay,
		excluded: ctx.settings.planExcluded,
		extraToday: extraToday(ctx.settings, ctx.now, ctx)
	});
}

function dayOf(d: DayOptions): DayOptions {
	return { dayStartHour: d.dayStartHour, utcOffsetMinutes: d.utcOffsetMinutes };
}

export interface DeckQueue {
	queue: Queue;
	pick: PickOptions;
	/** Flashcard ratings made today, across decks. */
	ratedToday: number;
}

/**
 * The queue of one deck. The whole-course deck follows the exam plan when there is one: its
 * order and today's quota. Any other deck introduces new cards up to the daily number counted
 * within that deck, so finishing one chapter's new cards never blocks the next chapter.
 */
export function deckQueue(ctx: StudyContext, deck: Deck, plan: ExamPlan | null, shownExtras: ReadonlySet<string> = new Set()): DeckQueue {
	const filter = ctx.settings.courseOnly ? { ...deck.filter, courseOnly: true } : deck.filter;
	const ids = deckCards(ctx.cards, filter, ctx.settings.reverseCards).map((c) => c.id);
	const todayStart = studyDayStart(ctx.now, ctx);
	const today = ctx.reviews.filter((r) => r.review >= todayStart && r.origin === 'flashcard');
	const whole = isWholeCourse(deck);
	const inDeck = whole ? null : new Set(ids);
	const newSeen = today.filter((r) => r.state === State.New && (!inDeck || inDeck.has(r.cardId))).length;
	const extra = extraToday(ctx.settings, ctx.now, ctx);
	const usePlan = whole && plan !== null;
	const queue = buildQueue({
		...dayOf(ctx),
		cardIds: ids,
		states: ctx.states,
		now: ctx.now,
		newPerDay: usePlan ? plan.newToday : (plan?.newPerDay ?? ctx.settings.newPerDay) + extra,
		newSeenToday: usePlan ? 0 : newSeen,
		...(usePlan ? { newOrder: plan.order } : {}),
		examDate: plan?.examAt ?? null,
		examThreshold: EXAM_THRESHOLD,
		retention: ctx.settings.retention,
		scheduler: ctx.scheduler
	});
	if (usePlan && queue.fresh.length >= plan.newToday) {
		// Time left over today goes to more new cards while the plan still has some: a card met
		// earlier gets more reviews before the exam than one met later.
		const spare = plan.capacity - today.length - queue.due.length - queue.ahead.length - queue.fresh.length * DEFAULT_NEW_COST;
		const idle = queue.due.length + queue.ahead.length + queue.fresh.length === 0 && today.length < plan.capacity;
		const more = Math.max(Math.floor(spare / (DEFAULT_NEW_COST + 1)), idle ? 1 : 0);
		if (more > 0) {
			const taken = new Set(queue.fresh);
			const extraFresh = plan.order.filter((id) => !taken.has(id) && !ctx.states.has(id)).slice(0, more);
			queue.fresh.push(...extraFresh);
		}
	}
	const exam = queue.exam.filter((id) => !shownExtras.has(id));
	return {
		queue: { ...queue, exam },
		pick: { newFirst: plan !== null, extras: plan !== null && today.length < plan.capacity },
		ratedToday: today.length
	};
}

/**
 * Exam extras: cards whose predicted recall on the exam day is below this. Higher than the
 * usual 90 %: the learner's memory may be weaker than FSRS's defaults predict, and spare time
 * before an exam is best spent on the weakest cards.
 */
export const EXAM_THRESHOLD = 0.95;

export function isWholeCourse(deck: Deck): boolean {
	const f = deck.filter;
	return f.chapters.length === 0 && f.kinds.length === 0 && f.tags.length === 0 && !f.courseOnly;
}

export function nextCard(dq: DeckQueue) {
	return pickNext(dq.queue, dq.pick);
}
