/**
 * Practice drills: seeded generators that write exam-style problems with round numbers. The
 * answer and the worked solution come from the calculators themselves, so a drill can never
 * disagree with the calculator page. The same generators feed the quiz bank's 计算 questions.
 *
 * Pure: everything random comes from the seed.
 */
export * from './drill-kinds';
import { createRng, randomInt } from '../random';
import { computeAbc } from './abc';
import { computeCdv } from './cdv';
import { computeClv, type Convention } from './clv';
import { computeCohort } from './cohort';
import { type CalcResult, type Step } from './common';
import { fmtExact } from './format';
import { DRILL_TITLES, drillTolerance, isDrillAnswerCorrect, type DrillGenerator, type DrillKind, type DrillProblem, type DrillUnit } from './drill-kinds';
import { computeRfm } from './rfm';
import { computeCsi, computeNps, computeRatio, computeSatisfiedRate, type Scale } from './satisfaction';
import { encodeRowsParam } from './table-paste';

function pick<T>(rng: () => number, items: readonly T[]): T {
	return items[Math.floor(rng() * items.length)]!;
}

/** Generators call the calculators with valid inputs; a failure here is a bug in the generator. */
function unwrap<T>(r: CalcResult<T>): { value: T; steps: Step[]; convention?: string } {
	if (!r.ok) throw new Error(`drill generator produced invalid inputs: ${r.errors.map((e) => e.message).join(' ')}`);
	return r;
}

function problem(kind: DrillKind, seed: number, stem: string, answer: number, unit: DrillUnit, r: { steps: Step[]; convention?: string }, path: string, params: Record<string, string>): DrillProblem {
	return { kind, seed, stem, answer, tolerance: drillTolerance(answer), unit, solution: r.steps, convention: r.convention, calculator: { path, params } };
}

type Part = NonNullable<DrillProblem['parts']>[number];

/** A problem in several parts; `main` is the part the practice box checks. */
function multiPart(base: DrillProblem, parts: Part[], main: number, prompt: string): DrillProblem {
	const m = parts[main]!;
	return { ...base, answer: m.value, tolerance: drillTolerance(m.value), unit: m.unit, parts, partsPrompt: prompt };
}

