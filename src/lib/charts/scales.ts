/**
 * The few scales the charts use, with d3-scale's arithmetic (tests compare them with d3-scale and
 * d3-array). d3-scale brings d3-interpolate, d3-color and d3-format to every page with a chart,
 * about 11 KB gz of first-load JavaScript for what is a line of arithmetic per scale.
 */

/**
 * Round tick spacing for about `count` ticks over [lo, hi] (lo ≤ hi): 1, 2 or 5 times a power of
 * ten, the choice made at √2, √10 and √50 so the count lands nearest the one asked for. Below 1
 * the step is kept as its inverse (`per`: ticks per unit), which keeps 0.1 × 3 from being 0.30000000000000004.
 */
function tickPlan(lo: number, hi: number, count: number): { first: number; last: number; size: number; per: number } {
	const raw = (hi - lo) / Math.max(0, count);
	const power = Math.floor(Math.log10(raw));
	const mantissa = raw / 10 ** power;
	const factor = mantissa >= Math.sqrt(50) ? 10 : mantissa >= Math.sqrt(10) ? 5 : mantissa >= Math.SQRT2 ? 2 : 1;
	let first: number;
	let last: number;
	let size = 0;
	let per = 0;
	if (power < 0) {
		per = 10 ** -power / factor;
		first = Math.round(lo * per);
		last = Math.round(hi * per);
		if (first / per < lo) first++;
		if (last / per > hi) last--;
	} else {
		size = 10 ** power * factor;
		first = Math.round(lo / size);
		last = Math.round(hi / size);
		if (first * size < lo) first++;
		if (last * size > hi) last--;
	}
	// Too few ticks fit at about one or two: ask for twice as many.
	if (last < first && count >= 0.5 && count < 2) return tickPlan(lo, hi, count * 2);
	return { first, last, size, per };
}

/** The step between ticks, or minus its inverse when below 1 (d3-array's `tickIncrement`). */
function tickIncrement(start: number, stop: number, count: number): number {
	const { size, per } = tickPlan(start, stop, count);
	return per ? -per : size;
}

/** About `count` round values between start and stop, in their order (d3-array's `ticks`). */
export function ticks(start: number, stop: number, count: number): number[] {
	if (!(count > 0)) return [];
	if (start === stop) return [start];
	const reverse = stop < start;
	const { first, last, size, per } = reverse ? tickPlan(stop, start, count) : tickPlan(start, stop, count);
	if (!(last >= first)) return [];
	const out = Array.from({ length: last - first + 1 }, (_, i) => {
		const k = reverse ? last - i : first + i;
		return per ? k / per : k * size;
	});
	return out;
}

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
		return (value) => {
		if (!(value <= value)) return undefined;
		// The first threshold above the value (thresholds are few: a linear scan is enough).
		let i = 0;
		while (i < n && thresholds[i]! <= value) i++;
		return range[i];
	};
}

/** An SVG path through the points, straight segments (d3-shape's default `line()`). */
export function linePath(points: readonly (readonly [number, number])[]): string {
	// Coordinates to 3 decimals and a lone point closed, as d3-shape writes them.
	const r = (v: number) => Math.round(v * 1000) / 1000;
	return points.map(([x, y], i) => `${i ? 'L' : 'M'}${r(x)},${r(y)}`).join('') + (points.length === 1 ? 'Z' : '');
}
