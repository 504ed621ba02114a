import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { specFromQuery, specToQuery } from '../../../src/lib/quiz/paper-spec-url';
import { DEFAULT_MAKEUP } from '../../../src/lib/quiz/types';
import { LATEST_CALC_SET } from '../../../src/lib/calc/drill-kinds';

describe('paper spec in a URL', () => {
	it('round-trips', () => {
		const type = fc.constantFrom('single', 'multiple', 'judge', 'fill', 'define', 'short' as const);
		fc.assert(
			fc.property(
				fc.array(fc.record({ type, count: fc.nat(50), marks: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 6 }),
				fc.array(fc.constantFrom('value', 'loyalty', 'churn'), { maxLength: 3 }),
				fc.nat(),
				(rows, chapters, seed) => {
					expect(specFromQuery(new URLSearchParams(specToQuery(rows, chapters, seed)))).toEqual({ rows, chapters, seed, calcSet: LATEST_CALC_SET });
					expect(specFromQuery(new URLSearchParams(specToQuery(rows, chapters, seed, 0)))).toEqual({ rows, chapters, seed, calcSet: 0 });
				}
			)
		);
	});

	it('defaults to the course make-up and explains bad links', () => {
		expect(specFromQuery(new URLSearchParams(''))).toEqual({ rows: DEFAULT_MAKEUP, chapters: [], seed: 1, calcSet: 0 });
		// A print link made before the 计算 sets existed has no calc=: it keeps drawing from the first five calculators.
		expect(specFromQuery(new URLSearchParams('rows=calc:3:5&seed=9'))).toEqual({ rows: [{ type: 'calc', count: 3, marks: 5 }], chapters: [], seed: 9, calcSet: 0 });
		expect(specFromQuery(new URLSearchParams('seed=2&calc=7'))).toEqual({ error: expect.stringContaining('calc=7') });
		expect(specFromQuery(new URLSearchParams('rows=essay:3:10'))).toEqual({ error: expect.stringContaining('“essay:3:10”无法识别') });
		expect(specFromQuery(new URLSearchParams('seed=-4'))).toEqual({ error: expect.stringContaining('seed') });
	});
});
