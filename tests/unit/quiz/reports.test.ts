import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Assignment } from '../../../src/lib/formats/assignment-link';
import { toCsv } from '../../../src/lib/formats/csv';
import { parseFeedbackFile } from '../../../src/lib/formats/feedback-file';
import { applyGrade, gradebook, type ClassEntry } from '../../../src/lib/quiz/collect';
import { correctResponse } from '../../../src/lib/quiz/marking';
import { buildFeedback, feedbackFileName, itemAnalysisTable, questionsOnPapers, responsesTable } from '../../../src/lib/quiz/reports';
import { mergeRoster, parseRoster, rosterStatus } from '../../../src/lib/quiz/roster';
import type { Response } from '../../../src/lib/quiz/types';
import { itemAnalysis } from '../../../src/lib/stats/class';
import { resultFileFor, smallBank } from '../fixtures';

const bank = smallBank();
const byId = new Map(bank.map((q) => [q.id, q]));
const hw: Assignment = {
	v: 1,
	id: 'hw-r',
	title: '报表作业',
	questionIds: ['a-single-0', 'a-judge-1', 'a-short-0'],
	marks: [2, 2, 1, 1, 5, 10],
	partialCredit: false,
	timeLimitMin: null,
	passMark: 60,
	attempts: 0,
	showAnswers: true,
	seed: 3
};
const entry = (name: string, number: string, answer: (id: string) => Response | undefined): ClassEntry => {
	const r = resultFileFor(hw, bank, { name, number }, 3, answer);
	return { checksum: r.checksum, assignmentId: hw.id, fileName: `${number}.json`, importedAt: 0, result: r };
};
const short = (text: string): Response => ({ type: 'short', text, ticked: null });

describe('responses report', () => {
	it('has one row per student with each answer and its marks, and reads back from the CSV', () => {
		const rows = gradebook(
			[
				entry('张三', '001', (id) => (id === 'a-short-0' ? short('客户价值, "终身"') : correctResponse(byId.get(id)!))),
				entry('李四', '002', (id) => (id === 'a-single-0' ? { type: 'single', choice: 'C' } : undefined))
			],
			hw,
			bank
		);
		const table = responsesTable(rows, questionsOnPapers(rows, bank));
		const back = Papa.parse<string[]>(toCsv(table).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
		expect(back[0]).toEqual(['学号', '姓名', '得分', '满分', '百分比', '1. a-single-0 作答', '1. a-single-0 得分（满分见题）', '2. a-judge-1 作答', '2. a-judge-1 得分（满分见题）', '3. a-short-0 作答', '3. a-short-0 得分（满分见题）']);
		expect(back[1]).toEqual(['001', '张三', '3', '13', '23.08', 'A', '2', '对', '1', '客户价值, "终身"', '待批阅']);
		// An essay left empty earns 0 at once; only a written one waits for the teacher.
		expect(back[2]).toEqual(['002', '李四', '0', '13', '0', 'C', '0', '未作答', '0', '未作答', '0']);
	});
});

describe('item analysis export', () => {
	it('writes every item with its statistics or the reason they are missing', () => {
		const rows = gradebook([entry('张三', '001', () => undefined)], hw, bank);
		const table = itemAnalysisTable(itemAnalysis(rows, byId), byId);
		expect(table[0]![0]).toBe('序号');
		expect(table).toHaveLength(4);
		expect(table[1]!.slice(0, 10)).toEqual([1, 'a-single-0', 'single', '?', 1, 1, null, null, 'A（正确）:0 B:0 C:0 D:0', 1]);
		expect(table[1]![10]).toContain('不足 5 份');
	});
});

describe('feedback to students', () => {
	it('carries marks, comments and answers, and parses back', () => {
		let e = entry('张三', '001', (id) => (id === 'a-short-0' ? short('我的简答') : correctResponse(byId.get(id)!)));
		e = applyGrade(e, 'a-short-0', { ticked: [0], mark: 6, comment: '第二点没有展开' });
		const [row] = gradebook([e], hw, bank);
		const fb = buildFeedback(row!, hw, byId, Date.parse('2026-11-21T09:00:00Z'));
		expect(fb.total).toEqual({ earned: 2 + 1 + 6, max: 13, pendingMax: 0, pass: 'pass' });
		expect(fb.items.find((i) => i.questionId === 'a-short-0')).toEqual({ questionId: 'a-short-0', earned: 6, max: 10, response: '我的简答', answer: '1. p1\n2. p2', comment: '第二点没有展开' });
		const back = parseFeedbackFile(JSON.stringify(fb), 'x.json');
		expect(back).toEqual({ ok: true, feedback: fb });
		// Without 显示答案, no answers travel.
		expect(buildFeedback(row!, { ...hw, showAnswers: false }, byId, 0).items.every((i) => i.answer === undefined)).toBe(true);
		expect(feedbackFileName('报表/作业', { name: '张三', number: '001' })).toBe('报表作业-001-张三-批阅结果.json');
	});

	it('rejects what is not a feedback file, saying what it is', () => {
		expect(parseFeedbackFile('{', 'a.json')).toMatchObject({ ok: false, message: expect.stringContaining('不是有效的 JSON') });
		expect(parseFeedbackFile('{"format":"crm-study-result"}', 'a.json')).toMatchObject({ ok: false, message: expect.stringContaining('交给老师的作答结果') });
		expect(parseFeedbackFile('x'.repeat(2_000_001), 'big.json')).toMatchObject({ ok: false, message: expect.stringContaining('太大') });
		const fb = buildFeedback(gradebook([entry('张三', '001', () => undefined)], hw, bank)[0]!, hw, byId, 0);
		expect(parseFeedbackFile(JSON.stringify({ ...fb, items: [{ questionId: 'x', earned: '9', max: 1, response: '' }] }), 'a.json').ok).toBe(false);
	});
});

describe('roster', () => {
	it('reads pasted lines in either column order, skipping headers and reporting bad lines', () => {
		const r = parseRoster('学号\t姓名\n2024001\t张三\n李四,2024002\n3 2024003 王 五\n\n2024001 张三丰\n\t\nabc\n');
		expect(r.entries).toEqual([
			{ number: '2024001', name: '张三' },
			{ number: '2024002', name: '李四' },
			{ number: '2024003', name: '王 五' },
			{ number: '', name: 'abc' }
		]);
		expect(r.problems).toHaveLength(1);
		expect(r.problems[0]).toContain('第 6 行');
		expect(parseRoster('2024009').problems[0]).toContain('缺少姓名');
	});

	it('updates a row by number when re-imported', () => {
		expect(mergeRoster([{ number: '1', name: '甲' }, { number: '2', name: '乙' }], [{ number: '2', name: '乙二' }, { number: '3', name: '丙' }])).toEqual([
			{ number: '1', name: '甲' },
			{ number: '2', name: '乙二' },
			{ number: '3', name: '丙' }
		]);
	});

	it('shows who has not submitted and who submitted without being on the roster', () => {
		const roster = parseRoster('001 张三\n002 李四\n003 王五').entries;
		const rows = [
			{ name: '张三', number: '001' },
			{ name: '王五', number: '003' },
			{ name: '赵六', number: '009' }
		];
		const s = rosterStatus(roster, rows);
		expect(s.missing).toEqual([{ number: '002', name: '李四' }]);
		expect(s.lines.map((l) => l.row?.name ?? null)).toEqual(['张三', null, '王五']);
		expect(s.extra.map((r) => r.name)).toEqual(['赵六']);
	});
});
