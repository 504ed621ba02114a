/**
 * 客户终生价值 (Customer Lifetime Value) for a retention model with constant margin m,
 * retention r and discount rate d per period, under three timing conventions:
 *   gl    (Gupta–Lehmann / Kotler): margins at the end of each period; even the first needs the
 *         customer to be retained.  Σ_{t=1..n} m·r^t/(1+d)^t
 *   end   end of period, first margin certain.  Σ_{t=1..n} m·r^(t−1)/(1+d)^t
 *   start first margin received now.  Σ_{t=0..n−1} m·r^t/(1+d)^t
 * With q = r/(1+d) these are geometric series, and start = m + gl (n = ∞), end = start/(1+d).
 */
import { fmtMoney, fmtRatio, parseNumber, texNum, type CalcResult, type FieldError, type Step } from './common';

export type Convention = 'gl' | 'end' | 'start';

export const CONVENTION_LABELS: Record<Convention, string> = {
	gl: '期末收款、首期需留存（Gupta–Lehmann / Kotler）',
	end: '期末收款、首期必得',
	start: '期初收款（首期利润立即到手）'
};

export interface ClvInput {
	m?: string;
	r?: string;
	d?: string;
	n?: string;
	ac?: string;
	convention?: string;
}

export interface ClvRow {
	t: number;
	survival: number;
	expectedMargin: number;
	discount: number;
	pv: number;
	cumulative: number;
}

export interface ClvValue {
	convention: Convention;
	n: number | 'inf';
	/** CLV after subtracting the acquisition cost. */
	clv: number;
	/** CLV before the acquisition cost: the most it is worth paying to win the customer. */
	gross: number;
	byConvention: Record<Convention, number>;
	/** gross / m: how many period margins the customer is worth. null when m = 0. */
	marginMultiple: number | null;
	/** 1 / (1 − r) periods; null when r = 1 (the customer never leaves). */
	expectedLifetime: number | null;
	/** First period whose cumulative PV covers the acquisition cost; null if it never does. */
	payback: number | null;
	rows: ClvRow[];
	label: string;
	interpretation: string;
}

/** Periods listed in the table (and searched for payback) when n is infinite. */
export const TABLE_LIMIT = 60;

/** Sum of q^k for k = 0..count−1, exact when q = 1. */
function geometric(q: number, count: number): number {
	if (q === 1) return count;
	return (1 - Math.pow(q, count)) / (1 - q);
}

/** Gross CLV (no acquisition cost) in closed form. */
export function clvClosedForm(m: number, r: number, d: number, n: number | 'inf', convention: Convention): number {
	const q = r / (1 + d);
	if (n === 'inf') {
		const denom = 1 + d - r;
		if (convention === 'gl') return (m * r) / denom;
		if (convention === 'end') return m / denom;
		return (m * (1 + d)) / denom;
	}
	if (convention === 'gl') return m * q * geometric(q, n);
	if (convention === 'end') return (m / (1 + d)) * geometric(q, n);
	return m * geometric(q, n);
}

/** Gross CLV by adding the periods one by one (used for the table and to check the closed form). */
export function clvBySummation(m: number, r: number, d: number, n: number, convention: Convention): number {
	return periodRows(m, r, d, n, convention, 0).at(-1)?.cumulative ?? 0;
}

function periodRows(m: number, r: number, d: number, count: number, convention: Convention, ac: number): ClvRow[] {
	const rows: ClvRow[] = [];
	let cumulative = -ac;
	for (let i = 0; i < count; i++) {
		// t is the period whose margin is counted; start counts period 0 (now).
		const t = convention === 'start' ? i : i + 1;
		const survival = convention === 'end' ? Math.pow(r, t - 1) : Math.pow(r, t);
		const discount = 1 / Math.pow(1 + d, t);
		const expectedMargin = m * survival;
		const pv = expectedMargin * discount;
		cumulative += pv;
		rows.push({ t, survival, expectedMargin, discount, pv, cumulative });
	}
	return rows;
}

export function parseClvInput(input: ClvInput): { ok: true; m: number; r: number; d: number; n: number | 'inf'; ac: number; convention: Convention } | { ok: false; errors: FieldError[] } {
	const errors: FieldError[] = [];
	const get = <T>(res: { value: number } | { error: FieldError }, f: (v: number) => T): T | undefined => {
		if ('error' in res) {
			errors.push(res.error);
			return undefined;
		}
		return f(res.value);
	};
	const m = get(parseNumber('m', input.m, { label: '每期利润 m', example: '200' }), (v) => v);
	const rText = (input.r ?? '').trim();
	const pct = /[%％]$/.test(rText);
	let r = get(parseNumber('r', rText.replace(/[%％]$/, ''), { label: '保留率 r', min: 0, max: pct ? 100 : 1, example: '0.8 或 80%' }), (v) => (pct ? v / 100 : v));
	if (r === undefined && !pct) {
		const asPercent = Number(rText);
		if (Number.isFinite(asPercent) && asPercent > 1 && asPercent <= 100) {
			errors[errors.length - 1] = { field: 'r', message: `保留率 r 应在 0 到 1 之间。你是想输入 ${asPercent}% 吗？请填 ${asPercent / 100} 或 ${asPercent}%。` };
			r = undefined;
		}
	}
	const d = get(parseNumber('d', input.d, { label: '折现率 d', min: 0, max: 10, maxExclusive: true, example: '0.1（即 10%）' }), (v) => v);
	const nText = (input.n ?? '').trim().toLowerCase();
	const n: number | 'inf' | undefined = ['inf', '∞', '无穷', '无限'].includes(nText)
		? 'inf'
		: get(parseNumber('n', input.n, { label: '期数 n', min: 1, max: 1000, integer: true, example: '5，或填 inf 表示无限期' }), (v) => v);
	const ac = input.ac === undefined || input.ac.trim() === '' ? 0 : get(parseNumber('ac', input.ac, { label: '获客成本', min: 0, example: '300' }), (v) => v);
	const convention = (input.convention ?? 'gl') as Convention;
	if (!(convention in CONVENTION_LABELS)) errors.push({ field: 'convention', message: '计算口径只能是 gl、end 或 start。' });
	if (errors.length === 0 && n === 'inf' && !(1 + d! - r! > 0)) {
		errors.push({ field: 'n', message: `无限期时要求 1 + d − r > 0，现在 1 + ${d} − ${r} = ${fmtRatio(1 + d! - r!)}，级数发散、没有有限的值。请改用有限期数，或让折现率 d 大于 0。` });
	}
	if (errors.length) return { ok: false, errors };
	return { ok: true, m: m!, r: r!, d: d!, n: n!, ac: ac!, convention };
}

