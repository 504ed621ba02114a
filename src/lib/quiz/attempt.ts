/**
 * Quiz attempts: what is stored after every answer, and what an answer changes elsewhere
 * (the 错题本 and the flashcards). Pure: time, the scheduler and current state are inputs.
 */
import type { Question } from '../content/types';
import { Rating, State } from '../srs/card-state';
import type { CardState, ReviewEntry, Scheduler } from '../srs/scheduler';
import { markQuestion, scorePaper, type PaperScore } from './marking';
import { recordAnswer, type Mistake } from './mistakes';
import type { AttemptMode, MarkResult, Paper, Response } from './types';

export interface AttemptData {
	mode: AttemptMode;
	title: string;
	paper: Paper;
	answers: Record<string, Response>;
	/** Questions whose answer has been checked (practice feedback, or self-marking confirmed). */
	checked: string[];
	cursor: number;
	startedAt: number;
	/** Mock exams with a time limit: when time runs out, even if the tab was closed. */
	deadline: number | null;
	finishedAt: number | null;
	/** Score at submission (objective part); self-marking later updates it. */
	score: PaperScore | null;
	/** 顺序 practice: where this run started in the filtered list, the key its position is kept under, and how many questions the list has. */
	resume?: { key: string; offset: number; total?: number };
	/** Mock exams: questions the learner 标记ed to come back to. */
	flagged?: string[];
	/** Instructor assignments: who took it, the link it came from, and whether answers may be shown. */
	assignment?: { id: string; code: string; student: { name: string; number: string }; showAnswers: boolean };
}

export function newAttempt(mode: AttemptMode, title: string, paper: Paper, now: number, timeLimitMinutes: number | null = null, extra: Partial<AttemptData> = {}): AttemptData {
	return {
		mode,
		title,
		paper,
		answers: {},
		checked: [],
		cursor: 0,
		startedAt: now,
		deadline: timeLimitMinutes ? now + timeLimitMinutes * 60_000 : null,
		finishedAt: null,
		score: null,
		...extra
	};
}

/** Seconds left on a timed attempt (never negative), or null if untimed. */
export function secondsLeft(a: AttemptData, now: number): number | null {
	return a.deadline === null ? null : Math.max(0, Math.ceil((a.deadline - now) / 1000));
}

export function isExpired(a: AttemptData, now: number): boolean {
	return a.deadline !== null && now >= a.deadline && a.finishedAt === null;
}

/** Full marks, not merely some, is what keeps a question out of the 错题本. */
export function isRight(m: MarkResult): boolean {
	return m.status === 'correct';
}

export interface Effects {
	mistakesPut: Mistake[];
	mistakesRemove: string[];
	reviews: { state: CardState; entry: ReviewEntry }[];
}

/**
 * What answering these questions changes: wrong answers enter the 错题本 and bring the
 * flashcards of their concepts forward as a 重来 would; right answers count towards leaving
 * the notebook but never touch card intervals.
 */
export function answerEffects(
	outcomes: { question: Question; mark: MarkResult; response: Response | null }[],
	mistakes: ReadonlyMap<string, Mistake>,
	cards: ReadonlyMap<string, CardState>,
	scheduler: Scheduler,
	now: number,
	clearAfter: number
): Effects {
	const effects: Effects = { mistakesPut: [], mistakesRemove: [], reviews: [] };
	const lapsed = new Set<string>();
	for (const { question, mark, response } of outcomes) {
		// Not yet self-marked, or left blank: nothing was answered wrongly (yet).
		if (mark.status === 'pending' || mark.status === 'unanswered') continue;
		const right = isRight(mark);
		const before = mistakes.get(question.id);
		const after = recordAnswer(before, question.id, right, right ? null : response, now, clearAfter);
		if (after) effects.mistakesPut.push(after);
		else if (before) effects.mistakesRemove.push(question.id);
		if (right) continue;
		const cardIds = [...question.concepts.map((c) => `${c}:card`), ...(question.type === 'fill' ? [`${question.id}:cloze`] : [])];
		for (const id of cardIds) {
			const state = cards.get(id);
			if (!state || state.state === State.New || lapsed.has(id)) continue;
			lapsed.add(id);
			effects.reviews.push(scheduler.rate(id, state, Rating.Again, new Date(now), 'quiz'));
		}
	}
	return effects;
}

/** Marks one question of an attempt with the paper's rules. */
export function markItem(a: AttemptData, q: Question): MarkResult {
	const item = a.paper.items.find((i) => i.questionId === q.id);
	return markQuestion(q, a.answers[q.id], item?.marks ?? 1, a.paper.rules);
}

export function finish(a: AttemptData, questions: ReadonlyMap<string, Question>, now: number): AttemptData {
	const finishedAt = a.deadline !== null ? Math.min(now, a.deadline) : now;
	return { ...a, finishedAt, score: scorePaper(a.paper, questions, a.answers) };
}

export interface PracticeSummary {
	/** Questions whose answer was checked (or self-marked). */
	answered: number;
	correct: number;
	earned: number;
	max: number;
	/** correct / answered, or null when nothing was answered. */
	accuracy: number | null;
	seconds: number;
	/** Checked but not fully right, in paper order: the ones to retry. */
	wrong: string[];
}

/** The end of a practice session: only the questions actually answered count. */
export function practiceSummary(a: AttemptData, questions: ReadonlyMap<string, Question>, now: number): PracticeSummary {
	const out: PracticeSummary = { answered: 0, correct: 0, earned: 0, max: 0, accuracy: null, seconds: Math.max(0, Math.round(((a.finishedAt ?? now) - a.startedAt) / 1000)), wrong: [] };
	for (const item of a.paper.items) {
		const q = questions.get(item.questionId);
		if (!q || !a.checked.includes(q.id)) continue;
		const m = markQuestion(q, a.answers[q.id], item.marks, a.paper.rules);
		if (m.status === 'pending') continue;
		out.answered++;
		out.earned += m.earned;
		out.max += m.max;
		if (m.status === 'correct') out.correct++;
		else out.wrong.push(q.id);
	}
	out.earned = Math.round(out.earned * 1e6) / 1e6;
	out.accuracy = out.answered ? out.correct / out.answered : null;
	return out;
}
