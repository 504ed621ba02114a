/**
 * 客户终生价值 (Customer Lifetime Value) for a retention model with a constant margin m,
 * retention rate r and discount rate d per period, under three timing conventions:
 *
 *   gl    (Gupta–Lehmann / Kotler) margins at the end of each period; even the first one
 *         needs the customer to be retained:   Σ_{t=1..n} m·r^t/(1+d)^t
 *   end   end of period, the first margin certain:   Σ_{t=1..n} m·r^(t−1)/(1+d)^t
 *   start the first margin received now:   Σ_{t=0..n−1} m·r^t/(1+d)^t
 *
 * With q = r/(1+d) all three are geometric series. Between them:
 *   end_n = start_n / (1+d)                   for every n, finite or infinite;
 *   start_∞ = m + gl_∞,  start_n = m + gl_(n−1) = m + gl_n − m·q^n   for finite n.
 * (start = m + gl does NOT hold term for term at the same finite n: start keeps the t = 0
 * receipt and gl keeps the t = n one.)
 */
import { approxEqual, compareApprox, overflowError, parseNumber, percentSuggestion, take, type CalcResult, type FieldError, type NumberRule, type Step } from './common';
import { fmtExact, fmtMoney, fmtRatio, texNum, texResult } from './format';

export type Convention = 'gl' | 'end' | 'start';
export const CONVENTIONS: readonly Convention[] = ['gl', 'end', 'start'];

export const CONVENTION_LABELS: Record<Convention, string> = {
	gl: '期末收款、首期需留存（Gupta–Lehmann / Kotler）',
	end: '期末收款、首期必得',
	start: '期初收款、首期立即到手'
};

export const DEFAULT_CONVENTION: Convention = 'gl';

/** Highest finite horizon accepted; beyond it use inf. */
export const MAX_PERIODS = 1000;

/** Periods listed in the table when n is infinite (the result itself uses the closed form). */
export const TABLE_LIMIT = 60;

export interface ClvInput {
	m?: string;
	r?: string;
	d?: string;
	/** An integer 1..1000, or inf (also ∞, 无穷, 无限). */
	n?: string;
	/** Acquisition cost; empty means 0. */
	ac?: string;
	/** gl (default), end or start. */
	convention?: string;
}

export interface ClvParams {
	m: number;
	r: number;
	d: number;
	n: number | 'inf';
	ac: number;
	convention: Convention;
}

export interface ClvRow {
	/** The period whose margin is counted: 1..n, or 0..n−1 under start. */
	t: number;
	/** Probability the customer is still there to pay this margin. */
	survival: number;
	expectedMargin: number;
	/** 1 / (1+d)^t */
	discount: number;
	pv: number;
	/** Sum of PVs so far minus the acquisition cost. */
	cumulative: number;
}

export interface ClvValue {
	convention: Convention;
	n: number | 'inf';
	/** q = r / (1+d): the common ratio of the series. */
	q: number;
	/** CLV after subtracting the acquisition cost. */
	clv: number;
	/** CLV before the acquisition cost. */
	gross: number;
	/** The most it is worth paying to win the customer: gross, or 0 if the customer loses money. */
	maxAcquisitionCost: number;
	/** Gross CLV under each convention, same m, r, d, n (the comparison panel). */
	byConvention: Record<Convention, number>;
	/** gl over n − 1 periods (0 when n = 1), the term in start_n = m + gl_(n−1); gl_∞ when n = inf. */
	glPrevious: number;
	/** The identities with these numbers substituted, for the comparison panel. */
	identitySteps: Step[];
	/** gross / m: how many period margins the customer is worth. null when m = 0. */
	marginMultiple: number | null;
	/** 1 / (1 − r) periods; null when r = 1 (the customer never leaves). */
	expectedLifetime: number | null;
	/**
	 * The first period t (as in the table) whose cumulative PV covers the acquisition cost.
	 * 0 when there is nothing to recover (ac = 0) or, under start, the first margin covers it.
	 * null when it is never covered within the horizon.
	 */
	payback: number | null;
	paybackText: string;
	/** n rows, or the first TABLE_LIMIT when n = inf. */
	rows: ClvRow[];
	/** 「5 期截断 CLV」 or 「无限期 CLV」. */
	label: string;
	interpretation: string;
}

