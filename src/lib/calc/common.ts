/**
 * Shared pieces of the calculators: results with worked steps, input parsing with Chinese
 * messages and tolerant comparison. Display formatting is in ./format, so that marking an
 * answer (the quiz pages) does not load it.
 *
 * Everything is computed in full double precision; rounding happens only when a number is
 * shown (./format). Nothing here touches the DOM, the clock or Math.random.
 */

/** One line of a worked solution: a Chinese label and a KaTeX formula. */
export interface Step {
	label: string;
	/** KaTeX source: the formula, the substituted numbers or an intermediate result. */
	tex: string;
	note?: string;
}

/** A validation problem tied to one input, so the page can show it next to that field. */
export interface FieldError {
	field: string;
	/** Simplified Chinese: what is wrong and what a valid value looks like. */
	message: string;
}

export type CalcResult<T> =
	| {
			ok: true;
			value: T;
			steps: Step[];
			/**
			 * The convention and its source, without the 「本结果采用：」 prefix (the page adds it),
			 * e.g. 期末收款、首期需留存（Gupta–Lehmann / Kotler）.
			 */
			convention?: string;
	  }
	| { ok: false; errors: FieldError[] };

/** Relative tolerance for "equal": 0.1 + 0.2 equals 0.3, and weights of 1.0000000000000002 sum to 1. */
export const REL_TOL = 1e-9;

/**
 * Equality within a relative tolerance. Purely relative (no absolute floor), so small
 * quantities such as 0.000001 and 0.000002 still count as different.
 */
export function approxEqual(a: number, b: number, rel = REL_TOL): boolean {
	if (a === b) return true;
	return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

/** −1, 0 or 1, treating values within the tolerance as equal. */
export function compareApprox(a: number, b: number): -1 | 0 | 1 {
	if (approxEqual(a, b)) return 0;
	return a < b ? -1 : 1;
}

export interface NumberRule {
	/** The field's Chinese name as it appears in messages, e.g. 保留率 r. */
	label: string;
	min?: number;
	max?: number;
	/** Exclusive bounds, e.g. expected value > 0. */
	minExclusive?: boolean;
	maxExclusive?: boolean;
	integer?: boolean;
	/**
	 * What a trailing % means. 'fraction': 80% → 0.8 (rates such as r and d).
	 * 'points': 80% → 80 (fields already in percent, such as ABC thresholds).
	 * Absent: a % is refused, because 50% of a 产品价值 has no meaning.
	 */
	percent?: 'fraction' | 'points';
	/** A valid example shown in messages. */
	example: string;
}

export type Parsed = { value: number } | { error: FieldError };

function describeRange(r: NumberRule): string {
	const unit = r.percent === 'points' ? '（单位 %）' : '';
	const lo = r.min === undefined ? '' : `${r.minExclusive ? '大于' : '不小于'} ${r.min}`;
	const hi = r.max === undefined ? '' : `${r.maxExclusive ? '小于' : '不大于'} ${r.max}`;
	const kind = r.integer ? '整数' : '数';
	if (lo && hi) return `${lo}、${hi} 的${kind}${unit}`;
	if (lo || hi) return `${lo || hi} 的${kind}${unit}`;
	return `一个有限的${kind}${unit}`;
}

/** Builds the standard message: 「<label><why>：应为<range>，例如 <example>。」 */
export function ruleError(field: string, rule: NumberRule, why: string): { error: FieldError } {
	return { error: { field, message: `${rule.label}${why}：应为${describeRange(rule)}，例如 ${rule.example}。` } };
}

const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
// Separators are accepted only where a thousands separator can stand, so "1,2" is not read as 12.
const GROUPED_RE = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Cleans what a person typed into the text Number() understands, or says why it can't:
 * full-width characters (NFKC), the Unicode minus sign, spaces and thousands separators.
 */
function normalise(raw: string): { text: string; percent: boolean } | { why: string } {
	let text = raw.normalize('NFKC').replace(/\u2212/g, '-').trim();
	const percent = /%$/.test(text);
	if (percent) text = text.slice(0, -1).trimEnd();
	// Spaces may follow a sign ("- 5") or group thousands ("1 000"); any other space, as in
	// "1 2", is a typo and must not silently become 12.
	text = text.replace(/^([-+])\s+/, '$1').replace(/\s+/g, ',');
	if (text.includes(',')) {
		if (!GROUPED_RE.test(text)) return { why: `“${raw.trim()}”中的分隔符位置不对（千位分隔符应每三位一个）` };
		text = text.replace(/,/g, '');
	}
	if (text === '') return { why: percent ? `“${raw.trim()}”不是数字` : '不能为空' };
	if (!NUMBER_RE.test(text)) return { why: `“${raw.trim()}”不是数字` };
	return { text, percent };
}

/**
 * Reads a number the way a student types it: full-width digits, 1,234.5, spaces and (where
 * the rule allows) a trailing %. Returns the value or a Chinese message for the field.
 */
export function parseNumber(field: string, raw: string | number | undefined | null, rule: NumberRule): Parsed {
	if (typeof raw === 'number') raw = Number.isFinite(raw) ? String(raw) : 'NaN';
	const n = normalise(raw ?? '');
	if ('why' in n) return ruleError(field, rule, n.why);
	let value: number;
	if (n.percent) {
		if (!rule.percent) return ruleError(field, rule, '不用加百分号');
		// "12.34e-2" is parsed with one correct rounding; 12.34 / 100 would round twice.
		value = rule.percent === 'points' ? Number(n.text) : /e/i.test(n.text) ? Number(n.text) / 100 : Number(`${n.text}e-2`);
	} else {
		value = Number(n.text);
	}
	if (!Number.isFinite(value)) return ruleError(field, rule, '超出了可计算的范围');
	if (Object.is(value, -0)) value = 0;
	if (rule.integer && !Number.isInteger(value)) return ruleError(field, rule, '必须是整数');
	if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) return ruleError(field, rule, '太小');
	if (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max)) return ruleError(field, rule, '太大');
	return { value };
}

