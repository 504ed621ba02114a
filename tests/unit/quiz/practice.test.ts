import { describe, expect, it } from 'vitest';
import { smallBank } from '../fixtures';
import type { Question } from '../../../src/lib/content/types';
import { newAttempt, practiceSummary } from '../../../src/lib/quiz/attempt';
import { anyOrderAnswerIndex, markQuestion } from '../../../src/lib/quiz/marking';
import { practicePaper, tallyQuestions } from '../../../src/lib/quiz/paper';
import { setFavouriteNote, toggleFavourite } from '../../../src/lib/quiz/favourites';
import {
	fmtDuration,
	fmtMarks,
	keyAnswer,
	paperPlan,
	parseWholeNumber
} from '../../../src/lib/quiz/practice';
import { DEFAULT_MAKEUP } from '../../../src/lib/quiz/types';

const pos = { file: 'x.md', line: 1 };
const rules = { partialCredit: false };

describe('parseWholeNumber', () => {
	it('reads full-width digits and spaces, and nothing else', () => {
		expect(parseWholeNumber('１０')).toBe(10);
		expect(parseWholeNumber(' 20 ')).toBe(20);
		expect(parseWholeNumber('　２０　')).toBe(20);
		expect(parseWholeNumber('0')).toBe(0);
		for (const bad of ['', '1.5', '-3', '十', '2e3', '１０题']) expect(parseWholeNumber(bad), bad).toBeNull();
	});
});

describe('paperPlan', () => {
	it('says what a one-chapter paper really holds before it is drawn', () => {
		const plan = paperPlan(tallyQuestions(smallBank()), { rows: DEFAULT_MAKEUP, chapters: ['a'], shuffleOptions: false, rules });
		// smallBank has 6 of each type per chapter: 单选 10 and 判断 10 and 填空 10 fall short.
		expect(plan.rows.map((r) => [r.type, r.count])).toEqual([
			['single', 6],
			['multiple', 5],
			['judge', 6],
			['fill', 6],
			['define', 4],
			['short', 3]
		]);
		expect(plan.promisedTotal).toBe(100);
		expect(plan.total).toBe(6 * 2 + 5 * 2 + 6 + 6 + 4 * 5 + 3 * 10);
		expect(plan.questions).toBe(30);
		expect(plan.short).toBe(true);
		expect(paperPlan(tallyQuestions(smallBank()), { rows: DEFAULT_MAKEUP, chapters: [], shuffleOptions: false, rules }).short).toBe(false);
	});

	it('counts 计算 as unlimited where a calculator exists, and as none elsewhere', () => {
		const rows = [{ type: 'calc' as const, count: 3, marks: 5 }];
		expect(paperPlan(tallyQuestions(smallBank()), { rows, chapters: ['value'], shuffleOptions: false, rules }).total).toBe(15);
		expect(paperPlan(tallyQuestions(smallBank()), { rows, chapters: ['a'], shuffleOptions: false, rules }).total).toBe(0);
	});
});

describe('practiceSummary', () => {
	it('counts only what was answered, with the score, 正确率, time and the wrong ones', () => {
		const bank = smallBank().filter((q) => q.type === 'single').slice(0, 4);
		const map = new Map<string, Question>(bank.map((q) => [q.id, q]));
		const t0 = Date.UTC(2026, 5, 1, 8);
		const a = newAttempt('practice', 't', practicePaper(bank, 'sequential', 1), t0);
		a.answers[bank[0]!.id] = { type: 'single', choice: 'A' };
		a.answers[bank[1]!.id] = { type: 'single', choice: 'B' };
		a.answers[bank[2]!.id] = { type: 'single', choice: 'B' }; // typed, never checked
		a.checked = [bank[0]!.id, bank[1]!.id];
		a.finishedAt = t0 + 125_000;
		expect(practiceSummary(a, map, t0 + 999_000)).toEqual({ answered: 2, correct: 1, earned: 1, max: 2, accuracy: 0.5, seconds: 125, wrong: [bank[1]!.id] });
		expect(fmtDuration(125)).toBe('2 分 05 秒');
		expect(fmtDuration(3725)).toBe('1 小时 2 分');
		expect(practiceSummary({ ...a, checked: [] }, map, t0).accuracy).toBeNull();
	});
});

