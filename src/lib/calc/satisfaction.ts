/**
 * Satisfaction figures from the course: the ratio C = B/A (实际体验 / 期望值) with the Q1/Q0
 * service-quality reading, a weighted CSI, NPS and the 满意率.
 */
import { approxEqual, compareApprox, overflowError, parseNumber, type CalcResult, type FieldError, type NumberRule, type Step } from './common';
import { fmtExact, fmtPercent, fmtRatio, texNum, texResult } from './format';

// ——— C = B / A ———

export type SatisfactionLevel = '不满意' | '满意' | '非常满意（惊喜）';
export type QualityReading = '难以接受' | '满意' | '超出期望';

export interface RatioInput {
	perceived?: string;
	expected?: string;
}

export interface RatioValue {
	ratio: number;
	gap: number;
	level: SatisfactionLevel;
	/** The course's service-quality reading of Q1 (perceived) against Q0 (expected). */
	qualityLevel: QualityReading;
	/** e.g. 「Q1 < Q0：服务质量低于期望，难以接受」 */
	quality: string;
	interpretation: string;
}

export const RATIO_CONVENTION = '课程公式：客户满意度 C = 实际体验 B / 期望值 A；B 与 A 的相对差在 10⁻⁹ 以内视为相等';

export function computeRatio(input: RatioInput): CalcResult<RatioValue> {
	const errors: FieldError[] = [];
	const b = parseNumber('perceived', input.perceived, { label: '实际体验 B', min: 0, example: '8' });
	const a = parseNumber('expected', input.expected, { label: '期望值 A', min: 0, minExclusive: true, example: '10' });
	if ('error' in b) errors.push(b.error);
	if ('error' in a) errors.push(a.error);
	if ('error' in a || 'error' in b) return { ok: false, errors };
	const B = b.value;
	const A = a.value;
	const ratio = B / A;
	if (!Number.isFinite(ratio)) return { ok: false, errors: [overflowError('perceived')] };
	// Classify on B against A, not on C against 1: 0.1 + 0.2 against 0.3 must read as equal.
	const cmp = compareApprox(B, A);
	const level: SatisfactionLevel = cmp === 0 ? '满意' : cmp < 0 ? '不满意' : '非常满意（惊喜）';
	const qualityLevel: QualityReading = cmp === 0 ? '满意' : cmp < 0 ? '难以接受' : '超出期望';
	const quality =
		cmp === 0 ? 'Q1 = Q0：服务质量与期望相符，满意' : cmp < 0 ? 'Q1 < Q0：服务质量低于期望，难以接受' : 'Q1 > Q0：服务质量超出期望';
	const shownRatio = cmp === 0 ? 1 : ratio;
	const steps: Step[] = [
		{ label: '公式', tex: String.raw`C = \dfrac{B}{A}`, note: '客户满意度 = 实际体验 / 期望值' },
		{ label: '代入数值', tex: String.raw`C = \dfrac{${texNum(B, fmtExact)}}{${texNum(A, fmtExact)}} = ${texNum(shownRatio, fmtRatio)}` },
		{ label: '差距', tex: String.raw`B - A = ${texNum(B, fmtExact)} - ${texNum(A, fmtExact)} = ${texResult(cmp === 0 ? 0 : B - A, fmtRatio)}` },
		{
			label: '判断',
			tex: cmp === 0 ? String.raw`C = 1` : cmp < 0 ? String.raw`C < 1` : String.raw`C > 1`,
			note: `${level}。服务质量：${quality}。`
		}
	];
	return {
		ok: true,
		value: { ratio, gap: B - A, level, qualityLevel, quality, interpretation: `满意度 ${fmtRatio(shownRatio)}：${level}。${quality}。` },
		steps,
		convention: RATIO_CONVENTION
	};
}

// ——— CSI ———

