/** Typed course content. Everything here is produced from content/*.md at build time. */

export type ConceptKind = 'term' | 'list' | 'formula' | 'compare';
/** 'calc' (计算) questions are never written in content/: they are generated from the calculators' drills. */
export type QuestionType = 'single' | 'multiple' | 'judge' | 'fill' | 'define' | 'short' | 'calc';
/** The question types that content/*.md can contain. */
export type AuthoredQuestionType = Exclude<QuestionType, 'calc'>;

/** Where an item was written, so errors and editors can point at it. */
export interface SourcePos {
	file: string;
	line: number;
}

export interface Chapter {
	id: string;
	title: string;
	/** 1-based position taken from the file name prefix; never part of any id. */
	order: number;
	summary: string;
	file: string;
}

export interface Concept {
	id: string;
	kind: ConceptKind;
	chapter: string;
	name: string;
	english: string | null;
	related: string[];
	tags: string[];
	/** Markdown: the definition (term), the intro (list), the explanation (formula) or the table (compare). */
	text: string;
	/** Extra Markdown notes (terms only). */
	note: string;
	/** List items (lists only). */
	items: string[];
	/** LaTeX source (formulas only). */
	formula: string;
	/** 'extension' (来源: 教材拓展): from the wider textbooks, not the course's own documents. */
	source: 'course' | 'extension';
	pos: SourcePos;
}

export interface ChoiceOption {
	key: string;
	text: string;
	/** Rendered at build time; present in /data/questions.json. */
	html?: string;
}

export interface FillAnswer {
	/** One entry per blank; each lists the accepted spellings, the first being canonical. */
	blanks: string[][];
	anyOrder: boolean;
}

/** One number asked by a 计算 question. */
export interface CalcField {
	label: string;
	/** '%' means percentage points (75 for 75 %). */
	unit: '元' | '%' | '位' | '';
	value: number;
	/** Absolute tolerance accepted. */
	tolerance: number;
}

/** A 计算 question is a drill of the calculators, rebuilt from (kind, seed) alone. */
export interface CalcAnswer {
	kind: string;
	seed: number;
	fields: CalcField[];
	/** The worked solution: KaTeX steps from the calculator. */
	solution: { label: string; tex: string; note?: string }[];
	convention?: string;
	/** The calculator page and its query, to open the same numbers there. */
	calculator: { path: string; params: Record<string, string> };
}

export interface SelfMarkedAnswer {
	model: string;
	points: string[];
}

interface QuestionBase {
	id: string;
	chapter: string;
	/** Markdown. For fill questions each blank is replaced by BLANK_MARK. */
	stem: string;
	explanation: string;
	concepts: string[];
	/** course: an item of the course's own documents; authored: written for the app from them; extension: 教材拓展. */
	source: 'course' | 'authored' | 'extension';
	tags: string[];
	pos: SourcePos;
}

export type Question =
	| (QuestionBase & { type: 'single'; options: ChoiceOption[]; answer: string })
	| (QuestionBase & { type: 'multiple'; options: ChoiceOption[]; answer: string[] })
	| (QuestionBase & { type: 'judge'; options: []; answer: boolean })
	| (QuestionBase & { type: 'fill'; options: []; answer: FillAnswer })
	| (QuestionBase & { type: 'define' | 'short'; options: []; answer: SelfMarkedAnswer })
	| (QuestionBase & { type: 'calc'; options: []; answer: CalcAnswer });

export interface Course {
	chapters: Chapter[];
	concepts: Concept[];
	questions: Question[];
}

export interface ContentFile {
	/** Path shown in error messages, e.g. content/06-satisfaction.md */
	path: string;
	text: string;
}

export const BLANK_MARK = '＿＿＿';

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
	single: '单选',
	multiple: '多选',
	judge: '判断',
	fill: '填空',
	define: '名词解释',
	short: '简答',
	calc: '计算'
};

export const CONCEPT_KIND_LABELS: Record<ConceptKind, string> = {
	term: '术语',
	list: '列表',
	formula: '公式',
	compare: '对比'
};
