/**
 * Instructor assignments: ./assignment-paper (re-exported here) builds the papers; re-grading a
 * student's result lives here because it generates 计算 questions, and the student's pages,
 * which import ./assignment-paper, load that generator only when a paper needs it.
 */
export * from './assignment-paper';
import type { Assignment } from '../formats/assignment-link';
import { assignmentPaper, sanitizeAnswers } from './assignment-paper';
import { questionIndex } from './calc';
import type { Question } from '../content/types';
import { scorePaper, type PaperScore } from './marking';
import type { Paper, Response } from './types';

export type RegradeResult = { ok: true; paper: Paper; score: PaperScore; answers: Record<string, Response> } | { ok: false; reason: string };

/** The teacher's marking of 名词解释/简答: for each question, the indices of the points awarded. */
export type TeacherMarks = Record<string, number[]>;

export interface GradeOptions {
	/**
	 * Whether a student's own ticking of 名词解释/简答 counts until the teacher marks it. Off, such
	 * answers stay 待批阅 (pending): they earn nothing yet and the pass decision waits for them.
	 */
	selfMarks?: boolean;
	/** The teacher's free mark for a question, replacing any ticked points. */
	overrides?: Readonly<Record<string, number>>;
}

const ESSAY = new Set(['define', 'short']);

/**
 * Rebuilds the student's paper from the assignment and their seed and scores their answers.
 * The teacher's marks (ticked points, or a free mark) replace the student's self-marking of
 * 名词解释/简答. Fails when the paper cannot be rebuilt exactly, e.g. the question bank changed since.
 */
export function regrade(
	a: Assignment,
	seed: number,
	paperIds: readonly string[],
	rawAnswers: unknown,
	bank: readonly Question[],
	teacherMarks: TeacherMarks = {},
	options: GradeOptions = {}
): RegradeResult {
	const { selfMarks = true, overrides = {} } = options;
	const { paper } = assignmentPaper(a, bank, seed);
	const ids = paper.items.map((i) => i.questionId);
	if (ids.length !== paperIds.length || ids.some((id, i) => id !== paperIds[i])) {
		return { ok: false, reason: '按作业设置重建的试卷与结果文件中的题目不一致（可能是本站题库在学生作答后更新过）。' };
	}
	const byId = questionIndex(bank);
	const answers = sanitizeAnswers(rawAnswers, byId);
	if (!selfMarks) {
		for (const [id, r] of Object.entries(answers)) if ((r.type === 'define' || r.type === 'short') && r.ticked !== null) answers[id] = { ...r, ticked: null };
	}
	for (const [id, ticked] of Object.entries(teacherMarks)) {
		const q = byId.get(id);
		if (!q || !ESSAY.has(q.type) || !ids.includes(id)) continue;
		const r = answers[id];
		answers[id] = { type: q.type as 'define' | 'short', text: r && (r.type === 'define' || r.type === 'short') ? r.text : '', ticked: [...ticked] };
	}
	const score = scorePaper(paper, byId, answers);
	const free = Object.entries(overrides).filter(([id, v]) => ESSAY.has(byId.get(id)?.type ?? '') && ids.includes(id) && Number.isFinite(v));
	if (free.length) {
		const overridden = new Map(free);
		score.items = score.items.map((m) => {
			const v = overridden.get(m.questionId);
			if (v === undefined) return m;
			const earned = Math.round(Math.min(m.max, Math.max(0, v)) * 1e6) / 1e6;
			return { ...m, earned, status: earned >= m.max ? 'correct' : earned > 0 ? 'partial' : 'wrong' };
		});
		score.earned = Math.round(score.items.reduce((s, m) => s + m.earned, 0) * 1e6) / 1e6;
		for (const bucket of [score.byType, score.byChapter]) for (const k of Object.keys(bucket)) bucket[k]!.earned = 0;
		for (const m of score.items) {
			const q = byId.get(m.questionId)!;
			score.byType[q.type]!.earned += m.earned;
			score.byChapter[q.chapter]!.earned += m.earned;
		}
	}
	return { ok: true, paper, score, answers };
}

