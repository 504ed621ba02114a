/**
 * 客户让渡价值 (Customer Delivered Value), Kotler: the total customer value minus the total
 * customer cost. The ratio TCV / TCC is shown as well, because some textbooks use it, but
 * the definition (and so the ranking that counts) is the difference.
 */
import { approxEqual, compareApprox, overflowError, parseAll, type CalcResult, type FieldError, type NumberRule, type Step } from './common';
import { fmtRatio, texNum, texResult, texText } from './format';

export const CDV_VALUES = ['product', 'service', 'personnel', 'image'] as const;
export const CDV_COSTS = ['money', 'time', 'energy', 'psychic'] as const;
export type CdvField = (typeof CDV_VALUES)[number] | (typeof CDV_COSTS)[number];
export const CDV_FIELDS: readonly CdvField[] = [...CDV_VALUES, ...CDV_COSTS];

export const CDV_LABELS: Record<CdvField, string> = {
	product: '产品价值',
	service: '服务价值',
	personnel: '人员价值',
	image: '形象价值',
	money: '货币成本',
	time: '时间成本',
	energy: '体力成本',
	psychic: '精神成本'
};

const RULES = Object.fromEntries(CDV_FIELDS.map((k) => [k, { label: CDV_LABELS[k], min: 0, example: '120' } satisfies NumberRule])) as Record<CdvField, NumberRule>;

export const CDV_CONVENTION = '科特勒（Kotler）的定义：客户让渡价值 = 客户总价值 − 客户总成本';

export interface CdvValue {
	tcv: number;
	tcc: number;
	cdv: number;
	/** TCV / TCC, or null when the total cost is zero (then `ratioNote` says why). */
	ratio: number | null;
	ratioNote: string | null;
	/** The sign of the CDV, read with the tolerance (so 0.1 + 0.2 − 0.3 counts as 0). */
	verdict: 'positive' | 'zero' | 'negative';
	interpretation: string;
}

export type CdvInput = Partial<Record<CdvField, string>>;

/** The reason shown instead of a ratio when the customer pays nothing at all. */
export const RATIO_UNDEFINED = '客户总成本为 0，不能作除数，比值 TCV/TCC 无定义（不是无穷大）；此时只能用差额判断。';

export function computeCdv(input: CdvInput): CalcResult<CdvValue> {
	const { values, errors } = parseAll(RULES, input);
	if (errors.length) return { ok: false, errors };
	const tcv = CDV_VALUES.reduce((s, k) => s + values[k], 0);
	const tcc = CDV_COSTS.reduce((s, k) => s + values[k], 0);
	if (!Number.isFinite(tcv) || !Number.isFinite(tcc)) return { ok: false, errors: [overflowError(Number.isFinite(tcv) ? 'money' : 'product')] };
	const cdv = tcv - tcc;
	const ratio = tcc === 0 ? null : tcv / tcc;
	// Compare the totals rather than the difference with 0: the difference of two nearly equal
	// sums is pure rounding noise, which a relative tolerance on it cannot remove.
	const cmp = compareApprox(tcv, tcc);
	const verdict = cmp > 0 ? 'positive' : cmp < 0 ? 'negative' : 'zero';
	const interpretation = {
		positive: '客户得到的价值多于付出的成本，让渡价值为正，购买意愿较强。',
		zero: '客户得到的价值与付出的成本相抵，让渡价值为 0，客户处于犹豫之间。',
		negative: '客户付出的成本高于得到的价值，让渡价值为负，客户很可能不会购买。'
	}[verdict];
	const sum = (keys: readonly CdvField[]) => keys.map((k) => texNum(values[k])).join(' + ');
	const steps: Step[] = [
		{ label: '公式', tex: String.raw`\text{CDV} = \text{TCV} - \text{TCC}`, note: '客户让渡价值 = 客户总价值 − 客户总成本' },
		{
			label: '客户总价值',
			tex: String.raw`\text{TCV} = ${sum(CDV_VALUES)} = ${texNum(tcv)}`,
			note: '产品价值 + 服务价值 + 人员价值 + 形象价值'
		},
		{
			label: '客户总成本',
			tex: String.raw`\text{TCC} = ${sum(CDV_COSTS)} = ${texNum(tcc)}`,
			note: '货币成本 + 时间成本 + 体力成本 + 精神成本'
		},
		{ label: '客户让渡价值', tex: String.raw`\text{CDV} = ${texNum(tcv)} - ${texNum(tcc)} = ${texResult(verdict === 'zero' ? 0 : cdv)}`, note: interpretation },
		ratio === null
			? { label: '比值形式', tex: String.raw`\dfrac{\text{TCV}}{\text{TCC}} = \dfrac{${texNum(tcv)}}{0}\ ${texText('无定义')}`, note: RATIO_UNDEFINED }
			: {
					label: '比值形式',
					tex: String.raw`\dfrac{\text{TCV}}{\text{TCC}} = \dfrac{${texNum(tcv)}}{${texNum(tcc)}} = ${texNum(ratio, fmtRatio)}`,
					note: '比值大于 1 与差额大于 0 等价；但比较多个方案时两者的排名可能不同。'
				}
	];
	return {
		ok: true,
		value: { tcv, tcc, cdv, ratio, ratioNote: ratio === null ? RATIO_UNDEFINED : null, verdict, interpretation },
		steps,
		convention: CDV_CONVENTION
	};
}

