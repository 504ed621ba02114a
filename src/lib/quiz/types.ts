/** Quiz data shared by marking, papers, attempts and the 错题本. All JSON-safe. */
import type { QuestionType } from '../content/types';

/** What a learner answered, per question type. */
export type Response =
	| { type: 'single'; choice: string | null }
	| { type: 'multiple'; choices: string[] }
	| { type: 'judge'; value: boolean | null }
	| { type: 'fill'; blanks: string[] }
	| { type: 'define' | 'short'; text: string; ticked: number[] | null }
	/** 计算: what was typed in each answer field, in the question's field order. */
	| { type: 'calc'; values: string[] };

export type MarkStatus = 'correct' | 'partial' | 'wrong' | 'unanswered' | 'pending';

export interface MarkResult {
	earned: number;
	max: number;
	status: MarkStatus;
	/** Fill questions: the verdict for each blank, in the order the learner typed them; 计算: for each field. */
	blanks?: ('correct' | 'near' | 'wrong' | 'empty')[];
}

export interface MarkingRules {
	/** 多选: a fraction per correct pick, zero if any wrong pick. Off = all or nothing. */
	partialCredit: boolean;
}

export interface PaperItem {
	questionId: string;
	type: QuestionType;
	marks: number;
	/** Option keys in display order (choice questions on shuffled papers). */
	optionOrder?: string[];
}

export interface Paper {
	seed: number;
	items: PaperItem[];
	rules: MarkingRules;
}

export interface MakeupRow {
	type: QuestionType;
	count: number;
	/** Marks for each question of this type. */
	marks: number;
}

export interface PaperSpec {
	rows: MakeupRow[];
	/** Empty means the whole course. */
	chapters: string[];
	shuffleOptions: boolean;
	rules: MarkingRules;
	/** 只看课程资料: draw no 教材拓展 questions. */
	courseOnly?: boolean;
	/**
	 * Which CALC_SETS entry 计算 questions are drawn from; default the latest. Papers rebuilt from a
	 * seed (assignment and print links) pass the set their link was made with, so they never change.
	 */
	calcSet?: number;
}

/** The course's own exam shape: 100 points. */
export const DEFAULT_MAKEUP: MakeupRow[] = [
	{ type: 'single', count: 10, marks: 2 },
	{ type: 'multiple', count: 5, marks: 2 },
	{ type: 'judge', count: 10, marks: 1 },
	{ type: 'fill', count: 10, marks: 1 },
	{ type: 'define', count: 4, marks: 5 },
	{ type: 'short', count: 3, marks: 10 },
	// The course's papers have no 计算, so the row is there to switch on, not on by default.
	{ type: 'calc', count: 0, marks: 5 }
];

export type AttemptMode = 'practice' | 'review' | 'mock' | 'mistakes' | 'assignment';

export const MODE_LABELS: Record<AttemptMode, string> = {
	practice: '练习',
	review: '背题',
	mock: '模拟考试',
	mistakes: '错题重做',
	assignment: '布置的测验'
};