export const SCALES = { '1-5': [1, 5], '1-7': [1, 7], '1-10': [1, 10], '0-100': [0, 100] } as const;
export type Scale = keyof typeof SCALES;

export interface CsiRow {
	attribute: string;
	weight: string;
	score: string;
}

export interface CsiContribution {
	attribute: string;
	/** The weight as entered. */
	rawWeight: number;
	/** The weight after normalising (equal to rawWeight / weightSum). */
	weight: number;
	score: number;
	/** weight × score */
	contribution: number;
}

export interface CsiValue {
	/** Weighted mean on the chosen scale. */
	mean: number;
	/** The same value mapped linearly to 0–100 (scale minimum → 0, maximum → 100). */
	index: number;
	/** True when the weights did not sum to 1 (within the tolerance) and were rescaled. */
	normalised: boolean;
	/** Present when normalised: says so in a sentence for the page. */
	normalisedNote: string | null;
	weightSum: number;
	scale: Scale;
	contributions: CsiContribution[];
}

export const MAX_CSI_ROWS = 50;

/** Row errors use fields "w<i>" (weight) and "s<i>" (score), i counted from 0. */
export function computeCsi(rows: CsiRow[], scale: Scale): CalcResult<CsiValue> {
	const errors: FieldError[] = [];
	if (!(scale in SCALES)) return { ok: false, errors: [{ field: 'scale', message: '评分量表只能是 1-5、1-7、1-10 或 0-100。' }] };
	const [lo, hi] = SCALES[scale];
	if (rows.length === 0) errors.push({ field: 'rows', message: '至少需要一个评价指标，例如“产品质量，权重 0.4，得分 4”。' });
	if (rows.length > MAX_CSI_ROWS) errors.push({ field: 'rows', message: `最多 ${MAX_CSI_ROWS} 个指标，现在有 ${rows.length} 个。` });
	const parsed = rows.slice(0, MAX_CSI_ROWS).map((row, i) => {
		const name = row.attribute.trim() || `第 ${i + 1} 项`;
		const wRule: NumberRule = { label: `“${name}”的权重`, min: 0, percent: 'fraction', example: '0.3 或 30%' };
		const sRule: NumberRule = { label: `“${name}”的得分`, min: lo, max: hi, example: String(hi - 1) };
		const w = parseNumber(`w${i}`, row.weight, wRule);
		const s = parseNumber(`s${i}`, row.score, sRule);
		if ('error' in w) errors.push(w.error);
		if ('error' in s) errors.push(s.error);
		return { attribute: name, weight: 'value' in w ? w.value : 0, score: 'value' in s ? s.value : 0 };
	});
	const weightSum = parsed.reduce((acc, r) => acc + r.weight, 0);
	if (errors.length === 0 && !Number.isFinite(weightSum)) errors.push(overflowError('w0'));
	if (errors.length === 0 && weightSum === 0) errors.push({ field: 'w0', message: '权重不能全为 0：至少给一个指标正的权重，例如 1。' });
	if (errors.length) return { ok: false, errors };
	// 0.1 + 0.2 + 0.7000000000000002 is 1 for the student; don't tell them it was rescaled.
	const normalised = !approxEqual(weightSum, 1);
	const contributions = parsed.map((r) => {
		const weight = r.weight / weightSum;
		return { attribute: r.attribute, rawWeight: r.weight, weight, score: r.score, contribution: weight * r.score };
	});
	const mean = contributions.reduce((acc, r) => acc + r.contribution, 0);
	const index = ((mean - lo) / (hi - lo)) * 100;
	const normalisedNote = normalised ? `输入的权重之和为 ${fmtRatio(weightSum)}，不等于 1，已把每个权重除以 ${fmtRatio(weightSum)} 归一化后再计算。` : null;
	const steps: Step[] = [
		{ label: '公式', tex: String.raw`\text{CSI} = \sum_i w_i\, s_i,\qquad \sum_i w_i = 1`, note: 'w 为指标权重，s 为该指标的得分' },
		...(normalised
			? [
					{
						label: '权重归一化',
						tex: String.raw`w_i' = \dfrac{w_i}{\sum w} = \dfrac{w_i}{${texNum(weightSum, fmtExact)}}:\quad ${contributions.map((c) => `\\dfrac{${texNum(c.rawWeight, fmtExact)}}{${texNum(weightSum, fmtExact)}} = ${texNum(c.weight, fmtRatio)}`).join(',\\ ')}`,
						note: normalisedNote!
					}
				]
			: []),
		{
			label: '代入数值',
			tex: String.raw`\text{CSI} = ${contributions.map((c) => `${texNum(c.weight, normalised ? fmtRatio : fmtExact)}\\times ${texNum(c.score, fmtExact)}`).join(' + ')} = ${contributions.map((c) => texNum(c.contribution, fmtRatio)).join(' + ')} = ${texNum(mean, fmtRatio)}`
		},
		{
			label: '换算为 0–100 指数',
			tex: String.raw`\dfrac{\text{CSI} - ${lo}}{${hi} - ${lo}} \times 100 = \dfrac{${texNum(mean, fmtRatio)} - ${lo}}{${hi - lo}} \times 100 = ${texNum(index, fmtRatio)}`,
			note: '量表最低分对应 0，最高分对应 100（与 ACSI 的换算方式相同）。'
		}
	];
	return {
		ok: true,
		value: { mean, index, normalised, normalisedNote, weightSum, scale, contributions },
		steps,
		convention: `加权平均法，${scale} 分量表，线性换算为 0–100 指数`
	};
}

