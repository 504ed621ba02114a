import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Question } from '../../../src/lib/content/types';
import { judgeBlank, normaliseAnswer } from '../../../src/lib/quiz/normalize';
import { correctResponse, markQuestion } from '../../../src/lib/quiz/marking';
import type { Response } from '../../../src/lib/quiz/types';

const pos = { file: 'x.md', line: 1 };
const common = { chapter: 'c', explanation: '', concepts: [], source: 'authored' as const, tags: [], pos };
const opts = (keys: string) => keys.split('').map((k) => ({ key: k, text: `选项${k}` }));

const single: Question = { ...common, id: 's', type: 'single', stem: '?', options: opts('ABCD'), answer: 'B' };
const multiple: Question = { ...common, id: 'm', type: 'multiple', stem: '?', options: opts('ABCDE'), answer: ['A', 'C', 'D'] };
const judge: Question = { ...common, id: 'j', type: 'judge', stem: '?', options: [], answer: false };
const fill: Question = { ...common, id: 'f', type: 'fill', stem: '＿＿＿和＿＿＿', options: [], answer: { blanks: [['客户满意', '顾客满意'], ['客户忠诚']], anyOrder: false } };
const fillAny: Question = { ...common, id: 'fa', type: 'fill', stem: '', options: [], answer: { blanks: [['需求的拉动'], ['技术的推动'], ['管理理念的更新']], anyOrder: true } };
const short: Question = { ...common, id: 'sh', type: 'short', stem: '?', options: [], answer: { model: '', points: ['一', '二', '三', '四'] } };
const strict = { partialCredit: false };
const lenient = { partialCredit: true };

describe('normalisation', () => {
	it('folds full-width, case, spaces and Chinese/English punctuation', () => {
		expect(normaliseAnswer('ＣＲＭ 系统。')).toBe('crm系统');
		expect(normaliseAnswer('“客户-满意”！')).toBe('客户满意');
		expect(normaliseAnswer(' Customer  Lifetime, Value ')).toBe('customerlifetimevalue');
	});

	it('tells a near miss from a wrong answer and does not accept it', () => {
		expect(judgeBlank('客户满意', ['客户满意'])).toBe('correct');
		expect(judgeBlank('客户满足', ['客户满意'])).toBe('near');
		expect(judgeBlank('客户忠诚度', ['客户满意'])).toBe('wrong');
		expect(judgeBlank('  ', ['客户满意'])).toBe('empty');
		expect(judgeBlank('顾客满意', ['客户满意', '顾客满意'])).toBe('correct');
	});
});

describe('markQuestion', () => {
	it('单选 and 判断: all or nothing', () => {
		expect(markQuestion(single, { type: 'single', choice: 'B' }, 2, strict)).toMatchObject({ earned: 2, status: 'correct' });
		expect(markQuestion(single, { type: 'single', choice: 'A' }, 2, strict)).toMatchObject({ earned: 0, status: 'wrong' });
		expect(markQuestion(single, { type: 'single', choice: null }, 2, strict)).toMatchObject({ earned: 0, status: 'unanswered' });
		expect(markQuestion(judge, { type: 'judge', value: false }, 1, strict).earned).toBe(1);
		expect(markQuestion(judge, { type: 'judge', value: true }, 1, strict).earned).toBe(0);
	});

	it('多选: full marks only when exactly right; partial credit optional and zero with any wrong pick', () => {
		const pick = (choices: string[]): Response => ({ type: 'multiple', choices });
		expect(markQuestion(multiple, pick(['D', 'A', 'C']), 3, strict)).toMatchObject({ earned: 3, status: 'correct' });
		expect(markQuestion(multiple, pick(['A', 'C']), 3, strict)).toMatchObject({ earned: 0, status: 'wrong' });
		expect(markQuestion(multiple, pick(['A', 'C']), 3, lenient)).toMatchObject({ earned: 2, status: 'partial' });
		expect(markQuestion(multiple, pick(['A', 'C', 'B']), 3, lenient)).toMatchObject({ earned: 0, status: 'wrong' });
		expect(markQuestion(multiple, pick(['A', 'B', 'C', 'D', 'E']), 3, lenient).earned).toBe(0);
	});

	it('填空: per-blank credit, alternatives, near misses flagged', () => {
		const r = (blanks: string[]): Response => ({ type: 'fill', blanks });
		expect(markQuestion(fill, r(['顾客满意', '客户忠诚']), 2, strict)).toMatchObject({ earned: 2, status: 'correct', blanks: ['correct', 'correct'] });
		expect(markQuestion(fill, r(['客户满足', '客户忠诚']), 2, strict)).toMatchObject({ earned: 1, status: 'partial', blanks: ['near', 'correct'] });
		// Order matters unless the content says otherwise.
		expect(markQuestion(fill, r(['客户忠诚', '客户满意']), 2, strict).earned).toBe(0);
	});

	it('填空 with 顺序: 任意 compares the blanks as a set', () => {
		const r = (blanks: string[]): Response => ({ type: 'fill', blanks });
		expect(markQuestion(fillAny, r(['技术的推动', '管理理念的更新', '需求的拉动']), 3, strict).earned).toBe(3);
		expect(markQuestion(fillAny, r(['技术的推动', '技术的推动', '需求的拉动']), 3, strict)).toMatchObject({ earned: 2, blanks: ['correct', 'wrong', 'correct'] });
	});

	it('名词解释 / 简答: the share of points ticked; pending until self-marked', () => {
		expect(markQuestion(short, { type: 'short', text: '我的答案', ticked: null }, 10, strict)).toMatchObject({ earned: 0, status: 'pending' });
		expect(markQuestion(short, { type: 'short', text: '我的答案', ticked: [0, 2, 3] }, 10, strict)).toMatchObject({ earned: 7.5, status: 'partial' });
		expect(markQuestion(short, { type: 'short', text: 'x', ticked: [0, 0, 9, -1] }, 10, strict).earned).toBe(2.5);
	});
});