const INF_WORDS = ['inf', 'infinity', '∞', '无穷', '无限', '无穷大', '无限期'];

/** Input rules, shared with cohort mode (its discount rate is the same d). */
export const RULES = {
	m: { label: '每期利润 m', example: '200' },
	r: { label: '保留率 r', min: 0, max: 1, percent: 'fraction', example: '0.8 或 80%' },
	d: { label: '折现率 d', min: 0, max: 10, maxExclusive: true, percent: 'fraction', example: '0.1 或 10%' },
	n: { label: '期数 n', min: 1, max: MAX_PERIODS, integer: true, example: '5，或填 inf 表示无限期' },
	ac: { label: '获客成本 AC', min: 0, example: '300' }
} satisfies Record<string, NumberRule>;

/** 1 + d − r, computed as (1 − r) + d so that r close to 1 keeps its precision. */
function margin1dr(r: number, d: number): number {
	return 1 - r + d;
}

/**
 * Σ_{k=0}^{count−1} q^k for q = r/(1+d) ≤ 1. Written with expm1/log1p of q − 1, because the
 * textbook (1 − q^n)/(1 − q) loses digits as q approaches 1, and divides by zero at q = 1.
 */
function geometricSum(r: number, d: number, count: number): number {
	const x = (r - 1 - d) / (1 + d); // q − 1, exactly 0 only when r = 1 and d = 0
	if (x === 0) return count; // q = 1: every term is 1, so add them up directly
	return Math.expm1(count * Math.log1p(x)) / x;
}

/** Gross CLV (no acquisition cost) in closed form. For inf the caller must ensure 1 + d − r > 0. */
export function clvClosedForm(m: number, r: number, d: number, n: number | 'inf', convention: Convention): number {
	if (n === 'inf') {
		const denom = margin1dr(r, d);
		if (convention === 'gl') return (m * r) / denom;
		if (convention === 'end') return m / denom;
		return (m * (1 + d)) / denom;
	}
	const s = geometricSum(r, d, n);
	if (convention === 'gl') return ((m * r) / (1 + d)) * s;
	if (convention === 'end') return (m / (1 + d)) * s;
	return m * s;
}

function periodRows(p: ClvParams, count: number): ClvRow[] {
	const { m, r, d, convention, ac } = p;
	const rows: ClvRow[] = [];
	let cumulative = -ac;
	for (let i = 0; i < count; i++) {
		const t = convention === 'start' ? i : i + 1;
		const survival = Math.pow(r, convention === 'end' ? t - 1 : t);
		const discount = 1 / Math.pow(1 + d, t);
		const expectedMargin = m * survival;
		const pv = expectedMargin * discount;
		cumulative += pv;
		rows.push({ t, survival, expectedMargin, discount, pv, cumulative });
	}
	return rows;
}

/** Gross CLV by adding the periods one at a time: the check on the closed form. */
export function clvBySummation(m: number, r: number, d: number, n: number, convention: Convention): number {
	return periodRows({ m, r, d, n, ac: 0, convention }, n).reduce((s, row) => s + row.pv, 0);
}

