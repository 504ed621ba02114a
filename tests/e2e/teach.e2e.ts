import { expect, test } from '@playwright/test';

test('a printable A4 exam with the answer key on its own pages', async ({ page }) => {
	await page.goto('/teach/export');
	for (const t of ['单选', '多选', '判断', '填空', '名词解释', '简答', '计算']) await page.getByLabel(`试卷${t}题数`).fill(t === '单选' ? '3' : t === '判断' ? '2' : '1');
	await page.getByLabel('试卷编号').fill('42');
	await page.getByRole('link', { name: '生成可打印试卷' }).click();
	// A new link names the set of calculators its 计算 is drawn from, so it prints the same paper after more are added.
	await expect(page).toHaveURL(/\/teach\/print\?.*seed=42&calc=1/);

	const paper = page.getByRole('article', { name: '试卷' });
	await expect(paper.getByRole('heading', { name: /一、单选题（每题 2 分，共 6 分）/ })).toBeVisible();
	await expect(paper.locator('ol.qs > li')).toHaveCount(10);
	const key = page.getByRole('article', { name: '参考答案' });
	await expect(key.locator('ol.answers > li')).toHaveCount(10);
	// The 计算 key gives every field's answer and the typeset worked solution.
	const calcKey = key.locator('ol.answers > li').last();
	await expect(calcKey.getByRole('heading', { name: /解题过程/ })).toBeVisible();
	await expect(calcKey.locator('.katex').first()).toBeVisible();
	expect((await calcKey.locator('.pre').innerText()).split('；').length).toBe(await paper.locator('ol.qs > li').last().locator('.calc-fields').innerText().then((t) => t.split('：').length - 1));

	// The same link prints the same paper.
	const first = await paper.innerText();
	await page.reload();
	await expect(paper.locator('ol.qs > li')).toHaveCount(10);
	expect(await paper.innerText()).toBe(first);

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: /打印/ })).toBeHidden();
	await expect(page.getByRole('banner')).toBeHidden();
	expect(await key.evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
});

test('a broken print link says what is wrong', async ({ page }) => {
	await page.goto('/teach/print?rows=essay:3:10');
	await expect(page.getByRole('alert')).toContainText('“essay:3:10”无法识别');
});
