import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { specFromQuery, specToQuery } from '../../../src/lib/quiz/paper-spec-url';
import { DEFAULT_MAKEUP } from '../../../src/lib/quiz/types';

describe('paper spec in a URL', () => {
	it('round-trips', () => {
		const type = fc.constantFrom('single', 'multiple', 'judge', 'fill', 'define', 'short' as const);
		fc.assert(
			fc.property(
				fc.array(fc.record({ type, count: fc.nat(50), marks: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 6 }),
				fc.array(fc.constantFrom('value', 'loyalty', 'churn'), { maxLength: 3 }),
				fc.nat(),
				(rows, chapters, seed) => {
					expect(specFromQuery(new URLSearchParams(specToQuery(rows, chapters, seed)))).toEqual({ rows, chapters, seed });
				}
			)
		);
	});

	it('defaults to the course make-up and explains bad links', () => {
		expect(specFromQuery(new URLSearchParams(''))).toEqual({ rows: DEFAULT_MAKEUP, chapters: [], seed: 1 });
		expect(specFromQuery(new URLSearchParams('rows=essay:3:10'))).toEqual({ error: expect.stringContaining('“essay:3:10”无法识别') });
		expect(specFromQuery(new URLSearchParams('seed=-4'))).toEqual({ error: expect.stringContaining('seed') });
	});
});
