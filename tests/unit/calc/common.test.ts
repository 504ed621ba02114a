import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approxEqual, compareApprox, parseAll, parseNumber, percentSuggestion, type NumberRule } from '../../../src/lib/calc/common';
import { fmtExact, fmtInt, fmtMoney, fmtPercent, fmtRatio, roundTo, texNum } from '../../../src/lib/calc/format';

const any: NumberRule = { label: '数值', example: '1' };
const value = (r: ReturnType<typeof parseNumber>) => ('value' in r ? r.value : r.error.message);

describe('approxEqual', () => {
	it('treats 0.1 + 0.2 and 0.3 as equal, 0.3001 as different', () => {
		expect(0.1 + 0.2 === 0.3).toBe(false);
		expect(approxEqual(0.1 + 0.2, 0.3)).toBe(true);
		expect(approxEqual(0.3001, 0.3)).toBe(false);
	});

	it('counts 1.0000000000000002 as 1', () => {
		expect(approxEqual(0.1 + 0.2 + 0.7000000000000002, 1)).toBe(true);
	});

	it('is purely relative: small different numbers stay different', () => {
		expect(approxEqual(1e-7, 2e-7)).toBe(false);
		expect(approxEqual(0, 1e-300)).toBe(false);
		expect(approxEqual(0, 0)).toBe(true);
		expect(approxEqual(1e12, 1e12 + 1)).toBe(true);
		expect(approxEqual(NaN, NaN)).toBe(false);
	});

	it('compareApprox orders with the tolerance', () => {
		expect(compareApprox(0.1 + 0.2, 0.3)).toBe(0);
		expect(compareApprox(1, 2)).toBe(-1);
		expect(compareApprox(2, 1)).toBe(1);
	});

	it('is symmetric and reflexive', () => {
		fc.assert(fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => approxEqual(a, b) === approxEqual(b, a) && approxEqual(a, a)));
	});
});

describe('parseNumber', () => {
	it('reads full-width digits, thousands separators and spaces', () => {
		expect(value(parseNumber('x', '１２，３４５．５', any))).toBe(12345.5);
		expect(value(parseNumber('x', ' 1,234,567 ', any))).toBe(1234567);
		expect(value(parseNumber('x', '1 000', any))).toBe(1000);
		expect(value(parseNumber('x', '−5', any))).toBe(-5);
		expect(value(parseNumber('x', '- 5', any))).toBe(-5);
		expect(value(parseNumber('r', '80 %', { ...any, percent: 'fraction' }))).toBe(0.8);
		expect(value(parseNumber('x', '1　234　567', any))).toBe(1234567);
		expect(value(parseNumber('x', '+.5', any))).toBe(0.5);
		expect(value(parseNumber('x', '2e3', any))).toBe(2000);
		expect(value(parseNumber('x', 7, any))).toBe(7);
	});

	it('never returns −0', () => {
		expect(Object.is(value(parseNumber('x', '-0', any)), 0)).toBe(true);
	});

	it('handles % by the rule', () => {
		expect(value(parseNumber('r', '80%', { ...any, percent: 'fraction' }))).toBe(0.8);
		expect(value(parseNumber('r', '８０％', { ...any, percent: 'fraction' }))).toBe(0.8);
		// Parsed in one rounding, so it equals the literal.
		expect(value(parseNumber('r', '12.34%', { ...any, percent: 'fraction' }))).toBe(0.1234);
		expect(value(parseNumber('r', '7%', { ...any, percent: 'fraction' }))).toBe(0.07);
		expect(value(parseNumber('a', '80%', { ...any, percent: 'points' }))).toBe(80);
		expect(value(parseNumber('x', '80%', { label: '产品价值', example: '120' }))).toBe('产品价值不用加百分号：应为一个有限的数，例如 120。');
	});

	it('rejects empty and non-numeric input with Chinese messages naming the range', () => {
		const rule: NumberRule = { label: '产品价值', min: 0, example: '120' };
		expect(value(parseNumber('product', '', rule))).toBe('产品价值不能为空：应为不小于 0 的数，例如 120。');
		expect(value(parseNumber('product', undefined, rule))).toBe('产品价值不能为空：应为不小于 0 的数，例如 120。');
		expect(value(parseNumber('product', 'abc', rule))).toBe('产品价值“abc”不是数字：应为不小于 0 的数，例如 120。');
		expect(value(parseNumber('product', '-1', rule))).toBe('产品价值太小：应为不小于 0 的数，例如 120。');
		expect(value(parseNumber('product', '1,2', rule))).toContain('分隔符位置不对');
		expect(value(parseNumber('product', '1 2', rule))).toContain('分隔符位置不对');
		expect(value(parseNumber('product', '12 34.5', rule))).toContain('分隔符位置不对');
		expect(value(parseNumber('product', '1e999', rule))).toContain('超出了可计算的范围');
		expect(value(parseNumber('product', '%', { ...rule, percent: 'fraction' }))).toContain('不是数字');
		expect(value(parseNumber('n', '2.5', { label: '期数 n', min: 1, max: 1000, integer: true, example: '5' }))).toBe('期数 n必须是整数：应为不小于 1、不大于 1000 的整数，例如 5。');
		expect(value(parseNumber('a', '0', { label: '期望值 A', min: 0, minExclusive: true, example: '10' }))).toBe('期望值 A太小：应为大于 0 的数，例如 10。');
		expect(value(parseNumber('d', '10', { label: '折现率 d', min: 0, max: 10, maxExclusive: true, example: '0.1' }))).toBe('折现率 d太大：应为不小于 0、小于 10 的数，例如 0.1。');
	});

	it('the error carries the field name', () => {
		const r = parseNumber('money', 'x', any);
		expect('error' in r && r.error.field).toBe('money');
	});

	it('round-trips every finite double written by String()', () => {
		fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => Object.is(value(parseNumber('x', String(x), any)), x === 0 ? 0 : x)));
	});

	it('never throws, and gives either a finite value or a message', () => {
		fc.assert(
			fc.property(fc.string(), fc.constantFrom<NumberRule['percent']>(undefined, 'fraction', 'points'), (s, percent) => {
				const r = parseNumber('x', s, { label: '数值', min: -5, max: 5, percent, example: '1' });
				return 'value' in r ? Number.isFinite(r.value) && r.value >= -5 && r.value <= 5 : r.error.message.includes('：应为');
			})
		);
	});

	it('parseAll gathers every error at once', () => {
		const r = parseAll({ a: any, b: any, c: any }, { a: '1', b: 'x', c: '' });
		expect(r.values.a).toBe(1);
		expect(r.errors.map((e) => e.field)).toEqual(['b', 'c']);
	});
});

