/**
 * What the deck list, the progress page and the home page show of the cards: the exam plan and
 * counts, never the cards themselves. Every figure here walks the whole card index, so the pages
 * ask a worker for it (src/lib/workers/overview.worker.ts) and a bank ten times this course's
 * size does not block the page while it loads.
 */
import { chapterProgress, type ChapterProgress } from '../stats/progress';
import type { Deck } from './decks';
import type { ExamPlan } from './plan';
import type { DayOptions, Queue } from './queue';
import { Scheduler, type CardState } from './scheduler';
import { deckQueue, examPlan, type PlanContext, type StudyCard } from './session';
import type { StudySettings } from './settings';

export interface OverviewInput {
	states: ReadonlyMap<string, CardState>;
	/** The review log since the start of yesterday at least (see PlanContext). */
	reviews: PlanContext['reviews'];
	now: number;
	day: DayOptions;
	settings: StudySettings;
	/** Decks whose queues to count. */
	decks?: readonly Deck[];
	/** Chapter ids in course order, to count progress by. */
	chapters?: readonly string[];
}

export interface DeckCounts {
	counts: Queue['counts'];
	/** Cards a session of this deck would offer today. */
	todo: number;
}

export interface Overview {
	plan: ExamPlan | null;
	/** By deck id, in the order asked. */
	decks: [string, DeckCounts][];
	chapters: ChapterProgress[];
}

export function overview(cards: readonly StudyCard[], input: OverviewInput): Overview {
	const { states, reviews, now, day, settings } = input;
	const ctx: PlanContext = { ...day, cards, states, reviews, now, settings };
	const plan = examPlan(ctx);
	const decks = input.decks ?? [];
	const study = decks.length ? { ...ctx, scheduler: new Scheduler({ retention: settings.retention, weights: settings.fsrsWeights }) } : null;
	return {
		plan,
		decks: decks.map((deck) => {
			const q = deckQueue(study!, deck, plan).queue;
			return [deck.id, { counts: q.counts, todo: q.due.length + q.fresh.length + q.exam.length + q.ahead.length }];
		}),
		chapters: input.chapters ? chapterProgress(cards, states, input.chapters) : []
	};
}
