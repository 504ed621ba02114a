/** The 错题本: which questions were missed, and when they have been learned well enough to leave. */
import type { Response } from './types';

export interface Mistake {
	questionId: string;
	misses: number;
	firstMissedAt: number;
	lastMissedAt: number;
	/** Right answers in a row since the last miss. */
	streak: number;
	starred: boolean;
	lastWrong: Response | null;
}

/** Default: a question leaves the notebook after two right answers in a row. */
export const DEFAULT_CLEAR_AFTER = 2;

/**
 * Applies one answer to the notebook entry. Returns the new entry, or null when the
 * question leaves the notebook (or was never in it and was answered right).
 */
export function recordAnswer(entry: Mistake | undefined, questionId: string, correct: boolean, response: Response | null, now: number, clearAfter = DEFAULT_CLEAR_AFTER): Mistake | null {
	if (!correct) {
		return {
			questionId,
			misses: (entry?.misses ?? 0) + 1,
			firstMissedAt: entry?.firstMissedAt ?? now,
			lastMissedAt: now,
			streak: 0,
			starred: entry?.starred ?? false,
			lastWrong: response
		};
	}
	if (!entry) return null;
	const streak = entry.streak + 1;
	if (streak >= clearAfter && !entry.starred) return null;
	return { ...entry, streak };
}
