import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/lib/formats/assignment-link';
import { assignmentMax, assignmentPaper, regrade, sanitizeAnswers } from '../../../src/lib/quiz/assignment';
import { applyGrade, collectResults, essayState, gradebook, gradebookTable, type ClassEntry } from '../../../src/lib/quiz/collect';
import { correctAnswerText, displayLetter, optionMapText, responseText } from '../../../src/lib/quiz/describe';
import { spreadsheetDateTime } from '../../../src/lib/formats/csv';
import { correctResponse } from '../../../src/lib/quiz/marking';
import type { Response } from '../../../src/lib/quiz/types';
import { classEntrySchema } from '../../../src/lib/formats/result-file';
import { sift } from '../../../src/lib/formats/records';
import { resultFileFor, smallBank } from '../fixtures';

const bank = smallBank();
const byId = new Map(bank.map((q) => [q.id, q]));

const drawn: Assignment = {
	v: 1,
	id: 'hw-draw',
	title: '抽题作业',
	draw: { chapters: ['a', 'b'], counts: [3, 1, 2, 1, 0, 0] },
	marks: [2, 4, 1, 1, 5, 10],
	partialCredit: true,
	timeLimitMin: 30,
	passMark: 60,
	attempts: 2,
	showAnswers: true,
	seed: null
};
const picked: Assignment = { ...drawn, id: 'hw-pick', title: '手选作业', draw: undefined, questionIds: ['c-judge-1', 'a-single-2', 'b-fill-0'], seed: 77 };
delete (picked as Partial<Assignment>).draw;

describe('assignment papers', () => {
	it('draws so many of each type from the chosen chapters, with the assignment marks', () => {
		const { paper, shortfalls } = assignmentPaper(drawn, bank, 5);
		expect(shortfalls).toEqual([]);
		expect(paper.items.map((i) => i.type)).toEqual(['single', 'single', 'single', 'multiple', 'judge', 'judge', 'fill']);
		expect(paper.items.every((i) => ['a', 'b'].includes(byId.get(i.questionId)!.chapter))).toBe(true);
		expect(paper.items.map((i) => i.marks)).toEqual([2, 2, 2, 4, 1, 1, 1]);
		expect(assignmentMax(drawn, bank)).toBe(13);
	});

	it('gives each student their own paper when shuffled, and everyone the same when fixed', () => {
		const a = assignmentPaper(drawn, bank, 1).paper.items.map((i) => i.questionId);
		const b = assignmentPaper(drawn, bank, 2).paper.items.map((i) => i.questionId);
		expect(a).not.toEqual(b);
		const fixed = assignmentPaper(picked, bank, 77).paper;
		expect(fixed.items.map((i) => i.questionId)).toEqual(picked.questionIds);
		expect(fixed.items.find((i) => i.questionId === 'a-single-2')!.optionOrder).toEqual(['A', 'B', 'C', 'D']);
		const shuffled = assignmentPaper({ ...picked, seed: null }, bank, 9).paper;
		expect(new Set(shuffled.items.map((i) => i.questionId))).toEqual(new Set(picked.questionIds));
	});

	it('keeps only answers of the right shape, so a damaged file cannot crash marking', () => {
		const clean = sanitizeAnswers(
			{
				'a-single-0': { type: 'single', choice: 'B' },
				'a-single-1': { type: 'single', choice: 'Z' },
				'a-multiple-0': { type: 'multiple', choices: 'AB' },
				'a-judge-0': { type: 'judge', value: 'yes' },
				'a-fill-0': { type: 'fill', blanks: ['x', 'extra'] },
				'a-short-0': { type: 'short', text: 'abc', ticked: [0] },
				'a-define-0': { type: 'single', choice: 'A' },
				'no-such-q': { type: 'single', choice: 'A' }
			},
			byId
		);
		expect(clean).toEqual({
			'a-single-0': { type: 'single', choice: 'B' },
			'a-fill-0': { type: 'fill', blanks: ['x'] },
			'a-short-0': { type: 'short', text: 'abc', ticked: [0] }
		});
		expect(sanitizeAnswers('nonsense', byId)).toEqual({});
	});

	it('lets the teacher’s marking replace the student’s self-marking of 名词解释/简答', () => {
		const essay: Assignment = { ...picked, questionIds: ['a-define-0', 'a-short-1', 'a-single-0'], seed: 1 };
		const ids = essay.questionIds!;
		const answers = { 'a-define-0': { type: 'define', text: '我的定义', ticked: [0, 1] }, 'a-single-0': { type: 'single', choice: 'A' } };
		const self = regrade(essay, 1, ids, answers, bank);
		expect(self.ok && self.score.earned).toBe(5 + 0 + 2);
		const marked = regrade(essay, 1, ids, answers, bank, { 'a-define-0': [1], 'a-short-1': [0, 1], 'a-single-0': [0] });
		expect(marked.ok && marked.score.earned).toBe(2.5 + 10 + 2);
		expect(marked.ok && marked.answers['a-define-0']).toEqual({ type: 'define', text: '我的定义', ticked: [1] });
	});

	it('re-grades from the answers and notices a paper that cannot be rebuilt', () => {
		const { paper } = assignmentPaper(drawn, bank, 3);
		const ids = paper.items.map((i) => i.questionId);
		const answers = Object.fromEntries(ids.map((id) => [id, correctResponse(byId.get(id)!)]));
		const r = regrade(drawn, 3, ids, answers, bank);
		expect(r.ok && r.score.earned).toBe(13);
		expect(regrade(drawn, 4, ids, answers, bank).ok).toBe(false);
	});
});

