/** Concept search: Chinese substrings, English names and pinyin (initials or full). */

export interface SearchEntry {
	id: string;
	name: string;
	english: string | null;
	chapter: string;
	initials: string;
	full: string;
}

function normalise(s: string): string {
	return s
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s\-_·.,，。()（）/]+/g, '');
}

/**
 * Returns matching entries, best first. Ranking favours the concept's own name over its
 * English name over pinyin, and prefixes over substrings, so typing a whole term puts it on top.
 */
export function searchConcepts<T extends SearchEntry>(entries: T[], query: string): T[] {
	const q = normalise(query);
	if (!q) return entries;
	const scored: { entry: T; score: number; index: number }[] = [];
	entries.forEach((entry, index) => {
		const name = normalise(entry.name);
		const english = normalise(entry.english ?? '');
		let score = 0;
		if (name === q) score = 100;
		else if (name.startsWith(q)) score = 80;
		else if (name.includes(q)) score = 60;
		else if (english.startsWith(q)) score = 50;
		else if (english.includes(q)) score = 40;
		else if (/^[a-z]+$/.test(q)) {
			if (entry.initials.startsWith(q)) score = 35;
			else if (entry.full.startsWith(q)) score = 30;
			else if (entry.initials.includes(q)) score = 20;
			else if (entry.full.includes(q)) score = 10;
		}
		if (score > 0) scored.push({ entry, score, index });
	});
	scored.sort((a, b) => b.score - a.score || a.index - b.index);
	return scored.map((s) => s.entry);
}

/** A question bank prepared for searching: each question's text normalised once, when the bank loads. */
export interface QuestionIndex<Q> {
	entries: readonly { question: Q; hay: string }[];
}

export function indexQuestions<Q extends { id: string; stem: string; options: { text: string }[] }>(
	questions: readonly Q[],
	answerText: (q: Q) => string = () => ''
): QuestionIndex<Q> {
	return { entries: questions.map((q) => ({ question: q, hay: normalise([q.id, q.stem, ...q.options.map((o) => o.text), answerText(q)].join(' ')) })) };
}

/**
 * Question search for the teacher's bank. Chinese has no spaces between words, so plain
 * substring matching is both simpler and more accurate here than a token index: every
 * space-separated term must occur in the id, the stem, an option or the answer text.
 * Only the query is normalised per keystroke; the bank was normalised by indexQuestions.
 */
export function searchQuestions<Q>(index: QuestionIndex<Q>, query: string): Q[] {
	const terms = query.split(/\s+/).map(normalise).filter(Boolean);
	if (!terms.length) return index.entries.map((e) => e.question);
	return index.entries.filter((e) => terms.every((t) => e.hay.includes(t))).map((e) => e.question);
}