describe('percentSuggestion', () => {
	it('asks whether 80 meant 80 %', () => {
		expect(percentSuggestion('80', '保留率 r')).toBe('保留率 r填的是 80，超出了范围：应为0 到 1 之间的小数。你是想输入 80% 吗？请填 0.8 或 80%。');
		expect(percentSuggestion('0.5', '保留率 r')).toBeNull();
		expect(percentSuggestion('1', '保留率 r')).toBeNull();
		expect(percentSuggestion('150', '保留率 r')).toBeNull();
		expect(percentSuggestion('80%', '保留率 r')).toBeNull();
		expect(percentSuggestion('abc', '保留率 r')).toBeNull();
		expect(percentSuggestion('5', '折现率 d', '小于 10 的小数', 10)).toBeNull();
		expect(percentSuggestion('12', '折现率 d', '小于 10 的小数', 10)).toContain('0.12');
	});
});

describe('formatting', () => {
	it('money has two decimals and zh-CN grouping', () => {
		expect(fmtMoney(12345.678)).toBe('12,345.68');
		expect(fmtMoney(1.005)).toBe('1.01');
		expect(fmtMoney(-0.001)).toBe('0.00');
		expect(fmtMoney(-1234.5)).toBe('-1,234.50');
	});

	it('ratios have four significant figures', () => {
		expect(fmtRatio(4 / 3)).toBe('1.333');
		expect(fmtRatio(0.75)).toBe('0.75');
		expect(fmtRatio(0.1 + 0.2)).toBe('0.3');
		expect(fmtRatio(-1e-20)).toBe('-0.00000000000000000001');
		expect(fmtPercent(0.8)).toBe('80%');
		expect(fmtPercent(2 / 3)).toBe('66.67%');
		expect(fmtExact(0.1 + 0.2)).toBe('0.3');
		expect(fmtExact(1234.5)).toBe('1,234.5');
	});

	// The formatters are written out (Intl's locale data costs a phone ~50 ms on first use), so
	// Intl itself is the oracle: same text for any number, including halves, carries and tiny ones.
	it('match Intl.NumberFormat zh-CN for any number', () => {
		const intl = {
			money: new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
			sig4: new Intl.NumberFormat('zh-CN', { maximumSignificantDigits: 4 }),
			sig12: new Intl.NumberFormat('zh-CN', { maximumSignificantDigits: 12 }),
			int: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 })
		};
		const noMinusZero = (s: string) => (/^-0(\.0*)?$/.test(s) ? s.slice(1) : s);
		// Doubles across magnitudes, plus decimals that sit exactly on a rounding half or a carry.
		const numbers = fc.oneof(
			fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }),
			fc.integer({ min: -1e9, max: 1e9 }).chain((i) => fc.integer({ min: 0, max: 8 }).map((e) => i / 10 ** e)),
			fc.constantFrom(0.005, 0.0005, 0.995, 9.9995, 99999.995, 0.00049999, 1.005, -2.5, 0.5, 999.95, 9999.5, 1e21, 123456789012.5)
		);
		fc.assert(
			fc.property(numbers, (n) => {
				expect(fmtMoney(n)).toBe(intl.money.format(roundTo(n, 2)));
				expect(fmtRatio(n)).toBe(noMinusZero(intl.sig4.format(n)));
				expect(fmtExact(n)).toBe(noMinusZero(intl.sig12.format(n)));
				expect(fmtInt(n)).toBe(intl.int.format(n));
			}),
			{ numRuns: 5000 }
		);
	});

	it('roundTo rounds half away from zero without binary noise', () => {
		expect(roundTo(1.005, 2)).toBe(1.01);
		expect(roundTo(2727.2727, 2)).toBe(2727.27);
		expect(roundTo(-2.5, 0)).toBe(-3);
		expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
	});

	it('texNum braces grouping commas and wraps negatives', () => {
		expect(texNum(12345)).toBe('12{,}345.00');
		expect(texNum(-5)).toBe('(-5.00)');
		expect(texNum(-0.001)).toBe('0.00');
		expect(texNum(0.5, fmtRatio)).toBe('0.5');
	});
});