const resultFor = (a: Assignment, name: string, number: string, seed: number, answer: (id: string) => Response | undefined, claimed?: number) =>
	resultFileFor(a, bank, { name, number }, seed, answer, claimed);
const file = (name: string, x: unknown) => ({ name, text: JSON.stringify(x) });

describe('collecting result files', () => {
	const known = new Map([
		[drawn.id, drawn],
		[picked.id, picked]
	]);
	const right = (id: string) => correctResponse(byId.get(id)!);
	const none = () => undefined;

	it('accepts good files and flags foreign, other-assignment, unknown, tampered and duplicate ones', () => {
		const zhang = resultFor(drawn, '张三', '001', 11, right);
		const li = resultFor(drawn, '李四', '002', 12, none);
		const tampered = { ...resultFor(drawn, '王五', '003', 13, none), score: { earned: 13, max: 13 } };
		const otherAssignment = resultFor(picked, '赵六', '004', 77, right);
		const stranger = resultFor({ ...picked, id: 'not-mine' }, '钱七', '005', 77, right);
		const existing: ClassEntry[] = [{ checksum: zhang.checksum, assignmentId: drawn.id, fileName: 'old.json', importedAt: 0, result: zhang }];
		const out = collectResults(
			[file('zhang.json', zhang), file('li.json', li), file('li-copy.json', li), file('wang.json', tampered), file('zhao.json', otherAssignment), file('qian.json', stranger), { name: 'notes.txt', text: 'hello' }],
			drawn,
			known,
			existing,
			bank,
			1000
		);
		expect(out.accepted.map((e) => e.fileName)).toEqual(['li.json']);
		expect(out.problems.map((p) => [p.fileName, p.kind])).toEqual([
			['zhang.json', 'duplicate'],
			['li-copy.json', 'duplicate'],
			['wang.json', 'tampered'],
			['zhao.json', 'other-assignment'],
			['qian.json', 'unknown-assignment'],
			['notes.txt', 'malformed']
		]);
		for (const p of out.problems) expect(p.message).toContain(p.fileName);
		// A result of an assignment made elsewhere carries the link code, so the teacher can adopt it.
		expect(out.problems.find((p) => p.kind === 'unknown-assignment')!.assignmentCode).toBe(stranger.assignmentCode);
	});

	it('builds one graded row per student, keeping the best attempt and noting a claimed score that differs', () => {
		const entries: ClassEntry[] = [
			resultFor(drawn, '张三', '001', 11, none),
			resultFor(drawn, '张三', '001', 15, right),
			resultFor(drawn, '李四', '002', 12, none, 13)
		].map((r, i) => ({ checksum: r.checksum, assignmentId: drawn.id, fileName: `${i}.json`, importedAt: 0, result: r }));
		const rows = gradebook(entries, drawn, bank);
		expect(rows).toHaveLength(2);
		const zhang = rows.find((r) => r.number === '001')!;
		expect(zhang).toMatchObject({ attempts: 2, earned: 13, max: 13, percent: 100, passed: true, minutes: 12, claimed: null });
		const li = rows.find((r) => r.number === '002')!;
		expect(li).toMatchObject({ attempts: 1, earned: 0, passed: false, claimed: 13, essays: 0, teacherMarked: 0 });
	});
});