/** Validates the inputs; a horizon of inf that would diverge is reported on n. */
export function parseClvInput(input: ClvInput): { ok: true; value: ClvParams } | { ok: false; errors: FieldError[] } {
	const errors: FieldError[] = [];
	const m = take(errors, parseNumber('m', input.m, RULES.m));
	const rParsed = parseNumber('r', input.r, RULES.r);
	const rHint = 'error' in rParsed ? percentSuggestion(input.r, RULES.r.label) : null;
	const r = take(errors, rHint ? { error: { field: 'r', message: rHint } } : rParsed);
	const dParsed = parseNumber('d', input.d, RULES.d);
	// d may legitimately exceed 1 (up to 10), so only values that are out of range get the hint.
	const dHint = 'error' in dParsed ? percentSuggestion(input.d, RULES.d.label, '不小于 0、小于 10 的小数', 10) : null;
	const d = take(errors, dHint ? { error: { field: 'd', message: dHint } } : dParsed);
	const nText = (input.n ?? '').normalize('NFKC').trim().toLowerCase();
	const n: number | 'inf' | undefined = INF_WORDS.includes(nText) ? 'inf' : take(errors, parseNumber('n', input.n, RULES.n));
	const ac = (input.ac ?? '').trim() === '' ? 0 : take(errors, parseNumber('ac', input.ac, RULES.ac));
	const convText = (input.convention ?? '').trim();
	const convention = (convText === '' ? DEFAULT_CONVENTION : convText) as Convention;
	if (!CONVENTIONS.includes(convention)) {
		errors.push({ field: 'convention', message: `计算口径“${convText}”无效：只能是 gl（期末、首期需留存）、end（期末、首期必得）或 start（期初）。` });
	}
	if (n === 'inf' && r !== undefined && d !== undefined && !(margin1dr(r, d) > 0)) {
		errors.push({
			field: 'n',
			message: `无限期要求 1 + d − r > 0，而现在 1 + ${fmtExact(d)} − ${fmtExact(r)} = ${fmtExact(margin1dr(r, d))}：各期现值不衰减，级数发散，没有有限的值。请改填有限期数（1 到 ${MAX_PERIODS}），或让折现率 d 大于 0。`
		});
	}
	if (errors.length) return { ok: false, errors };
	return { ok: true, value: { m: m!, r: r!, d: d!, n: n!, ac: ac!, convention } };
}

/**
 * The first period whose cumulative PV covers the acquisition cost. Found by bisection on the
 * closed form rather than by walking the periods, because with r = 1 and a tiny d the answer
 * can be millions of periods away.
 */
function payback(p: ClvParams, gross: number): number | null {
	const { m, r, d, n, ac, convention } = p;
	if (ac === 0) return 0;
	// The whole horizon is worth `gross`; if that doesn't cover the cost, no period does.
	if (compareApprox(gross, ac) < 0) return null;
	// On the infinite horizon, a value equal to the cost is only reached in the limit.
	if (n === 'inf' && approxEqual(gross, ac)) return null;
	// PV of the first receipt; the first k receipts are worth first · (1 + q + … + q^(k−1)),
	// which grows with k, so the receipts needed can be bisected.
	const first = convention === 'gl' ? (m * r) / (1 + d) : convention === 'end' ? m / (1 + d) : m;
	if (!(first > 0)) return null;
	const covered = (k: number) => {
		const v = first * geometricSum(r, d, k);
		return v >= ac || approxEqual(v, ac);
	};
	let hi = n === 'inf' ? 1 : n;
	if (n === 'inf') while (!covered(hi) && hi < Number.MAX_SAFE_INTEGER) hi = Math.min(hi * 2, Number.MAX_SAFE_INTEGER);
	if (!covered(hi)) return null;
	let lo = 0; // covered(lo) is false: nothing received yet, and ac > 0
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (covered(mid)) hi = mid;
		else lo = mid;
	}
	// Receipt k arrives at t = k, or t = k − 1 when the first is received now.
	return convention === 'start' ? hi - 1 : hi;
}

function paybackText(p: ClvParams, t: number | null, gross: number): string {
	if (p.ac === 0) return '获客成本为 0，无需回本';
	if (t === null) {
		if (p.n !== 'inf') return `${p.n} 期内累计利润现值达不到获客成本，不能回本`;
		return approxEqual(gross, p.ac) ? '累计利润现值只在无限期的极限中才等于获客成本，任何有限期内都不能完全回本' : '累计利润现值永远达不到获客成本，不能回本';
	}
	if (t === 0) return '期初收到的首期利润即可收回获客成本（第 0 期）';
	return `第 ${t} 期${p.convention === 'start' ? '初' : '末'}收回获客成本`;
}

const SUM_TEX: Record<Convention, string> = {
	gl: String.raw`\sum_{t=1}^{n} \dfrac{m\,r^{t}}{(1+d)^{t}}`,
	end: String.raw`\sum_{t=1}^{n} \dfrac{m\,r^{t-1}}{(1+d)^{t}}`,
	start: String.raw`\sum_{t=0}^{n-1} \dfrac{m\,r^{t}}{(1+d)^{t}}`
};

const INF_TEX: Record<Convention, string> = {
	gl: String.raw`\dfrac{m\,r}{1+d-r}`,
	end: String.raw`\dfrac{m}{1+d-r}`,
	start: String.raw`\dfrac{m\,(1+d)}{1+d-r}`
};

