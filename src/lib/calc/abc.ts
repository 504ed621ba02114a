/**
 * ABC 分析法 (and the course's 二八法则): customers sorted by value, classified by the
 * cumulative share of value. A customer is A while the cumulative share up to and including
 * them is ≤ the A threshold, B while ≤ the B threshold, C after that. The boundary is
 * inclusive: a cumulative share of exactly 80 % is still A.
 */
import { approxEqual, overflowError, parseNumber, type CalcResult, type FieldError, type NumberRule, type Step } from './common';
import { fmtExact, fmtPercent, fmtRatio, texNum } from './format';
import type { PasteColumn } from './table-paste';

export type AbcClass = 'A' | 'B' | 'C';

export interface AbcRowInput {
	name: string;
	value: string;
}

export interface AbcInput {
	rows: AbcRowInput[];
	/** A threshold in percent, default 80. */
	a?: string;
	/** B threshold in percent, default 95. */
	b?: string;
}

export interface AbcPreset {
	a: number;
	b: number;
	label: string;
}

export const ABC_PRESETS: readonly AbcPreset[] = [
	{ a: 80, b: 95, label: '80 / 95（默认）' },
	{ a: 70, b: 90, label: '70 / 90' },
	{ a: 55, b: 85, label: '55 / 85' }
];

export const ABC_BOUNDARY_RULE = '边界含在内：累计占比恰好等于 A 类界限（如 80%）的客户仍属 A 类，恰好等于 B 类界限的仍属 B 类；相对差在 10⁻⁹ 以内视为相等。';

export interface AbcCustomer {
	/** 1-based position after sorting by value, largest first. */
	rank: number;
	/** Position in the input, 0-based. */
	index: number;
	name: string;
	value: number;
	/** value / total, 0..1 */
	share: number;
	/** Value of this customer and all larger ones. */
	cumulativeValue: number;
	/** Cumulative share of value up to and including this customer, 0..1. */
	cumulative: number;
	/** rank / N: the share of customers up to and including this one. */
	cumulativeCustomers: number;
	class: AbcClass;
}

export interface AbcClassSummary {
	count: number;
	value: number;
	/** Share of total value. */
	share: number;
	/** Share of customers. */
	customerShare: number;
}

export interface AbcValue {
	/** Sorted by value, largest first; equal values keep their input order. */
	customers: AbcCustomer[];
	total: number;
	/** Thresholds as fractions, e.g. 0.8 and 0.95. */
	a: number;
	b: number;
	classes: Record<AbcClass, AbcClassSummary>;
	/** The 二八法则 figure: the top ≈20 % of customers and their share of value. */
	top: { count: number; customerShare: number; valueShare: number; text: string };
	/** True when two customers with the same value ended up in different classes. */
	tieAcrossBoundary: boolean;
	boundaryRule: string;
	notes: string[];
}

export const MAX_ABC_ROWS = 5000;

const thresholdRule = (label: string, example: string): NumberRule => ({ label, min: 0, minExclusive: true, max: 100, percent: 'points', example });

