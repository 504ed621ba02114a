import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { questionsJson } from '$lib/server/content';
import { markOptionRefs, reletterExplanation } from '$lib/quiz/option-refs';
import { displayLetter } from '$lib/quiz/describe';

const text = (html: string) => html.replace(/<[^>]+>/g, '');
const KEYS = ['A', 'B', 'C', 'D'];

describe('option letters in explanations', () => {
	test('only standalone option letters in prose are marked', () => {
		const md = 'A、B 都不对，D 错；ACD、4C、B2B 和 E 不是选项；$C = B / A$ 与 `A` 是公式和代码；MAN 的“A”是字母。';
		const marked = markOptionRefs(md, KEYS);
		const refs = [...marked.matchAll(/data-key="([A-Z])"/g)].map((m) => m[1]);
		expect(refs).toEqual(['A', 'B', 'D']);
		expect(text(marked)).toBe(md);
	});

	test('a shuffled paper names the letters the student saw', () => {
		const html = markOptionRefs('A 是伙伴型，C 是基本型，D 是被动型。', KEYS);
		// The bank's D is shown first, its A last.
		expect(text(reletterExplanation(html, ['D', 'C', 'B', 'A']))).toBe('D 是伙伴型，B 是基本型，A 是被动型。');
		expect(reletterExplanation(html, undefined)).toBe(html);
		expect(text(reletterExplanation(html, KEYS))).toBe('A 是伙伴型，C 是基本型，D 是被动型。');
	});

	test('every relettered reference agrees with the letter the option is shown under', () => {
		const html = markOptionRefs('A、B、C、D 依次出现。', KEYS);
		fc.assert(
			fc.property(fc.shuffledSubarray(KEYS, { minLength: 4, maxLength: 4 }), (order) => {
				const shown = text(reletterExplanation(html, order));
				expect(shown).toBe(`${KEYS.map((k) => displayLetter(k, order)).join('、')} 依次出现。`);
			})
		);
	});

	test('the bank: a shuffled 单选 explains itself with the shown letters', () => {
		const q = questionsJson().questions.find((x) => x.id === 'q-cus-039')!;
		const order = ['D', 'C', 'B', 'A'];
		const shown = text(reletterExplanation(q.explanationHtml, order));
		// Bank A (客户很少、利润高) is shown as D, bank C as B, bank D as A.
		expect(shown).toContain('D 是伙伴型，B 是基本型，A 是被动型');
		expect(q.options.find((o) => o.key === order[3])!.text).toBe('客户很少、利润高');
	});

	test('the bank: letters that name something else stay as written', () => {
		const q = questionsJson().questions.find((x) => x.id === 'q-seg-003')!;
		expect(q.explanationHtml).not.toContain('opt-ref');
		expect(text(reletterExplanation(q.explanationHtml, ['D', 'C', 'B', 'A']))).toContain('“A”（Authority）指决策权');
	});
});