describe('gradebook export', () => {
	it('sorts by any column and writes a CSV row per student', async () => {
		const { sortGradebook, gradebookTable } = await import('../../../src/lib/quiz/collect');
		const { toCsv } = await import('../../../src/lib/formats/csv');
		const right = (id: string) => correctResponse(byId.get(id)!);
		const entries: ClassEntry[] = [resultFor(drawn, '李四', '010', 1, () => undefined), resultFor(drawn, '张三', '9', 2, right)].map((r) => ({
			checksum: r.checksum,
			assignmentId: drawn.id,
			fileName: 'f',
			importedAt: 0,
			result: r
		}));
		const rows = gradebook(entries, drawn, bank);
		expect(sortGradebook(rows, 'number', false).map((r) => r.number)).toEqual(['9', '010']);
		expect(sortGradebook(rows, 'percent', true).map((r) => r.name)).toEqual(['张三', '李四']);
		const csv = toCsv(gradebookTable(sortGradebook(rows, 'number', false), 60));
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe('学号,姓名,得分,满分,百分比,是否及格（60%）,其中名词解释/简答得分,待批阅分值,交卷次数,开始时间,交卷时间,用时（分钟）,备注');
		// Times in the teacher's local time (here UTC+8, offset −480), in a form Excel reads as a date.
		const beijing = toCsv(gradebookTable(sortGradebook(rows, 'number', false), 60, -480)).slice(1).split('\r\n');
		expect(beijing[1]).toBe('9,张三,13,13,100,及格,,,1,2026-11-20 16:00:00,2026-11-20 16:12:00,12,');
		expect(beijing.join('\n')).not.toMatch(/\d{4}-\d\d-\d\dT|Z\b/);
		expect(lines).toHaveLength(4);
	});
});