/** One term of the series with the numbers in, e.g. \dfrac{100 × 0.8^{2}}{(1+0.1)^{2}}. */
function termTex(p: ClvParams, t: number): string {
	const e = p.convention === 'end' ? t - 1 : t;
	const M = texNum(p.m, fmtExact);
	const R = texNum(p.r, fmtExact);
	const D = texNum(p.d, fmtExact);
	if (t === 0) return M;
	return String.raw`\dfrac{${M}\times ${R}^{${e}}}{(1+${D})^{${t}}}`;
}

function buildSteps(p: ClvParams, q: number, gross: number, clv: number, rows: ClvRow[], label: string): Step[] {
	const { m, r, d, n, ac, convention } = p;
	const M = texNum(m, fmtExact);
	const R = texNum(r, fmtExact);
	const D = texNum(d, fmtExact);
	const steps: Step[] = [];
	const minusAc = ac === 0 ? '' : ` - ${texNum(ac)}`;
	if (n === 'inf') {
		const num = { gl: String.raw`${M}\times ${R}`, end: M, start: String.raw`${M}\times(1+${D})` }[convention];
		steps.push({ label: '公式（无限期）', tex: String.raw`\text{CLV} = ${INF_TEX[convention]} - \text{AC}`, note: '由等比数列求和、令 n → ∞ 得到，要求 1 + d − r > 0。' });
		steps.push({ label: '代入数值', tex: String.raw`\text{CLV} = \dfrac{${num}}{1+${D}-${R}}${minusAc}` });
		steps.push({
			label: '计算分子与分母',
			tex: String.raw`\dfrac{${texNum(convention === 'gl' ? m * r : convention === 'end' ? m : m * (1 + d), fmtExact)}}{${texNum(margin1dr(r, d), fmtExact)}} = ${texResult(gross)}`
		});
	} else {
		steps.push({ label: '公式', tex: String.raw`\text{CLV} = ${SUM_TEX[convention]} - \text{AC},\quad n = ${n}` });
		// Short horizons are written out in full, as an exam answer would; long ones are elided.
		const shown = rows.length <= 5 ? rows : [...rows.slice(0, 3), rows.at(-1)!];
		const terms = shown.map((row) => termTex(p, row.t));
		const values = shown.map((row) => texNum(row.pv));
		const pick = (xs: string[]) => (rows.length <= 5 ? xs.join(' + ') : `${xs.slice(0, 3).join(' + ')} + \\cdots + ${xs.at(-1)}`);
		steps.push({ label: '代入数值', tex: String.raw`\text{CLV} = ${pick(terms)}${minusAc}` });
		steps.push({ label: '逐期现值', tex: String.raw`= ${pick(values)}${minusAc}`, note: '各期现值见逐期明细表。' });
		const S = q === 1 ? String.raw`n` : String.raw`\dfrac{1-q^{n}}{1-q}`;
		const closed = { gl: String.raw`m\,q\,${S}`, end: String.raw`\dfrac{m}{1+d}\cdot ${S}`, start: String.raw`m\,${S}` }[convention];
		const Q = texNum(q, fmtRatio);
		const Sn = q === 1 ? String(n) : String.raw`\dfrac{1-${Q}^{${n}}}{1-${Q}}`;
		const closedNum = { gl: String.raw`${M}\times ${Q}\times ${Sn}`, end: String.raw`\dfrac{${M}}{1+${D}}\times ${Sn}`, start: String.raw`${M}\times ${Sn}` }[convention];
		steps.push({
			label: '用等比数列求和验算',
			tex: String.raw`q = \dfrac{r}{1+d} = \dfrac{${R}}{1+${D}} = ${Q},\quad ${SUM_TEX[convention]} = ${closed} = ${closedNum} = ${texResult(gross)}`,
			note: q === 1 ? 'q = 1：各期现值都等于 m，直接相加，不能套用 (1 − qⁿ)/(1 − q)。' : '各期现值构成公比为 q 的等比数列。'
		});
	}
	steps.push({
		label: '未扣获客成本的价值',
		tex: String.raw`${n === 'inf' ? '' : String.raw`\text{PV}_{${n}} = `}${texResult(gross)}`,
		note: `这也是为获取该客户最多值得付出的成本${gross < 0 ? '；它为负，说明无论获客成本多低都不值得' : ''}。`
	});
	steps.push({ label, tex: String.raw`\text{CLV} = ${texNum(gross)} - ${texNum(ac)} = ${texResult(approxEqual(gross, ac) ? 0 : clv)}` });
	return steps;
}

