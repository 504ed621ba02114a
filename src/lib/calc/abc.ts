/**
 * ABC analysis (based on the 二八法则): customers sorted by value; the cumulative share of
 * value decides the class. Boundaries are inclusive: a customer whose cumulative share is
 * exactly the A threshold is still A.
 */
import { approxEqual } from './common';
import { num, parsePasted, type PastedRows } from './table-paste';

export const PRESETS = { '80/95': [0.8, 0.95], '70/90': [0.7, 0.9], '55/85': [0.55, 0.85] } as const;

export interface AbcCustomer {
	name: string;
	value: number;
}

export interface AbcRow extends AbcCustomer {
	rank: number;
	share: number;
	cumulative: number;
	grade: 'A' | 'B' | 'C';
}

export function parseAbc(text: string): PastedRows<AbcCustomer> {
	return parsePasted(text, 2, (cells, line) => {
		const [name, v] = cells as [string, string];
		const value = num(v);
		if (!name) return `第 ${line} 行缺少客户名称。`;
		if (value === null || value < 0) return `第 ${line} 行的价值应为不小于 0 的数，读到“${v}”。`;
		return { name, value };
	});
}

export function analyseAbc(customers: AbcCustomer[], a = 0.8, b = 0.95): { rows: AbcRow[]; total: number; top20Share: number } | { error: string } {
	if (!(a > 0 && a < b && b <= 1)) return { error: 'A、B 类阈值应满足 0 < A < B ≤ 100%，例如 80% 和 95%。' };
	const total = customers.reduce((s, c) => s + c.value, 0);
	if (customers.length === 0 || total <= 0) return { error: '至少需要一位价值大于 0 的客户。' };
	const sorted = [...customers].sort((x, y) => y.value - x.value);
	let running = 0;
	const rows = sorted.map((c, i) => {
		running += c.value;
		const cumulative = running / total;
		const grade = cumulative < a || approxEqual(cumulative, a) ? 'A' : cumulative < b || approxEqual(cumulative, b) ? 'B' : 'C';
		return { ...c, rank: i + 1, share: c.value / total, cumulative, grade } as AbcRow;
	});
	// The top 20 % of customers (at least one), for comparison with the course's 二八法则.
	const topCount = Math.max(1, Math.round(sorted.length * 0.2));
	const top20Share = sorted.slice(0, topCount).reduce((s, c) => s + c.value, 0) / total;
	return { rows, total, top20Share };
}
