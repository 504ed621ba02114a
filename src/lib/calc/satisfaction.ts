/**
 * Satisfaction figures from the course: the ratio C = B/A (实际体验 / 期望值) with the Q1/Q0
 * service-quality reading, a weighted CSI, NPS and the 满意率.
 */
import { approxEqual, fmtRatio, parseNumber, texNum, type CalcResult, type FieldError, type Step } from './common';

export type SatisfactionLevel = '不满意' | '满意' | '非常满意（惊喜）';

export interface RatioValue {
	ratio: number;
	gap: number;
	level: SatisfactionLevel;
	/** The course's service-quality reading of Q1 (perceived) against Q0 (expected). */
	quality: string;
	interpretation: string;
}

export function computeRatio(input: { perceived?: string; expected?: string }): CalcResult<RatioValue> {
	const errors: FieldError[] = [];
	const b = parseNumber('perceived', input.perceived, { label: '实际体验 B', min: 0, example: '8' });
	const a = parseNumber('expected', input.expected, { label: '期望值 A', min: 0, minExclusive: true, example: '10' });
	if ('error' in b) errors.push(b.error);
	if ('error' in a) errors.push(a.error);
	if (errors.length || 'error' in a || 'error' in b) return { ok: false, errors };
	const B = b.value;
	const A = a.value;
	const ratio = B / A;
	const equal = approxEqual(B, A);
	const level: SatisfactionLevel = equal ? '满意' : B < A ? '不满意' : '非常满意（惊喜）';
	const quality = equal ? 'Q1 = Q0：服务质量符合期望，客户满意' : B < A ? 'Q1 < Q0：服务质量低于期望，客户难以接受' : 'Q1 > Q0：服务质量超出期望';
	const steps: Step[] = [
		{ label: '公式', tex: String.raw`C = \dfrac{B}{A}`, note: '客户满意度 = 实际体验 / 期望值' },
		{ label: '代入数值', tex: String.raw`C = \dfrac{${texNum(B, fmtRatio)}}{${texNum(A, fmtRatio)}} = ${texNum(ratio, fmtRatio)}` },
		{ label: '差距', tex: String.raw`B - A = ${texNum(B, fmtRatio)} - ${texNum(A, fmtRatio)} = ${texNum(B - A, fmtRatio)}` },
		{ label: '判断', tex: equal ? String.raw`C = 1` : B < A ? String.raw`C < 1` : String.raw`C > 1`, note: `${level}（两值相差在 10⁻⁹ 的相对误差以内视为相等）` }
	];
	return {
		ok: true,
		value: { ratio, gap: B - A, level, quality, interpretation: `满意度 ${fmtRatio(ratio)}：${level}。${quality}。` },
		steps
	};
}

export const SCALES = { '1-5': [1, 5], '1-7': [1, 7], '1-10': [1, 10], '0-100': [0, 100] } as const;
export type Scale = keyof typeof SCALES;

export interface CsiRow {
	attribute: string;
	weight: string;
	score: string;
}

export interface CsiValue {
	/** Weighted mean on the chosen scale. */
	mean: number;
	/** The same value mapped to 0–100. */
	index: number;
	normalised: boolean;
	weightSum: number;
	contributions: { attribute: string; weight: number; score: number; contribution: number }[];
}

export function computeCsi(rows: CsiRow[], scale: Scale): CalcResult<CsiValue> {
	const errors: FieldError[] = [];
	const [lo, hi] = SCALES[scale] ?? SCALES['1-5'];
	if (rows.length === 0) errors.push({ field: 'rows', message: '至少需要一个评价指标，例如“产品质量，权重 0.4，得分 4”。' });
	const parsed = rows.map((row, i) => {
		const name = row.attribute.trim() || `第 ${i + 1} 项`;
		const w = parseNumber(`w${i}`, row.weight, { label: `“${name}”的权重`, min: 0, example: '0.3' });
		const s = parseNumber(`s${i}`, row.score, { label: `“${name}”的得分`, min: lo, max: hi, example: String(hi - 1) });
		if ('error' in w) errors.push(w.error);
		if ('error' in s) errors.push(s.error);
		return { attribute: name, weight: 'value' in w ? w.value : 0, score: 'value' in s ? s.value : 0 };
	});
	const weightSum = parsed.reduce((acc, r) => acc + r.weight, 0);
	if (errors.length === 0 && weightSum === 0) errors.push({ field: 'w0', message: '权重不能全为 0：至少给一个指标正的权重，例如 1。' });
	if (errors.length) return { ok: false, errors };
	const normalised = !approxEqual(weightSum, 1);
	const contributions = parsed.map((r) => ({ ...r, weight: r.weight / weightSum, contribution: (r.weight / weightSum) * r.score }));
	const mean = contributions.reduce((acc, r) => acc + r.contribution, 0);
	const index = ((mean - lo) / (hi - lo)) * 100;
	const steps: Step[] = [
		{ label: '公式', tex: String.raw`\text{CSI} = \sum_i w_i\, s_i,\quad \sum_i w_i = 1` },
		...(normalised
			? [{ label: '权重归一化', tex: String.raw`w_i' = \dfrac{w_i}{${texNum(weightSum, fmtRatio)}}`, note: `输入的权重之和为 ${fmtRatio(weightSum)}，不等于 1，已按比例换算。` }]
			: []),
		{ label: '代入数值', tex: String.raw`\text{CSI} = ${contributions.map((c) => `${texNum(c.weight, fmtRatio)}\\times ${texNum(c.score, fmtRatio)}`).join(' + ')} = ${texNum(mean, fmtRatio)}` },
		{ label: '换算为 0–100 指数', tex: String.raw`\dfrac{${texNum(mean, fmtRatio)} - ${lo}}{${hi} - ${lo}} \times 100 = ${texNum(index, fmtRatio)}` }
	];
	return { ok: true, value: { mean, index, normalised, weightSum, contributions }, steps };
}

