import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import katex from 'katex';
import type { CalcResult, Step } from '../../../src/lib/calc/common';
import { compareOffers, computeCdv } from '../../../src/lib/calc/cdv';
import { CONVENTIONS, computeClv } from '../../../src/lib/calc/clv';
import { computeCohort } from '../../../src/lib/calc/cohort';
import { computeCsi, computeNps, computeRatio, computeSatisfiedRate } from '../../../src/lib/calc/satisfaction';
import { computeRfm } from '../../../src/lib/calc/rfm';
import { computeAbc } from '../../../src/lib/calc/abc';
import { DRILL_KINDS, generateDrill } from '../../../src/lib/calc/drills';

/** Every formula must typeset, with Chinese only inside \text (strict mode turns anything else into an error). */
function renders(steps: Step[]) {
	for (const s of steps) {
		expect(() => katex.renderToString(s.tex, { throwOnError: true, strict: 'error', displayMode: true }), s.tex).not.toThrow();
	}
}
const stepsOf = <T>(r: CalcResult<T>) => {
	expect(r.ok).toBe(true);
	return r.ok ? [...r.steps] : [];
};

describe('worked solutions typeset with KaTeX', () => {
	it('CDV, including TCC = 0 and compare mode', () => {
		const all = (v: string) => ({ product: v, service: v, personnel: v, image: v, money: v, time: v, energy: v, psychic: v });
		renders(stepsOf(computeCdv({ ...all('1200'), money: '5000' })));
		renders(stepsOf(computeCdv({ ...all('0'), product: '1' })));
		renders(stepsOf(compareOffers([{ name: '甲', input: all('3') }, { name: '乙', input: { ...all('0'), product: '2' } }])));
	});

	it('CLV: every convention, finite and infinite, q = 1, negative m, and the identity panel', () => {
		for (const convention of CONVENTIONS) {
			for (const [m, r, d, n, ac] of [
				['100', '0.8', '0.1', '3', '150'],
				['100', '0.8', '0.1', 'inf', '0'],
				['100', '1', '0', '5', '0'],
				['-1234.5', '0.5', '0.12', '40', '10']
			]) {
				const res = computeClv({ m, r, d, n, ac, convention });
				renders(stepsOf(res));
				if (res.ok) renders(res.value.identitySteps);
			}
		}
		renders(stepsOf(computeCohort({ rows: [{ customers: '1000', revenue: '200', cost: '120' }, { customers: '800', revenue: '210', cost: '120' }], d: '0.1', ac: '40', textbookRounding: true })));
	});

	it('satisfaction, RFM and ABC', () => {
		renders(stepsOf(computeRatio({ perceived: '7', expected: '8' })));
		renders(stepsOf(computeCsi([{ attribute: '质量', weight: '2', score: '4' }, { attribute: '价格', weight: '3', score: '3' }], '1-5')));
		renders(stepsOf(computeNps({ scores: '10 9 3' })));
		renders(stepsOf(computeSatisfiedRate({ satisfied: '45', total: '60' })));
		renders(stepsOf(computeRfm([{ name: '张三', recency: '10', frequency: '2', monetary: '1,000' }, { name: 'a{b}\\c', recency: '20', frequency: '3', monetary: '10' }])));
		renders(stepsOf(computeAbc({ rows: Array.from({ length: 15 }, (_, i) => ({ name: `客户${i}`, value: String(100 - i) })) })));
	});

	it('every drill solution', () => {
		fc.assert(
			fc.property(fc.constantFrom(...DRILL_KINDS), fc.integer(), (kind, seed) => {
				renders(generateDrill(kind, seed).solution);
			}),
			{ numRuns: 60 }
		);
	});
});
