import { expect as baseExpect, test, type Page } from '@playwright/test';

// The suite blocks service workers (playwright.config.ts); these journeys are about them.
test.use({ serviceWorkers: 'allow' });

test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * A new deploy, as the browser sees it: the registration gets a different worker script. (A
 * different URL, because Playwright cannot intercept the browser's own service-worker update
 * fetch.) The page that is open keeps running until it lets the new worker take over.
 */
async function deployNewVersion(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.register('/service-worker.js?deploy=2');
	});
}

const newVersionActive = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL.includes('deploy=2') ?? false);

async function controlled(page: Page) {
	await page.goto('/');
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

const waiting = (page: Page) => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);

test('a new version waits: the tab keeps its version, says 新版本已就绪, and switches when the learner agrees', async ({ page }) => {
	await controlled(page);
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
	await deployNewVersion(page);
	await expect(page.getByText('新版本已就绪，刷新后使用')).toBeVisible();
	// Not taken over: the new worker waits and this page is the same document.
	expect(await waiting(page)).toBe(true);
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

	expect(await newVersionActive(page)).toBe(false);

	await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '立即刷新' }).click()]);
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
	await expect.poll(() => newVersionActive(page)).toBe(true);
});

test('during a review session the update waits; the next navigation with nothing in progress switches', async ({ page }) => {
	await controlled(page);
	await page.goto('/flashcards');
	await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '整门课程' }) }).getByRole('button', { name: /学习/ }).click();
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeVisible();
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
	await deployNewVersion(page);
	await expect(page.getByText('新版本已就绪，刷新后使用')).toBeVisible();
	// Leaving the session is a normal in-app navigation: same document, old version still.
	await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '概念' }).click();
	await expect(page).toHaveURL(/\/concepts$/);
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
	expect(await waiting(page)).toBe(true);
	expect(await newVersionActive(page)).toBe(false);
	// Now nothing is in progress: the next navigation loads the new version.
	await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '测验' }).click();
	await expect(page).toHaveURL(/\/quiz$/);
	await expect.poll(() => page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
	await expect.poll(() => newVersionActive(page)).toBe(true);
});
