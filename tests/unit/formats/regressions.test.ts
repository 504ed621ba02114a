/** The inputs the fuzzers found (issue 15), each of which used to throw or be accepted. */
import { describe, expect, it } from 'vitest';
import { decodeAssignment, extractCode } from '../../../src/lib/formats/assignment-link';
import { parseBackup } from '../../../src/lib/formats/backup';
import { parseResultFile } from '../../../src/lib/formats/result-file';
import { collectResults } from '../../../src/lib/quiz/collect';
import { smallBank } from '../fixtures';
import { CHINESE, replaced, sampleAssignment, sampleBackup, samplePositional, sampleResult, signedCode } from './samples';

const bank = smallBank();
const known = { questionIds: new Set(bank.map((q) => q.id)), chapterIds: new Set(['a', 'b', 'c']) };
const TO_STRING = { toString: 0 };
const json = (x: unknown) => JSON.stringify(x);

describe('{"toString":0} where a number belongs', () => {
	it('backup version', () => {
		const r = parseBackup(json({ ...sampleBackup(), version: TO_STRING }), 'b.json');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toContain('version 应为备份格式版本');
	});

	// Positions in the link payload: v is the format itself, the others are the assignment's.
	for (const [field, at] of [['timeLimitMin', 6], ['passMark', 7], ['attempts', 8], ['seed', 10]] as const) {
		it(`link and result file: ${field}`, () => {
			const r = decodeAssignment(signedCode(replaced(samplePositional(), [at], TO_STRING)), known);
			expect(r.ok || r.error.kind).toBe('invalid');
			if (!r.ok) expect(r.error.message).toContain(`（${field}）`);
			const file = parseResultFile(json(replaced(sampleResult(), ['assignment', field], TO_STRING)), 'r.json');
			expect(file.ok || file.error.kind).toBe('malformed');
			if (!file.ok) expect(file.error.message).toContain(`assignment.${field}`);
		});
	}

	it('result file: the assignment format version v', () => {
		const file = parseResultFile(json(replaced(sampleResult(), ['assignment', 'v'], TO_STRING)), 'r.json');
		expect(file.ok || file.error.message).toContain('assignment.v');
	});
});

describe('percent signs in assignment links', () => {
	for (const link of ['https://x.test/assignment?a=%', '?a=%', '?a=%E0%A4%A', '?a=1.abc%', 'https://x.test/assignment?a=1.%E0%A4%A']) {
		it(link, () => {
			const code = extractCode(link);
			const r = decodeAssignment(code, known);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error.message).toMatch(/残缺的“%”/);
		});
	}

	it('a percent-encoded valid code still decodes', () => {
		const code = signedCode(samplePositional());
		expect(decodeAssignment(extractCode(`?a=${encodeURIComponent(code).replace(/\./g, '%2E')}`), known).ok).toBe(true);
	});
});

describe('backups that used to be accepted and then broke pages', () => {
	const backup = sampleBackup();
	const withSetting = (key: string, value: unknown) => ({ ...backup, settings: backup.settings.map((s) => (s.key === key ? { key, value } : s)) });
	const cases: [string, unknown, string][] = [
		['study.examDate as a number', withSetting('study', { examDate: 20261225 }), 'settings[0].value.examDate 应为 年-月-日'],
		['retention: 5', withSetting('study', { retention: 5 }), 'settings[0].value.retention 应为 0.70–0.99'],
		['decks as a string', withSetting('decks', 'my decks'), 'settings[1].value 应为列表'],
		['decks as [{}]', withSetting('decks', [{}]), '缺少 settings[1].value[0].id'],
		['an attempt with data: {}', { ...backup, attempts: [{ ...backup.attempts[0], data: {} }] }, '第 1 条测验记录有误：缺少 attempts[0].data.mode'],
		['a mistake with data: null', { ...backup, mistakes: [{ questionId: 'a-single-0', data: null }] }, '第 1 道错题有误：mistakes[0].data 应为对象'],
		['a review with a rating of 7', replaced(backup, ['reviews', 1, 'rating'], 7), '第 2 条复习记录有误：reviews[1].rating 应为 1–4 的整数'],
		['a review whose prev state is broken', replaced(backup, ['reviews', 1, 'prev', 'state'], 9), 'reviews[1].prev.state 应为 0–3 的整数']
	];
	for (const [name, file, message] of cases) {
		it(name, () => {
			const r = parseBackup(json(file), 'b.json');
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.message).toContain(message);
				expect(r.message).toContain('原有的学习进度没有改动');
			}
		});
	}
});

describe('result files: student names and size', () => {
	it('caps the name at 40 characters and the number at 30, naming the field', () => {
		const long = parseResultFile(json(sampleResult({ name: '张'.repeat(41), number: '1' })), 'r.json');
		expect(long.ok || long.error.message).toContain('student.name 姓名不能超过 40 个字');
		const number = parseResultFile(json(sampleResult({ name: '张三', number: '1'.repeat(31) })), 'r.json');
		expect(number.ok || number.error.message).toContain('student.number 学号不能超过 30 个字');
		expect(parseResultFile(json(sampleResult({ name: '张'.repeat(40), number: '1'.repeat(30) })), 'r.json').ok).toBe(true);
	});

	it('a batch of 5 good files and 1 poisoned one imports the 5', () => {
		const students = ['一', '二', '三', '四', '五'].map((n, i) => sampleResult({ name: `学生${n}`, number: `00${i}` }));
		const poisoned = replaced(sampleResult({ name: '坏', number: '9' }), ['assignment', 'passMark'], TO_STRING);
		const files = [...students.slice(0, 3), poisoned, ...students.slice(3)].map((f, i) => ({ name: `f${i}.json`, text: json(f) }));
		const out = collectResults(files, sampleAssignment, new Map([[sampleAssignment.id, sampleAssignment]]), [], bank, 0);
		expect(out.accepted.map((e) => e.result.student.name)).toEqual(['学生一', '学生二', '学生三', '学生四', '学生五']);
		expect(out.problems).toHaveLength(1);
		expect(out.problems[0]!.fileName).toBe('f3.json');
		expect(out.problems[0]!.message).toMatch(CHINESE);
	});

	it('a file over 2 MB is refused by its size alone', () => {
		const out = collectResults([{ name: 'video.mp4.json', text: '', size: 5 * 1024 * 1024 }], sampleAssignment, new Map(), [], bank, 0);
		expect(out.problems[0]?.kind).toBe('too-large');
		expect(out.problems[0]?.message).toContain('文件太大（5.0 MB），结果文件通常小于 100 KB，请确认选对了文件');
	});
});
