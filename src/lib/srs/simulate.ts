/**
 * A simulated student who follows the app: each day they study the whole-course deck at the
 * same hour, rating what the session offers until their time is used up. Their memory is a
 * separate FSRS model whose parameters need not be the app's, so the app's plan is tested
 * against a learner it does not know. Pure: the seed, the start and the cards are inputs.
 */
import { default_w } from 'ts-fsrs';
import { createRng } from '../random';
import { ALL_DECK } from './decks';
import { deckQueue, examPlan, nextCard, type StudyCard, type StudyContext } from './session';
import { Rating, Scheduler, State, type CardState, type Grade, type ReviewEntry } from './scheduler';
import { studyDayStart, type DayOptions } from './queue';
import { DEFAULT_SETTINGS, localDate, type StudySettings } from './settings';

const DAY = 86_400_000;

export interface StudentProfile {
	name: string;
	/** The student's true memory: FSRS parameters (21 numbers). */
	weights: readonly number[];
	/** Chance that a brand-new card is answered right the first time it is shown. */
	firstTimeRight: number;
}

/** Scales how long the student remembers: initial stabilities and the growth after a pass. */
export function memoryProfile(name: string, factor: number, firstTimeRight = 0.5): StudentProfile {
	const w = [...default_w];
	for (let i = 0; i < 4; i++) w[i] = w[i]! * factor;
	w[8] = w[8]! + Math.log(factor);
	return { name, weights: w, firstTimeRight };
}

export const PROFILES: readonly StudentProfile[] = [
	memoryProfile('与 FSRS 默认参数相同', 1, 0.5),
	memoryProfile('记性较差（稳定性 ×0.5）', 0.5, 0.35),
	memoryProfile('记性较好（稳定性 ×1.5）', 1.5, 0.65),
	memoryProfile('记性很差（稳定性 ×0.3）', 0.3, 0.3)
];

export interface SimulationInput extends DayOptions {
	cards: readonly StudyCard[];
	profile: StudentProfile;
	/** Days from the first study day to the exam day. */
	days: number;
	minutesPerDay: number;
	/** Seconds the student takes for one rating. */
	secondsPerCard: number;
	/** Local hour at which the student studies each day. */
	studyHour: number;
	/** First study day, any moment in it. */
	start: number;
	seed: number;
	settings?: Partial<StudySettings>;
}

export interface DayReport {
	day: number;
	ratings: number;
	newCards: number;
	extras: number;
}

export interface SimulationResult {
	days: DayReport[];
	seen: number;
	total: number;
	/** Mean recall of every card on the exam morning by the student's true memory (unseen cards count 0). */
	recallTrue: number;
	/** The same, as the app's own FSRS model predicts it. */
	recallPredicted: number;
	/** Share of cards whose true recall on the exam morning is at least 90 %. */
	atLeast90: number;
}

export function simulateStudent(input: SimulationInput): SimulationResult {
	const rng = createRng(input.seed);
	const day: DayOptions = { dayStartHour: input.dayStartHour, utcOffsetMinutes: input.utcOffsetMinutes };
	const firstDay = studyDayStart(input.start, day);
	const examAt = firstDay + input.days * DAY;
	const settings: StudySettings = {
		...DEFAULT_SETTINGS,
		examDate: localDate(examAt + input.dayStartHour * 3_600_000, input.utcOffsetMinutes),
		minutesPerDay: input.minutesPerDay,
		...input.settings
	};
	const app = new Scheduler({ retention: settings.retention, weights: settings.fsrsWeights });
	const truth = new Scheduler({ retention: 0.9, weights: input.profile.weights });
	const states = new Map<string, CardState>();
	const memory = new Map<string, CardState>();
	const reviews: ReviewEntry[] = [];
	const budget = Math.floor((input.minutesPerDay * 60) / input.secondsPerCard);
	const report: DayReport[] = [];

	for (let d = 0; d < input.days; d++) {
		const dayStart = firstDay + d * DAY;
		let now = dayStart + ((input.studyHour - input.dayStartHour + 24) % 24) * 3_600_000;
		const dayEnd = dayStart + DAY;
		const shown = new Set<string>();
		const today: DayReport = { day: d + 1, ratings: 0, newCards: 0, extras: 0 };
		while (today.ratings < budget) {
			const ctx: StudyContext = { ...day, cards: input.cards, states, reviews: reviews.filter((r) => r.review >= dayStart - 30 * DAY), now, settings, scheduler: app };
			const dq = deckQueue(ctx, ALL_DECK, examPlan(ctx), shown);
			const pick = nextCard(dq);
			if (!pick) break;
			const grade = answer(memory.get(pick.id), now, truth, input.profile, rng);
			const { state, entry } = app.rate(pick.id, states.get(pick.id) ?? null, grade, new Date(now), 'flashcard', dayEnd);
			states.set(pick.id, state);
			reviews.push(entry);
			memory.set(pick.id, truth.rate(pick.id, memory.get(pick.id) ?? null, grade, new Date(now)).state);
			if (pick.source === 'new') today.newCards++;
			if (pick.source === 'exam') {
				today.extras++;
				shown.add(pick.id);
			}
			today.ratings++;
			now += input.secondsPerCard * 1000;
		}
		report.push(today);
	}

	const exam = new Date(examAt);
	let recallTrue = 0;
	let recallPredicted = 0;
	let strong = 0;
	for (const c of input.cards) {
		const m = memory.get(c.id);
		const s = states.get(c.id);
		const r = m ? truth.retrievability(m, exam) : 0;
		recallTrue += r;
		if (r >= 0.9) strong++;
		recallPredicted += s ? app.retrievability(s, exam) : 0;
	}
	const n = input.cards.length || 1;
	return {
		days: report,
		seen: [...states.values()].filter((s) => s.state !== State.New).length,
		total: input.cards.length,
		recallTrue: recallTrue / n,
		recallPredicted: recallPredicted / n,
		atLeast90: strong / n
	};
}

/** How the student rates a card, from whether their true memory recalls it now. */
function answer(m: CardState | undefined, now: number, truth: Scheduler, profile: StudentProfile, rng: () => number): Grade {
	const p = m && m.state !== State.New ? truth.retrievability(m, new Date(now)) : profile.firstTimeRight;
	if (rng() >= p) return Rating.Again;
	const x = rng();
	if (p < 0.8 && x < 0.3) return Rating.Hard;
	if (p > 0.95 && x < 0.15) return Rating.Easy;
	return Rating.Good;
}
