import { expect as baseExpect, test, type Page } from '@playwright/test';

// Several journeys in one test on a busy machine: generous limits.
test.describe.configure({ timeout: 420_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

/** Records every CSP violation the page reports, from the first script on. */
async function watchCsp(page: Page) {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
	});
}

async function violations(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations ?? []);
}

test('every prerendered page carries a strict CSP meta tag, and it is enforced', async ({ page }) => {
	await watchCsp(page);
	for (const path of ['/', '/concepts', '/flashcards', '/quiz', '/calculators/cdv', '/teach', '/settings']) {
		await page.goto(path);
		const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(csp, path).toMatch(/script-src 'self' 'sha256-[^']+'/);
		expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
		for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'", "img-src 'self' data: blob:", "font-src 'self' data:"]) {
			expect(csp, path).toContain(d);
		}
	}
	// The listener the journeys rely on does see a violation: an injected inline script is refused.
	await page.evaluate(() => {
		const s = document.createElement('script');
		s.textContent = 'window.injected = 1';
		document.head.append(s);
	});
	await expect.poll(() => violations(page)).toContainEqual(expect.stringContaining('script-src'));
	expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
});

test('the main journeys run under the CSP with no violations', async ({ page }) => {
	await watchCsp(page);
	const checks: string[] = [];
	const check = async (label: string) => {
		const v = await violations(page);
		if (v.length) checks.push(`${label}: ${v.join(' | ')}`);
	};

	await page.goto('/');
	await expect(page.locator('h1')).toBeVisible();
	await check('home');

	await page.goto('/concepts');
	await page.locator('main a[href*="/concepts/"]').first().click();
	await expect(page).toHaveURL(/\/concepts\/.+/);
	await check('concepts');

	await page.goto('/flashcards');
	await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '整门课程' }) }).getByRole('button', { name: /学习/ }).click();
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeFocused();
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: /良好/ })).toBeFocused();
	await page.keyboard.press('3');
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeFocused();
	await check('flashcards');

	await page.goto('/quiz');
	await page.getByRole('checkbox', { name: '单选' }).check();
	await page.getByLabel('题目数量').fill('2');
	await page.getByRole('button', { name: '开始练习' }).click();
	await expect(page.getByRole('region', { name: '题目' })).toBeVisible();
	await page.locator('label.option input').first().check();
	await page.getByRole('button', { name: /提交答案/ }).click();
	await expect(page.getByRole('status').filter({ hasText: /回答(正确|错误)/ })).toBeVisible();
	await check('quiz');

	await page.goto('/calculators/cdv');
	await expect(page.locator('h1')).toBeVisible();
	await page.goto('/calculators/clv');
	await expect(page.locator('h1')).toBeVisible();
	await check('calculators');

	await page.goto('/teach');
	await page.getByLabel('作业标题').fill('CSP 检查');
	await page.getByRole('button', { name: '生成作业链接和二维码' }).click();
	await expect(page.getByRole('img', { name: /作业链接的二维码/ })).toBeVisible();
	await check('teach compose');

	await page.goto('/settings');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: '导出备份' }).click();
	await download;
	await check('settings backup');

	expect(checks).toEqual([]);
});