// ——— NPS ———

export interface NpsInput {
	/** 0–10 integer scores separated by spaces, commas or 、. Used when non-empty. */
	scores?: string;
	promoters?: string;
	passives?: string;
	detractors?: string;
}

export interface NpsValue {
	promoters: number;
	passives: number;
	detractors: number;
	total: number;
	/** Shares of the total, 0..1. */
	promoterShare: number;
	passiveShare: number;
	detractorShare: number;
	/** %promoters − %detractors, from −100 to 100. */
	nps: number;
	source: 'scores' | 'counts';
	interpretation: string;
}

export const MAX_NPS_SCORES = 100_000;

export function computeNps(input: NpsInput): CalcResult<NpsValue> {
	let promoters = 0;
	let passives = 0;
	let detractors = 0;
	const fromScores = (input.scores ?? '').trim() !== '';
	if (fromScores) {
		const parts = input
			.scores!.normalize('NFKC')
			.split(/[\s,;、]+/)
			.filter(Boolean);
		const bad = parts.find((p) => !/^\d{1,2}$/.test(p) || Number(p) > 10);
		if (bad !== undefined) {
			return { ok: false, errors: [{ field: 'scores', message: `评分“${bad}”无效：每个评分应为 0 到 10 的整数，用空格或逗号分隔，例如 9 10 7 3。` }] };
		}
		if (parts.length > MAX_NPS_SCORES) return { ok: false, errors: [{ field: 'scores', message: `评分最多 ${MAX_NPS_SCORES} 个；人数较多时请改填三类人数。` }] };
		for (const p of parts.map(Number)) {
			if (p >= 9) promoters++;
			else if (p >= 7) passives++;
			else detractors++;
		}
	} else {
		const errors: FieldError[] = [];
		const count = (field: 'promoters' | 'passives' | 'detractors', label: string) => {
			const r = parseNumber(field, input[field], { label, min: 0, integer: true, example: '30' });
			if ('error' in r) {
				errors.push(r.error);
				return 0;
			}
			return r.value;
		};
		promoters = count('promoters', '推荐者（9–10 分）人数');
		passives = count('passives', '被动者（7–8 分）人数');
		detractors = count('detractors', '贬损者（0–6 分）人数');
		if (errors.length) return { ok: false, errors };
	}
	const total = promoters + passives + detractors;
	if (!Number.isFinite(total)) return { ok: false, errors: [overflowError('promoters')] };
	if (total === 0) {
		return { ok: false, errors: [{ field: fromScores ? 'scores' : 'promoters', message: '至少需要一位受访者：请输入评分，或让三类人数中至少一个大于 0。' }] };
	}
	const nps = ((promoters - detractors) / total) * 100;
	const share = (k: number) => k / total;
	const interpretation =
		nps > 0 ? `净推荐值为 ${fmtRatio(nps)}：推荐者多于贬损者，口碑为正。` : nps < 0 ? `净推荐值为 ${fmtRatio(nps)}：贬损者多于推荐者，口碑为负，需要改进。` : '净推荐值为 0：推荐者与贬损者一样多。';
	const steps: Step[] = [
		{
			label: '公式',
			tex: String.raw`\text{NPS} = \dfrac{\text{推荐者人数} - \text{贬损者人数}}{\text{受访者总数}} \times 100`,
			note: '9–10 分为推荐者，7–8 分为被动者，0–6 分为贬损者；NPS = 推荐者百分比 − 贬损者百分比'
		},
		{
			label: '分组计数',
			tex: String.raw`\text{推荐者} = ${promoters},\ \text{被动者} = ${passives},\ \text{贬损者} = ${detractors},\ \text{总数} = ${total}`
		},
		{
			label: '代入数值',
			tex: String.raw`\text{NPS} = \dfrac{${promoters} - ${detractors}}{${total}} \times 100 = ${texNum(share(promoters) * 100, fmtRatio)}\% - ${texNum(share(detractors) * 100, fmtRatio)}\% = ${texResult(nps, fmtRatio)}`
		}
	];
	return {
		ok: true,
		value: {
			promoters,
			passives,
			detractors,
			total,
			promoterShare: share(promoters),
			passiveShare: share(passives),
			detractorShare: share(detractors),
			nps,
			source: fromScores ? 'scores' : 'counts',
			interpretation
		},
		steps,
		convention: '净推荐值（NPS，Reichheld）：0–10 分推荐意愿，9–10 推荐者、7–8 被动者、0–6 贬损者'
	};
}