/** Row errors use fields "rows.<i>.value", i counted from 0; thresholds are "a" and "b". */
export function computeAbc(input: AbcInput): CalcResult<AbcValue> {
	const errors: FieldError[] = [];
	const { rows } = input;
	if (rows.length === 0) errors.push({ field: 'rows', message: '至少需要一位客户及其价值，例如“客户甲，120”。' });
	if (rows.length > MAX_ABC_ROWS) errors.push({ field: 'rows', message: `最多 ${MAX_ABC_ROWS} 位客户，现在有 ${rows.length} 位。` });
	const num = (field: 'a' | 'b', raw: string | undefined, fallback: number, rule: NumberRule) => {
		if ((raw ?? '').trim() === '') return fallback;
		const p = parseNumber(field, raw, rule);
		if ('error' in p) {
			errors.push(p.error);
			return undefined;
		}
		return p.value;
	};
	const aPct = num('a', input.a, 80, thresholdRule('A 类界限', '80'));
	const bPct = num('b', input.b, 95, thresholdRule('B 类界限', '95'));
	if (aPct !== undefined && bPct !== undefined && !(aPct < bPct)) {
		errors.push({ field: 'b', message: `B 类界限（${fmtExact(bPct)}%）必须大于 A 类界限（${fmtExact(aPct)}%），例如 80 / 95。` });
	}
	const parsed = rows.slice(0, MAX_ABC_ROWS).map((row, index) => {
		const name = row.name.trim() || `客户 ${index + 1}`;
		const p = parseNumber(`rows.${index}.value`, row.value, { label: `“${name}”的价值`, min: 0, example: '120' });
		if ('error' in p) errors.push(p.error);
		return { index, name, value: 'value' in p ? p.value : 0 };
	});
	const total = parsed.reduce((s, c) => s + c.value, 0);
	if (errors.length === 0 && !Number.isFinite(total)) errors.push(overflowError('rows'));
	if (errors.length === 0 && total === 0) errors.push({ field: 'rows', message: '客户价值合计为 0，无法计算占比：至少要有一位客户的价值大于 0。' });
	if (errors.length) return { ok: false, errors };
	const a = aPct! / 100;
	const b = bPct! / 100;
	// Array.prototype.sort is stable, so equal values keep the order they were entered in.
	const sorted = [...parsed].sort((x, y) => y.value - x.value);
	const n = sorted.length;
	let running = 0;
	const customers: AbcCustomer[] = sorted.map((c, i) => {
		running += c.value;
		// Dividing the running sum (not adding shares) keeps the last cumulative exactly 1.
		const cumulative = running / total;
		const cls: AbcClass = cumulative <= a || approxEqual(cumulative, a) ? 'A' : cumulative <= b || approxEqual(cumulative, b) ? 'B' : 'C';
		return { rank: i + 1, index: c.index, name: c.name, value: c.value, share: c.value / total, cumulativeValue: running, cumulative, cumulativeCustomers: (i + 1) / n, class: cls };
	});
	const summary = (k: AbcClass): AbcClassSummary => {
		const members = customers.filter((c) => c.class === k);
		const value = members.reduce((s, c) => s + c.value, 0);
		return { count: members.length, value, share: value / total, customerShare: members.length / n };
	};
	const classes = { A: summary('A'), B: summary('B'), C: summary('C') };
	const tieAcrossBoundary = customers.some((c, i) => i > 0 && c.value === customers[i - 1]!.value && c.class !== customers[i - 1]!.class);
	// "Top 20 %" in whole customers; with N not a multiple of 5 the actual share is stated.
	const topCount = Math.max(1, Math.round(n / 5));
	const topValueShare = customers[topCount - 1]!.cumulative;
	const topValue = customers[topCount - 1]!.cumulativeValue;
	const topCustomerShare = topCount / n;
	const who = n % 5 === 0 ? `前 20% 的客户（${topCount} 位）` : `价值最高的 ${topCount} 位客户（占客户数的 ${fmtPercent(topCustomerShare)}）`;
	const pareto =
		topValueShare >= 0.8 || approxEqual(topValueShare, 0.8)
			? '集中程度达到或超过二八法则所说的 80%。'
			: `集中程度低于二八法则所说的 80%（二八法则是经验规律，实际比例因行业而异）。`;
	const topText = `${who}贡献了 ${fmtPercent(topValueShare)} 的价值，${pareto}`;
	const notes: string[] = [ABC_BOUNDARY_RULE];
	if (tieAcrossBoundary) notes.push('注意：有数值相同的客户被分进了不同类别。同值客户按输入顺序排列，这一划分带有任意性，可酌情把他们归入同一类。');
	if (classes.A.count === 0) notes.push(`第一位客户的价值占比已超过 ${fmtExact(aPct!)}%，按累计占比规则没有 A 类客户；可考虑把该客户单独作为重点客户。`);
	const shown = customers.length <= 12 ? customers : [...customers.slice(0, 10), customers.at(-1)!];
	const steps: Step[] = [
		{ label: '排序并求总价值', tex: String.raw`\text{总价值} = ${n <= 8 ? customers.map((c) => texNum(c.value, fmtExact)).join(' + ') + ' = ' : ''}${texNum(total, fmtExact)}`, note: '按价值从大到小排列客户。' },
		{
			label: '累计占比',
			tex: String.raw`\text{累计占比}_k = \dfrac{\sum_{i \le k} \text{价值}_i}{\text{总价值}}`,
			note: `A 类：累计占比 ≤ ${fmtExact(aPct!)}%；B 类：≤ ${fmtExact(bPct!)}%；其余为 C 类。${ABC_BOUNDARY_RULE}`
		},
		...shown.map((c) => ({
			label: `第 ${c.rank} 位：${c.name}`,
			tex: String.raw`\dfrac{${texNum(c.cumulativeValue, fmtExact)}}{${texNum(total, fmtExact)}} = ${texNum(c.cumulative * 100, fmtRatio)}\% \Rightarrow ${c.class}`
		})),
		{ label: '二八法则', tex: String.raw`\dfrac{${texNum(topValue, fmtExact)}}{${texNum(total, fmtExact)}} = ${texNum(topValueShare * 100, fmtRatio)}\%`, note: topText }
	];
	return {
		ok: true,
		value: {
			customers,
			total,
			a,
			b,
			classes,
			top: { count: topCount, customerShare: topCustomerShare, valueShare: topValueShare, text: topText },
			tieAcrossBoundary,
			boundaryRule: ABC_BOUNDARY_RULE,
			notes
		},
		steps,
		convention: `按累计价值占比划分：A ≤ ${fmtExact(aPct!)}%，B ≤ ${fmtExact(bPct!)}%，其余为 C（边界含在内）`
	};
}

export const ABC_COLUMNS: readonly PasteColumn<'name' | 'value'>[] = [
	{ key: 'name', label: '客户', kind: 'text' },
	{ key: 'value', label: '价值', kind: 'number', rule: { label: '价值', min: 0, example: '120' } }
];
