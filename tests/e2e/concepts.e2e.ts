import { expect, test } from '@playwright/test';

test('search by Chinese text and by pinyin initials, open a term, follow a related link', async ({ page }) => {
	await page.goto('/concepts');
	const search = page.getByLabel('搜索概念');

	await search.fill('让渡');
	const results = page.getByRole('region', { name: '搜索结果' });
	await expect(results.getByRole('link', { name: '客户让渡价值', exact: true })).toBeVisible();
	await expect(page.getByText(/找到 \d+ 个结果/)).toBeVisible();

	await search.fill('khzsjz');
	const first = results.getByRole('listitem').first();
	await expect(first.getByRole('link')).toHaveText('客户终生价值');

	await search.fill('zzzzqqq');
	await expect(page.getByText('没有找到与“zzzzqqq”相关的概念')).toBeVisible();

	await search.fill('khzsjz');
	await first.getByRole('link').click();
	await expect(page).toHaveURL(/\/concepts\/customer-lifetime-value$/);
	await expect(page.locator('h1')).toHaveText('客户终生价值');
	await expect(page.getByText('Customer Lifetime Value')).toBeVisible();

	const related = page.getByRole('region', { name: '相关概念' }).getByRole('link').first();
	const target = await related.textContent();
	await related.click();
	await expect(page.locator('h1')).toHaveText(target!.trim());
	await expect(page.getByRole('link', { name: /第 \d+ 章/ })).toBeVisible();
});

test('formulas are typeset at build time and no KaTeX script is shipped', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', async (res) => {
		if (res.request().resourceType() === 'script') scripts.push(await res.text());
	});
	await page.goto('/concepts/cdv-formula');
	await expect(page.locator('.katex').first()).toBeVisible();
	expect(scripts.some((s) => s.includes('renderToString'))).toBe(false);
});

test('previous/next stay within the chapter', async ({ page }) => {
	await page.goto('/concepts');
	const chapter = page.locator('section.chapter').first();
	const names = await chapter.getByRole('listitem').getByRole('link').allTextContents();
	await chapter.getByRole('link', { name: names[0], exact: true }).click();
	await expect(page.locator('a[rel="prev"]')).toHaveCount(0);
	await page.locator('a[rel="next"]').click();
	await expect(page.locator('h1')).toHaveText(names[1]!);
	await expect(page.locator('a[rel="prev"]')).toContainText(names[0]!);
});
