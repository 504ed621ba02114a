/**
 * RFM 分析法: R = days since the last purchase (fewer is better), F = purchase frequency,
 * M = monetary value. Two readings:
 *   - mean split: each dimension 高/低 against the customers' mean → the 8 classic segments;
 *   - 1–5 scores by rank (quintiles), with a cell code such as 555.
 */
import { approxEqual, compareApprox, overflowError, parseNumber, type CalcResult, type FieldError, type Step } from './common';
import { fmtExact, fmtRatio, texNum } from './format';
import type { PasteColumn } from './table-paste';

export interface RfmRowInput {
	name: string;
	/** Days since the last purchase. */
	recency: string;
	frequency: string;
	monetary: string;
}

export type Level = '高' | '低';

export type RfmSegment = '重要价值' | '重要保持' | '重要发展' | '重要挽留' | '一般价值' | '一般保持' | '一般发展' | '一般挽留';

export interface SegmentInfo {
	segment: RfmSegment;
	r: Level;
	f: Level;
	m: Level;
	action: string;
}

/** The 8 segments in the usual teaching order, keyed by R, F, M levels. */
export const RFM_SEGMENTS: readonly SegmentInfo[] = [
	{ segment: '重要价值', r: '高', f: '高', m: '高', action: '最优质的客户：重点维护，提供 VIP 专属服务与个性化关怀，保持现状。' },
	{ segment: '重要发展', r: '高', f: '低', m: '高', action: '近期买过且花得多，但不常来：用会员积分、交叉销售等提高购买频次。' },
	{ segment: '重要保持', r: '低', f: '高', m: '高', action: '过去常买、花得多，但近期没来：主动回访、专属优惠，把他们唤回来，防止流失。' },
	{ segment: '重要挽留', r: '低', f: '低', m: '高', action: '花得多但久未购买、也不常买：流失风险高，重点挽留，了解流失原因。' },
	{ segment: '一般价值', r: '高', f: '高', m: '低', action: '近期常来但客单价低：通过搭配销售、升级推荐提高消费金额。' },
	{ segment: '一般发展', r: '高', f: '低', m: '低', action: '新近客户：培养购买习惯，提供新客优惠和引导。' },
	{ segment: '一般保持', r: '低', f: '高', m: '低', action: '曾经常买但金额低、近期未来：用短信、优惠券等低成本方式唤醒。' },
	{ segment: '一般挽留', r: '低', f: '低', m: '低', action: '价值最低：控制维护成本，以低成本方式维系，必要时放弃。' }
];

export function segmentOf(r: Level, f: Level, m: Level): SegmentInfo {
	return RFM_SEGMENTS.find((s) => s.r === r && s.f === f && s.m === m)!;
}

/** Printed with every result, so a reader knows how a value equal to the mean was treated. */
export const RFM_TIE_RULE =
	'平均值分组规则：F、M 大于或等于平均值记为“高”；R（距上次购买天数）越小越好，小于或等于平均值记为“高”。与平均值的相对差在 10⁻⁹ 以内视为等于平均值。';

export const RFM_SCORE_RULE =
	'五分制打分：按排名的百分位分为 5 档（最好的记 5 分，最差的记 1 分）；数值相同的客户取平均名次，得分相同。R 天数越少得分越高，F、M 越大得分越高。';

export interface RfmCustomer {
	name: string;
	recency: number;
	frequency: number;
	monetary: number;
	r: Level;
	f: Level;
	m: Level;
	segment: RfmSegment;
	action: string;
	/** 1–5 scores and the cell code, e.g. "535". */
	scoreR: number;
	scoreF: number;
	scoreM: number;
	code: string;
}

export interface RfmValue {
	means: { recency: number; frequency: number; monetary: number };
	/** In input order. */
	customers: RfmCustomer[];
	/** All 8 segments, with the customers who fall in each (possibly none). */
	segments: (SegmentInfo & { count: number; names: string[] })[];
	tieRule: string;
	scoreRule: string;
}

export const MIN_RFM_ROWS = 2;
export const MAX_RFM_ROWS = 2000;

/**
 * 1–5 score from the position among all customers. With p the mid-rank from the worst
 * (0 … N−1, ties averaged), the score is 1 + ⌊5·p/(N−1)⌋ capped at 5, so N = 5 distinct
 * values get 1..5 and all-equal values all get 3. Computed on doubled ranks so it stays in
 * integers and a boundary such as exactly 40 % never rounds the wrong way.
 */
export function quintileScores(values: number[], higherIsBetter: boolean): number[] {
	const n = values.length;
	if (n === 1) return [3];
	return values.map((v) => {
		let worse = 0;
		let ties = 0;
		for (const o of values) {
			const c = compareApprox(o, v);
			if (c === 0) ties++;
			else if (higherIsBetter ? c < 0 : c > 0) worse++;
		}
		const twiceRank = 2 * worse + ties - 1;
		return 1 + Math.min(4, Math.floor((5 * twiceRank) / (2 * (n - 1))));
	});
}

