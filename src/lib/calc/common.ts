/**
 * Shared pieces of the calculators: results with worked steps, input parsing with Chinese
 * messages, tolerant comparison and display formatting. Everything is computed in full
 * double precision; rounding happens only when numbers are shown.
 */

/** One line of a worked solution: a label and a KaTeX formula. */
export interface Step {
	label: string;
	tex: string;
	note?: string;
}

export interface FieldError {
	field: string;
	message: string;
}

export type CalcResult<T> = { ok: true; value: T; steps: Step[] } | { ok: false; errors: FieldError[] };

/** Relative tolerance for "equal": 0.1 + 0.2 equals 0.3, and weights of 1.0000000000000002 sum to 1. */
export const REL_TOL = 1e-9;

export function approxEqual(a: number, b: number, rel = REL_TOL): boolean {
	return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

export interface NumberRule {
	label: string;
	min?: number;
	max?: number;
	/** Exclusive bounds, e.g. expected value > 0. */
	minExclusive?: boolean;
	maxExclusive?: boolean;
	integer?: boolean;
	/** A valid example shown in messages. */
	example: string;
}

function describeRange(r: NumberRule): string {
	const lo = r.min === undefined ? '' : `${r.minExclusive ? '大于' : '不小于'} ${r.min}`;
	const hi = r.max === undefined ? '' : `${r.maxExclusive ? '小于' : '不大于'} ${r.max}`;
	const kind = r.integer ? '整数' : '数';
	if (lo && hi) return `${lo}、${hi} 的${kind}`;
	if (lo || hi) return `${lo || hi} 的${kind}`;
	return `一个有限的${kind}`;
}

/** Parses what a person typed: full-width digits, thousands separators and spaces are fine. */
export function parseNumber(field: string, raw: string | undefined, rule: NumberRule): { value: number } | { error: FieldError } {
	const text = (raw ?? '').normalize('NFKC').replace(/[\s,，]/g, '').replace(/^\+/, '');
	const fail = (why: string) => ({ error: { field, message: `${rule.label}${why}：应为${describeRange(rule)}，例如 ${rule.example}。` } });
	if (text === '') return fail('不能为空');
	if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return fail(`“${raw}”不是数字`);
	const value = Number(text);
	if (!Number.isFinite(value)) return fail('超出了可计算的范围');
	if (rule.integer && !Number.isInteger(value)) return fail('必须是整数');
	if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) return fail('太小');
	if (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max)) return fail('太大');
	return { value };
}

/** Collects parsed numbers and errors for a whole form at once. */
export function parseAll<K extends string>(rules: Record<K, NumberRule>, input: Partial<Record<K, string>>): { values: Record<K, number>; errors: FieldError[] } {
	const values = {} as Record<K, number>;
	const errors: FieldError[] = [];
	for (const key of Object.keys(rules) as K[]) {
		const r = parseNumber(key, input[key], rules[key]);
		if ('error' in r) errors.push(r.error);
		else values[key] = r.value;
	}
	return { values, errors };
}

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('zh-CN', { maximumSignificantDigits: 4 });

/** Money: two decimals with zh-CN grouping, e.g. 12,345.68 */
export function fmtMoney(n: number): string {
	return money.format(n === 0 ? 0 : n);
}

/** Ratios and other figures: four significant figures, e.g. 1.333 */
export function fmtRatio(n: number): string {
	return plain.format(n === 0 ? 0 : n);
}

export function fmtPercent(share: number): string {
	return `${plain.format(share * 100)}%`;
}

/** A number for a LaTeX formula: negatives in parentheses so substitutions read correctly. */
export function texNum(n: number, format: (n: number) => string = fmtMoney): string {
	const s = format(n).replace(/,/g, '{,}');
	return n < 0 ? `(${s})` : s;
}
