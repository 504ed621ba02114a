import { expect, test } from '@playwright/test';

// This project runs against a build made with BASE_PATH=/crm, as on GitHub Pages.
test('a build under /crm keeps every link under the base path', async ({ page }) => {
	const failed: string[] = [];
	page.on('response', (res) => {
		if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
	});
	await page.goto('/crm/');
	await expect(page.locator('h1')).toHaveCount(1);

	const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
	const internal = hrefs.filter((h) => h.startsWith('/'));
	expect(internal.length).toBeGreaterThan(5);
	for (const href of internal) expect(href, href).toMatch(/^\/crm(\/|$)/);

	await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概念', exact: true }).click();
	await expect(page).toHaveURL(/\/crm\/concepts$/);
	await page.getByLabel('搜索概念').fill('khzsjz');
	await page.getByRole('region', { name: '搜索结果' }).getByRole('link').first().click();
	await expect(page).toHaveURL(/\/crm\/concepts\/customer-lifetime-value$/);
	await expect(page.locator('h1')).toHaveText('客户终生价值');

	const data = await page.request.get('/crm/data/questions.json');
	expect(data.status()).toBe(200);
	expect(failed).toEqual([]);
});

test('under /crm an assignment link and the export files carry the base path', async ({ page, baseURL }) => {
	await page.goto('/crm/teach');
	await page.getByLabel('作业标题').fill('子路径测验');
	await page.getByRole('button', { name: '生成作业链接和二维码' }).click();
	const link = await page.getByLabel('学生打开这个链接作答').inputValue();
	expect(link.startsWith(`${baseURL}/crm/assignment?a=1.`), link).toBe(true);
	await page.goto(link);
	await expect(page.getByRole('heading', { name: '子路径测验' })).toBeVisible();
	for (const file of ['questions.moodle.xml', 'questions.gift.txt', 'flashcards.anki.txt', 'loyalty.questions.moodle.xml']) {
		expect((await page.request.get(`/crm/data/export/${file}`)).status(), file).toBe(200);
	}
	await page.goto('/crm/teach/export');
	await expect(page.getByRole('link', { name: '下载 Moodle XML 题库' })).toHaveAttribute('href', '/crm/data/export/questions.moodle.xml');
});