/** Row errors use fields "rows.<i>.recency|frequency|monetary", i counted from 0. */
export function computeRfm(rows: RfmRowInput[]): CalcResult<RfmValue> {
	const errors: FieldError[] = [];
	if (rows.length < MIN_RFM_ROWS) errors.push({ field: 'rows', message: `至少需要 ${MIN_RFM_ROWS} 位客户才能与平均值比较，现在有 ${rows.length} 位。` });
	if (rows.length > MAX_RFM_ROWS) errors.push({ field: 'rows', message: `最多 ${MAX_RFM_ROWS} 位客户，现在有 ${rows.length} 位。` });
	const parsed = rows.slice(0, MAX_RFM_ROWS).map((row, i) => {
		const name = row.name.trim() || `客户 ${i + 1}`;
		const num = (key: 'recency' | 'frequency' | 'monetary', label: string, example: string) => {
			const p = parseNumber(`rows.${i}.${key}`, row[key], { label: `“${name}”的${label}`, min: 0, example });
			if ('error' in p) {
				errors.push(p.error);
				return 0;
			}
			return p.value;
		};
		return {
			name,
			recency: num('recency', 'R（距上次购买天数）', '30'),
			frequency: num('frequency', 'F（购买次数）', '5'),
			monetary: num('monetary', 'M（消费金额）', '2000')
		};
	});
	if (errors.length) return { ok: false, errors };
	const n = parsed.length;
	const mean = (k: 'recency' | 'frequency' | 'monetary') => parsed.reduce((s, c) => s + c[k], 0) / n;
	const means = { recency: mean('recency'), frequency: mean('frequency'), monetary: mean('monetary') };
	if (!Object.values(means).every(Number.isFinite)) return { ok: false, errors: [overflowError('rows')] };
	const high = (v: number, avg: number, lowerIsBetter = false): Level => {
		if (approxEqual(v, avg)) return '高';
		return (lowerIsBetter ? v < avg : v > avg) ? '高' : '低';
	};
	const sr = quintileScores(
		parsed.map((c) => c.recency),
		false
	);
	const sf = quintileScores(
		parsed.map((c) => c.frequency),
		true
	);
	const sm = quintileScores(
		parsed.map((c) => c.monetary),
		true
	);
	const customers: RfmCustomer[] = parsed.map((c, i) => {
		const r = high(c.recency, means.recency, true);
		const f = high(c.frequency, means.frequency);
		const m = high(c.monetary, means.monetary);
		const seg = segmentOf(r, f, m);
		return { ...c, r, f, m, segment: seg.segment, action: seg.action, scoreR: sr[i]!, scoreF: sf[i]!, scoreM: sm[i]!, code: `${sr[i]}${sf[i]}${sm[i]}` };
	});
	const segments = RFM_SEGMENTS.map((s) => {
		const names = customers.filter((c) => c.segment === s.segment).map((c) => c.name);
		return { ...s, count: names.length, names };
	});
	const avgTex = (k: 'recency' | 'frequency' | 'monetary', sym: string) => {
		const vals = parsed.map((c) => texNum(c[k], fmtExact));
		const sum = n <= 8 ? `\\dfrac{${vals.join(' + ')}}{${n}}` : `\\dfrac{${texNum(parsed.reduce((s, c) => s + c[k], 0), fmtExact)}}{${n}}`;
		return String.raw`\bar{${sym}} = ${sum} = ${texNum(means[k], fmtRatio)}`;
	};
	const steps: Step[] = [
		{ label: '计算平均值', tex: `${avgTex('recency', 'R')},\\quad ${avgTex('frequency', 'F')},\\quad ${avgTex('monetary', 'M')}` },
		{ label: '高低判定', tex: String.raw`R \le \bar{R} \Rightarrow \text{高},\quad F \ge \bar{F} \Rightarrow \text{高},\quad M \ge \bar{M} \Rightarrow \text{高}`, note: RFM_TIE_RULE },
		...customers.map((c) => ({
			label: c.name,
			tex: String.raw`R = ${texNum(c.recency, fmtExact)}\ (\text{${c.r}}),\ F = ${texNum(c.frequency, fmtExact)}\ (\text{${c.f}}),\ M = ${texNum(c.monetary, fmtExact)}\ (\text{${c.m}}) \Rightarrow \text{${c.segment}客户}`,
			note: `五分制得分 ${c.code}`
		}))
	];
	return {
		ok: true,
		value: { means, customers, segments, tieRule: RFM_TIE_RULE, scoreRule: RFM_SCORE_RULE },
		steps,
		convention: '平均值分组法（8 类客户）与五分位打分法；' + RFM_TIE_RULE
	};
}

export const RFM_COLUMNS: readonly PasteColumn<'name' | 'recency' | 'frequency' | 'monetary'>[] = [
	{ key: 'name', label: '客户', kind: 'text' },
	{ key: 'recency', label: 'R（天）', kind: 'number', rule: { label: 'R（距上次购买天数）', min: 0, example: '30' } },
	{ key: 'frequency', label: 'F（次）', kind: 'number', rule: { label: 'F（购买次数）', min: 0, example: '5' } },
	{ key: 'monetary', label: 'M（元）', kind: 'number', rule: { label: 'M（消费金额）', min: 0, example: '2000' } }
];
