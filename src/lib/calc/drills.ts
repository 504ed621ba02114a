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
import { fmtExact, type CalcResult, type Step } from './common';
import { DRILL_TITLES, drillTolerance, type DrillGenerator, type DrillKind, type DrillProblem, type DrillUnit } from './drill-kinds';
import { computeRatio, computeSatisfiedRate } from './satisfaction';

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
	const order = ABC_NAMES.map((_, i) => i);
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
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

export const DRILLS: Record<DrillKind, { title: string; generate: DrillGenerator }> = {
	cdv: { title: DRILL_TITLES.cdv, generate: cdvDrill },
	clv: { title: DRILL_TITLES.clv, generate: clvDrill },
	satisfaction: { title: DRILL_TITLES.satisfaction, generate: satisfactionDrill },
	'satisfied-rate': { title: DRILL_TITLES['satisfied-rate'], generate: satisfiedRateDrill },
	abc: { title: DRILL_TITLES.abc, generate: abcDrill }
};


export function generateDrill(kind: DrillKind, seed: number): DrillProblem {
	return DRILLS[kind].generate(seed);
}