describe('instructor bugs (issue 13)', () => {
	const essay: Assignment = { ...picked, id: 'hw-essay', questionIds: ['a-define-0', 'a-short-1', 'a-single-0'], seed: 1 };
	const selfTicked = (id: string): Response | undefined =>
		id === 'a-define-0' ? { type: 'define', text: '定义', ticked: [0, 1] } : id === 'a-short-1' ? { type: 'short', text: '要点', ticked: [0] } : { type: 'single', choice: 'A' };
	const entryOf = (r: ReturnType<typeof resultFor>, i = 0): ClassEntry => ({ checksum: r.checksum, assignmentId: r.assignment.id, fileName: `${i}.json`, importedAt: 0, result: r });

	it('does not call the teacher’s own marking a claimed-score mismatch (bug 2)', () => {
		const file = resultFor(essay, '张三', '001', 1, selfTicked);
		const marked = applyGrade(entryOf(file), 'a-short-1', { ticked: [0, 1], mark: null, comment: '' });
		const [row] = gradebook([marked], essay, bank, { selfMarks: true });
		expect(row!.earned).toBe(5 + 10 + 2);
		expect(row!.claimed).toBeNull();
		expect(gradebookTable([row!], 60)[1]!.at(-1)).not.toContain('文件自报');
		// A file whose score was really edited is still caught.
		const forged = resultFor(essay, '李四', '002', 1, selfTicked, 17);
		expect(gradebook([entryOf(forged)], essay, bank, { selfMarks: true })[0]!.claimed).toBe(17);
	});

	it('flags a second student with someone else’s number instead of merging them (bug 3)', () => {
		const wang = resultFor(drawn, '王小明', '2024001', 11, () => undefined);
		const li = resultFor(drawn, '李四', '2024001', 12, () => undefined);
		const out = collectResults([file('li.json', li)], drawn, new Map([[drawn.id, drawn]]), [entryOf(wang)], bank, 0);
		expect(out.accepted).toEqual([]);
		expect(out.problems).toHaveLength(1);
		expect(out.problems[0]).toMatchObject({ kind: 'identity-conflict', fileName: 'li.json' });
		expect(out.problems[0]!.message).toContain('王小明');
		expect(out.problems[0]!.entry?.checksum).toBe(li.checksum);
		// Within one batch too, and the same name with another number.
		const again = collectResults([file('a.json', wang), file('b.json', resultFor(drawn, '王小明', '2024999', 13, () => undefined))], drawn, new Map(), [], bank, 0);
		expect(again.problems.map((p) => p.kind)).toEqual(['identity-conflict']);
		// Imported anyway, they stay two rows and both are marked.
		const rows = gradebook([entryOf(wang, 0), entryOf(li, 1)], drawn, bank);
		expect(rows).toHaveLength(2);
		expect(rows.every((r) => r.numberShared && r.attempts === 1)).toBe(true);
	});

	it('keeps unmarked 名词解释/简答 out of the total and the pass decision unless the teacher counts self-marks (bug 8)', () => {
		// Paper: 名词解释 5, 简答 10, 单选 2 = 17. The student ticked both points of the 名词解释 and one of two of the 简答.
		const f = entryOf(resultFor(essay, '张三', '001', 1, selfTicked));
		const [strict] = gradebook([f], essay, bank);
		expect(strict).toMatchObject({ earned: 2, max: 17, pending: 2, pendingMax: 15, passState: 'pending', passed: false });
		expect(essayState(strict!)).toBe('待批阅 2 题');
		const [lenient] = gradebook([f], essay, bank, { selfMarks: true });
		expect(lenient).toMatchObject({ earned: 5 + 5 + 2, pending: 0, passState: 'pass' });
		// Once the teacher has marked both, the pass decision is made: 2 + 0 + 2.5 = 4.5 of 17 fails 60 %.
		let e = applyGrade(f, 'a-define-0', { ticked: [], mark: null, comment: '' });
		e = applyGrade(e, 'a-short-1', { ticked: [0, 1], mark: 2.5, comment: '要点不全' });
		const [done] = gradebook([e], essay, bank);
		expect(done).toMatchObject({ earned: 4.5, pending: 0, passState: 'fail', teacherMarked: 2 });
		expect(done!.items.find((i) => i.questionId === 'a-short-1')).toMatchObject({ freeMark: 2.5, comment: '要点不全', mark: { earned: 2.5, status: 'partial' } });
		// A certain fail is decided even while answers wait: 0 + pending 5 < 60 % of 17.
		const blankEssay: Assignment = { ...essay, id: 'hw-b', questionIds: ['a-define-0', 'a-single-0', 'a-single-1', 'a-single-2'] };
		const none = entryOf(resultFor(blankEssay, '李四', '002', 1, (id) => (id === 'a-define-0' ? { type: 'define', text: 'x', ticked: [0, 1] } : undefined)));
		expect(gradebook([none], blankEssay, bank)[0]!.passState).toBe('fail');
	});

	it('letters options in the order shown and reports by the original keys (bug 7)', () => {
		const q = byId.get('a-single-0')!;
		const order = ['C', 'A', 'D', 'B'];
		expect(displayLetter('C', order)).toBe('A');
		expect(correctAnswerText(q, order)).toBe('B');
		expect(responseText(q, { type: 'single', choice: 'C' }, order)).toBe('A');
		expect(responseText(byId.get('a-multiple-0')!, { type: 'multiple', choices: ['A', 'B'] }, order)).toBe('B、D');
		expect(optionMapText(order)).toBe('A=原C，B=原A，C=原D，D=原B');
		expect(optionMapText(['A', 'B', 'C', 'D'])).toBeNull();
		expect(correctAnswerText(q)).toBe('A');
		// The gradebook keeps each student's display order for the teacher's view.
		const shuffled: Assignment = { ...picked, id: 'hw-shuf', seed: null };
		const row = gradebook([entryOf(resultFor(shuffled, '张三', '001', 9, () => undefined))], shuffled, bank)[0]!;
		const single = row.items.find((i) => i.questionId === 'a-single-2')!;
		expect([...single.optionOrder!].sort()).toEqual(['A', 'B', 'C', 'D']);
		expect(single.optionOrder).toEqual(assignmentPaper(shuffled, bank, 9).paper.items.find((i) => i.questionId === 'a-single-2')!.optionOrder);
	});

	it('writes local date-times that spreadsheets read as dates (bug 5)', () => {
		const t = Date.parse('2026-11-29T17:37:09.710Z');
		expect(spreadsheetDateTime(t, -480)).toBe('2026-11-30 01:37:09');
		expect(spreadsheetDateTime(t, 300)).toBe('2026-11-29 12:37:09');
		expect(spreadsheetDateTime(t, 0)).toBe('2026-11-29 17:37:09');
		expect(spreadsheetDateTime(Number.NaN)).toBe('');
	});

	it('deletes one student’s files from the class and lets them be imported again', () => {
		const a = resultFor(drawn, '张三', '001', 11, () => undefined);
		const b = resultFor(drawn, '李四', '002', 12, () => undefined);
		const removed = { ...entryOf(b, 1), removedAt: 5 };
		expect(gradebook([entryOf(a), removed], drawn, bank).map((r) => r.name)).toEqual(['张三']);
		const again = collectResults([file('li.json', b)], drawn, new Map(), [entryOf(a), removed], bank, 9);
		expect(again.accepted.map((e) => e.checksum)).toEqual([b.checksum]);
		expect(again.accepted[0]!.removedAt).toBeUndefined();
	});

	it('keeps the teacher’s marks, free marks, comments and deletions when the class is read back from storage', () => {
		const stored: ClassEntry = {
			...entryOf(resultFor(drawn, '张三', '001', 11, () => undefined)),
			marks: { 'a-short-0': [1] },
			grades: { 'a-short-0': { mark: 7.5, comment: '第二点没有展开' }, 'a-define-0': { comment: '好' } },
			removedAt: 42
		};
		const read = sift(classEntrySchema, [JSON.parse(JSON.stringify(stored))], 'classResults');
		expect(read.skipped).toBe(0);
		expect(read.valid).toEqual([stored]);
		const bad = sift(classEntrySchema, [{ ...stored, grades: { x: { mark: 'nine' } } }], 'classResults');
		expect(bad.skipped).toBe(1);
		expect(bad.firstProblem).toContain('grades');
	});
});

describe('late submissions', () => {
	it('flags files finished after the close time on import and in the gradebook', () => {
		const closes = Date.parse('2026-11-20T08:10:00.000Z');
		const timed: Assignment = { ...drawn, id: 'hw-timed', closesAt: closes };
		const onTime = resultFileFor(timed, bank, { name: '张三', number: '001' }, 1, () => undefined, undefined, '2026-11-20T08:05:00.000Z');
		const late = resultFileFor(timed, bank, { name: '李四', number: '002' }, 2, () => undefined, undefined, '2026-11-20T08:12:00.000Z');
		const out = collectResults([file('a.json', onTime), file('b.json', late)], timed, new Map(), [], bank, 0);
		expect(out.accepted).toHaveLength(2);
		expect(out.late).toHaveLength(1);
		expect(out.late![0]).toContain('“b.json”（李四）在截止时间之后交卷');
		const rows = gradebook(out.accepted, timed, bank);
		expect(rows.map((r) => [r.name, r.late])).toEqual([
			['张三', false],
			['李四', true]
		]);
		expect(gradebookTable(rows, 60)[2]!.at(-1)).toContain('迟交');
	});
});
