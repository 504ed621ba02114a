import { expect, test } from '@playwright/test';

test('settings validate with Chinese messages and persist', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('目标记忆保持率').fill('95');
	await page.getByLabel('每日新卡上限').fill('abc');
	await page.getByRole('button', { name: '保存设置' }).click();
	await expect(page.getByText('目标记忆保持率应在 0.70 到 0.99 之间')).toBeVisible();
	await expect(page.getByText('每日新卡数应为 0 到 500 之间的整数')).toBeVisible();
	await expect(page.getByLabel('目标记忆保持率')).toBeFocused();

	await page.getByLabel('目标记忆保持率').fill('0.85');
	await page.getByLabel('每日新卡上限').fill('5');
	await page.getByRole('button', { name: '保存设置' }).click();
	await expect(page.getByText('设置已保存。')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('每日新卡上限')).toHaveValue('5');

	await page.goto('/flashcards');
	const deck = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '整门课程' }) });
	await expect(deck.getByRole('button', { name: '学习 5 张' })).toBeVisible();

	// With an exam date the plan takes over the daily number, and says so.
	await page.goto('/settings');
	await page.getByLabel('考试日期').fill('2099-01-15');
	await page.getByRole('button', { name: '保存设置' }).click();
	await expect(page.getByText('设置已保存。')).toBeVisible();
	await page.goto('/flashcards');
	await expect(page.getByTestId('exam-plan')).toContainText('考试日期 1 月 15 日');
});

test('a malformed backup is refused with a clear message and nothing changes; a real one round-trips', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('每日新卡上限').fill('7');
	await page.getByRole('button', { name: '保存设置' }).click();
	await expect(page.getByText('设置已保存。')).toBeVisible();

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出备份' }).click();
	const file = await (await download).path();

	await page.getByLabel('导入备份…').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"crm-study-backup", "vers') });
	await expect(page.getByRole('alert').filter({ hasText: '无法导入“broken.json”' })).toContainText('原有的学习进度没有改动');

	// A real backup: here it holds nothing new, and the page says so without writing.
	await page.getByLabel('导入备份…').setInputFiles(file);
	await expect(page.getByText(/中的内容本机都已有，无需导入/)).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('每日新卡上限')).toHaveValue('7');
});
