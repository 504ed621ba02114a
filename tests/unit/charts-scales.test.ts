import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as d3 from 'd3-scale';
import { line } from 'd3-shape';
import { ticks as d3ticks } from 'd3-array';
import { linePath, scaleBand, scaleLinear, scaleQuantize, ticks } from '../../src/lib/charts/scales';

// The charts' own scales must place everything where d3-scale would.
// Chart values: finite, not denormal (d3's float noise there is no chart's concern).
const num = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => Math.round(v * 1e4) / 1e4);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('chart scales match d3-scale', () => {
	it('linear, with and without nice, maps, and gives the same ticks', () => {
		fc.assert(
			fc.property(num, num, num, num, fc.boolean(), fc.integer({ min: 1, max: 12 }), num, (d0, d1, r0, r1, nice, count, v) => {
				const ref = d3.scaleLinear().domain([d0, d1]).range([r0, r1]);
				if (nice) ref.nice();
				const ours = scaleLinear([d0, d1], [r0, r1], nice);
				expect(ours.domain).toEqual(ref.domain());
				expect(ours.ticks(count)).toEqual(ref.ticks(count));
				for (const x of [v, d0, d1, ...ref.ticks(count)]) expect(close(ours(x), ref(x))).toBe(true);
			})
		);
		// The charts' own cases: an empty domain maps to the middle, as d3's does.
		expect(scaleLinear([3, 3], [0, 100])(3)).toBe(d3.scaleLinear().domain([3, 3]).range([0, 100])(3));
		expect(scaleLinear([0, 37], [190, 24], true).domain).toEqual([0, 40]);
	});

	it('ticks are d3-array\'s, over any span and count, either way round', () => {
		const any = fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => Math.round(v * 1e6) / 1e6);
		fc.assert(
			fc.property(fc.oneof(num, any), fc.oneof(num, any), fc.oneof(fc.integer({ min: -1, max: 30 }), fc.double({ min: 0, max: 3, noNaN: true })), (a, b, count) => {
				expect(ticks(a, b, count)).toEqual(d3ticks(a, b, count));
			}),
			{ numRuns: 2000 }
		);
		expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(ticks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
	});

	it('band places and sizes the bands like d3, in either direction', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 30 }), num, num, fc.double({ min: 0, max: 1, noNaN: true }), (n, r0, r1, padding) => {
				const domain = Array.from({ length: n }, (_, i) => i);
				const ref = d3.scaleBand<number>().domain(domain).range([r0, r1]).padding(padding);
				const ours = scaleBand(domain, [r0, r1], padding);
				expect(close(ours.bandwidth(), ref.bandwidth())).toBe(true);
				for (const d of domain) expect(close(ours(d)!, ref(d)!)).toBe(true);
				expect(ours(n + 1)).toBeUndefined();
			})
		);
	});

	it('quantize splits the domain at the same thresholds', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 400 }), fc.double({ min: -10, max: 500, noNaN: true }), (max, v) => {
				const ref = d3.scaleQuantize<number>().domain([1, max + 1]).range([1, 2, 3, 4]);
				const ours = scaleQuantize([1, max + 1], [1, 2, 3, 4]);
				expect(ours(v)).toBe(ref(v));
				for (const t of ref.thresholds()) expect(ours(t)).toBe(ref(t));
			})
		);
		expect(scaleQuantize([0, 1], [1, 2])(NaN)).toBeUndefined();
	});

	it('a line path is the one d3-shape draws', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(num, num), { minLength: 1, maxLength: 20 }), (points) => {
				expect(linePath(points)).toBe(line()(points));
			})
		);
	});
});
