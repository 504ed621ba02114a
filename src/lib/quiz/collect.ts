/**
 * Collecting a class's result files for one assignment. Pure: decides, file by file, what is
 * accepted and what is flagged, and grades the accepted ones from their answers.
 */
import type { Question } from '../content/types';
import type { Assignment } from '../formats/assignment-link';
import { canonicalJson, parseResultFile, sizeProblem, type ResultFile } from '../formats/result-file';
import type { GradedAttempt } from '../stats/class';
import { regrade, type TeacherMarks } from './assignment';
import { questionIndex } from './calc';

/** A result file kept in the class list. */
export interface ClassEntry {
	checksum: string;
	assignmentId: string;
	fileName: string;
	importedAt: number;
	result: ResultFile;
	/** The teacher's marking of this student's 名词解释/简答, once given. */
	marks?: TeacherMarks;
}

export type CollectProblemKind = 'too-large' | 'malformed' | 'foreign' | 'newer-version' | 'tampered' | 'other-assignment' | 'unknown-assignment' | 'duplicate' | 'paper-mismatch';

export interface CollectProblem {
	fileName: string;
	kind: CollectProblemKind;
	message: string;
	/** For a result of an assignment this browser does not have: the link code it carries. */
	assignmentCode?: string;
}

export interface CollectOutcome {
	accepted: ClassEntry[];
	problems: CollectProblem[];
}

/**
 * Checks every file against the selected assignment and the class already imported. Nothing
 * here changes the stored class: the caller saves `accepted` in one transaction. Each file is
 * judged on its own: whatever one file holds, the others are still imported.
 * `size` (bytes), when given, is checked before the text: the caller need not read a huge file.
 */
export function collectResults(
	files: readonly { name: string; text: string; size?: number }[],
	target: Assignment,
	known: ReadonlyMap<string, Assignment>,
	existing: readonly ClassEntry[],
	bank: readonly Question[],
	now: number
): CollectOutcome {
	const out: CollectOutcome = { accepted: [], problems: [] };
	const seen = new Map(existing.map((e) => [e.checksum, e.fileName]));
	for (const file of files) {
		try {
			collectOne(file, target, known, bank, now, seen, out);
		} catch {
			// A bug in grading must cost one file, never the batch.
			out.problems.push({ fileName: file.name, kind: 'malformed', message: `未导入“${file.name}”：文件内容无法评分，可能被改动过。请让学生重新提交原始结果文件。` });
		}
	}
	return out;
}

function collectOne(
	file: { name: string; text: string; size?: number },
	target: Assignment,
	known: ReadonlyMap<string, Assignment>,
	bank: readonly Question[],
	now: number,
	seen: Map<string, string>,
	out: CollectOutcome
) {
	const tooBig = file.size === undefined ? null : sizeProblem(file.size);
	if (tooBig) {
		out.problems.push({ fileName: file.name, kind: 'too-large', message: `无法导入“${file.name}”：${tooBig}已导入的成绩没有改动。` });
		return;
	}
	const parsed = parseResultFile(file.text, file.name);
	if (!parsed.ok) {
		out.problems.push({ fileName: file.name, kind: parsed.error.kind, message: parsed.error.message });
		return;
	}
	const r = parsed.result;
	const flag = (kind: CollectProblemKind, why: string, extra: Partial<CollectProblem> = {}) =>
		out.problems.push({ fileName: file.name, kind, message: `未导入“${file.name}”（${r.student.name}）：${why}`, ...extra });
	if (r.assignment.id !== target.id) {
		const other = known.get(r.assignment.id);
		if (other) flag('other-assignment', `这是作业“${other.title}”的结果，不属于当前作业“${target.title}”。请在上方切换到那份作业后再导入。`);
		else flag('unknown-assignment', `它属于作业“${r.assignment.title}”，而本浏览器里没有这份作业。如果它确实是你布置的，可以把这份作业加入本机，再切换过去导入。`, { assignmentCode: r.assignmentCode });
		return;
	}
	if (canonicalJson(r.assignment) !== canonicalJson(target)) {
		flag('tampered', '文件中的作业设置与你布置的不一致（例如及格线或题目被改过）。请让学生重新提交原始结果文件。');
		return;
	}
	const dupOf = seen.get(r.checksum);
	if (dupOf !== undefined) {
		flag('duplicate', dupOf === file.name ? '这个文件已经导入过了。' : `它与已导入的“${dupOf}”内容完全相同，是重复文件。`);
		return;
	}
	const graded = regrade(target, r.seed, r.questionIds, r.answers, bank);
	if (!graded.ok) {
		flag('paper-mismatch', graded.reason);
		return;
	}
	seen.set(r.checksum, file.name);
	out.accepted.push({ checksum: r.checksum, assignmentId: target.id, fileName: file.name, importedAt: now, result: r });
}

