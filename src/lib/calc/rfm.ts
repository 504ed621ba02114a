/**
 * RFM analysis (最近一次购买 Recency, 购买频率 Frequency, 购买金额 Monetary).
 * Mean split: each dimension is 高 or 低 against the mean, giving the eight classic segments.
 * Tie rule: a value exactly at the mean counts as 高; for R "高" means recent, i.e. days ≤ mean.
 */
import { approxEqual } from './common';
import { num, parsePasted, type PastedRows } from './table-paste';

export interface RfmCustomer {
	name: string;
	recency: number;
	frequency: number;
	monetary: number;
}

export type Level = '高' | '低';

export const SEGMENTS: Record<string, { name: string; action: string }> = {
	'高高高': { name: '重要价值客户', action: '重点维护，提供 VIP 服务和个性化关怀。' },
	'低高高': { name: '重要保持客户', action: '最近没来，主动联系唤回，防止流失。' },
	'高低高': { name: '重要发展客户', action: '消费额高但次数少，提高购买频次，如会员积分。' },
	'低低高': { name: '重要挽留客户', action: '曾有高消费，但久未购买且次数少，重点挽留。' },
	'高高低': { name: '一般价值客户', action: '常来但花得少，交叉销售、提升客单价。' },
	'低高低': { name: '一般保持客户', action: '一般性维护，定期提醒。' },
	'高低低': { name: '一般发展客户', action: '新近客户，培养购买习惯。' },
	'低低低': { name: '一般挽留客户', action: '价值低，控制投入，低成本方式维系。' }
};

export const TIE_RULE = '等于平均值算作“高”；R 以天数计，天数不大于平均值（即最近购买过）算作“高”。';

export interface RfmRow extends RfmCustomer {
	r: Level;
	f: Level;
	m: Level;
	segment: string;
	action: string;
	/** 1–5 scores (5 = best), and the cell code such as "555". */
	scores: { r: number; f: number; m: number; code: string };
}

export function parseRfm(text: string): PastedRows<RfmCustomer> {
	return parsePasted(text, 4, (cells, line) => {
		const [name, r, f, m] = cells as [string, string, string, string];
		const recency = num(r);
		const frequency = num(f);
		const monetary = num(m);
		if (!name) return `第 ${line} 行缺少客户名称。`;
		if (recency === null || recency < 0) return `第 ${line} 行的“距上次购买天数”应为不小于 0 的数，读到“${r}”。`;
		if (frequency === null || frequency < 0) return `第 ${line} 行的“购买频率”应为不小于 0 的数，读到“${f}”。`;
		if (monetary === null || monetary < 0) return `第 ${line} 行的“购买金额”应为不小于 0 的数，读到“${m}”。`;
		return { name, recency, frequency, monetary };
	});
}

/** Quintile score 1–5 by rank: ties share the score of their first position. */
function quintiles(values: number[], higherIsBetter: boolean): number[] {
	const order = values.map((v, i) => ({ v, i })).sort((a, b) => (higherIsBetter ? a.v - b.v : b.v - a.v));
	const scores = new Array<number>(values.length);
	let start = 0;
	while (start < order.length) {
		let end = start;
		while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
		const score = 1 + Math.floor((start * 5) / order.length);
		for (let k = start; k <= end; k++) scores[order[k]!.i] = score;
		start = end + 1;
	}
	return scores;
}

export function analyseRfm(customers: RfmCustomer[]): { rows: RfmRow[]; means: { recency: number; frequency: number; monetary: number } } {
	const n = customers.length || 1;
	const means = {
		recency: customers.reduce((s, c) => s + c.recency, 0) / n,
		frequency: customers.reduce((s, c) => s + c.frequency, 0) / n,
		monetary: customers.reduce((s, c) => s + c.monetary, 0) / n
	};
	const atLeast = (v: number, mean: number) => v > mean || approxEqual(v, mean);
	const rScores = quintiles(customers.map((c) => c.recency), false);
	const fScores = quintiles(customers.map((c) => c.frequency), true);
	const mScores = quintiles(customers.map((c) => c.monetary), true);
	const rows = customers.map((c, i) => {
		const r: Level = c.recency < means.recency || approxEqual(c.recency, means.recency) ? '高' : '低';
		const f: Level = atLeast(c.frequency, means.frequency) ? '高' : '低';
		const m: Level = atLeast(c.monetary, means.monetary) ? '高' : '低';
		const seg = SEGMENTS[r + f + m]!;
		const scores = { r: rScores[i]!, f: fScores[i]!, m: mScores[i]!, code: `${rScores[i]}${fScores[i]}${mScores[i]}` };
		return { ...c, r, f, m, segment: seg.name, action: seg.action, scores };
	});
	return { rows, means };
}
