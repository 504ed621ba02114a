import { expect, test } from '@playwright/test';
import { NAV } from '../../src/lib/nav';
import { ROUTES } from './routes';

test.describe('with the service worker registering, as it does for a learner', () => {
	test.use({ serviceWorkers: 'allow' });

	test('every nav link opens its page without console errors, with title, lang, one h1 and landmarks', async ({ page }) => {
		const problems: string[] = [];
		page.on('console', (msg) => {
			if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
		});
		page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
		page.on('requestfailed', (req) => problems.push(`requestfailed: ${req.url()}`));

		await page.goto('/');
		for (const item of NAV) {
			await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: item.label, exact: true }).click();
			await expect(page).toHaveURL(new RegExp(`${item.path === '/' ? '/$' : item.path + '$'}`));
			await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
			await expect(page).toHaveTitle(/｜CRM 复习$/);
			await expect(page.locator('h1')).toHaveCount(1);
			await expect(page.getByRole('banner')).toHaveCount(1);
			await expect(page.getByRole('main')).toHaveCount(1);
			await expect(page.getByRole('contentinfo')).toHaveCount(1);
			await expect(
				page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: item.label, exact: true })
			).toHaveAttribute('aria-current', 'page');
		}
		expect(problems).toEqual([]);
	});
});

// SvelteKit 2.70 left out a chunk that a page imports statically when it had first met it through a
// dynamic import (patches/@sveltejs+kit+2.70.4.patch): the browser then found it a round trip later,
// and the bench, which reads these links, did not count it.
test('every page preloads all the JavaScript it imports before it can start', async ({ request }) => {
	const missing: string[] = [];
	const imports = new Map<string, string[]>();
	for (const path of ROUTES) {
		const html = await (await request.get(path)).text();
		const listed = new Set([...html.matchAll(/<link href="([^"]+\.js)" rel="modulepreload"/g)].map((m) => m[1]!));
		expect(listed.size, path).toBeGreaterThan(3);
		for (const file of listed) {
			if (!imports.has(file)) {
				const code = await (await request.get(file)).text();
				// Static imports only: `import{a}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`; not `import("./x.js")`.
				imports.set(file, [...code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)].map((m) => new URL(m[1]!, `http://x${file}`).pathname));
			}
			for (const dep of imports.get(file)!) if (!listed.has(dep)) missing.push(`${path}: ${file} imports ${dep}`);
		}
	}
	expect(missing).toEqual([]);
});

test('pages still answer when loaded directly (prerendered HTML)', async ({ request }) => {
	for (const item of NAV) {
		const response = await request.get(item.path);
		expect(response.status(), item.path).toBe(200);
		expect((await response.text()).match(/<h1[\s>]/g), item.path).toHaveLength(1);
	}
});

test('keyboard focus is visible', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: '跳到正文' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Tab');
	const outline = await page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const style = getComputedStyle(el);
		return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
	});
	expect(outline.style).not.toBe('none');
	expect(outline.width).toBeGreaterThanOrEqual(2);
});

test('the question bank is published as JSON but not loaded by the concept pages', async ({ page, request }) => {
	const fetched: string[] = [];
	page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
	await page.goto('/concepts');
	await page.getByRole('link', { name: '客户终生价值', exact: true }).first().click();
	await expect(page.locator('h1')).toHaveText('客户终生价值');
	expect(fetched.filter((p) => p.startsWith('/data/'))).toEqual([]);

	const bank = await (await request.get('/data/questions.json')).json();
	expect(bank.version).toBe(1);
	const types = new Set(bank.questions.map((q: { type: string }) => q.type));
	expect([...types].sort()).toEqual(['define', 'fill', 'judge', 'multiple', 'short', 'single']);
	for (const q of bank.questions) {
		expect(Object.keys(q)).toEqual(expect.arrayContaining(['id', 'chapter', 'type', 'stem', 'options', 'answer', 'explanation']));
	}
	const single = bank.questions.find((q: { type: string }) => q.type === 'single');
	expect(single.options[0].key).toBe('A');

	const concepts = await (await request.get('/data/concepts.json')).json();
	expect(concepts.concepts.some((c: { name: string }) => c.name === '客户终生价值')).toBe(true);
});

test('the question bank is fetched only when a page needs it', async ({ page }) => {
	const fetched: string[] = [];
	page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
	// Nothing stored yet: an empty 错题本 and a results page with nothing imported need no bank, and
	// the teacher's composer draws from the index until questions are picked by hand.
	for (const path of ['/', '/mistakes', '/teach/results', '/teach']) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
	}
	await expect(page.getByRole('button', { name: '生成作业链接和二维码' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(fetched.filter((p) => p.endsWith('/data/questions.json'))).toEqual([]);
	// The setup counts from its page; making a paper needs the bank's index, answering the questions themselves.
	fetched.length = 0;
	await page.goto('/quiz');
	await expect(page.getByText(/符合条件的题目共 \d+ 道/)).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(fetched.filter((p) => /\/data\/question(s|-index)\.json$/.test(p))).toEqual([]);
	await page.getByRole('button', { name: /开始/ }).first().click();
	await expect(page.getByRole('heading', { name: /练习|背题/ }).first()).toBeVisible();
	expect(fetched.filter((p) => p.endsWith('/data/question-index.json')).length).toBeGreaterThan(0);
	await expect.poll(() => fetched.filter((p) => p.endsWith('/data/questions.json')).length).toBeGreaterThan(0);
});

test('the teacher composer loads the bank when questions are picked by hand', async ({ page }) => {
	const fetched: string[] = [];
	page.on('request', (req) => fetched.push(new URL(req.url()).pathname));
	await page.goto('/teach');
	await page.getByLabel('从题库中手选题目').check();
	await expect(page.getByRole('searchbox', { name: '搜索题目' })).toBeVisible();
	expect(fetched.filter((p) => p.endsWith('/data/questions.json'))).toHaveLength(1);
});