export interface GradebookRow extends GradedAttempt {
	name: string;
	number: string;
	/** How many files this student handed in; the best attempt is the one graded. */
	attempts: number;
	percent: number;
	passed: boolean;
	/** Marks from 名词解释/简答 (marked by the student, or by the teacher where they have). */
	selfMarked: number;
	/** 名词解释/简答 on the paper, and how many of them the teacher has marked. */
	essays: number;
	teacherMarked: number;
	/** Questions the teacher has marked, so the detail view can say so. */
	marked: string[];
	startedAt: string;
	finishedAt: string;
	minutes: number;
	/** The score the file claimed, when it differs from the re-graded one. */
	claimed: number | null;
	checksum: string;
}

/**
 * One row per student (by student number, else by name), graded from the answers. A student's
 * best attempt counts, as Moodle's default "highest grade" does.
 */
export function gradebook(entries: readonly ClassEntry[], a: Assignment, bank: readonly Question[], passMark = a.passMark): GradebookRow[] {
	const byQuestion = questionIndex(bank);
	const best = new Map<string, GradebookRow>();
	for (const e of entries) {
		const r = e.result;
		const graded = regrade(a, r.seed, r.questionIds, r.answers, bank, e.marks);
		if (!graded.ok) continue;
		const { score, answers } = graded;
		const key = r.student.number.trim() || `name:${r.student.name.trim()}`;
		const items = score.items.map((m) => ({ questionId: m.questionId, mark: m, response: answers[m.questionId] }));
		const percent = score.max > 0 ? (score.earned / score.max) * 100 : 0;
		const essays = score.items.filter((m) => ['define', 'short'].includes(byQuestion.get(m.questionId)?.type ?? ''));
		const selfMarked = essays.reduce((s, m) => s + m.earned, 0);
		const row: GradebookRow = {
			key,
			name: r.student.name,
			number: r.student.number,
			attempts: (best.get(key)?.attempts ?? 0) + 1,
			earned: score.earned,
			max: score.max,
			items,
			percent,
			passed: percent >= passMark,
			selfMarked,
			essays: essays.length,
			teacherMarked: essays.filter((m) => e.marks?.[m.questionId] !== undefined).length,
			marked: Object.keys(e.marks ?? {}),
			startedAt: r.startedAt,
			finishedAt: r.finishedAt,
			minutes: Math.max(0, Math.round((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 60000)),
			claimed: Math.abs(r.score.earned - score.earned) > 1e-6 ? r.score.earned : null,
			checksum: e.checksum
		};
		const prev = best.get(key);
		if (!prev || row.percent > prev.percent) best.set(key, row);
		else prev.attempts = row.attempts;
	}
	return [...best.values()];
}

export type GradebookSort = 'number' | 'name' | 'percent' | 'finishedAt' | 'minutes';

/** Sorted copy; ties keep student-number order so the table never jumps around. */
export function sortGradebook(rows: readonly GradebookRow[], by: GradebookSort, descending: boolean): GradebookRow[] {
	const cmp: Record<GradebookSort, (a: GradebookRow, b: GradebookRow) => number> = {
		number: (a, b) => a.number.localeCompare(b.number, 'zh-CN', { numeric: true }),
		name: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
		percent: (a, b) => a.percent - b.percent,
		finishedAt: (a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt),
		minutes: (a, b) => a.minutes - b.minutes
	};
	return [...rows].sort((a, b) => (descending ? -1 : 1) * cmp[by](a, b) || cmp.number(a, b));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Whether a row's 名词解释/简答 marks are the teacher's, the student's own, or still missing. */
export function essayState(r: GradebookRow): string {
	if (r.teacherMarked === r.essays) return '已批阅';
	const unmarked = r.items.filter((i) => i.mark.status === 'pending').length;
	if (unmarked) return `待批阅 ${unmarked} 题`;
	return r.teacherMarked ? `已批 ${r.teacherMarked}/${r.essays}，其余学生自评` : '学生自评';
}

/** The gradebook as spreadsheet rows (header first) for the CSV export. */
export function gradebookTable(rows: readonly GradebookRow[], passMark: number): (string | number | null)[][] {
	return [
		['学号', '姓名', '得分', '满分', '百分比', `是否及格（${passMark}%）`, '其中名词解释/简答得分', '交卷次数', '开始时间', '交卷时间', '用时（分钟）', '备注'],
		...rows.map((r) => [
			r.number,
			r.name,
			round1(r.earned),
			r.max,
			round1(r.percent),
			r.passed ? '及格' : '不及格',
			r.essays ? round1(r.selfMarked) : null,
			r.attempts,
			r.startedAt,
			r.finishedAt,
			r.minutes,
			[
				r.claimed !== null ? `文件自报 ${round1(r.claimed)} 分，已按答案重新评分` : '',
				r.essays ? `名词解释/简答：${essayState(r)}` : ''
			]
				.filter(Boolean)
				.join('；')
		])
	];
}
