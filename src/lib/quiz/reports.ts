/**
 * The teacher's reports as tables and files: every student's responses (Moodle's Responses
 * report), the item analysis, and the marked result handed back to a student. Pure.
 */
import type { Question } from '../content/types';
import { FEEDBACK_FORMAT, FEEDBACK_VERSION, type FeedbackFile } from '../formats/feedback-file';
import type { Assignment } from '../formats/assignment-link';
import { ITEM_FLAG_LABELS, MIN_ITEM_SAMPLE, type ItemStats } from '../stats/class';
import type { GradebookRow } from './collect';
import { correctAnswerText, plainStem, responseText } from './describe';

type Cell = string | number | null;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Questions that appear on any student's paper, in the bank's order. */
export function questionsOnPapers(rows: readonly GradebookRow[], bank: readonly Question[]): Question[] {
	const seen = new Set(rows.flatMap((r) => r.items.map((i) => i.questionId)));
	return bank.filter((q) => seen.has(q.id));
}

/**
 * One row per student; for each question the answer given and the marks (blank when the question
 * was not on that student's paper). Choice answers use the bank's option keys, the same for every
 * student whatever order they saw.
 */
export function responsesTable(rows: readonly GradebookRow[], questions: readonly Question[]): Cell[][] {
	const header: Cell[] = ['学号', '姓名', '得分', '满分', '百分比'];
	questions.forEach((q, i) => header.push(`${i + 1}. ${q.id} 作答`, `${i + 1}. ${q.id} 得分（满分见题）`));
	return [
		header,
		...rows.map((r) => {
			const byId = new Map(r.items.map((i) => [i.questionId, i]));
			const cells: Cell[] = [r.number, r.name, round2(r.earned), r.max, round2(r.percent)];
			for (const q of questions) {
				const it = byId.get(q.id);
				if (!it) cells.push(null, null);
				else cells.push(responseText(q, it.response), it.mark.status === 'pending' ? '待批阅' : round2(it.mark.earned));
			}
			return cells;
		})
	];
}

/** The item analysis as a table for a spreadsheet; statistics below the minimum sample stay blank with the reason. */
export function itemAnalysisTable(items: readonly ItemStats[], questions: ReadonlyMap<string, Question>): Cell[][] {
	return [
		['序号', '题号', '题型', '题干', '作答人数', '已评分', '难度（得分率）', '区分度', '选项分布', '未答', '提示'],
		...items.map((s, i) => {
			const q = questions.get(s.questionId);
			const few = s.facility === null ? `已评分不足 ${MIN_ITEM_SAMPLE} 份，未计算` : '';
			return [
				i + 1,
				s.questionId,
				q?.type ?? '',
				q ? plainStem(q.stem, 80) : '',
				s.n,
				s.marked,
				s.facility === null ? null : round2(s.facility),
				s.discrimination === null ? null : round2(s.discrimination),
				s.options ? s.options.map((o) => `${o.key}${o.correct ? '（正确）' : ''}:${o.count}`).join(' ') : null,
				s.blank,
				[few, ...s.flags.map((f) => ITEM_FLAG_LABELS[f])].filter(Boolean).join('；')
			];
		})
	];
}

/** The marked result for one student: marks, the teacher's comments, and the answers if the assignment shows them. */
export function buildFeedback(row: GradebookRow, a: Assignment, questions: ReadonlyMap<string, Question>, now: number): FeedbackFile {
	return {
		format: FEEDBACK_FORMAT,
		version: FEEDBACK_VERSION,
		assignment: { id: a.id, title: a.title, passMark: a.passMark },
		student: { name: row.name, number: row.number },
		finishedAt: row.finishedAt,
		issuedAt: new Date(now).toISOString(),
		total: { earned: row.earned, max: row.max, pendingMax: row.pendingMax, pass: row.passState },
		items: row.items.map((it) => {
			const q = questions.get(it.questionId);
			return {
				questionId: it.questionId,
				earned: it.mark.status === 'pending' ? null : it.mark.earned,
				max: it.mark.max,
				response: q ? responseText(q, it.response, it.optionOrder) : '',
				...(q && a.showAnswers ? { answer: correctAnswerText(q, it.optionOrder) } : {}),
				...(it.comment ? { comment: it.comment } : {})
			};
		})
	};
}

/** Text made safe as part of a file name on every system. */
export const fileStem = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').trim().slice(0, 40);

/** A file name for a student's marked result. */
export function feedbackFileName(title: string, student: { name: string; number: string }): string {
	return `${[fileStem(title), fileStem(student.number), fileStem(student.name), '批阅结果'].filter(Boolean).join('-')}.json`;
}
