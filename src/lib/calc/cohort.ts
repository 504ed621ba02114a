/**
 * 客户终生价值 in cohort mode: the textbook table of customers remaining per year, each year's
 * profit discounted to present value. Apart from clv.ts so that the CLV page loads it only
 * with the cohort table.
 */
import { approxEqual, compareApprox, overflowError, parseNumber, take, type CalcResult, type FieldError, type Step } from './common';
import { fmtExact, fmtMoney, roundTo, texNum, texResult } from './format';
import { RULES } from './clv';
import type { PasteColumn } from './table-paste';

export type CohortTiming = 'end' | 'start';

export const COHORT_TIMING_LABELS: Record<CohortTiming, string> = {
	end: '第 1 年的利润在第 1 年末收到，按 (1+d)¹ 折现',
	start: '第 1 年的利润视为当期收到，不折现（按 (1+d)⁰）'
};

export interface CohortRowInput {
	/** Customers still with the company in this year. */
	customers: string;
	/** Revenue per customer in this year. */
	revenue: string;
	/** Cost of serving one customer in this year. */
	cost: string;
}

export interface CohortInput {
	rows: CohortRowInput[];
	d?: string;
	/** Acquisition cost per customer, paid at t = 0 for every starting customer. Empty means 0. */
	ac?: string;
	/** Customers acquired at t = 0. Empty means the first row's customers. */
	start?: string;
	/** Default 'end'. */
	timing?: CohortTiming;
	/** Round each row's PV to cents before adding, to reproduce printed answers. */
	textbookRounding?: boolean;
}

export interface CohortRow {
	year: number;
	/** The exponent used in the discount factor. */
	t: number;
	customers: number;
	/** customers / previous year's customers (the first row against the starting customers); null after 0. */
	retention: number | null;
	revenue: number;
	cost: number;
	marginPerCustomer: number;
	totalMargin: number;
	discount: number;
	pv: number;
	/** PVs so far minus the total acquisition cost. */
	cumulative: number;
}

export interface CohortValue {
	startCustomers: number;
	acquisitionTotal: number;
	pvTotal: number;
	/** Cohort CLV: PV of all margins minus acquisition cost × starting customers. */
	cohortClv: number;
	perCustomer: number;
	rows: CohortRow[];
	textbookRounding: boolean;
	timing: CohortTiming;
	interpretation: string;
}

export const MAX_COHORT_ROWS = 100;

/**
 * Cohort mode, as textbooks pose it (e.g. Kotler's table): one row per year. Row errors use
 * fields "rows.<i>.customers|revenue|cost" with i counted from 0.
 */
