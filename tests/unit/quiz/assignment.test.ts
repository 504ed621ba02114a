import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/lib/formats/assignment-link';
import { encodeAssignment } from '../../../src/lib/formats/assignment-link';
import { createResultFile } from '../../../src/lib/formats/result-file';
import { assignmentMax, assignmentPaper, regrade, sanitizeAnswers } from '../../../src/lib/quiz/assignment';
import { collectResults, gradebook, type ClassEntry } from '../../../src/lib/quiz/collect';
import { correctResponse } from '../../../src/lib/quiz/marking';
import type { Response } from '../../../src/lib/quiz/types';
import { smallBank } from '../fixtures';

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

function resultFor(a: Assignment, name: string, number: string, seed: number, answer: (id: string) => Response | undefined, claimed?: number) {
	const { paper } = assignmentPaper(a, bank, seed);
	const ids = paper.items.map((i) => i.questionId);
	const answers = Object.fromEntries(ids.flatMap((id) => {
		const r = answer(id);
		return r ? [[id, r] as const] : [];
	}));
	const r = regrade(a, seed, ids, answers, bank);
	return createResultFile({
		format: 'crm-study-result',
		version: 1,
		assignment: a,
		assignmentCode: encodeAssignment(a),
		student: { name, number },
		startedAt: '2026-11-20T08:00:00.000Z',
		finishedAt: '2026-11-20T08:12:00.000Z',
		seed,
		questionIds: ids,
		answers,
		score: { earned: claimed ?? (r.ok ? r.score.earned : 0), max: 13 }
	});
}
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
		expect(lines[0]).toBe('学号,姓名,得分,满分,百分比,是否及格（60%）,其中名词解释/简答得分,交卷次数,开始时间,交卷时间,用时（分钟）,备注');
		expect(lines[1]).toBe('9,张三,13,13,100,及格,,1,2026-11-20T08:00:00.000Z,2026-11-20T08:12:00.000Z,12,');
		expect(lines).toHaveLength(4);
	});
});