export function computeClv(input: ClvInput): CalcResult<ClvValue> {
	const p = parseClvInput(input);
	if (!p.ok) return p;
	const { m, r, d, n, ac, convention } = p;
	const byConvention = {
		gl: clvClosedForm(m, r, d, n, 'gl'),
		end: clvClosedForm(m, r, d, n, 'end'),
		start: clvClosedForm(m, r, d, n, 'start')
	};
	const gross = byConvention[convention];
	const clv = gross - ac;
	const count = n === 'inf' ? TABLE_LIMIT : Math.min(n, 1000);
	const rows = periodRows(m, r, d, count, convention, ac);
	const payback = ac === 0 ? (convention === 'start' ? 0 : 1) : (rows.find((row) => row.cumulative >= 0)?.t ?? null);
	const q = r / (1 + d);
	const label = n === 'inf' ? '无限期 CLV' : `${n} 期截断 CLV`;
	const steps: Step[] = [];
	const M = texNum(m);
	const R = texNum(r, fmtRatio);
	const D = texNum(d, fmtRatio);
	if (n === 'inf') {
		const formula = { gl: String.raw`\dfrac{m\,r}{1+d-r}`, end: String.raw`\dfrac{m}{1+d-r}`, start: String.raw`\dfrac{m\,(1+d)}{1+d-r}` }[convention];
		const substituted = { gl: String.raw`\dfrac{${M}\times ${R}}{1+${D}-${R}}`, end: String.raw`\dfrac{${M}}{1+${D}-${R}}`, start: String.raw`\dfrac{${M}\times(1+${D})}{1+${D}-${R}}` }[convention];
		steps.push({ label: '公式（无限期）', tex: String.raw`\text{CLV} = ${formula} - \text{AC}` });
		steps.push({ label: '代入数值', tex: String.raw`\text{CLV} = ${substituted} - ${texNum(ac)}` });
		steps.push({ label: '分母', tex: String.raw`1+${D}-${R} = ${texNum(1 + d - r, fmtRatio)}` });
	} else {
		const sum = { gl: String.raw`\sum_{t=1}^{n} \dfrac{m\,r^{t}}{(1+d)^{t}}`, end: String.raw`\sum_{t=1}^{n} \dfrac{m\,r^{t-1}}{(1+d)^{t}}`, start: String.raw`\sum_{t=0}^{n-1} \dfrac{m\,r^{t}}{(1+d)^{t}}` }[convention];
		steps.push({ label: '公式', tex: String.raw`\text{CLV} = ${sum} - \text{AC}` });
		steps.push({ label: '令 q = r/(1+d)', tex: String.raw`q = \dfrac{${R}}{1+${D}} = ${texNum(q, fmtRatio)}`, note: q === 1 ? 'q = 1：各期现值相等，直接相加，不用等比求和公式。' : '各期现值构成公比为 q 的等比数列。' });
		const closed =
			q === 1
				? { gl: String.raw`n\,m\,q`, end: String.raw`\dfrac{n\,m}{1+d}`, start: String.raw`n\,m` }[convention]
				: { gl: String.raw`m\,q\,\dfrac{1-q^{n}}{1-q}`, end: String.raw`\dfrac{m}{1+d}\cdot\dfrac{1-q^{n}}{1-q}`, start: String.raw`m\,\dfrac{1-q^{n}}{1-q}` }[convention];
		steps.push({ label: '等比数列求和', tex: String.raw`${sum} = ${closed}`, note: `n = ${n}` });
	}
	steps.push({ label: '未扣获客成本的价值', tex: String.raw`${texNum(gross)}`, note: '这也是获取该客户最多值得付出的成本。' });
	steps.push({ label: label, tex: String.raw`\text{CLV} = ${texNum(gross)} - ${texNum(ac)} = ${texNum(clv)}` });
	const interpretation =
		clv > 0
			? `按${CONVENTION_LABELS[convention]}口径，该客户在扣除获客成本后为企业带来 ${fmtMoney(clv)} 元的现值，值得争取。`
			: clv < 0
				? `获客成本超过了客户带来的利润现值，争取这样的客户会亏损 ${fmtMoney(-clv)} 元。`
				: '客户带来的利润现值恰好抵消获客成本。';
	return {
		ok: true,
		value: {
			convention,
			n,
			clv,
			gross,
			byConvention,
			marginMultiple: m === 0 ? null : gross / m,
			expectedLifetime: r === 1 ? null : 1 / (1 - r),
			payback,
			rows,
			label,
			interpretation
		},
		steps
	};
}