function shuffled<T>(rng: () => number, items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

const step = (rng: () => number, min: number, max: number, by: number) => randomInt(rng, min / by, max / by) * by;

// ——— 客户让渡价值 ———

const CDV_CONTEXTS = ['购买一台空调', '办理一张健身年卡', '购买一部手机', '预订一次旅游套餐', '购买一台笔记本电脑', '购买一套家具'];

export const cdvDrill: DrillGenerator = (seed) => {
	const rng = createRng(seed);
	const v = {
		product: step(rng, 400, 1200, 50),
		service: step(rng, 50, 300, 10),
		personnel: step(rng, 20, 150, 10),
		image: step(rng, 10, 100, 10),
		money: step(rng, 400, 1200, 50),
		time: step(rng, 10, 100, 10),
		energy: step(rng, 10, 80, 10),
		psychic: step(rng, 10, 80, 10)
	};
	const askRatio = rng() < 0.3;
	const params = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
	const r = unwrap(computeCdv(params));
	const stem =
		`某顾客${pick(rng, CDV_CONTEXTS)}。经评估，该产品的产品价值为 ${v.product} 元，服务价值为 ${v.service} 元，人员价值为 ${v.personnel} 元，形象价值为 ${v.image} 元；` +
		`顾客为此支付货币成本 ${v.money} 元，并付出时间成本 ${v.time} 元、体力成本 ${v.energy} 元、精神成本 ${v.psychic} 元。` +
		(askRatio
			? '若以客户总价值与客户总成本之比表示让渡价值，求该比值（保留两位小数）。'
			: '根据科特勒的客户让渡价值理论，计算该顾客获得的客户让渡价值（单位：元）。');
	return problem('cdv', seed, stem, askRatio ? r.value.ratio! : r.value.cdv, askRatio ? '' : '元', r, '/calculators/cdv', params);
};

// ——— 客户终生价值 ———

const CLV_TIMING: Record<Convention, string> = {
	gl: '利润在每年年末实现，且客户须在当年留存下来才贡献利润（第一年也不例外）',
	end: '利润在每年年末实现，第一年的利润确定可以获得，此后每年按保留率留存',
	start: '利润在每年年初实现（第一年的利润立即获得），此后每年按保留率留存'
};

export const clvDrill: DrillGenerator = (seed) => {
	const rng = createRng(seed);
	const m = step(rng, 100, 500, 50);
	const r = pick(rng, [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]);
	const d = pick(rng, [0.05, 0.08, 0.1, 0.12, 0.15, 0.2]);
	const n = pick(rng, ['1', '2', '3', '3', '4', '5', '5', 'inf']);
	const ac = pick(rng, [0, 0, 50, 100, 200, 300]);
	const roll = rng();
	const convention: Convention = roll < 0.6 ? 'gl' : roll < 0.8 ? 'end' : 'start';
	const params = { m: String(m), r: String(r), d: String(d), n, ac: String(ac), convention };
	const res = unwrap(computeClv(params));
	const horizon = n === 'inf' ? '假设客户关系可以无限期延续' : `只考虑今后 ${n} 年`;
	const stem =
		`某公司每位客户每年带来利润 ${m} 元，客户保留率为 ${fmtExact(r * 100)}%，年折现率为 ${fmtExact(d * 100)}%${ac ? `，获取一位新客户的成本为 ${ac} 元` : ''}。` +
		`${horizon}，${CLV_TIMING[convention]}。` +
		`计算每位客户的客户终生价值${ac ? '（扣除获客成本）' : ''}（单位：元，保留两位小数）。`;
	return problem('clv', seed, stem, res.value.clv, '元', res, '/calculators/clv', params);
};

// ——— 满意度 C = B / A ———

const RATIO_CONTEXTS = ['入住一家酒店', '在一家餐厅用餐', '参加一次培训课程', '使用一项宽带服务', '乘坐一次航班'];

export const satisfactionDrill: DrillGenerator = (seed) => {
	const rng = createRng(seed);
	const expected = pick(rng, [20, 40, 60, 80, 100]);
	const factor = pick(rng, [0.6, 0.7, 0.75, 0.8, 0.9, 1, 1.1, 1.2, 1.25]);
	const perceived = Math.round(expected * factor);
	const params = { perceived: String(perceived), expected: String(expected) };
	const res = unwrap(computeRatio(params));
	const stem =
		`某顾客${pick(rng, RATIO_CONTEXTS)}前，对服务的期望值为 ${expected} 分；体验后，其实际感受为 ${perceived} 分。` +
		'根据“客户满意度 = 实际体验 / 期望值”，计算该顾客的满意度（保留两位小数），并判断其满意状态。';
	return problem('satisfaction', seed, stem, res.value.ratio, '', res, '/calculators/satisfaction', params);
};

// ——— 满意率 ———

export const satisfiedRateDrill: DrillGenerator = (seed) => {
	const rng = createRng(seed);
	// Multiples of 20, so every 5 % step of the share is a whole number of customers.
	const total = pick(rng, [80, 100, 120, 160, 200, 240, 300, 400, 500]);
	const share = pick(rng, [0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]);
	const satisfied = Math.round(total * share);
	const params = { satisfied: String(satisfied), total: String(total) };
	const res = unwrap(computeSatisfiedRate(params));
	const stem = `某商场随机调查了 ${total} 位顾客，其中 ${satisfied} 位表示满意。计算该商场的顾客满意率（用百分数表示，单位：%）。`;
	return problem('satisfied-rate', seed, stem, res.value.rate * 100, '%', res, '/calculators/satisfaction', params);
};

// ——— ABC 分析 / 二八法则 ———

const ABC_NAMES = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const ABC_BASE = [500, 300, 200, 150, 100, 80, 60, 45, 35, 25];

export const abcDrill: DrillGenerator = (seed) => {
	const rng = createRng(seed);
	// Distinct values, so no tie can straddle a class boundary and make the count ambiguous.
	let values: number[];
	do values = ABC_BASE.map((v) => v + 5 * randomInt(rng, -2, 2));
	while (new Set(values).size < values.length);
	// Shuffle so the student has to sort, as the exam expects.
	const order = shuffled(
		rng,
		ABC_NAMES.map((_, i) => i)
	);
	const rows = order.map((i, k) => ({ name: `客户${ABC_NAMES[k]}`, value: String(values[i]!) }));
	const askCount = rng() < 0.5;
	const res = unwrap(computeAbc({ rows, a: '80', b: '95' }));
	const list = rows.map((r) => `${r.name} ${r.value} 万元`).join('，');
	const stem =
		`某企业 10 位客户上年的销售额分别为：${list}。` +
		(askCount
			? '按 ABC 分析法，以累计销售额占比 80%、95% 为界（边界含在内）划分客户，A 类客户有几位？'
			: '按二八法则，计算销售额最高的前 20% 客户贡献的销售额占全部销售额的百分比（单位：%，保留两位小数）。');
	const answer = askCount ? res.value.classes.A.count : res.value.top.valueShare * 100;
	const params = { rows: rows.map((r) => `${r.name}:${r.value}`).join(';'), a: '80', b: '95' };
	return problem('abc', seed, stem, answer, askCount ? '位' : '%', res, '/calculators/abc', params);
};

// ——— 群体 CLV（按年列表）———

const COHORT_KEYS = ['customers', 'revenue', 'cost'] as const;

export const cohortDrill: DrillGenerator = (seed) => {
	const rng = createRng(seed);
	const start = pick(rng, [500, 1000, 1000, 2000]);
	const years = pick(rng, [3, 3, 4, 4, 5]);
	const d = pick(rng, [0.08, 0.1, 0.1, 0.12, 0.15]);
	const ac = pick(rng, [20, 30, 40, 50, 80, 100]);
	// As in the textbook tables: the group shrinks each year while loyal customers spend more and cost less to serve.
	let customers = start;
	let revenue = step(rng, 150, 300, 10);
	let cost = step(rng, 60, 140, 10);
	const rows = Array.from({ length: years }, () => {
		customers = Math.round(customers * pick(rng, [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]));
		const row = { customers: String(customers), revenue: String(revenue), cost: String(cost) };
		revenue += step(rng, 0, 40, 10);
		cost = Math.max(40, cost - step(rng, 0, 20, 10));
		return row;
	});
	const params = { cohort: encodeRowsParam(rows, COHORT_KEYS), cd: String(d), cac: String(ac), cstart: String(start), ctiming: 'end' };
	const res = unwrap(computeCohort({ rows, d: params.cd, ac: params.cac, start: params.cstart, timing: 'end' }));
	const table = rows.map((r, i) => `第 ${i + 1} 年仍保留 ${r.customers} 位，每位客户收入 ${r.revenue} 元、服务成本 ${r.cost} 元`).join('；');
	const stem =
		`某公司在第 0 年以每位 ${ac} 元的获客成本获取了 ${start} 位新客户。此后各年的情况为：${table}。` +
		`年折现率为 ${fmtExact(d * 100)}%，各年利润在年末实现。按群体（队列）法，计算平均每位初始客户的客户终生价值（扣除获客成本；单位：元，保留两位小数）。`;
	const base = problem('cohort', seed, stem, res.value.perCustomer, '元', res, '/calculators/clv', params);
	return multiPart(
		base,
		[
			{ label: '各年利润现值之和', unit: '元', value: res.value.pvTotal },
			{ label: '群体 CLV', unit: '元', value: res.value.cohortClv },
			{ label: '每位客户 CLV', unit: '元', value: res.value.perCustomer }
		],
		2,
		'请依次写出各年利润现值之和、扣除获客成本后的群体 CLV 和平均每位初始客户的 CLV。'
	);
};

// ——— 加权满意度指数 CSI ———

const CSI_ATTRIBUTES = ['产品质量', '价格', '服务态度', '交货速度', '售后服务', '品牌形象', '购物环境', '产品外观'];
const CSI_WEIGHTS = [
	[0.5, 0.3, 0.2],
	[0.4, 0.35, 0.25],
	[0.4, 0.3, 0.3],
	[0.3, 0.3, 0.2, 0.2],
	[0.4, 0.25, 0.2, 0.15],
	[0.35, 0.25, 0.2, 0.1, 0.1],
	[0.3, 0.25, 0.2, 0.15, 0.1]
];
const CSI_SCORES: Record<'1-5' | '1-10', readonly [number, number]> = { '1-5': [2, 5], '1-10': [4, 10] };

export const csiDrill: DrillGenerator = (seed) => {
	const rng = createRng(seed);
	const scale = pick(rng, ['1-5', '1-10'] as const);
	const weights = shuffled(rng, pick(rng, CSI_WEIGHTS));
	const names = shuffled(rng, CSI_ATTRIBUTES).slice(0, weights.length);
	const rows = weights.map((w, i) => ({ attribute: names[i]!, weight: String(w), score: String(randomInt(rng, ...CSI_SCORES[scale])) }));
	const params = { csi: encodeRowsParam(rows, ['attribute', 'weight', 'score']), scale };
	const res = unwrap(computeCsi(rows, scale as Scale));
	const [lo, hi] = scale === '1-5' ? [1, 5] : [1, 10];
	const stem =
		`某企业用 ${hi} 分制（${lo}–${hi} 分）调查顾客对其产品的满意程度。各评价指标的权重和顾客的平均评分为：` +
		rows.map((r) => `${r.attribute}（权重 ${r.weight}）${r.score} 分`).join('，') +
		'。用加权平均法计算该产品的顾客满意度指数 CSI（保留两位小数）。';
	return problem('csi', seed, stem, res.value.mean, '', res, '/calculators/satisfaction', params);
};

// ——— 净推荐值 NPS ———

export const npsDrill: DrillGenerator = (seed) => {
	const rng = createRng(seed);
	const total = pick(rng, [50, 100, 100, 200]);
	// One promoter, one passive and one detractor score at least, then a few more, mostly from the upper half as in real surveys.
	const extra = () => pick(rng, [10, 10, 9, 9, 8, 8, 7, 7, 6, 5, 4, 3, 2, 0]);
	const scores = [...new Set([pick(rng, [9, 10]), pick(rng, [7, 8]), randomInt(rng, 0, 6), ...Array.from({ length: randomInt(rng, 2, 4) }, extra)])].sort((a, b) => b - a);
	// Split the total into one count per score, in steps of total / 50 people; no score takes
	// fewer than 3 or more than 20 of the 50 steps, so the tally looks like a survey.
	const unit = total / 50;
	let sizes: number[];
	do {
		const cuts = new Set<number>();
		while (cuts.size < scores.length - 1) cuts.add(randomInt(rng, 1, 49));
		const edges = [0, ...[...cuts].sort((a, b) => a - b), 50];
		sizes = scores.map((_, i) => edges[i + 1]! - edges[i]!);
	} while (sizes.some((k) => k < 3 || k > 20));
	const counts = sizes.map((k) => k * unit);
	const params = { scores: scores.flatMap((s, i) => Array<string>(counts[i]!).fill(String(s))).join(' ') };
	const res = unwrap(computeNps(params));
	const stem =
		`某品牌请 ${total} 位顾客回答“您有多大可能把本品牌推荐给朋友或同事？”（0–10 分）。评分分布为：` +
		scores.map((s, i) => `${s} 分 ${counts[i]} 人`).join('，') +
		'。计算该品牌的净推荐值 NPS（用百分数表示，单位：%，保留两位小数）。';
	const base = problem('nps', seed, stem, res.value.nps, '%', res, '/calculators/satisfaction', params);
	return multiPart(
		base,
		[
			{ label: '推荐者占比', unit: '%', value: res.value.promoterShare * 100 },
			{ label: '贬损者占比', unit: '%', value: res.value.detractorShare * 100 },
			{ label: 'NPS', unit: '%', value: res.value.nps }
		],
		2,
		'请依次写出推荐者占比、贬损者占比和 NPS。'
	);
};

// ——— RFM 分析 ———

const RFM_NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

export const rfmDrill: DrillGenerator = (seed) => {
	const rng = createRng(seed);
	const n = pick(rng, [5, 6, 6, 8]);
	// Redrawn until no value sits on its mean (so the tie rule never decides the answer) and at least one customer is 重要价值.
	for (;;) {
		const rows = RFM_NAMES.slice(0, n).map((name) => ({
			name: `客户${name}`,
			recency: String(step(rng, 5, 90, 5)),
			frequency: String(randomInt(rng, 1, 20)),
			monetary: String(step(rng, 300, 6000, 100))
		}));
		const res = unwrap(computeRfm(rows));
		const { means } = res.value;
		const onMean = rows.some((r) => Number(r.recency) === means.recency || Number(r.frequency) === means.frequency || Number(r.monetary) === means.monetary);
		const count = res.value.segments.find((s) => s.segment === '重要价值')!.count;
		if (onMean || count === 0) continue;
		const params = { data: rows.map((r) => [r.name, r.recency, r.frequency, r.monetary].join('\t')).join('\n') };
		const stem =
			`某商店用 RFM 分析法分析 ${n} 位会员客户，R 为距最近一次购买的天数，F 为近一年的购买次数，M 为近一年的消费金额：` +
			rows.map((r) => `${r.name}：R = ${r.recency} 天、F = ${r.frequency} 次、M = ${r.monetary} 元`).join('；') +
			'。以各指标的平均值为界划分高低（R 不高于平均值、F 和 M 不低于平均值记为“高”），R、F、M 均为“高”的是重要价值客户。重要价值客户有几位？';
		const base = problem('rfm', seed, stem, count, '位', res, '/calculators/rfm', params);
		return multiPart(
			base,
			[
				{ label: 'R 的平均值（天）', unit: '', value: means.recency },
				{ label: 'F 的平均值（次）', unit: '', value: means.frequency },
				{ label: 'M 的平均值', unit: '元', value: means.monetary },
				{ label: '重要价值客户数', unit: '位', value: count }
			],
			3,
			'请依次写出 R、F、M 的平均值（保留两位小数）和重要价值客户的人数。'
		);
	}
};

export const DRILLS: Record<DrillKind, { title: string; generate: DrillGenerator }> = {
	cdv: { title: DRILL_TITLES.cdv, generate: cdvDrill },
	clv: { title: DRILL_TITLES.clv, generate: clvDrill },
	satisfaction: { title: DRILL_TITLES.satisfaction, generate: satisfactionDrill },
	'satisfied-rate': { title: DRILL_TITLES['satisfied-rate'], generate: satisfiedRateDrill },
	abc: { title: DRILL_TITLES.abc, generate: abcDrill },
	cohort: { title: DRILL_TITLES.cohort, generate: cohortDrill },
	csi: { title: DRILL_TITLES.csi, generate: csiDrill },
	nps: { title: DRILL_TITLES.nps, generate: npsDrill },
	rfm: { title: DRILL_TITLES.rfm, generate: rfmDrill }
};


export function generateDrill(kind: DrillKind, seed: number): DrillProblem {
	return DRILLS[kind].generate(seed);
}

/** One line for the result: 「正确」 or the expected answer, formatted for the unit (here, not in ./drill-kinds, which the quiz pages load for marking without the formatter). */
export function drillFeedback(given: number, p: DrillProblem): string {
	const shown = p.unit === '%' ? `${fmtExact(Math.round(p.answer * 100) / 100)}%` : p.unit === '' ? fmtExact(Math.round(p.answer * 10000) / 10000) : `${fmtExact(Math.round(p.answer * 100) / 100)} ${p.unit}`;
	return isDrillAnswerCorrect(given, p.answer) ? `正确！参考答案：${shown}。` : `不对。参考答案：${shown}（允许误差 ±${fmtExact(Math.round(p.tolerance * 10000) / 10000)}）。`;
}