function buildIdentitySteps(p: ClvParams, by: Record<Convention, number>, glPrevious: number): Step[] {
	const { m, d, n } = p;
	const M = texNum(m, fmtExact);
	const D = texNum(d, fmtExact);
	const first =
		n === 'inf'
			? {
					label: '期初 = m + 期末（首期需留存）',
					tex: String.raw`${texNum(by.start)} = ${M} + ${texNum(by.gl)}`,
					note: '期初收款多了“现在就到手”的一笔 m，其余各笔恰好就是首期需留存口径的各笔。'
				}
			: {
					label: '期初 = m + 期末（首期需留存，少一期）',
					tex: String.raw`\text{start}_{${n}} = m + \text{gl}_{${n - 1}}:\quad ${texNum(by.start)} = ${M} + ${texNum(glPrevious)}`,
					note: `截断为 n 期时，期初口径收的是第 0 到 ${n - 1} 期，首期需留存口径收的是第 1 到 ${n} 期，所以要与 n − 1 期的值对比；无限期时两者相差恰好为 m。`
				};
	return [
		first,
		{
			label: '期末（首期必得）= 期初 ÷ (1 + d)',
			tex: String.raw`${texNum(by.end)} = \dfrac{${texNum(by.start)}}{1+${D}}`,
			note: '每一笔都晚收一期，所以整体多折现一次。'
		}
	];
}

export function computeClv(input: ClvInput): CalcResult<ClvValue> {
	const parsed = parseClvInput(input);
	if (!parsed.ok) return parsed;
	const p = parsed.value;
	const { m, r, d, n, ac, convention } = p;
	const byConvention = {
		gl: clvClosedForm(m, r, d, n, 'gl'),
		end: clvClosedForm(m, r, d, n, 'end'),
		start: clvClosedForm(m, r, d, n, 'start')
	};
	if (!Object.values(byConvention).every(Number.isFinite)) {
		const near = n === 'inf' ? `1 + d − r = ${fmtExact(margin1dr(r, d))} 太接近 0，` : '';
		return { ok: false, errors: [{ ...overflowError(n === 'inf' ? 'n' : 'm'), message: `${near}${overflowError('').message}` }] };
	}
	const glPrevious = n === 'inf' ? byConvention.gl : n === 1 ? 0 : clvClosedForm(m, r, d, n - 1, 'gl');
	const gross = byConvention[convention];
	const clv = gross - ac;
	const q = r / (1 + d);
	const rows = periodRows(p, n === 'inf' ? TABLE_LIMIT : n);
	const pb = payback(p, gross);
	const label = n === 'inf' ? '无限期 CLV' : `${n} 期截断 CLV`;
	const cmp = compareApprox(gross, ac);
	const interpretation =
		cmp > 0
			? `扣除获客成本后，该客户在${n === 'inf' ? '整个生命周期' : ` ${n} 期内`}为企业带来 ${fmtMoney(clv)} 元的利润现值，值得争取。`
			: cmp < 0
				? `获客成本高于客户带来的利润现值，争取这样的客户会亏损 ${fmtMoney(-clv)} 元。`
				: '客户带来的利润现值恰好抵消获客成本，不赚不亏。';
	return {
		ok: true,
		value: {
			convention,
			n,
			q,
			clv,
			gross,
			maxAcquisitionCost: Math.max(0, gross),
			byConvention,
			glPrevious,
			identitySteps: buildIdentitySteps(p, byConvention, glPrevious),
			marginMultiple: m === 0 ? null : gross / m,
			expectedLifetime: r === 1 ? null : 1 / (1 - r),
			payback: pb,
			paybackText: paybackText(p, pb, gross),
			rows,
			label,
			interpretation
		},
		steps: buildSteps(p, q, gross, clv, rows, label),
		convention: CONVENTION_LABELS[convention]
	};
}