export function computeCohort(input: CohortInput): CalcResult<CohortValue> {
	const errors: FieldError[] = [];
	const timing: CohortTiming = input.timing === 'start' ? 'start' : 'end';
	const rounding = input.textbookRounding === true;
	if (input.rows.length === 0) errors.push({ field: 'rows', message: '至少需要一年的数据：留存客户数、每位客户收入、每位客户成本，例如 1000、200、120。' });
	if (input.rows.length > MAX_COHORT_ROWS) errors.push({ field: 'rows', message: `最多 ${MAX_COHORT_ROWS} 年，现在有 ${input.rows.length} 行。` });
	const d = take(errors, parseNumber('d', input.d, RULES.d));
	const ac = (input.ac ?? '').trim() === '' ? 0 : take(errors, parseNumber('ac', input.ac, { label: '每位客户的获客成本', min: 0, example: '40' }));
	const startGiven = (input.start ?? '').trim() !== '';
	const start = startGiven ? take(errors, parseNumber('start', input.start, { label: '初始客户数', min: 0, minExclusive: true, example: '1000' })) : undefined;
	const parsedRows = input.rows.slice(0, MAX_COHORT_ROWS).map((row, i) => {
		const y = `第 ${i + 1} 年`;
		return {
			customers: take(errors, parseNumber(`rows.${i}.customers`, row.customers, { label: `${y}的留存客户数`, min: 0, example: '800' })),
			revenue: take(errors, parseNumber(`rows.${i}.revenue`, row.revenue, { label: `${y}的每位客户收入`, min: 0, example: '200' })),
			cost: take(errors, parseNumber(`rows.${i}.cost`, row.cost, { label: `${y}的每位客户成本`, min: 0, example: '120' }))
		};
	});
	const first = parsedRows[0]?.customers;
	const startCustomers = startGiven ? start : first;
	if (!startGiven && first === 0) errors.push({ field: 'rows.0.customers', message: '第 1 年的留存客户数用作初始客户数，不能为 0；或者另填初始客户数。' });
	if (startCustomers !== undefined && startCustomers > 0) {
		parsedRows.forEach((row, i) => {
			if (row.customers !== undefined && row.customers > startCustomers && !approxEqual(row.customers, startCustomers)) {
				errors.push({
					field: `rows.${i}.customers`,
					message: `第 ${i + 1} 年的留存客户数（${fmtExact(row.customers)}）不能多于初始客户数（${fmtExact(startCustomers)}）。`
				});
			}
		});
	}
	if (errors.length) return { ok: false, errors };
	const N0 = startCustomers!;
	const acquisitionTotal = ac! * N0;
	let cumulative = -acquisitionTotal;
	let previous = N0;
	const rows: CohortRow[] = parsedRows.map((pr, i) => {
		const customers = pr.customers!;
		const revenue = pr.revenue!;
		const cost = pr.cost!;
		const t = timing === 'end' ? i + 1 : i;
		const marginPerCustomer = revenue - cost;
		const totalMargin = customers * marginPerCustomer;
		const discount = 1 / Math.pow(1 + d!, t);
		const exact = totalMargin * discount;
		const pv = rounding ? roundTo(exact, 2) : exact;
		cumulative += pv;
		const retention = previous === 0 ? null : customers / previous;
		previous = customers;
		return { year: i + 1, t, customers, retention, revenue, cost, marginPerCustomer, totalMargin, discount, pv, cumulative };
	});
	const pvTotal = rows.reduce((s, r) => s + r.pv, 0);
	if (!Number.isFinite(pvTotal) || !Number.isFinite(acquisitionTotal) || !Number.isFinite(pvTotal - acquisitionTotal)) return { ok: false, errors: [overflowError('rows')] };
	const cohortClv = pvTotal - acquisitionTotal;
	const perCustomer = cohortClv / N0;
	const cmp = compareApprox(pvTotal, acquisitionTotal);
	const interpretation =
		cmp > 0
			? `这批客户扣除获客成本后共带来 ${fmtMoney(cohortClv)} 元的利润现值，平均每位 ${fmtMoney(perCustomer)} 元。`
			: cmp < 0
				? `这批客户的利润现值不足以抵消获客成本，共亏损 ${fmtMoney(-cohortClv)} 元，平均每位亏损 ${fmtMoney(-perCustomer)} 元。`
				: '这批客户的利润现值恰好抵消获客成本。';
	const D = texNum(d!, fmtExact);
	const steps: Step[] = [
		{
			label: '公式',
			tex: String.raw`\text{CLV}_{\text{群体}} = \sum_{t} \dfrac{N_t\,(R_t - C_t)}{(1+d)^{t}} - \text{AC}\times N_0,\qquad \text{CLV}_{\text{每位}} = \dfrac{\text{CLV}_{\text{群体}}}{N_0}`,
			note: `N_t 为第 t 年留存客户数，R_t、C_t 为每位客户的收入与成本；${COHORT_TIMING_LABELS[timing]}。`
		},
		...rows.map((row) => ({
			label: `第 ${row.year} 年`,
			tex: String.raw`\dfrac{${texNum(row.customers, fmtExact)}\times(${texNum(row.revenue, fmtExact)} - ${texNum(row.cost, fmtExact)})}{(1+${D})^{${row.t}}} = \dfrac{${texNum(row.totalMargin)}}{${texNum(Math.pow(1 + d!, row.t), fmtExact)}} = ${texResult(row.pv)}`,
			note: rounding ? '现值已四舍五入到分（教材舍入）。' : undefined
		})),
		{ label: '利润现值合计', tex: String.raw`\sum \text{PV} = ${rows.length <= 6 ? rows.map((r) => texNum(r.pv)).join(' + ') + ' = ' : ''}${texNum(pvTotal)}` },
		{ label: '获客成本', tex: String.raw`\text{AC}\times N_0 = ${texNum(ac!)}\times ${texNum(N0, fmtExact)} = ${texNum(acquisitionTotal)}`, note: '在 t = 0 一次性支付，不折现。' },
		{ label: '群体 CLV', tex: String.raw`${texNum(pvTotal)} - ${texNum(acquisitionTotal)} = ${texResult(cmp === 0 ? 0 : cohortClv)}` },
		{ label: '每位客户 CLV', tex: String.raw`\dfrac{${texNum(cmp === 0 ? 0 : cohortClv)}}{${texNum(N0, fmtExact)}} = ${texResult(cmp === 0 ? 0 : perCustomer)}` }
	];
	return {
		ok: true,
		value: { startCustomers: N0, acquisitionTotal, pvTotal, cohortClv, perCustomer, rows, textbookRounding: rounding, timing, interpretation },
		steps,
		convention: `群体（队列）法：${COHORT_TIMING_LABELS[timing]}；获客成本在 t = 0 支付${rounding ? '；各年现值先四舍五入到分再相加（教材舍入）' : ''}`
	};
}

/** Column layout for pasting a cohort table from a spreadsheet (see table-paste.ts). */
export const COHORT_COLUMNS: readonly PasteColumn<keyof CohortRowInput>[] = [
	{ key: 'customers', label: '留存客户数', kind: 'number', rule: { label: '留存客户数', min: 0, example: '800' } },
	{ key: 'revenue', label: '每位客户收入', kind: 'number', rule: { label: '每位客户收入', min: 0, example: '200' } },
	{ key: 'cost', label: '每位客户成本', kind: 'number', rule: { label: '每位客户成本', min: 0, example: '120' } }
];
