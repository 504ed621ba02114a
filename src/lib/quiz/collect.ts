/**
 * Collecting a class's result files for one assignment. Pure: decides, file by file, what is
 * accepted and what is flagged, and grades the accepted ones from their answers.
 */
import type { Question } from '../content/types';
import type { Assignment } from '../formats/assignment-link';
import { COMMENT_MAX, canonicalJson, parseResultFile, sizeProblem, type ResultFile } from '../formats/result-file';
import type { GradedAttempt } from '../stats/class';
import { spreadsheetDateTime } from '../formats/csv';
import { regrade, type TeacherMarks } from './assignment';
import { questionIndex } from './calc';
import type { MarkResult, Response } from './types';

/** A result file kept in the class list. */
export interface ClassEntry {
	checksum: string;
	assignmentId: string;
	fileName: string;
	importedAt: number;
	result: ResultFile;
	/** The teacher's marking of this student's 名词解释/简答, once given. */
	marks?: TeacherMarks;
	/** The teacher's free marks and comments, per question. A free mark replaces ticked points. */
	grades?: Record<string, TeacherGrade>;
	/** Deleted from the class by the teacher; kept so the deletion is one atomic put, and ignored everywhere. */
	removedAt?: number;
}

export interface TeacherGrade {
	mark?: number;
	comment?: string;
}

/** Entries still in the class (not deleted by the teacher). */
export const liveEntries = (entries: readonly ClassEntry[]) => entries.filter((e) => e.removedAt === undefined);

export type CollectProblemKind =
	| 'too-large'
	| 'malformed'
	| 'foreign'
	| 'newer-version'
	| 'tampered'
	| 'other-assignment'
	| 'unknown-assignment'
	| 'duplicate'
	| 'paper-mismatch'
	| 'identity-conflict';

export interface CollectProblem {
	fileName: string;
	kind: CollectProblemKind;
	message: string;
	/** For a result of an assignment this browser does not have: the link code it carries. */
	assignmentCode?: string;
	/** For a name/number clash: the checked entry, which the teacher may still choose to import. */
	entry?: ClassEntry;
}

export interface CollectOutcome {
	accepted: ClassEntry[];
	problems: CollectProblem[];
	/** Accepted files handed in after the assignment closed, as messages. */
	late?: string[];
}

