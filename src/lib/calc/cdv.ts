/** 客户让渡价值 (Customer Delivered Value): total customer value minus total customer cost (Kotler). */
import { fmtRatio, parseAll, texNum, type CalcResult, type FieldError, type NumberRule, type Step } from './common';

export const CDV_VALUES = ['product', 'service', 'personnel', 'image'] as const;
export const CDV_COSTS = ['money', 'time', 'energy', 'psychic'] as const;
export type CdvField = (typeof CDV_VALUES)[number] | (typeof CDV_COSTS)[number];

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

const rule = (label: string): NumberRule => ({ label, min: 0, example: '120' });
const RULES = Object.fromEntries(Object.entries(CDV_LABELS).map(([k, label]) => [k, rule(label)])) as Record<CdvField, NumberRule>;

export interface CdvValue {
	tcv: number;
	tcc: number;
	cdv: number;
	/** TCV / TCC, or null when the total cost is zero. */
	ratio: number | null;
	interpretation: string;
}

export type CdvInput = Partial<Record<CdvField, string>>;

export function computeCdv(input: CdvInput): CalcResult<CdvValue> {
	const { values, errors } = parseAll(RULES, input);
	if (errors.length) return { ok: false, errors };
	const tcv = CDV_VALUES.reduce((s, k) => s + values[k], 0);
	const tcc = CDV_COSTS.reduce((s, k) => s + values[k], 0);
	const cdv = tcv - tcc;
	const ratio = tcc === 0 ? null : tcv / tcc;
	const interpretation =
		cdv > 0 ? '客户得到的价值多于付出的成本，购买意愿较强。' : cdv < 0 ? '客户付出的成本高于得到的价值，很可能不会购买。' : '价值与成本相抵，客户处于犹豫之间。';
	const sum = (keys: readonly CdvField[]) => keys.map((k) => texNum(values[k])).join(' + ');
	const steps: Step[] = [
		{ label: '公式', tex: String.raw`\text{CDV} = \text{TCV} - \text{TCC}`, note: '客户让渡价值 = 客户总价值 − 客户总成本' },
		{ label: '客户总价值', tex: String.raw`\text{TCV} = ${sum(CDV_VALUES)} = ${texNum(tcv)}`, note: '产品、服务、人员、形象价值之和' },
		{ label: '客户总成本', tex: String.raw`\text{TCC} = ${sum(CDV_COSTS)} = ${texNum(tcc)}`, note: '货币、时间、体力、精神成本之和' },
		{ label: '客户让渡价值', tex: String.raw`\text{CDV} = ${texNum(tcv)} - ${texNum(tcc)} = ${texNum(cdv)}` },
		ratio === null
			? { label: '比值形式', tex: String.raw`\text{TCV} / \text{TCC}\ \text{无定义}`, note: '客户总成本为 0，不能作除数，比值没有意义（不是无穷大）。' }
			: { label: '比值形式', tex: String.raw`\dfrac{\text{TCV}}{\text{TCC}} = \dfrac{${texNum(tcv)}}{${texNum(tcc)}} = ${texNum(ratio, fmtRatio)}` }
	];
	return { ok: true, value: { tcv, tcc, cdv, ratio, interpretation }, steps };
}

export interface Offer {
	name: string;
	input: CdvInput;
}

export interface OfferComparison {
	rows: { name: string; cdv: number; ratio: number | null; rankByDifference: number; rankByRatio: number | null }[];
	/** True when ranking by CDV and by TCV/TCC put the offers in different orders. */
	disagree: boolean;
	note: string;
}

/** Compares up to four offers. Kotler defines delivered value as the difference, so that ranking is the one to use. */
export function compareOffers(offers: Offer[]): { ok: true; value: OfferComparison } | { ok: false; errors: FieldError[] } {
	if (offers.length < 2 || offers.length > 4) return { ok: false, errors: [{ field: 'offers', message: '请比较 2 到 4 个方案。' }] };
	const results = offers.map((o) => computeCdv(o.input));
	const errors = results.flatMap((r, i) => (r.ok ? [] : r.errors.map((e) => ({ field: `${i}.${e.field}`, message: `方案“${offers[i]!.name}”：${e.message}` }))));
	if (errors.length) return { ok: false, errors };
	const values = results.map((r) => (r as { ok: true; value: CdvValue }).value);
	const rank = (score: (v: CdvValue) => number | null) =>
		values.map((v) => {
			const s = score(v);
			return s === null ? null : 1 + values.filter((w) => (score(w) ?? -Infinity) > s).length;
		});
	const byDiff = rank((v) => v.cdv);
	const byRatio = rank((v) => v.ratio);
	const disagree = byDiff.some((r, i) => byRatio[i] !== null && r !== byRatio[i]);
	return {
		ok: true,
		value: {
			rows: values.map((v, i) => ({ name: offers[i]!.name, cdv: v.cdv, ratio: v.ratio, rankByDifference: byDiff[i]!, rankByRatio: byRatio[i]! })),
			disagree,
			note: disagree
				? '按差额和按比值排出的名次不同。科特勒对客户让渡价值的定义是“总价值与总成本之差”，因此以差额排名为准。'
				: '按差额和按比值排出的名次一致。'
		}
	};
}
