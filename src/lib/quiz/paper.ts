/** Paper assembly and scoring. Pure: the same bank, make-up and seed give the same paper. */
import type { Question, QuestionType } from '../content/types';
import { createRng, shuffle } from '../random';
import { calcKindsFor, calcQuestionId } from './calc-ids';
import type { Paper, PaperItem, PaperSpec } from './types';

/**
 * What assembling a paper reads of a question. The /quiz setup holds only this (the bank's
 * index, a tenth of its size), so choosing questions never waits for every stem and explanation.
 */
export type PaperQuestion = Pick<Question, 'id' | 'chapter' | 'type' | 'source'> & { options: readonly { key: string }[] };

/** One question in /data/question-index.json: id, chapter, type, source and its option keys ("ABCD"). */
export type QuestionIndexRow = [string, string, Question['type'], Question['source'], string];

export function fromIndexRow([id, chapter, type, source, keys]: QuestionIndexRow): PaperQuestion {
	return { id, chapter, type, source, options: [...keys].map((key) => ({ key })) };
}

export interface Shortfall {
	type: QuestionType;
	wanted: number;
	available: number;
}

export function assemblePaper(bank: readonly PaperQuestion[], spec: PaperSpec, seed: number): { paper: Paper; shortfalls: Shortfall[] } {
	const rng = createRng(seed);
	const inScope = bank.filter((q) => (spec.chapters.length === 0 || spec.chapters.includes(q.chapter)) && (!spec.courseOnly || q.source !== 'extension'));
	const items: PaperItem[] = [];
	const shortfalls: Shortfall[] = [];
	const used = new Set<string>();
	for (const row of spec.rows) {
		if (row.count <= 0) continue;
		if (row.type === 'calc') {
			// Generated from the same rng, so the paper stays a function of (spec, bank, seed).
			const drawn = drawCalc(spec.chapters, row.count, rng, spec.calcSet);
			if (drawn.length < row.count) shortfalls.push({ type: 'calc', wanted: row.count, available: drawn.length });
			items.push(...drawn.map((id) => ({ questionId: id, type: 'calc' as const, marks: row.marks })));
			continue;
		}
		const pool = shuffle(
			inScope.filter((q) => q.type === row.type && !used.has(q.id)),
			rng
		);
		if (pool.length < row.count) shortfalls.push({ type: row.type, wanted: row.count, available: pool.length });
		for (const q of pool.slice(0, row.count)) {
			used.add(q.id);
			items.push({
				questionId: q.id,
				type: q.type,
				marks: row.marks,
				...(q.options.length ? { optionOrder: spec.shuffleOptions ? shuffle(q.options.map((o) => o.key), rng) : q.options.map((o) => o.key) } : {})
			});
		}
	}
	return { paper: { seed, items, rules: spec.rules }, shortfalls };
}

/** A paper with the bank's own questions on it, for a page that holds only those (计算 ones are generated where shown). */
export function assembleWithQuestions<Q extends PaperQuestion>(bank: readonly Q[], spec: PaperSpec, seed: number): { paper: Paper; questions: Q[] } {
	const { paper } = assemblePaper(bank, spec, seed);
	const ids = new Set(paper.items.map((i) => i.questionId));
	return { paper, questions: bank.filter((q) => ids.has(q.id)) };
}

/**
 * The ids of `count` 计算 questions from the drills of the chapters in scope, the kinds taken in
 * turn from a random start so a short paper still varies. None if no chapter in scope has a
 * calculator. Ids only: the questions are generated where they are shown (./calc-questions).
 */
export function drawCalc(chapters: readonly string[], count: number, rng: () => number, calcSet?: number): string[] {
	const kinds = calcKindsFor(chapters, calcSet);
	if (!kinds.length) return [];
	const start = Math.floor(rng() * kinds.length);
	return Array.from({ length: count }, (_, i) => calcQuestionId(kinds[(start + i) % kinds.length]!, Math.floor(rng() * 2 ** 31)));
}

export interface QuestionFilter {
	chapters: string[];
	types: QuestionType[];
	/** 只看课程资料: leave out 教材拓展 questions. */
	courseOnly?: boolean;
}

const matches = (q: Pick<Question, 'chapter' | 'type' | 'source'>, filter: QuestionFilter) =>
	(filter.chapters.length === 0 || filter.chapters.includes(q.chapter)) &&
	(filter.types.length === 0 || filter.types.includes(q.type)) &&
	!(filter.courseOnly && q.source === 'extension');

/** Questions in the chosen chapters and types (empty = all), in course order. */
export function selectQuestions<Q extends PaperQuestion>(bank: readonly Q[], filter: QuestionFilter): Q[] {
	return bank.filter((q) => matches(q, filter));
}

/**
 * How many questions the bank has of each chapter and type, 教材拓展 apart: all the /quiz setup
 * needs to say what a choice will give. It comes with the page, so the setup never waits for the bank
 * however big it is; the index is fetched when a paper is made.
 */
export type QuestionTally = [chapter: string, type: QuestionType, extension: boolean, count: number][];

export function tallyQuestions(bank: readonly Pick<Question, 'chapter' | 'type' | 'source'>[]): QuestionTally {
	const tally = new Map<string, QuestionTally[number]>();
	for (const { chapter, type, source } of bank) {
		const extension = source === 'extension';
		const key = `${chapter}|${type}|${extension}`;
		const row = tally.get(key);
		if (row) row[3]++;
		else tally.set(key, [chapter, type, extension, 1]);
	}
	return [...tally.values()];
}

/** selectQuestions(bank, filter).length, from the bank's tally. */
export function countMatching(tally: QuestionTally, filter: QuestionFilter): number {
	return tally.reduce((n, [chapter, type, extension, count]) => (matches({ chapter, type, source: extension ? 'extension' : 'course' }, filter) ? n + count : n), 0);
}

/** The ids of the 计算 questions for practice: two of each calculator in the chosen chapters, seeded. */
export function practiceCalcIds(filter: QuestionFilter, seed: number): string[] {
	if (!filter.types.includes('calc')) return [];
	const kinds = calcKindsFor(filter.chapters);
	const rng = createRng(seed);
	return drawCalc(filter.chapters, kinds.length * 2, rng);
}

/** The key under which 顺序 practice remembers where it stopped for this selection. */
export function resumeKey(filter: QuestionFilter): string {
	return `${[...filter.chapters].sort().join(',') || '*'}|${[...filter.types].sort().join(',') || '*'}${filter.courseOnly ? '|course' : ''}`;
}

/** A practice paper: the chosen questions in course order (顺序) or shuffled by seed (随机). */
export function practicePaper(questions: readonly PaperQuestion[], order: 'sequential' | 'random', seed: number, marks = 1): Paper {
	const list = order === 'random' ? shuffle(questions, createRng(seed)) : [...questions];
	return {
		seed,
		items: list.map((q) => ({ questionId: q.id, type: q.type, marks, ...(q.options.length ? { optionOrder: q.options.map((o) => o.key) } : {}) })),
		rules: { partialCredit: false }
	};
}