/** Whether a result was finished after the assignment's close time. */
export const isLate = (a: Assignment, finishedAt: string) => a.closesAt !== undefined && Date.parse(finishedAt) > a.closesAt;

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
	const live = liveEntries(existing);
	const seen = new Map(live.map((e) => [e.checksum, e.fileName]));
	const people = live.map((e) => e.result.student);
	for (const file of files) {
		try {
			collectOne(file, target, known, bank, now, seen, people, out);
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
	people: { name: string; number: string }[],
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
	const entry: ClassEntry = { checksum: r.checksum, assignmentId: target.id, fileName: file.name, importedAt: now, result: r };
	const clash = identityClash(r.student, people);
	if (clash) {
		flag('identity-conflict', `${clash}如果是同一位学生填错了，请让他用正确的姓名和学号重新提交；如果确实是两位学生，可以点“仍然导入”，成绩册会分两行显示并标出。`, { entry });
		return;
	}
	seen.set(r.checksum, file.name);
	people.push(r.student);
	out.accepted.push(entry);
	if (isLate(target, r.finishedAt)) (out.late ??= []).push(`“${file.name}”（${r.student.name}）在截止时间之后交卷（${spreadsheetDateTime(Date.parse(r.finishedAt))}），已导入并标为迟交。`);
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');

/**
 * A student whose number is already someone else's (or whose name comes with another number)
 * is probably a typo or a borrowed file; the teacher decides, so the clash is described, not resolved.
 */
export function identityClash(student: { name: string; number: string }, people: readonly { name: string; number: string }[]): string | null {
	const name = norm(student.name);
	const number = norm(student.number);
	const sameNumber = number ? people.find((p) => norm(p.number) === number && norm(p.name) !== name) : undefined;
	if (sameNumber) return `学号 ${number} 已属于已导入的“${sameNumber.name}”，而这份文件的姓名是“${student.name}”。`;
	const sameName = name ? people.find((p) => norm(p.name) === name && norm(p.number) !== number) : undefined;
	if (sameName) return `已导入的“${sameName.name}”学号是 ${sameName.number || '（空）'}，而这份文件的学号是 ${number || '（空）'}。`;
	return null;
}

/** One student in the gradebook and roster: number and name together, so a clash the teacher let through stays two rows. */
export const studentKey = (s: { name: string; number: string }) => `${norm(s.number)}\u0000${norm(s.name)}`;

export interface GradebookOptions {
	passMark?: number;
	/** Count students' self-marking of unmarked 名词解释/简答 (off: they are 待批阅). */
	selfMarks?: boolean;
}

export type PassState = 'pass' | 'fail' | 'pending';

export interface GradebookItem {
	questionId: string;
	mark: MarkResult;
	response: Response | undefined;
	/** Option keys in the order this student saw them, for choice questions. */
	optionOrder?: string[];
	comment?: string;
	/** The teacher gave a free mark for this answer. */
	freeMark?: number;
}

export interface GradebookRow extends GradedAttempt {
	items: GradebookItem[];
	name: string;
	number: string;
	/** How many files this student handed in; the best attempt is the one graded. */
	attempts: number;
	percent: number;
	/** Pass, fail, or not decided while unmarked 名词解释/简答 could still change it. */
	passState: PassState;
	passed: boolean;
	/** Marks from 名词解释/简答 that count (the teacher's, or the student's own where allowed). */
	selfMarked: number;
	/** 名词解释/简答 on the paper, and how many of them the teacher has marked. */
	essays: number;
	teacherMarked: number;
	/** Answers still 待批阅 and the marks they carry, outside the total until marked. */
	pending: number;
	pendingMax: number;
	/** Questions the teacher has marked, so the detail view can say so. */
	marked: string[];
	startedAt: string;
	finishedAt: string;
	minutes: number;
	/** The score the file claimed, when it differs from the student's own re-graded score. */
	claimed: number | null;
	/** Another row carries the same student number (a clash the teacher chose to import). */
	numberShared: boolean;
	/** Finished after the assignment closed. */
	late: boolean;
	checksum: string;
	/** Every file of this student, so deleting the row removes them all. */
	checksums: string[];
}

/**
 * One row per student, graded from the answers. A student's best attempt counts, as Moodle's
 * default "highest grade" does.
 */
export function gradebook(entries: readonly ClassEntry[], a: Assignment, bank: readonly Question[], options: GradebookOptions = {}): GradebookRow[] {
	const { passMark = a.passMark, selfMarks = false } = options;
	const byQuestion = questionIndex(bank);
	const best = new Map<string, GradebookRow>();
	for (const e of liveEntries(entries)) {
		const r = e.result;
		const overrides = Object.fromEntries(Object.entries(e.grades ?? {}).flatMap(([id, g]) => (g.mark === undefined ? [] : [[id, g.mark]]))) as Record<string, number>;
		const graded = regrade(a, r.seed, r.questionIds, r.answers, bank, e.marks, { selfMarks, overrides });
		if (!graded.ok) continue;
		const { score, answers, paper } = graded;
		const key = studentKey(r.student);
		const orders = new Map(paper.items.map((i) => [i.questionId, i.optionOrder]));
		const items: GradebookItem[] = score.items.map((m) => {
			const order = orders.get(m.questionId);
			const comment = e.grades?.[m.questionId]?.comment;
			const free = overrides[m.questionId];
			return { questionId: m.questionId, mark: m, response: answers[m.questionId], ...(order ? { optionOrder: order } : {}), ...(comment ? { comment } : {}), ...(free !== undefined ? { freeMark: free } : {}) };
		});
		const percent = score.max > 0 ? (score.earned / score.max) * 100 : 0;
		const essays = score.items.filter((m) => ['define', 'short'].includes(byQuestion.get(m.questionId)?.type ?? ''));
		const pendingItems = score.items.filter((m) => m.status === 'pending');
		const pendingMax = pendingItems.reduce((s, m) => s + m.max, 0);
		const need = (passMark / 100) * score.max - 1e-9;
		const passState: PassState = score.earned >= need ? 'pass' : score.earned + pendingMax < need ? 'fail' : 'pending';
		// The file's own score was computed with the student's self-marking and no teacher marks.
		const own = regrade(a, r.seed, r.questionIds, r.answers, bank, {}, { selfMarks: true });
		const ownEarned = own.ok ? own.score.earned : score.earned;
		const prev = best.get(key);
		const row: GradebookRow = {
			key,
			name: r.student.name,
			number: r.student.number,
			attempts: (prev?.attempts ?? 0) + 1,
			earned: score.earned,
			max: score.max,
			items,
			percent,
			passState,
			passed: passState === 'pass',
			selfMarked: essays.reduce((s, m) => s + m.earned, 0),
			essays: essays.length,
			teacherMarked: essays.filter((m) => e.marks?.[m.questionId] !== undefined || overrides[m.questionId] !== undefined).length,
			pending: pendingItems.length,
			pendingMax,
			marked: [...new Set([...Object.keys(e.marks ?? {}), ...Object.keys(overrides)])],
			startedAt: r.startedAt,
			finishedAt: r.finishedAt,
			minutes: Math.max(0, Math.round((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 60000)),
			claimed: Math.abs(r.score.earned - ownEarned) > 1e-6 ? r.score.earned : null,
			numberShared: false,
			late: isLate(a, r.finishedAt),
			checksum: e.checksum,
			checksums: [...(prev?.checksums ?? []), e.checksum]
		};
		if (!prev || row.percent > prev.percent) best.set(key, row);
		else ((prev.attempts = row.attempts), (prev.checksums = row.checksums));
	}
	const rows = [...best.values()];
	const numbers = new Map<string, number>();
	for (const r of rows) if (norm(r.number)) numbers.set(norm(r.number), (numbers.get(norm(r.number)) ?? 0) + 1);
	for (const r of rows) r.numberShared = (numbers.get(norm(r.number)) ?? 0) > 1;
	return rows;
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
	if (r.pending) return `待批阅 ${r.pending} 题`;
	return r.teacherMarked ? `已批 ${r.teacherMarked}/${r.essays}，其余按学生自评` : '按学生自评';
}

export const PASS_LABELS: Record<PassState, string> = { pass: '及格', fail: '不及格', pending: '待批阅后确定' };

/** The gradebook as spreadsheet rows (header first) for the CSV export; times in local time. */
export function gradebookTable(rows: readonly GradebookRow[], passMark: number, offsetMin?: number): (string | number | null)[][] {
	const time = (iso: string) => spreadsheetDateTime(Date.parse(iso), offsetMin);
	return [
		['学号', '姓名', '得分', '满分', '百分比', `是否及格（${passMark}%）`, '其中名词解释/简答得分', '待批阅分值', '交卷次数', '开始时间', '交卷时间', '用时（分钟）', '备注'],
		...rows.map((r) => [
			r.number,
			r.name,
			round1(r.earned),
			r.max,
			round1(r.percent),
			PASS_LABELS[r.passState],
			r.essays ? round1(r.selfMarked) : null,
			r.pendingMax ? round1(r.pendingMax) : null,
			r.attempts,
			time(r.startedAt),
			time(r.finishedAt),
			r.minutes,
			[
				r.claimed !== null ? `文件自报 ${round1(r.claimed)} 分，已按答案重新评分` : '',
				r.numberShared ? '学号与另一位学生相同' : '',
				r.late ? '迟交（截止后交卷）' : '',
				r.essays ? `名词解释/简答：${essayState(r)}` : ''
			]
				.filter(Boolean)
				.join('；')
		])
	];
}

/** What the teacher saves for one answer: the points they ticked, an optional free mark, a comment. */
export interface TeacherGradeInput {
	ticked: number[];
	/** null: the mark follows the ticked points. */
	mark: number | null;
	comment: string;
}

/** The entry with the teacher's grade of one answer recorded (a new object; the old one is untouched). */
export function applyGrade(entry: ClassEntry, questionId: string, input: TeacherGradeInput): ClassEntry {
	const grade: TeacherGrade = {};
	if (input.mark !== null && Number.isFinite(input.mark)) grade.mark = input.mark;
	const comment = input.comment.trim();
	if (comment) grade.comment = comment.slice(0, COMMENT_MAX);
	const grades = { ...entry.grades };
	if (grade.mark === undefined && grade.comment === undefined) delete grades[questionId];
	else grades[questionId] = grade;
	return { ...entry, marks: { ...entry.marks, [questionId]: [...input.ticked] }, grades };
}

export { COMMENT_MAX };