// Property-based: random questions, random responses.
const choiceQuestion = fc
	.record({ n: fc.integer({ min: 2, max: 6 }), multi: fc.boolean(), seed: fc.nat() })
	.chain(({ n, multi }) => {
		const keys = 'ABCDEF'.slice(0, n).split('');
		const answer = multi ? fc.subarray(keys, { minLength: 2 }) : fc.constantFrom(...keys).map((k) => [k]);
		return answer.map(
			(ans): Question =>
				multi && ans.length >= 2
					? { ...common, id: 'p', type: 'multiple', stem: '?', options: opts(keys.join('')), answer: [...ans].sort() }
					: { ...common, id: 'p', type: 'single', stem: '?', options: opts(keys.join('')), answer: ans[0]! }
		);
	});

const anyResponse = (q: Question): fc.Arbitrary<Response> => {
	const keys = q.options.map((o) => o.key);
	switch (q.type) {
		case 'single':
			return fc.option(fc.constantFrom(...keys), { nil: null }).map((choice) => ({ type: 'single', choice }));
		case 'multiple':
			return fc.subarray(keys).map((choices) => ({ type: 'multiple', choices }));
		default:
			throw new Error('unused');
	}
};

const questions = fc.oneof(choiceQuestion, fc.constant(judge), fc.constant(fill), fc.constant(fillAny), fc.constant(short));
const responseFor = (q: Question): fc.Arbitrary<Response> =>
	q.type === 'judge'
		? fc.option(fc.boolean(), { nil: null }).map((value) => ({ type: 'judge', value }))
		: q.type === 'fill'
			? fc.array(fc.oneof(fc.string(), fc.constantFrom('客户满意', '客户忠诚', '需求的拉动', '技术的推动')), { minLength: q.answer.blanks.length, maxLength: q.answer.blanks.length }).map((blanks) => ({ type: 'fill', blanks }))
			: q.type === 'short' || q.type === 'define'
				? fc.option(fc.array(fc.integer({ min: -2, max: 6 })), { nil: null }).map((ticked) => ({ type: q.type as 'short', text: 'x', ticked }))
				: anyResponse(q);

describe('marking properties', () => {
	it('every score lies within [0, max]', () => {
		fc.assert(
			fc.property(
				questions.chain((q) => fc.tuple(fc.constant(q), responseFor(q))),
				fc.integer({ min: 1, max: 20 }),
				fc.boolean(),
				([q, r], marks, partialCredit) => {
					const m = markQuestion(q, r, marks, { partialCredit });
					return m.earned >= 0 && m.earned <= marks && m.max === marks;
				}
			)
		);
	});

	it('the correct response always earns the maximum', () => {
		fc.assert(
			fc.property(questions, fc.integer({ min: 1, max: 20 }), fc.boolean(), (q, marks, partialCredit) => {
				const m = markQuestion(q, correctResponse(q), marks, { partialCredit });
				return m.earned === marks && m.status === 'correct';
			})
		);
	});

	it('the score does not depend on the order of the options (options relabelled A, B, C… after shuffling)', () => {
		fc.assert(
			fc.property(
				choiceQuestion.chain((q) => fc.tuple(fc.constant(q), anyResponse(q), fc.shuffledSubarray(q.options, { minLength: q.options.length }))),
				fc.boolean(),
				([q, r, reordered], partialCredit) => {
					// Position i of the new order gets letter i; map answers and responses through it.
					const relabel = new Map(reordered.map((o, i) => [o.key, String.fromCharCode(65 + i)]));
					const map = (k: string) => relabel.get(k)!;
					const options = reordered.map((o, i) => ({ key: String.fromCharCode(65 + i), text: o.text }));
					const shuffled: Question =
						q.type === 'single' ? { ...q, options, answer: map(q.answer) } : q.type === 'multiple' ? { ...q, options, answer: q.answer.map(map).sort() } : q;
					const moved: Response =
						r.type === 'single' ? { type: 'single', choice: r.choice === null ? null : map(r.choice) } : r.type === 'multiple' ? { type: 'multiple', choices: r.choices.map(map) } : r;
					const rules = { partialCredit };
					return markQuestion(q, r, 4, rules).earned === markQuestion(shuffled, moved, 4, rules).earned;
				}
			)
		);
	});
});
