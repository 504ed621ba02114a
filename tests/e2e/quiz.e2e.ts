import { expect, test, type Page } from '@playwright/test';
import { bank, option } from './bank';

async function startSinglePractice(page: Page, count: number, order: '顺序' | '随机' = '顺序') {
	await page.goto('/quiz');
	await page.getByRole('checkbox', { name: '单选' }).check();
	await page.getByLabel('题目数量').fill(String(count));
	await page.getByRole('radio', { name: order, exact: true }).check();
	await page.getByRole('button', { name: '开始练习' }).click();
	await expect(page.getByRole('region', { name: '题目' })).toBeVisible();
}

test('practice quiz answered by keyboard and by mouse, with feedback and an answer grid', async ({ page }) => {
	const singles = (await bank(page)).filter((q) => q.type === 'single');
	await startSinglePractice(page, 3);

	// Question 1 by keyboard: focus the first option, move with arrows, select with space, check with Enter.
	const first = singles[0]!;
	const wrongKey = first.options.find((o) => o.key !== first.answer)!.key;
	await page.locator('label.option input').first().focus();
	const keys = first.options.map((o) => o.key);
	for (let i = 0; i < keys.indexOf(wrongKey); i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Space');
	await expect(option(page, wrongKey).locator('input')).toBeChecked();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: '回答错误' })).toBeVisible();
	await expect(page.getByText(`正确答案：${first.answer}`)).toBeVisible();
	await expect(page.locator('.concepts a').first()).toHaveAttribute('href', /\/concepts\/[a-z0-9-]+$/);
	await expect(page.getByRole('button', { name: /下一题/ })).toBeFocused();
	await page.keyboard.press('Enter');

	// Question 2 by mouse.
	await expect(page.getByText('第 2 / 3 题')).toBeVisible();
	const second = singles[1]!;
	await option(page, second.answer as string).click();
	await page.getByRole('button', { name: /提交答案/ }).click();
	await expect(page.getByRole('status').filter({ hasText: '回答正确' })).toBeVisible();

	const grid = page.getByRole('navigation', { name: '答题卡' });
	await expect(grid.getByRole('button', { name: '第 1 题，错误' })).toBeVisible();
	await expect(grid.getByRole('button', { name: '第 2 题，正确' })).toBeVisible();
	await expect(grid.getByRole('button', { name: '第 3 题，未作答' })).toBeVisible();

	// 顺序 practice resumes after the last checked question.
	await page.getByRole('button', { name: '结束练习' }).click();
	await expect(page.getByRole('heading', { name: '练习小结' })).toBeVisible();
	await page.getByRole('link', { name: '继续练习' }).click();
	await expect(page.getByRole('checkbox', { name: '单选' })).toBeChecked();
	await expect(page.getByText(/顺序练习将从第 3 \/ \d+ 题继续/)).toBeVisible();
});

