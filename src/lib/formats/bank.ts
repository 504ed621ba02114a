/** Choices shared by the question-bank exports (Moodle XML and GIFT), so both map alike. */
import type { Chapter, Course, FillAnswer, Question } from '../content/types';

export interface ExportOptions {
	/** Chapter ids to export; absent or empty = the whole bank. */
	chapters?: string[];
}

export const COURSE_CATEGORY = '客户关系管理';

/** Moodle category path for a chapter; "/" separates categories, so a literal one is doubled. */
export function categoryPath(chapterTitle: string): string {
	return `$course$/${COURSE_CATEGORY}/${chapterTitle.replaceAll('/', '//')}`;
}

/** Chapters in course order, each with its questions in course order; empty chapters are left out. */
export function selectedQuestions(course: Course, options: ExportOptions = {}): { chapter: Chapter; questions: Question[] }[] {
	const wanted = options.chapters?.length ? new Set(options.chapters) : null;
	return course.chapters
		.filter((c) => !wanted || wanted.has(c.id))
		.map((chapter) => ({ chapter, questions: course.questions.filter((q) => q.chapter === chapter.id) }))
		.filter((x) => x.questions.length > 0);
}

/**
 * Moodle fractions (percent) for a multiple-answer question: each correct option 100/k, each
 * wrong option −100. Moodle adds the fractions of the ticked options and floors the total at 0,
 * so this gives exactly the app's partial credit: a share per correct pick, and nothing at all
 * if any wrong option is ticked (which also defeats ticking everything).
 */
export function multipleChoiceFractions(keys: readonly string[], correct: readonly string[]): number[] {
	const right = keys.filter((k) => correct.includes(k)).length;
	return keys.map((k) => (correct.includes(k) ? 100 / right : -100));
}

/**
 * Moodle's own notation (5 decimals: 33.33333), which matches its list of allowed grades for up
 * to 10 correct options.
 */
export function fractionText(percent: number): string {
	return String(Number(percent.toFixed(5)));
}

/**
 * What each blank accepts: its own spellings only. Moodle and GIFT judge each blank on its own and
 * cannot say "these blanks in any order" without also accepting one answer typed into every
 * blank, so a 顺序: 任意 question is exported in the textbook order with ANY_ORDER_NOTE telling the
 * student so. (Crediting every blank with every answer gave full marks for one answer typed n times.)
 */
export function blankAnswers(answer: FillAnswer): string[][] {
	return answer.blanks.map((own) => [...own]);
}

/** Added to the text of a 顺序: 任意 fill question in the exports, since the order is fixed there. */
export const ANY_ORDER_NOTE = '（按教材顺序作答）';

/** A short plain-text preview of a stem for a question's name in another tool. */
export function questionName(stem: string, max = 30): string {
	const text = stem.replace(/\$[^$]*\$/g, '…').replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
	return text.length > max ? `${text.slice(0, max)}…` : text;
}