export interface NpsValue {
	promoters: number;
	passives: number;
	detractors: number;
	total: number;
	nps: number;
}

/** NPS from 0–10 scores (whitespace or comma separated) or from the three counts. */
export function computeNps(input: { scores?: string; promoters?: string; passives?: string; detractors?: string }): CalcResult<NpsValue> {
	let promoters = 0;
	let passives = 0;
	let detractors = 0;
	if (input.scores !== undefined && input.scores.trim() !== '') {
		const parts = input.scores.normalize('NFKC').split(/[\s,，、;；]+/).filter(Boolean);
		const bad = parts.find((p) => !/^\d+$/.test(p) || Number(p) > 10);
		if (bad !== undefined) return { ok: false, errors: [{ field: 'scores', message: `评分“${bad}”无效：每个评分应为 0 到 10 的整数，用空格或逗号分隔，例如 9 10 7 3。` }] };
		for (const p of parts.map(Number)) {
			if (p >= 9) promoters++;
			else if (p >= 7) passives++;
			else detractors++;
		}
	} else {
		const errors: FieldError[] = [];
		const count = (field: 'promoters' | 'passives' | 'detractors', label: string) => {
			const r = parseNumber(field, input[field], { label, min: 0, integer: true, example: '30' });
			if ('error' in r) errors.push(r.error);
			return 'value' in r ? r.value : 0;
		};
		promoters = count('promoters', '推荐者人数');
		passives = count('passives', '被动者人数');
		detractors = count('detractors', '贬损者人数');
		if (errors.length) return { ok: false, errors };
	}
	const total = promoters + passives + detractors;
	if (total === 0) return { ok: false, errors: [{ field: 'scores', message: '至少需要一位受访者：请输入评分，或三类人数中至少一个大于 0。' }] };
	const nps = ((promoters - detractors) / total) * 100;
	const steps: Step[] = [
		{ label: '公式', tex: String.raw`\text{NPS} = \dfrac{\text{推荐者} - \text{贬损者}}{\text{受访者总数}} \times 100`, note: '9–10 分为推荐者，7–8 分为被动者，0–6 分为贬损者' },
		{ label: '代入数值', tex: String.raw`\text{NPS} = \dfrac{${promoters} - ${detractors}}{${total}} \times 100 = ${texNum(nps, fmtRatio)}` }
	];
	return { ok: true, value: { promoters, passives, detractors, total, nps }, steps };
}

export function computeSatisfiedRate(input: { satisfied?: string; total?: string }): CalcResult<{ rate: number }> {
	const errors: FieldError[] = [];
	const s = parseNumber('satisfied', input.satisfied, { label: '满意顾客数', min: 0, integer: true, example: '45' });
	const t = parseNumber('total', input.total, { label: '顾客总数', min: 0, minExclusive: true, integer: true, example: '60' });
	if ('error' in s) errors.push(s.error);
	if ('error' in t) errors.push(t.error);
	if ('value' in s && 'value' in t && s.value > t.value) errors.push({ field: 'satisfied', message: `满意顾客数（${s.value}）不能多于顾客总数（${t.value}）。` });
	if (errors.length || 'error' in s || 'error' in t) return { ok: false, errors };
	const rate = s.value / t.value;
	return {
		ok: true,
		value: { rate },
		steps: [
			{ label: '公式', tex: String.raw`\text{满意率} = \dfrac{\text{满意顾客数}}{\text{顾客总数}}` },
			{ label: '代入数值', tex: String.raw`\dfrac{${s.value}}{${t.value}} = ${texNum(rate, fmtRatio)} = ${texNum(rate * 100, fmtRatio)}\%` }
		]
	};
}