test('a timed mock exam survives a reload, then shows the score, breakdown and review', async ({ page }) => {
	const all = await bank(page);
	await page.goto('/quiz');
	await page.getByRole('radio', { name: /模拟考试/ }).check();
	for (const t of ['单选', '多选', '判断', '填空', '名词解释', '简答']) await page.getByLabel(`${t}题数`).fill(t === '单选' || t === '判断' ? '2' : '0');
	await page.getByLabel('单选每题分值').fill('30');
	await page.getByLabel('判断每题分值').fill('20');
	await expect(page.locator('tfoot td')).toHaveText('100');
	await page.getByLabel(/时间限制/).fill('45');
	await page.getByRole('button', { name: '开始考试' }).click();

	await expect(page.getByRole('timer')).toBeVisible();
	await expect(page.getByText('关闭或刷新页面时也不会暂停')).toBeVisible();

	// Answer question 1 correctly, question 2 wrongly.
	const idOf = async () => {
		const stemId = await page.locator('.stem').getAttribute('id');
		return stemId!.replace(/^q-/, '').replace(/-stem$/, '');
	};
	const id1 = await idOf();
	const q1 = all.find((q) => q.id === id1)!;
	await option(page, q1.answer as string).click();
	await page.getByRole('button', { name: '下一题' }).click();
	const id2 = await idOf();
	const q2 = all.find((q) => q.id === id2)!;
	await option(page, q2.options.find((o) => o.key !== q2.answer)!.key).click();

	await page.reload();
	await expect(page.getByText('第 2 / 4 题')).toBeVisible();
	await expect(option(page, q2.options.find((o) => o.key !== q2.answer)!.key).locator('input')).toBeChecked();
	await page.getByRole('navigation', { name: '答题卡' }).getByRole('button', { name: /第 1 题，已作答/ }).click();
	await expect(option(page, q1.answer as string).locator('input')).toBeChecked();
	// Answers can still be changed before submitting.
	await page.getByRole('navigation', { name: '答题卡' }).getByRole('button', { name: /第 3 题/ }).click();
	await page.getByRole('radio', { name: '对' }).check();

	await page.getByRole('button', { name: '交卷' }).click();
	await expect(page.getByText('还有 1 题未作答')).toBeVisible();
	await page.getByRole('button', { name: '确定交卷' }).click();

	await expect(page).toHaveURL(/\/quiz\/result\?attempt=/);
	await expect(page.locator('.big')).toBeVisible();
	const earned = Number(await page.locator('.big').textContent());
	expect(earned).toBeGreaterThanOrEqual(30);
	await expect(page.getByRole('table', { name: '按题型' })).toContainText('单选');
	await expect(page.getByRole('table', { name: '按章节' })).toBeVisible();
	await expect(page.getByRole('article')).toHaveCount(4);
	await page.getByLabel(/只看错题/).check();
	const wrong = await page.getByRole('article').count();
	expect(wrong).toBeGreaterThanOrEqual(2);
	expect(wrong).toBeLessThan(4);
	await expect(page.getByRole('article').first()).toContainText('你的答案');

	await page.goto('/progress');
	await expect(page.getByRole('img', { name: /最近 1 次模拟考试得分率/ })).toBeVisible();
});

test('a wrong answer lands in the 错题本 and leaves after two right retries', async ({ page }) => {
	const singles = (await bank(page)).filter((q) => q.type === 'single');
	await startSinglePractice(page, 1);
	const q = singles[0]!;
	await option(page, q.options.find((o) => o.key !== q.answer)!.key).click();
	await page.getByRole('button', { name: /提交答案/ }).click();
	await expect(page.getByRole('status').filter({ hasText: '回答错误' })).toBeVisible();

	await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '错题本' }).click();
	await expect(page.getByText('错 1 次')).toBeVisible();

	for (let round = 1; round <= 2; round++) {
		await page.getByRole('button', { name: /重做这 1 道错题/ }).click();
		await option(page, q.answer as string).click();
		await page.getByRole('button', { name: /提交答案/ }).click();
		await expect(page.getByRole('status').filter({ hasText: '回答正确' })).toBeVisible();
		await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '错题本' }).click();
		if (round === 1) await expect(page.getByText('已连续答对 1 次')).toBeVisible();
	}
	await expect(page.getByText('错题本是空的')).toBeVisible();
});

test('背题 shows the answers and explanations from the start', async ({ page }) => {
	await page.goto('/quiz');
	await page.getByRole('radio', { name: /背题/ }).check();
	await page.getByRole('checkbox', { name: '单选' }).check();
	await page.getByRole('button', { name: '开始背题' }).click();
	await expect(page.getByText(/正确答案：[A-F]/)).toBeVisible();
	await expect(page.locator('label.option.right')).toHaveCount(1);
	await expect(page.getByText('（正确答案）')).toHaveCount(1);
	await expect(page.locator('fieldset.options input').first()).toBeDisabled();
});