/**
 * For a field that wants a decimal: if the student typed 80 where 0 to 1 is expected, they
 * almost certainly meant 80 %. Returns the hint, or null when the input doesn't look like
 * that. `from` is the smallest typed value that is out of range (1 for r, 10 for d).
 */
export function percentSuggestion(raw: string | undefined, label: string, range = '0 到 1 之间的小数', from = 1): string | null {
	const n = normalise(raw ?? '');
	if ('why' in n || n.percent) return null;
	const v = Number(n.text);
	if (!(v > 1 && v >= from && v <= 100)) return null;
	return `${label}填的是 ${v}，超出了范围：应为${range}。你是想输入 ${v}% 吗？请填 ${Number(`${n.text}e-2`)} 或 ${v}%。`;
}

/** The parsed number, or undefined with its error added to `errors`. */
export function take(errors: FieldError[], parsed: Parsed): number | undefined {
	if ('error' in parsed) {
		errors.push(parsed.error);
		return undefined;
	}
	return parsed.value;
}

/** Collects parsed numbers and errors for a whole form at once. */
export function parseAll<K extends string>(
	rules: Record<K, NumberRule>,
	input: Partial<Record<K, string | number>>
): { values: Record<K, number>; errors: FieldError[] } {
	const values = {} as Record<K, number>;
	const errors: FieldError[] = [];
	for (const key of Object.keys(rules) as K[]) {
		const r = parseNumber(key, input[key], rules[key]);
		if ('error' in r) errors.push(r.error);
		else values[key] = r.value;
	}
	return { values, errors };
}

/**
 * Inputs can each be finite and still add up to ∞ (four values of 1e308). Every calculator
 * checks its totals and reports this instead of showing ∞ or NaN.
 */
export function overflowError(field: string): FieldError {
	return { field, message: '数值太大，计算结果超出了可计算的范围：请换用较大的单位（例如以“万元”为单位）后再输入。' };
}
