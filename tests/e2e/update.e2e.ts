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
async function deploy(page: Page, version: number) {
	await page.evaluate(async (v) => {
		await navigator.serviceWorker.register(`/service-worker.js?deploy=${v}`);
	}, version);
}

const active = (page: Page, version: number) =>
	page.evaluate((v) => navigator.serviceWorker.controller?.scriptURL.includes(`deploy=${v}`) ?? false, version);

const waiting = (page: Page) => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);

/** Set in the open document: gone once the page has been reloaded into a new version. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
const marked = (page: Page) => page.evaluate(() => (window as unknown as { marker?: number }).marker === 1);

// One journey through two deploys: each install precaches the whole site, seconds on a busy machine.
test('a new version waits during a review and for the learner; a navigation with nothing in progress, or 立即刷新, switches', async ({ page }) => {
	await page.goto('/');
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	const nav = page.getByRole('navigation', { name: '主导航' });

	// Deploy 2 arrives during a review session.
	await page.goto('/flashcards');
	await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '整门课程' }) }).getByRole('button', { name: /学习/ }).click();
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeVisible();
	await mark(page);
	await deploy(page, 2);
	await expect(page.getByText('新版本已就绪，刷新后使用')).toBeVisible();
	// Leaving the session is a normal in-app navigation: same document, old version still.
	await nav.getByRole('link', { name: '概念' }).click();
	await expect(page).toHaveURL(/\/concepts$/);
	expect(await marked(page)).toBe(true);
	expect(await waiting(page)).toBe(true);
	expect(await active(page, 2)).toBe(false);
	// Now nothing is in progress: the next navigation loads the new version.
	await nav.getByRole('link', { name: '测验' }).click();
	await expect(page).toHaveURL(/\/quiz$/);
	await expect.poll(() => marked(page)).toBe(false);
	await expect.poll(() => active(page, 2)).toBe(true);

	// Deploy 3 arrives while the learner stays on a page: the tab keeps its version until they agree.
	await mark(page);
	await deploy(page, 3);
	await expect(page.getByText('新版本已就绪，刷新后使用')).toBeVisible();
	expect(await waiting(page)).toBe(true);
	expect(await marked(page)).toBe(true);
	expect(await active(page, 3)).toBe(false);
	await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '立即刷新' }).click()]);
	expect(await marked(page)).toBe(false);
	await expect.poll(() => active(page, 3)).toBe(true);
});
