import { describe, expect, it } from 'vitest';
import { computeChecksum, createResultFile, parseResultFile, type ResultFileBody } from '../../../src/lib/formats/result-file';
import { encodeAssignment, type Assignment } from '../../../src/lib/formats/assignment-link';

const assignment: Assignment = {
	v: 1,
	id: 'hw1',
	title: '作业一',
	questionIds: ['a-single-0', 'a-judge-0'],
	marks: [2, 2, 1, 1, 5, 10],
	partialCredit: false,
	timeLimitMin: null,
	passMark: 60,
	attempts: 0,
	showAnswers: true,
	seed: 1
};
const body: ResultFileBody = {
	format: 'crm-study-result',
	version: 1,
	assignment,
	assignmentCode: encodeAssignment(assignment),
	student: { name: '张三', number: '2024001' },
	startedAt: '2026-11-20T08:00:00.000Z',
	finishedAt: '2026-11-20T08:10:00.000Z',
	seed: 1,
	questionIds: ['a-single-0', 'a-judge-0'],
	answers: { 'a-single-0': { type: 'single', choice: 'A' }, 'a-judge-0': { type: 'judge', value: false } },
	score: { earned: 2, max: 3 }
};

const text = (x: unknown) => JSON.stringify(x, null, 2);

describe('result files', () => {
	it('parse back exactly as written', () => {
		const file = createResultFile(body);
		expect(file.checksum).toMatch(/^[0-9a-f]{64}$/);
		expect(parseResultFile(text(file), 'a.json')).toEqual({ ok: true, result: file });
	});

	it('the checksum ignores key order and formatting but not content', () => {
		const reordered = Object.fromEntries(Object.entries(body).reverse()) as ResultFileBody;
		expect(computeChecksum(reordered)).toBe(computeChecksum(body));
		expect(computeChecksum({ ...body, score: { earned: 3, max: 3 } })).not.toBe(computeChecksum(body));
	});

	it('detects an edited score, name, answer or time', () => {
		const file = createResultFile(body);
		const edits: ((f: typeof file) => void)[] = [
			(f) => (f.score.earned = 3),
			(f) => (f.student.name = '李四'),
			(f) => ((f.answers as Record<string, unknown>)['a-judge-0'] = { type: 'judge', value: true }),
			(f) => (f.finishedAt = '2026-11-20T08:05:00.000Z')
		];
		for (const edit of edits) {
			const copy = JSON.parse(JSON.stringify(file)) as typeof file;
			edit(copy);
			const r = parseResultFile(text(copy), '张三.json');
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.error.kind).toBe('tampered');
				expect(r.error.message).toContain('张三.json');
			}
		}
	});

	it('names what is wrong with malformed, truncated, foreign and newer files', () => {
		const file = text(createResultFile(body));
		const cases: [string, string][] = [
			[file.slice(0, file.length / 2), 'malformed'],
			['not json at all', 'malformed'],
			[text({ format: 'crm-study-backup', version: 1 }), 'foreign'],
			[text([1, 2, 3]), 'foreign'],
			[text({ ...createResultFile(body), version: 2 }), 'newer-version'],
			[text({ ...body, checksum: undefined }), 'tampered'],
			[text({ ...createResultFile(body), seed: -1 }), 'malformed'],
			[text({ ...createResultFile(body), student: null }), 'malformed']
		];
		for (const [t, kind] of cases) {
			const r = parseResultFile(t, 'x.json');
			expect(r.ok, t.slice(0, 40)).toBe(false);
			if (!r.ok) {
				expect(r.error.kind, t.slice(0, 40)).toBe(kind);
				expect(r.error.message).toMatch(/^无法导入“x\.json”：.+已导入的成绩没有改动。$/);
			}
		}
	});

	it('accepts a byte-order mark in front of the JSON', () => {
		expect(parseResultFile('\uFEFF' + text(createResultFile(body)), 'a.json').ok).toBe(true);
	});
});
