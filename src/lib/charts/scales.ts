/**
 * The few scales the charts use, with d3-scale's arithmetic (tests compare them with d3-scale).
 * d3-scale itself brings d3-interpolate, d3-color and d3-format to every page with a chart, about
 * 11 KB gz of first-load JavaScript for what is a line of arithmetic per scale. Tick positions
 * come from d3-array, which is small when imported alone.
 */
import { bisectRight, tickIncrement, ticks } from 'd3-array';

export interface LinearScale {
	(value: number): number;
	readonly domain: readonly [number, number];
	/** About `count` round values inside the domain, as d3's `scale.ticks(count)`. */
	ticks(count?: number): number[];
}

/** Widens the domain to round values, as d3's `scale.nice(count)`. */
function niceDomain(d0: number, d1: number, count: number): [number, number] {
	const reverse = d1 < d0;
	let start = reverse ? d1 : d0;
	let stop = reverse ? d0 : d1;
	let previous: number | undefined;
	for (let i = 0; i < 10; i++) {
		const step = tickIncrement(start, stop, count);
		// Only a step that no longer changes is taken; otherwise the domain stays as given.
		if (step === previous) return reverse ? [stop, start] : [start, stop];
		if (step > 0) {
			start = Math.floor(start / step) * step;
			stop = Math.ceil(stop / step) * step;
		} else if (step < 0) {
			start = Math.ceil(start * step) / step;
			stop = Math.floor(stop * step) / step;
		} else break;
		previous = step;
	}
	return [d0, d1];
}

/** A linear map from `domain` to `range`; `nice` rounds the domain outward first (d3's `.nice()`). */
export function scaleLinear(domain: readonly [number, number], range: readonly [number, number], nice = false): LinearScale {
	const [d0, d1] = nice ? niceDomain(domain[0], domain[1], 10) : [domain[0], domain[1]];
	const [r0, r1] = range;
	const span = d1 - d0;
	// An empty domain maps everything to the middle of the range, as d3 does.
	const scale = ((v: number) => {
		const t = span ? (v - d0) / span : Number.isNaN(span) ? NaN : 0.5;
		return r0 * (1 - t) + r1 * t;
	}) as LinearScale;
	Object.assign(scale, { domain: [d0, d1] as const, ticks: (count = 10) => ticks(d0, d1, count) });
	return scale;
}

export interface BandScale<T> {
	(value: T): number | undefined;
	bandwidth(): number;
}

/** Equal bands for `domain` across `range`, `padding` (0–1) of a step between and around them. */
export function scaleBand<T>(domain: readonly T[], range: readonly [number, number], padding = 0): BandScale<T> {
	const n = domain.length;
	const inner = Math.min(1, padding);
	const reverse = range[1] < range[0];
	let start = reverse ? range[1] : range[0];
	const stop = reverse ? range[0] : range[1];
	const step = (stop - start) / Math.max(1, n - inner + padding * 2);
	start += (stop - start - step * (n - inner)) * 0.5;
	const index = new Map(domain.map((d, i) => [d, i]));
	const scale = ((value: T) => {
		const i = index.get(value);
		return i === undefined ? undefined : start + step * (reverse ? n - 1 - i : i);
	}) as BandScale<T>;
	scale.bandwidth = () => step * (1 - inner);
	return scale;
}

/** Splits [x0, x1] into equal parts, one per value of `range`, as d3's `scaleQuantize`. */
export function scaleQuantize<T>(domain: readonly [number, number], range: readonly T[]): (value: number) => T | undefined {
	const [x0, x1] = domain;
	const n = range.length - 1;
	const thresholds = Array.from({ length: n }, (_, i) => ((i + 1) * x1 - (i - n) * x0) / (n + 1));
	return (value) => (value <= value ? range[bisectRight(thresholds, value, 0, n)] : undefined);
}

/** An SVG path through the points, straight segments (d3-shape's default `line()`). */
export function linePath(points: readonly (readonly [number, number])[]): string {
	// Coordinates to 3 decimals and a lone point closed, as d3-shape writes them.
	const r = (v: number) => Math.round(v * 1000) / 1000;
	return points.map(([x, y], i) => `${i ? 'L' : 'M'}${r(x)},${r(y)}`).join('') + (points.length === 1 ? 'Z' : '');
}
