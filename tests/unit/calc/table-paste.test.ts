import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRowsParam, detectDelimiter, encodeRowsParam, parsePastedTable, splitLine } from '../../../src/lib/calc/table-paste';
import { RFM_COLUMNS, computeRfm } from '../../../src/lib/calc/rfm';
import { ABC_COLUMNS, computeAbc } from '../../../src/lib/calc/abc';
import { COHORT_COLUMNS, computeCohort } from '../../../src/lib/calc/cohort';

describe('parsePastedTable', () => {
	it('reads a tab-separated spreadsheet paste with a header, keeping good rows and reporting bad ones by line', () => {
		const text = ['客户\tR\tF\tM', '张三\t30\t5\t1,200', '李四\tx\t3\t100', '', '王五\t10\t2', '赵六\t-4\t2\t300', '孙七\t10\t2\t300\t\t'].join('\n');
		const r = parsePastedTable(text, RFM_COLUMNS);
		expect(r.delimiter).toBe('tab');
		expect(r.headerLine).toBe(1);
		expect(r.rows.map((x) => [x.line, x.cells.name])).toEqual([
			[2, '张三'],
			[7, '孙七']
		]);
		expect(r.rows[0]!.cells).toEqual({ name: '张三', recency: '30', frequency: '5', monetary: '1,200' });
		expect(r.errors.map((e) => e.line)).toEqual([3, 5, 6]);
		expect(r.errors[0]!.message).toBe('第 3 行：R（距上次购买天数）“x”不是数字：应为不小于 0 的数，例如 30。');
		expect(r.errors[1]!.message).toContain('应有 4 列');
		expect(r.errors[2]!.message).toContain('第 6 行：R（距上次购买天数）太小');
	});

	it('the good rows feed the calculator directly', () => {
		const r = parsePastedTable('甲\t10\t8\t5000\n乙\t40\t2\t800\n丙\t20\t5\t3000', RFM_COLUMNS);
		expect(r.headerLine).toBeNull();
		const res = computeRfm(r.rows.map((x) => x.cells));
		expect(res.ok && res.value.customers).toHaveLength(3);
	});

	it('reads CSV with quotes, full-width commas and CRLF', () => {
		const r = parsePastedTable('name,value\r\n"Acme, Inc.","1,234"\r\n乙，56\r\n"He said ""hi""",7', ABC_COLUMNS);
		expect(r.delimiter).toBe('comma');
		expect(r.headerLine).toBe(1);
		expect(r.errors).toEqual([]);
		expect(r.rows.map((x) => x.cells)).toEqual([
			{ name: 'Acme, Inc.', value: '1,234' },
			{ name: '乙', value: '56' },
			{ name: 'He said "hi"', value: '7' }
		]);
		const res = computeAbc({ rows: r.rows.map((x) => x.cells) });
		expect(res.ok && res.value.total).toBe(1297);
	});

	it('reads space-separated typing', () => {
		const r = parsePastedTable('1000 200 120\n  800   210 125  \n', COHORT_COLUMNS);
		expect(r.delimiter).toBe('space');
		expect(r.rows.map((x) => x.cells.customers)).toEqual(['1000', '800']);
		expect(computeCohort({ rows: r.rows.map((x) => x.cells), d: '0.1' }).ok).toBe(true);
	});

	it('a first row with one bad number is reported, not mistaken for a header', () => {
		const r = parsePastedTable('甲\t1o\t8\t5000\n乙\t40\t2\t800', RFM_COLUMNS);
		expect(r.headerLine).toBeNull();
		expect(r.errors.map((e) => e.line)).toEqual([1]);
		expect(r.rows).toHaveLength(1);
	});

	it('extra non-empty columns are an error; empty input gives nothing', () => {
		expect(parsePastedTable('甲\t1\t2', ABC_COLUMNS).errors[0]!.message).toBe('第 1 行：应有 2 列（客户、价值），这一行有 3 列。');
		expect(parsePastedTable('', ABC_COLUMNS)).toEqual({ rows: [], errors: [], headerLine: null, delimiter: 'space' });
		expect(parsePastedTable('\n\n  \n', ABC_COLUMNS).rows).toEqual([]);
	});

	it('never throws; every non-blank line is a row, an error or the header', () => {
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('a\t1', 'b,2', 'c 3', '"d",4', '\t', 'x\ty\tz')), { maxLength: 12 }), (lines) => {
				const text = lines.join('\n');
				const r = parsePastedTable(text, ABC_COLUMNS);
				const nonBlank = text.split(/\r\n|\r|\n/).filter((l) => !/^[\s,，\t]*$/.test(l)).length;
				const lineNos = [...r.rows.map((x) => x.line), ...r.errors.map((e) => e.line), ...(r.headerLine ? [r.headerLine] : [])];
				return lineNos.length === nonBlank && new Set(lineNos).size === lineNos.length;
			})
		);
	});
});

describe('helpers', () => {
	it('detectDelimiter and splitLine', () => {
		expect(detectDelimiter('a\tb,c')).toBe('tab');
		expect(detectDelimiter('"1,2" 3')).toBe('space');
		expect(splitLine(' a , "b,c" ,d', 'comma')).toEqual(['a', 'b,c', 'd']);
	});

	it('rows round-trip through one URL parameter', () => {
		const rows = [
			{ name: '甲', value: '1,200' },
			{ name: 'a:b;c', value: '5' }
		];
		const text = encodeRowsParam(rows, ['name', 'value']);
		expect(text).toBe('甲:1,200;a b c:5');
		expect(decodeRowsParam(text, ['name', 'value'])).toEqual([
			{ name: '甲', value: '1,200' },
			{ name: 'a b c', value: '5' }
		]);
		expect(decodeRowsParam('', ['name', 'value'])).toEqual([]);
	});
});
