/**
 * How the calculators show numbers, in text and in KaTeX formulas. Rounding happens only here,
 * when a number is shown; nothing here touches the DOM, the clock or Math.random.
 */

/** Rounds half away from zero to the given decimals, ignoring binary noise (1.005 → 1.01). */
export function roundTo(x: number, decimals: number): number {
	const scaled = Number((Math.abs(x) * 10 ** decimals).toPrecision(15));
	const r = (Math.sign(x) * Math.round(scaled)) / 10 ** decimals;
	return Object.is(r, -0) ? 0 : r;
}

/**
 * Formats like Intl.NumberFormat('zh-CN'): `sig` significant digits, or `frac` decimals when
 * `frac` ≥ 0 (at least `minFrac` shown), rounded half away from zero on the shortest decimal
 * form as ICU does, with grouping commas. Written out because the first
 * Intl formatter a page creates loads the locale data: about 50 ms of main thread on a phone,
 * paid during hydration by every page that shows a figure.
 */
function formatDecimal(n: number, sig: number, frac = -1, minFrac = 0): string {
	if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n < 0 ? '-∞' : '∞';
	// toExponential() without an argument gives the shortest digits that round-trip.
	const [mantissa = '', exp = ''] = Math.abs(n).toExponential().split('e');
	let digits = n ? mantissa.replace('.', '') : '';
	let point = n ? Number(exp) + 1 : 1; // digits before the decimal point
	const keep = frac < 0 ? sig : point + frac;
	if (digits.length > keep) {
		const up = keep >= 0 && digits[keep]! >= '5';
		digits = digits.slice(0, Math.max(keep, 0));
		if (up) {
			const width = digits.length;
			digits = String(BigInt(digits || '0') + 1n).padStart(width, '0');
			if (digits.length > width) point++;
		}
	}
	digits = digits.replace(/0+$/, '');
	const whole = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0';
	const fraction = (point > 0 ? digits.slice(point) : digits && '0'.repeat(-point) + digits).padEnd(minFrac, '0');
	return `${n < 0 || Object.is(n, -0) ? '-' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** Money: two decimals with zh-CN grouping, e.g. 12,345.68. Never prints −0.00. */
export function fmtMoney(n: number): string {
	return formatDecimal(roundTo(n, 2), 0, 2, 2);
}

/** Ratios and other figures: four significant figures, e.g. 1.333. */
export function fmtRatio(n: number): string {
	const s = formatDecimal(n, 4);
	return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A share (0.8) as a percentage with four significant figures: 80%. */
export function fmtPercent(share: number): string {
	return `${fmtRatio(share * 100)}%`;
}

/** A number as the student typed it (up to 12 significant figures, no padding): 0.1, 1.1, 1,200. */
export function fmtExact(n: number): string {
	const s = formatDecimal(n, 12);
	return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Whole numbers such as counts, with grouping: 12,000. */
export function fmtInt(n: number): string {
	return formatDecimal(n, 0, 0);
}

/**
 * A number for a KaTeX formula. Grouping commas are braced so KaTeX doesn't add punctuation
 * space, and negatives get parentheses so a substitution such as 100 × (−5) reads correctly.
 */
export function texNum(n: number, format: (n: number) => string = fmtMoney): string {
	const s = format(n).replace(/,/g, '{,}').replace(/%/g, '\\%');
	return s.startsWith('-') ? `(${s})` : s;
}

/** A result after "=": negatives need no parentheses there. */
export function texResult(n: number, format: (n: number) => string = fmtMoney): string {
	return format(n).replace(/,/g, '{,}').replace(/%/g, '\\%');
}

/** Chinese text inside a KaTeX formula. */
export function texText(s: string): string {
	return `\\text{${s.replace(/[\\{}]/g, '')}}`;
}
