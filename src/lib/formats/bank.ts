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
 * What each blank accepts. A blank's own spellings come first. Moodle and GIFT judge each blank
 * on its own, so for 顺序: 任意 every blank also accepts the other blanks' answers ("others");
 * the price is that the same answer typed into two blanks is accepted twice.
 */
export function acceptedBlankAnswers(answer: FillAnswer): { own: string[]; others: string[] }[] {
	return answer.blanks.map((own, i) => {
		if (!answer.anyOrder) return { own, others: [] };
		const seen = new Set(own);
		const others: string[] = [];
		answer.blanks.forEach((alts, j) => {
			if (j === i) return;
			for (const a of alts) if (!seen.has(a)) (seen.add(a), others.push(a));
		});
		return { own, others };
	});
}