describe('fmtMarks', () => {
	it('prints partial scores with at most two decimals', () => {
		const q: Question = { id: 'f', chapter: 'a', type: 'fill', stem: '', explanation: '', concepts: [], source: 'authored', tags: [], pos, options: [], answer: { blanks: [['甲'], ['乙'], ['丙']], anyOrder: false } };
		const m = markQuestion(q, { type: 'fill', blanks: ['甲', 'x', 'y'] }, 4, rules);
		expect(m.earned).toBeCloseTo(4 / 3, 5);
		expect(`${fmtMarks(m.earned)} / ${fmtMarks(m.max)}`).toBe('1.33 / 4');
		expect(fmtMarks(2)).toBe('2');
		expect(fmtMarks(0.5)).toBe('0.5');
	});
});

describe('anyOrderAnswerIndex', () => {
	it('lines each 答案 up with what was typed in that box', () => {
		const expected = [['甲'], ['乙'], ['丙']];
		expect(anyOrderAnswerIndex(['丙', '甲', '乙'], expected)).toEqual([2, 0, 1]);
		// Wrong boxes take the blanks left over, in order.
		expect(anyOrderAnswerIndex(['丙', 'x', ''], expected)).toEqual([2, 0, 1]);
		expect(anyOrderAnswerIndex(['', '', ''], expected)).toEqual([0, 1, 2]);
	});
});

describe('keyAnswer', () => {
	const [single, multiple] = [smallBank().find((q) => q.type === 'single')!, smallBank().find((q) => q.type === 'multiple')!];
	const judge = smallBank().find((q) => q.type === 'judge')!;
	it('A–E and 1–5 pick the option shown in that place', () => {
		expect(keyAnswer(single, ['C', 'A', 'D', 'B'], undefined, 'a')).toEqual({ type: 'single', choice: 'C' });
		expect(keyAnswer(single, ['C', 'A', 'D', 'B'], undefined, '2')).toEqual({ type: 'single', choice: 'A' });
		expect(keyAnswer(single, ['C', 'A', 'D', 'B'], undefined, '５')).toBeNull();
		expect(keyAnswer(single, ['C', 'A', 'D', 'B'], undefined, 'x')).toBeNull();
	});
	it('toggles on multiple choice, and 1/2 are 对/错 on 判断', () => {
		const once = keyAnswer(multiple, ['A', 'B', 'C', 'D'], undefined, 'C');
		expect(once).toEqual({ type: 'multiple', choices: ['C'] });
		expect(keyAnswer(multiple, ['A', 'B', 'C', 'D'], { type: 'multiple', choices: ['A', 'C'] }, '3')).toEqual({ type: 'multiple', choices: ['A'] });
		expect(keyAnswer(judge, [], undefined, '1')).toEqual({ type: 'judge', value: true });
		expect(keyAnswer(judge, [], undefined, 'B')).toEqual({ type: 'judge', value: false });
		expect(keyAnswer(judge, [], undefined, 'C')).toBeNull();
	});
});

describe('收藏', () => {
	it('toggles, and a note keeps the question in the list', () => {
		let f = toggleFavourite({}, 'q1', 100);
		expect(f).toEqual({ q1: { at: 100, note: '' } });
		f = setFavouriteNote(f, 'q1', '易混：让渡价值是差额', 200);
		expect(f.q1).toEqual({ at: 100, note: '易混：让渡价值是差额' });
		expect(setFavouriteNote({}, 'q2', 'x'.repeat(900), 5).q2!.note).toHaveLength(500);
		expect(toggleFavourite(f, 'q1', 300)).toEqual({});
	});
});
