import { expect as baseExpect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createBackup } from '../../src/lib/formats/backup';
import { syntheticReviewLog } from '../fixtures/review-log';

test.use({ timezoneId: 'Asia/Shanghai' });
// Importing 1,000 reviews and fitting take a few seconds on a quiet machine; leave room on a busy one.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 240_000 });

function backupWithReviews(reviews: number): Buffer {
	const { entries, cards } = syntheticReviewLog({ seed: 11, reviews, start: Date.parse('2026-09-01T19:00:00+08:00') });
	const data = { cards: [...cards].map(([id, state]) => ({ id, state })), reviews: entries, attempts: [], mistakes: [], settings: [] };
	return Buffer.from(JSON.stringify(createBackup(data, Date.parse('2026-09-20T12:00:00+08:00'))));
}

const num = async (cell: import('@playwright/test').Locator) => Number(await cell.textContent());

test('1,000 reviews: 优化参数 fits in a worker, shows before/after, applies only better parameters, and they are kept in the backup', async ({ page }) => {
	const wasm: string[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith('.wasm')) wasm.push(r.url());
	});
	await page.goto('/settings');
	const panel = page.getByRole('region', { name: '优化记忆参数（FSRS）' });
	await expect(panel.getByText('目前有 0 次复习、0 天，还需要 400 次复习、7 个学习日。')).toBeVisible();
	await expect(panel.getByRole('button', { name: '优化参数' })).toBeDisabled();

	await page.getByLabel('导入备份…').setInputFiles({ name: 'log.json', mimeType: 'application/json', buffer: backupWithReviews(1000) });
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByText(/已从“log.json”合并导入/)).toBeVisible();
	await page.reload();
	await expect(panel.getByText(/已有 1000 次复习，分布在 \d+ 个学习日，可以优化。/)).toBeVisible();
	await expect(panel.getByText('当前使用：默认参数')).toBeVisible();
	expect(wasm, 'the optimizer is not loaded before it is asked for').toEqual([]);

	await panel.getByRole('button', { name: '优化参数' }).click();
	const table = panel.getByRole('table');
	await expect(table).toBeVisible({ timeout: 150_000 });
	expect(wasm).toHaveLength(1);
	const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
	const [lossBefore, lossAfter] = [await num(row('对数损失').nth(0)), await num(row('对数损失').nth(1))];
	const [rmseBefore, rmseAfter] = [await num(row('RMSE（分箱）').nth(0)), await num(row('RMSE（分箱）').nth(1))];
	expect(lossBefore).toBeGreaterThan(0);
	expect(lossAfter).toBeLessThan(lossBefore);
	expect(rmseAfter).toBeLessThanOrEqual(rmseBefore);

	await panel.getByRole('button', { name: '应用新参数' }).click();
	await expect(panel.getByText('已应用新参数。')).toBeVisible();
	await expect(panel.getByText('当前使用：为你优化过的参数')).toBeVisible();

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出备份' }).click();
	const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
	const study = saved.settings.find((s: { key: string }) => s.key === 'study');
	expect(study.value.fsrsWeights).toHaveLength(21);

	await page.reload();
	await expect(panel.getByText('当前使用：为你优化过的参数')).toBeVisible();
	await panel.getByRole('button', { name: '恢复默认参数' }).click();
	await expect(panel.getByText('当前使用：默认参数')).toBeVisible();
	// The settings on screen change at once; the confirmation comes when the write is done.
	await expect(panel.getByText('已恢复默认参数。')).toBeVisible();
	await page.reload();
	await expect(panel.getByText('当前使用：默认参数')).toBeVisible();
});

test('with too few reviews the panel says how many more reviews and days are needed', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('导入备份…').setInputFiles({ name: 'short.json', mimeType: 'application/json', buffer: backupWithReviews(150) });
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByText(/已从“short.json”合并导入/)).toBeVisible();
	await page.reload();
	const panel = page.getByRole('region', { name: '优化记忆参数（FSRS）' });
	await expect(panel.getByText(/目前有 150 次复习、\d 天，还需要 250 次复习、\d 个学习日。/)).toBeVisible();
	await expect(panel.getByRole('button', { name: '优化参数' })).toBeDisabled();
});

test.describe('when the optimizer cannot be downloaded', () => {
	// Routing sees the worker's request only when no service worker answers it first, which the
	// suite's blocked service workers (playwright.config.ts) ensure.
	test('the page says so plainly and keeps the current parameters', async ({ page }) => {
		await page.route('**/*.wasm', (route) => route.abort('internetdisconnected'));
		await page.goto('/settings');
		await page.getByLabel('导入备份…').setInputFiles({ name: 'log.json', mimeType: 'application/json', buffer: backupWithReviews(1000) });
		await page.getByRole('button', { name: '确认导入' }).click();
		await expect(page.getByText(/已从“log.json”合并导入/)).toBeVisible();
		await page.reload();
		const panel = page.getByRole('region', { name: '优化记忆参数（FSRS）' });
		await panel.getByRole('button', { name: '优化参数' }).click();
		await expect(panel.getByRole('alert')).toContainText('优化器没能加载。它约 1.7 MB，第一次使用时需要联网下载');
		await expect(panel.getByRole('table')).toHaveCount(0);
		await expect(panel.getByText('当前使用：默认参数')).toBeVisible();
		await expect(panel.getByRole('button', { name: '优化参数' })).toBeEnabled();
	});
});
