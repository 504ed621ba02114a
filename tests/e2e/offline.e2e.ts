import { expect, test } from '@playwright/test';

// The suite blocks service workers (playwright.config.ts); these journeys are about them.
test.use({ serviceWorkers: 'allow' });

test('once loaded, the site works offline and makes no third-party requests', async ({ page, context }) => {
	const foreign: string[] = [];
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (!['localhost', '127.0.0.1'].includes(url.hostname)) foreign.push(req.url());
	});
	await page.goto('/');
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		return reg.active?.state;
	});
	// The worker caches everything on install; wait until it controls the page.
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

	await context.setOffline(true);
	await page.goto('/concepts');
	await expect(page.locator('h1')).toHaveText('概念');
	await page.goto('/flashcards');
	await expect(page.getByRole('heading', { name: '卡组' })).toBeVisible();
	// The setup counts from its page; the question index and the bank come from the cache when practice starts.
	await page.goto('/quiz');
	await page.getByRole('button', { name: '开始练习' }).click();
	await expect(page).toHaveURL(/\/quiz\/run\?attempt=/);
	await expect(page.getByRole('region', { name: '题目' }).getByText('第 1 题')).toBeVisible();
	// KaTeX is loaded after the calculator paints, and a step is typeset when scrolled to; it and
	// its .woff2 fonts come from the cache.
	await page.goto('/calculators/clv');
	await page.locator('.worked').first().scrollIntoViewIfNeeded();
	await expect(page.locator('.worked .katex').filter({ visible: true }).first()).toBeVisible();
	// A page that was never cached gets a styled page that says what to do.
	await page.goto('/teach/never-cached');
	await expect(page.getByRole('heading', { name: '现在离线，这一页还没有保存' })).toBeVisible();
	expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).borderRadius)).toBe('12px');
	await context.setOffline(false);
	expect(foreign).toEqual([]);
});
