import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { questionIndexJson, questionsJson } from '$lib/server/content';
import { assemblePaper, countMatching, fromIndexRow, practicePaper, selectQuestions, tallyQuestions } from '$lib/quiz/paper';
import { paperPlan } from '$lib/quiz/practice';
import { DEFAULT_MAKEUP, type PaperSpec } from '$lib/quiz/types';

// The /quiz setup assembles papers from the index; the runner marks them against the bank.
// They must agree to the last option order, or a student would be marked on another paper.
describe('the question index published for the /quiz setup', () => {
	const bank = questionsJson().questions;
	const rows = questionIndexJson().questions;
	const index = rows.map(fromIndexRow);
	const chapters = [...new Set(bank.map((q) => q.chapter))];

	it('lists every question, in bank order, and is far smaller than the bank', () => {
		expect(index.map((q) => q.id)).toEqual(bank.map((q) => q.id));
		expect(JSON.stringify(rows).length).toBeLessThan(JSON.stringify(bank).length / 8);
	});

	it('assembles the same mock paper, plan and practice selection as the whole bank', () => {
		fc.assert(
			fc.property(fc.nat(), fc.subarray(chapters), fc.boolean(), fc.boolean(), (seed, chosen, shuffleOptions, courseOnly) => {
				const spec: PaperSpec = { rows: DEFAULT_MAKEUP, chapters: chosen, shuffleOptions, rules: { partialCredit: false }, courseOnly };
				expect(assemblePaper(index, spec, seed)).toEqual(assemblePaper(bank, spec, seed));
				expect(paperPlan(tallyQuestions(index), spec)).toEqual(paperPlan(tallyQuestions(bank), spec));
				const filter = { chapters: chosen, types: [], courseOnly };
				const picked = selectQuestions(index, filter);
				expect(picked.map((q) => q.id)).toEqual(selectQuestions(bank, filter).map((q) => q.id));
				expect(practicePaper(picked, 'random', seed)).toEqual(practicePaper(selectQuestions(bank, filter), 'random', seed));
			}),
			{ numRuns: 40 }
		);
	});

	it('its tally, published with the /quiz page, counts what the setup would select from the index', () => {
		const tally = tallyQuestions(bank);
		expect(tally.reduce((n, row) => n + row[3], 0)).toBe(bank.length);
		// Far smaller than the index: it grows with chapters and types, not with questions.
		expect(JSON.stringify(tally).length).toBeLessThan(JSON.stringify(rows).length / 8);
		const types = [...new Set(bank.map((q) => q.type))];
		fc.assert(
			fc.property(fc.subarray(chapters), fc.subarray(types), fc.boolean(), (chosen, chosenTypes, courseOnly) => {
				const filter = { chapters: chosen, types: chosenTypes, courseOnly };
				expect(countMatching(tally, filter)).toBe(selectQuestions(index, filter).length);
			}),
			{ numRuns: 60 }
		);
	});
});
