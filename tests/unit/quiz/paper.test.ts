import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smallBank } from '../fixtures';
import { assemblePaper, practicePaper } from '../../../src/lib/quiz/paper';
import { scorePaper } from '../../../src/lib/quiz/marking';
import { correctResponse } from '../../../src/lib/quiz/marking';
import { recordAnswer } from '../../../src/lib/quiz/mistakes';
import { DEFAULT_MAKEUP, type PaperSpec } from '../../../src/lib/quiz/types';

const bank = smallBank;

const spec: PaperSpec = { rows: DEFAULT_MAKEUP, chapters: [], shuffleOptions: true, rules: { partialCredit: false } };

describe('assemblePaper', () => {
	it('builds the course-shaped paper worth 100 points', () => {
		const { paper, shortfalls } = assemblePaper(bank(), spec, 7);
		expect(shortfalls).toEqual([]);
		expect(paper.items).toHaveLength(42);
		expect(paper.items.reduce((s, i) => s + i.marks, 0)).toBe(100);
		expect(new Set(paper.items.map((i) => i.questionId)).size).toBe(42);
		expect(paper.items.slice(0, 10).every((i) => i.type === 'single')).toBe(true);
	});

	it('the same seed gives the same paper; another seed a different one', () => {
		fc.assert(
			fc.property(fc.nat(), (seed) => {
				expect(assemblePaper(bank(), spec, seed)).toEqual(assemblePaper(bank(), spec, seed));
			}),
			{ numRuns: 30 }
		);
		expect(assemblePaper(bank(), spec, 1).paper.items).not.toEqual(assemblePaper(bank(), spec, 2).paper.items);
	});

	it('limits questions to the chosen chapters and reports a shortfall', () => {
		const { paper, shortfalls } = assemblePaper(bank(), { ...spec, chapters: ['a'] }, 3);
		expect(paper.items.every((i) => i.questionId.startsWith('a-'))).toBe(true);
		expect(shortfalls).toContainEqual({ type: 'single', wanted: 10, available: 6 });
	});

	it('practice papers keep course order (顺序) or shuffle by seed (随机)', () => {
		const qs = bank().slice(0, 10);
		expect(practicePaper(qs, 'sequential', 1).items.map((i) => i.questionId)).toEqual(qs.map((q) => q.id));
		const random = practicePaper(qs, 'random', 5).items.map((i) => i.questionId);
		expect(random).toEqual(practicePaper(qs, 'random', 5).items.map((i) => i.questionId));
		expect([...random].sort()).toEqual(qs.map((q) => q.id).sort());
	});
});

describe('scorePaper', () => {
	it('all-correct answers score 100, with breakdowns per type and chapter', () => {
		const b = bank();
		const { paper } = assemblePaper(b, spec, 11);
		const byId = new Map(b.map((q) => [q.id, q]));
		const answers = Object.fromEntries(paper.items.map((i) => [i.questionId, correctResponse(byId.get(i.questionId)!)]));
		const score = scorePaper(paper, byId, answers);
		expect(score.earned).toBe(100);
		expect(score.byType.short).toEqual({ earned: 30, max: 30, count: 3 });
		expect(Object.values(score.byChapter).reduce((s, c) => s + c.max, 0)).toBe(100);
		expect(scorePaper(paper, byId, {}).earned).toBe(0);
	});
});

describe('错题本', () => {
	it('a miss enters, two right answers in a row clear it, a star keeps it', () => {
		let m = recordAnswer(undefined, 'q', false, null, 1000);
		expect(m).toMatchObject({ misses: 1, streak: 0, firstMissedAt: 1000 });
		m = recordAnswer(m!, 'q', true, null, 2000);
		expect(m).toMatchObject({ streak: 1 });
		m = recordAnswer(m!, 'q', false, null, 3000);
		expect(m).toMatchObject({ misses: 2, streak: 0, firstMissedAt: 1000, lastMissedAt: 3000 });
		m = recordAnswer(m!, 'q', true, null, 4000);
		expect(recordAnswer(m!, 'q', true, null, 5000)).toBeNull();
		expect(recordAnswer({ ...m!, starred: true }, 'q', true, null, 5000)).toMatchObject({ streak: 2, starred: true });
		expect(recordAnswer(undefined, 'q', true, null, 1)).toBeNull();
		expect(recordAnswer(m!, 'q', true, null, 5000, 3)).toMatchObject({ streak: 2 });
	});
});
