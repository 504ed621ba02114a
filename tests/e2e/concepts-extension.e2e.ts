import { expect, test } from '@playwright/test';

// kano-model is 教材拓展 (content/07-satisfaction.md); customer-lifetime-value comes from the course's own documents.
const EXTENSION = { id: 'kano-model', name: 'Kano 模型（卡诺模型）' };
const COURSE = { id: 'customer-lifetime-value', name: '客户终生价值' };

// The concept list renders every card of the course at once; give it room on a busy machine.
test.describe.configure({ timeout: 180_000 });

test('extension concepts carry a 拓展 badge; 只看课程资料 hides them and keeps course ones, also in search', async ({ page }) => {
	await page.goto('/concepts');
	const item = (name: string) => page.locator('li', { has: page.getByRole('link', { name, exact: true }) });

	await expect(item(EXTENSION.name).getByText('拓展', { exact: true })).toBeVisible();
	await expect(item(EXTENSION.name).getByText('教材拓展内容')).toHaveCount(1);
	await expect(item(COURSE.name).getByText('拓展', { exact: true })).toHaveCount(0);
	const chapter3 = page.getByRole('heading', { name: /客户的选择与开发/ });
	await expect(chapter3).toBeVisible();

	const filter = page.getByRole('checkbox', { name: '只看课程资料' });
	await filter.focus();
	await page.keyboard.press('Space');
	await expect(filter).toBeChecked();
	await expect(page.getByText(/已隐藏 \d+ 个教材拓展概念/)).toBeVisible();
	await expect(page.getByRole('link', { name: EXTENSION.name, exact: true })).toHaveCount(0);
	await expect(page.getByRole('link', { name: COURSE.name, exact: true })).toBeVisible();
	// The whole chapter is 拓展, so it leaves the list and its table of contents.
	await expect(chapter3).toHaveCount(0);
	const toc = page.getByRole('navigation', { name: '章节目录' });
	await expect(toc.getByRole('link', { name: '客户的选择与开发' })).toHaveCount(0);
	// The chapters that stay keep their own numbers.
	await expect(toc.getByRole('listitem').filter({ hasText: '关系营销与营销理论演变' })).toHaveAttribute('value', '4');
	// No badge is left to see anywhere in the chapter list (the filter hides, it does not remove).
	await expect(page.locator('section.chapter').getByText('拓展', { exact: true }).filter({ visible: true })).toHaveCount(0);

	// The filter also applies to search results.
	const search = page.getByLabel('搜索概念');
	await search.fill('kano');
	await expect(page.getByText('没有找到与“kano”相关的概念')).toBeVisible();
	await filter.uncheck();
	const results = page.getByRole('region', { name: '搜索结果' });
	await expect(results.getByRole('link', { name: EXTENSION.name, exact: true })).toBeVisible();
	await expect(results.getByText('拓展', { exact: true }).first()).toBeVisible();
	await filter.check();
	await search.fill('khzsjz');
	await expect(results.getByRole('link', { name: COURSE.name, exact: true })).toBeVisible();
	await expect(page.getByText(/找到 \d+ 个结果（只看课程资料）/)).toBeVisible();
});

test('an extension concept page says it may be skipped; a course concept page does not', async ({ page }) => {
	await page.goto(`/concepts/${EXTENSION.id}`);
	await expect(page.locator('h1')).toHaveText(EXTENSION.name);
	const card = page.locator('article');
	await expect(card.getByText('拓展', { exact: true })).toBeVisible();
	await expect(card.getByText('本条内容来自通行教材，不在本课程资料中；如果老师只考课程资料，可以跳过。')).toBeVisible();

	await page.goto(`/concepts/${COURSE.id}`);
	await expect(page.locator('h1')).toHaveText(COURSE.name);
	await expect(page.locator('article').getByText('拓展', { exact: true })).toHaveCount(0);
	await expect(page.getByText('本条内容来自通行教材')).toHaveCount(0);
	await expect(page.getByText('教材拓展内容')).toHaveCount(0);
});