export interface Offer {
	name: string;
	input: CdvInput;
}

export interface OfferRow {
	name: string;
	tcv: number;
	tcc: number;
	cdv: number;
	ratio: number | null;
	/** 1 = best. Ties share a rank (1, 1, 3). */
	rankByDifference: number;
	/** null when the ratio is undefined (TCC = 0): such an offer can't be ranked by ratio. */
	rankByRatio: number | null;
}

export interface OfferComparison {
	rows: OfferRow[];
	/** True when ranking by CDV and by TCV/TCC put the offers in different orders. */
	disagree: boolean;
	/** Index into rows of the offer(s) Kotler's definition picks: the largest difference. */
	best: number[];
	note: string;
}

export const MAX_OFFERS = 4;

/** 1 + the number of scores strictly better (outside the tolerance); null scores get no rank. */
function competitionRanks(scores: (number | null)[]): (number | null)[] {
	return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && compareApprox(o, s) > 0).length));
}

/**
 * Compares one to four offers. Errors are reported per offer as field "<index>.<field>", e.g.
 * "1.money" for the second offer's 货币成本.
 */
export function compareOffers(offers: Offer[]): CalcResult<OfferComparison> {
	if (offers.length < 1 || offers.length > MAX_OFFERS) {
		return { ok: false, errors: [{ field: 'offers', message: `比较模式需要 1 到 ${MAX_OFFERS} 个方案，现在有 ${offers.length} 个。` }] };
	}
	const results = offers.map((o) => computeCdv(o.input));
	const errors: FieldError[] = results.flatMap((r, i) =>
		r.ok ? [] : r.errors.map((e) => ({ field: `${i}.${e.field}`, message: `方案“${offerName(offers[i]!, i)}”：${e.message}` }))
	);
	if (errors.length) return { ok: false, errors };
	const values = results.map((r) => (r.ok ? r.value : (undefined as never)));
	const byDiff = competitionRanks(values.map((v) => v.cdv)) as number[];
	const byRatio = competitionRanks(values.map((v) => v.ratio));
	// Pairwise, so offers without a ratio (TCC = 0) neither cause nor hide a disagreement.
	const disagree = values.some((a, i) =>
		values.some((b, j) => j > i && a.ratio !== null && b.ratio !== null && compareApprox(a.cdv, b.cdv) !== compareApprox(a.ratio, b.ratio))
	);
	const rows = values.map((v, i) => ({
		name: offerName(offers[i]!, i),
		tcv: v.tcv,
		tcc: v.tcc,
		cdv: v.cdv,
		ratio: v.ratio,
		rankByDifference: byDiff[i]!,
		rankByRatio: byRatio[i]!
	}));
	const best = byDiff.flatMap((r, i) => (r === 1 ? [i] : []));
	const bestNames = best.map((i) => `“${rows[i]!.name}”`).join('、');
	const noRatio = byRatio.includes(null) ? '总成本为 0 的方案没有比值，不参与按比值排名。' : '';
	const kotler = `科特勒对客户让渡价值的定义是“客户总价值与客户总成本之差”，因此以差额排名为准：${bestNames}的让渡价值最大。`;
	const note =
		rows.length === 1
			? `只有一个方案，无从比较；请再添加 1 到 ${MAX_OFFERS - 1} 个方案。`
			: disagree
				? `按差额（TCV − TCC）和按比值（TCV / TCC）排出的名次不同。${noRatio}${kotler}`
				: `按差额和按比值排出的名次一致。${noRatio}${kotler}`;
	const steps: Step[] = rows.map((r) => ({
		label: r.name,
		tex: String.raw`\text{CDV} = ${texNum(r.tcv)} - ${texNum(r.tcc)} = ${texResult(approxEqual(r.tcv, r.tcc) ? 0 : r.cdv)},\quad \dfrac{\text{TCV}}{\text{TCC}} = ${r.ratio === null ? texText('无定义') : texNum(r.ratio, fmtRatio)}`,
		note: `差额排名第 ${r.rankByDifference}，比值排名${r.rankByRatio === null ? '：无' : `第 ${r.rankByRatio}`}`
	}));
	return { ok: true, value: { rows, disagree, best, note }, steps, convention: CDV_CONVENTION };
}

function offerName(o: Offer, i: number): string {
	return o.name.trim() || `方案${'甲乙丙丁'[i] ?? i + 1}`;
}
