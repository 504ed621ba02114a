/** Answer normalisation for fill-in-the-blank marking. */
import { distance } from 'fastest-levenshtein';

// Chinese and ASCII punctuation, quotes, brackets and separators that never change an answer's meaning.
const PUNCTUATION = /[\s\p{P}\p{S}·•～]+/gu;

/**
 * Folds full-width to half-width (NFKC), case, whitespace and punctuation, so that
 * “ＣＲＭ 系统。” and “crm系统” compare equal.
 */
export function normaliseAnswer(text: string): string {
	return text.normalize('NFKC').toLowerCase().replace(PUNCTUATION, '');
}

export type BlankVerdict = 'correct' | 'near' | 'wrong' | 'empty';

/**
 * Compares one typed answer with the accepted spellings. A near miss (one character
 * off on an answer of two or more characters) is reported as such and earns nothing.
 */
export function judgeBlank(given: string, accepted: readonly string[]): BlankVerdict {
	const g = normaliseAnswer(given);
	if (!g) return 'empty';
	const targets = accepted.map(normaliseAnswer);
	if (targets.includes(g)) return 'correct';
	if (targets.some((t) => t.length >= 2 && distance(g, t) === 1)) return 'near';
	return 'wrong';
}