// ——— 满意率 ———

export interface SatisfiedRateInput {
	satisfied?: string;
	total?: string;
}

export function computeSatisfiedRate(input: SatisfiedRateInput): CalcResult<{ rate: number; interpretation: string }> {
	const errors: FieldError[] = [];
	const s = parseNumber('satisfied', input.satisfied, { label: '满意顾客数', min: 0, integer: true, example: '45' });
	const t = parseNumber('total', input.total, { label: '顾客总数', min: 0, minExclusive: true, integer: true, example: '60' });
	if ('error' in s) errors.push(s.error);
	if ('error' in t) errors.push(t.error);
	if ('value' in s && 'value' in t && s.value > t.value) {
		errors.push({ field: 'satisfied', message: `满意顾客数（${s.value}）不能多于顾客总数（${t.value}）：应为 0 到 ${t.value} 的整数。` });
	}
	if (errors.length || 'error' in s || 'error' in t) return { ok: false, errors };
	const rate = s.value / t.value;
	return {
		ok: true,
		value: { rate, interpretation: `${t.value} 位顾客中有 ${s.value} 位满意，满意率为 ${fmtPercent(rate)}。` },
		steps: [
			{ label: '公式', tex: String.raw`\text{满意率} = \dfrac{\text{满意顾客数}}{\text{顾客总数}} \times 100\%` },
			{ label: '代入数值', tex: String.raw`\text{满意率} = \dfrac{${s.value}}{${t.value}} \times 100\% = ${texNum(rate * 100, fmtRatio)}\%` }
		],
		convention: '课程公式：满意率 = 满意顾客数 / 顾客总数'
	};
}
