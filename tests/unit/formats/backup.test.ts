import { describe, expect, it } from 'vitest';
import { createBackup, parseBackup } from '../../../src/lib/formats/backup';
import { sampleData } from './samples';

const data = sampleData();

describe('backup files', () => {
	it('round-trips through JSON', () => {
		const file = createBackup(data, Date.parse('2026-06-02T00:00:00Z'));
		const parsed = parseBackup(JSON.stringify(file), 'b.json');
		expect(parsed).toEqual({ ok: true, backup: file });
	});

	it('rejects malformed, truncated, foreign, newer and corrupted files with the file name', () => {
		const text = JSON.stringify(createBackup(data, 0));
		const cases: [string, string][] = [
			[text.slice(0, text.length / 2), '不是有效的 JSON'],
			['{"hello": 1}', '不是本站导出的备份文件'],
			[JSON.stringify({ ...JSON.parse(text), version: 99 }), '更新版本'],
			[JSON.stringify({ ...JSON.parse(text), reviews: undefined }), '缺少 reviews'],
			[JSON.stringify({ ...JSON.parse(text), cards: [{ id: 'x', state: { due: 'soon' } }] }), '第 1 张卡片有误：cards[0].state.due 应为时间']
		];
		for (const [input, why] of cases) {
			const result = parseBackup(input, 'my.json');
			expect(result.ok).toBe(false);
			if (!result.ok) {
				expect(result.message).toContain('“my.json”');
				expect(result.message).toContain(why);
				expect(result.message).toContain('原有的学习进度没有改动');
			}
		}
	});
});
