import { describe, expect, it } from 'vitest';
import { indexQuestions, searchQuestions } from '../../../src/lib/content/search';

const bank = [
	{ id: 'q-loyalty', stem: '客户忠诚的 **钻石** 模型', options: [{ text: 'ＡＢＣ 分析' }, { text: '帕累托' }], answer: 'A' },
	{ id: 'q-churn', stem: '客户流失的原因', options: [], answer: '价格' },
	{ id: 'q-clv', stem: 'CLV（客户终生价值）', options: [{ text: '折现' }], answer: 'B' }
];

describe('question search', () => {
	it('needs every term, in the stem, an option, the id or the answer text', () => {
		const index = indexQuestions(bank, (q) => q.answer);
		expect(searchQuestions(index, '忠诚 钻石').map((q) => q.id)).toEqual(['q-loyalty']);
		expect(searchQuestions(index, '忠诚 价格')).toEqual([]);
		expect(searchQuestions(index, '价格').map((q) => q.id)).toEqual(['q-churn']);
		expect(searchQuestions(index, 'q-clv').map((q) => q.id)).toEqual(['q-clv']);
		expect(searchQuestions(index, '帕累托').map((q) => q.id)).toEqual(['q-loyalty']);
	});

	it('ignores case, full-width letters, spaces and punctuation', () => {
		const index = indexQuestions(bank);
		expect(searchQuestions(index, 'abc').map((q) => q.id)).toEqual(['q-loyalty']);
		expect(searchQuestions(index, 'clv(客户').map((q) => q.id)).toEqual(['q-clv']);
	});

	it('an empty query returns the bank in order', () => {
		expect(searchQuestions(indexQuestions(bank), '  ').map((q) => q.id)).toEqual(['q-loyalty', 'q-churn', 'q-clv']);
	});

	it('reads each question once, when indexing, not on every search', () => {
		let reads = 0;
		const index = indexQuestions(bank, (q) => {
			reads++;
			return q.answer;
		});
		expect(reads).toBe(3);
		for (const query of ['客', '客户', '客户流', '客户流失']) searchQuestions(index, query);
		expect(reads).toBe(3);
	});
});
