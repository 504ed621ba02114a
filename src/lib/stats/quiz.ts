/** Quiz aggregates for the progress page. Pure. */
import type { Question } from '../content/types';
import type { AttemptData } from '../quiz/attempt';
import { isAnswered, markQuestion } from '../quiz/marking';

export interface ScorePoint {
	at: number;
	title: string;
	percent: number;
}

/** Finished exams (mock exams and assignments), oldest first, as percentages. */
export function scoreTrend(attempts: readonly AttemptData[]): ScorePoint[] {
	return attempts
		.filter((a) => a.finishedAt !== null && a.score && a.score.max > 0 && (a.mode === 'mock' || a.mode === 'assignment'))
		.map((a) => ({ at: a.finishedAt!, title: a.title, percent: a.score!.earned / a.score!.max }))
		.sort((x, y) => x.at - y.at);
}

export interface ChapterAccuracy {
	chapter: string;
	earned: number;
	max: number;
	answered: number;
	rate: number;
}

/**
 * Accuracy per chapter over every answered question in every attempt (practice included),
 * weakest first. Chapters with fewer than `minAnswered` answers are left out as too noisy.
 */
export function weakestChapters(attempts: readonly AttemptData[], questions: ReadonlyMap<string, Question>, minAnswered = 3): ChapterAccuracy[] {
	const rows = new Map<string, ChapterAccuracy>();
	for (const a of attempts) {
		if (a.mode === 'review') continue;
		for (const item of a.paper.items) {
			const q = questions.get(item.questionId);
			const r = a.answers[item.questionId];
			if (!q || !isAnswered(r)) continue;
			// Practice answers count once checked; exam answers once submitted.
			const final = a.finishedAt !== null || a.checked.includes(q.id);
			if (!final) continue;
			const m = markQuestion(q, r, item.marks, a.paper.rules);
			if (m.status === 'pending') continue;
			const row = rows.get(q.chapter) ?? { chapter: q.chapter, earned: 0, max: 0, answered: 0, rate: 0 };
			row.earned += m.earned;
			row.max += m.max;
			row.answered++;
			rows.set(q.chapter, row);
		}
	}
	return [...rows.values()]
		.filter((r) => r.answered >= minAnswered && r.max > 0)
		.map((r) => ({ ...r, rate: r.earned / r.max }))
		.sort((x, y) => x.rate - y.rate);
}
