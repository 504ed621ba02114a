import { expect as baseExpect, test, type Page } from '@playwright/test';
import { calcQuestionFromId } from '../../src/lib/quiz/calc';
import { assemblePaper } from '../../src/lib/quiz/paper';
import { bank, option } from './bank';

// These journeys are long (a whole exam, a summary, the 错题本); give a busy machine room.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 240_000 });

async function currentId(page: Page): Promise<string> {
	const stemId = await page.locator('.qcard .stem').getAttribute('id');
	return stemId!.replace(/^q-/, '').replace(/-stem$/, '');
}

/** Sets the mock-exam make-up: counts per type (others 0) and optional marks. */
async function makeup(page: Page, counts: Record<string, number>, marks: Record<string, number> = {}) {
	await page.goto('/quiz');
	await page.getByRole('radio', { name: /模拟考试/ }).check();
	for (const t of ['单选', '多选', '判断', '填空', '名词解释', '简答', '计算']) await page.getByLabel(`${t}题数`).fill(String(counts[t] ?? 0));
	for (const [t, m] of Object.entries(marks)) await page.getByLabel(`${t}每题分值`).fill(String(m));
}

test('计算 in a mock exam: one right, one wrong, with worked solutions; the wrong one is in the 错题本', async ({ page }) => {
	// The mock exam is seeded by the clock: pick a moment whose paper opens with an NPS question (a newer calculator, three parts).
	const spec = { rows: [{ type: 'calc' as const, count: 2, marks: 5 }], chapters: [], shuffleOptions: false, rules: { partialCredit: false } };
	let now = Date.UTC(2026, 5, 1, 8);
	while (!assemblePaper([], spec, now % 2 ** 31).paper.items[0]!.questionId.startsWith('calc-nps-')) now += 1000;
	await page.clock.setFixedTime(now);
	await makeup(page, { 计算: 2 });
	await expect(page.locator('tfoot td')).toHaveText('10');
	await page.getByRole('button', { name: '开始考试' }).click();

	const first = calcQuestionFromId(await currentId(page))!;
	expect(first.answer.kind).toBe('nps');
	await expect(page.locator('.qcard .stem')).toContainText('请依次写出推荐者占比、贬损者占比和 NPS');
	await expect(page.locator('.qcard .chip').filter({ hasText: '计算' })).toBeVisible();
	const boxes = page.locator('.qcard .blanks.calc input');
	await expect(boxes).toHaveCount(first.answer.fields.length);
	for (const [i, f] of first.answer.fields.entries()) {
		await expect(page.locator('.qcard .blanks.calc label').nth(i)).toContainText(f.label);
		await boxes.nth(i).fill(String(Math.round(f.value * 100) / 100));
	}
	await page.getByRole('button', { name: '下一题' }).click();
	const second = calcQuestionFromId(await currentId(page))!;
	for (let i = 0; i < second.answer.fields.length; i++) await boxes.nth(i).fill(String(Math.round(second.answer.fields[i]!.value * 3 + 7)));

	await page.getByRole('button', { name: '交卷' }).click();
	await page.getByRole('button', { name: '确定交卷' }).click();
	await expect(page.getByRole('heading', { name: '考试成绩' })).toBeVisible();
	await expect(page.locator('.score')).toContainText('5 / 10');
	const wrongItem = page.getByRole('article', { name: '第 2 题' });
	await expect(wrongItem).toContainText('解题过程');
	const link = wrongItem.getByRole('link', { name: /在计算器中打开这道题/ });
	await expect(link).toHaveAttribute('href', new RegExp(`${second.answer.calculator.path}\\?`));
	await expect(page.getByRole('article', { name: '第 1 题' })).toContainText('得分 5 / 5');

	await page.getByRole('link', { name: '去错题本' }).click();
	const entry = page.locator('.list > li').filter({ hasText: second.stem.slice(0, 20) });
	await expect(entry).toHaveCount(1);
	await expect(entry.locator('.chip').first()).toHaveText('计算');
	await expect(page.locator('.list > li').filter({ hasText: first.stem.slice(0, 20) })).toHaveCount(0);
	await entry.getByText('查看答案与解析').click();
	await expect(entry).toContainText('解题过程');

	// The link opens the calculator with the same numbers.
	await entry.getByRole('link', { name: /在计算器中打开这道题/ }).click();
	await expect(page).toHaveURL(new RegExp(second.answer.calculator.path));
	const [key, value] = Object.entries(second.answer.calculator.params)[0]!;
	expect(new URL(page.url()).searchParams.get(key)).toBe(value);
});

test('计算 in practice: fields, units and instant feedback', async ({ page }) => {
	await page.goto('/quiz');
	await page.getByRole('checkbox', { name: '计算' }).check();
	await expect(page.getByText('其中计算题按计算器随机出数')).toBeVisible();
	await page.getByRole('button', { name: '开始练习' }).click();
	const q = calcQuestionFromId(await currentId(page))!;
	const boxes = page.locator('.qcard .blanks.calc input');
	// Full-width digits are accepted as answers.
	for (const [i, f] of q.answer.fields.entries()) await boxes.nth(i).fill(String(Math.round(f.value * 100) / 100).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: '回答正确' })).toBeVisible();
	await expect(page.getByText('解题过程')).toBeVisible();
});

test('practice ends with a summary, keeps its filters, says where 顺序 resumes and can start over', async ({ page }) => {
	await page.clock.install();
	const singles = (await bank(page)).filter((q) => q.type === 'single');
	await page.goto('/quiz');
	await page.getByRole('checkbox', { name: '单选' }).check();
	await page.getByLabel('题目数量').fill('３');
	await page.getByRole('button', { name: '开始练习' }).click();
	await expect(page.getByRole('region', { name: '题目' })).toBeVisible();

	// Question 1 wrong by key (its place among the options), question 2 right, by keys only.
	const q1 = singles[0]!;
	const wrongIndex = q1.options.findIndex((o) => o.key !== q1.answer);
	await page.keyboard.press(String(wrongIndex + 1));
	await expect(option(page, q1.options[wrongIndex]!.key).locator('input')).toBeChecked();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: '回答错误' })).toBeVisible();
	// The wrong pick is marked red, the right one green.
	await expect(page.locator('label.option.wrong')).toHaveCount(1);
	await expect(page.locator('label.option.wrong')).toContainText(`${q1.options[wrongIndex]!.key}.`);
	await expect(page.locator('label.option.right')).toContainText(`${q1.answer}.`);
	// Enter (下一题), then at once a letter and Enter on question 2, as a quick typist does on a slow
	// phone: the second Enter checks question 2 even while the move to it is still being saved. (Focus
	// once stayed on 下一题 until the save ended, and that Enter skipped to question 3: 1 run in 4 at 6×.)
	const q2 = singles[1]!;
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
	await page.keyboard.press('Enter');
	await page.keyboard.press(String.fromCharCode(65 + q2.options.findIndex((o) => o.key === q2.answer)).toLowerCase());
	await page.keyboard.press('Enter');
	await expect(page.getByText('第 2 / 3 题')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: '回答正确' })).toBeVisible();
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
	// ← / → move between questions.
	await page.locator('body').click({ position: { x: 5, y: 5 } });
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByText('第 1 / 3 题')).toBeVisible();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByText('第 2 / 3 题')).toBeVisible();

	await page.clock.fastForward('01:05');
	await page.getByRole('button', { name: '结束练习' }).click();
	await expect(page.getByRole('heading', { name: '练习小结' })).toBeVisible();
	const figures = page.locator('.figures');
	await expect(figures.locator('div').filter({ hasText: '已答' })).toContainText('2 / 3 题');
	await expect(figures.locator('div').filter({ hasText: '得分' })).toContainText('1 / 2');
	await expect(figures.locator('div').filter({ hasText: '正确率' })).toContainText('50%');
	await expect(figures.locator('div').filter({ hasText: '用时' })).toContainText(/1 分 \d+ 秒/);
	await expect(page.getByRole('button', { name: '重做这 1 道错题' })).toBeVisible();

	await page.getByRole('link', { name: '继续练习' }).click();
	await expect(page.getByRole('checkbox', { name: '单选' })).toBeChecked();
	await expect(page.getByLabel('题目数量')).toHaveValue('３');
	await expect(page.getByText(`上次做到第 2 题，顺序练习将从第 3 / ${singles.length} 题继续。`)).toBeVisible();
	await page.getByRole('button', { name: '开始练习' }).click();
	await expect(page.getByText(`全部 ${singles.length} 题中的第 3 题`)).toBeVisible();
	await expect(page.getByText('接着上次做：本次从第 3 题开始')).toBeVisible();
	await page.goto('/quiz');
	await page.getByRole('button', { name: '从头开始' }).click();
	await expect(page.getByText('第 1 / 3 题')).toBeVisible();
	expect(await currentId(page)).toBe(q1.id);
});

test('收藏 a question with a note, find it in the list and practise it', async ({ page }) => {
	await page.goto('/quiz');
	await page.getByRole('checkbox', { name: '判断' }).check();
	await page.getByRole('radio', { name: '随机' }).check();
	await page.getByRole('button', { name: '开始练习' }).click();
	const id = await currentId(page);
	await page.getByRole('button', { name: '☆ 收藏' }).click();
	await expect(page.getByRole('button', { name: '★ 已收藏' })).toHaveAttribute('aria-pressed', 'true');
	await page.getByRole('button', { name: '写笔记' }).click();
	await page.getByLabel(/我的笔记/).fill('<b>注意</b>：考过两次');
	await page.getByRole('button', { name: '保存笔记' }).click();
	await expect(page.locator('.qcard .note')).toHaveText('我的笔记：<b>注意</b>：考过两次');

	await page.goto('/mistakes');
	await expect(page.getByRole('heading', { name: '我的收藏（1）' })).toBeVisible();
	await expect(page.locator('.favs .note')).toContainText('<b>注意</b>：考过两次');
	await page.getByRole('button', { name: '练习这 1 道收藏题' }).click();
	await expect(page.getByText('第 1 / 1 题')).toBeVisible();
	expect(await currentId(page)).toBe(id);
	await expect(page.getByRole('button', { name: '★ 已收藏' })).toBeVisible();
});

test('名词解释 shows the model answer only when asked', async ({ page }) => {
	await page.goto('/quiz');
	await page.getByRole('checkbox', { name: '名词解释' }).check();
	await page.getByRole('button', { name: '开始练习' }).click();
	await page.getByLabel('你的答案').fill('客');
	await expect(page.getByText('先凭记忆写下你的答案')).toBeVisible();
	await expect(page.getByRole('group', { name: /对照要点自评/ })).toHaveCount(0);
	await expect(page.getByText('参考答案：')).toHaveCount(0);
	await page.getByRole('button', { name: '查看答案' }).click();
	await expect(page.getByRole('group', { name: /对照要点自评/ })).toBeVisible();
	await expect(page.getByText('参考答案：')).toBeVisible();
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('mock exam: 标记, an 答题卡 by type with 已答/未答/标记, and a timer that stays in view', async ({ page }) => {
		await makeup(page, { 单选: 3, 判断: 3 });
		await page.getByLabel(/时间限制/).fill('３０');
		await page.getByRole('button', { name: '开始考试' }).click();
		const grid = page.getByRole('navigation', { name: '答题卡' });
		await expect(grid.getByText('单选（3 题）')).toBeVisible();
		await expect(grid.getByText('判断（3 题）')).toBeVisible();
		const legend = grid.locator('.legend');
		await expect(legend).toContainText('已答');
		await expect(legend).toContainText('未答');
		await expect(legend).toContainText('标记');
		await expect(legend).not.toContainText('正确');

		await page.keyboard.press('1');
		await page.getByRole('button', { name: '⚐ 标记本题' }).click();
		await expect(grid.getByRole('button', { name: '第 1 题，已作答，已标记' })).toBeVisible();
		await page.locator('body').click({ position: { x: 2, y: 400 } });
		await page.keyboard.press('ArrowRight');
		await expect(page.getByText('第 2 / 6 题')).toBeVisible();

		await grid.getByRole('button', { name: /第 6 题/ }).scrollIntoViewIfNeeded();
		const box = await page.getByRole('timer').boundingBox();
		expect(box).not.toBeNull();
		expect(box!.y).toBeGreaterThanOrEqual(0);
		expect(box!.y + box!.height).toBeLessThan(844);
		await expect(page.getByRole('timer')).toBeInViewport();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

		await page.getByRole('button', { name: '交卷' }).click();
		await expect(page.getByText('有 1 题标记了要回看')).toBeVisible();
	});
});

test('a one-chapter mock exam says what the paper will really be, and can be fitted', async ({ page }) => {
	await page.goto('/quiz');
	await page.getByRole('radio', { name: /模拟考试/ }).check();
	await expect(page.locator('tfoot td')).toHaveText('100');
	await expect(page.getByText(/实际试卷：\d+ 题，共 100 分/)).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /只看课程资料/ })).toBeVisible();
	await page.getByRole('checkbox', { name: /^14\./ }).check();
	const notice = page.locator('.plan');
	await expect(notice).toContainText(/实际试卷将是 \d+ 题，共 \d+(\.\d+)? 分（上表为 100 分）/);
	const total = (await notice.locator('strong').textContent())!.match(/共 ([\d.]+) 分/)![1]!;
	expect(Number(total)).toBeLessThan(100);
	await page.getByRole('button', { name: '按实际题量调整题数' }).click();
	await expect(page.locator('tfoot td')).toHaveText(total);
	await expect(notice).toHaveCount(0);
	await page.getByRole('button', { name: '开始考试' }).click();
	await page.getByRole('button', { name: '交卷' }).click();
	await page.getByRole('button', { name: '确定交卷' }).click();
	await expect(page.locator('.score')).toContainText(`/ ${total} 分`);
});

test('题目数量 accepts full-width digits; a bad one is explained', async ({ page }) => {
	await page.goto('/quiz');
	await page.getByLabel('题目数量').fill('二十');
	await page.getByRole('button', { name: '开始练习' }).click();
	await expect(page.getByRole('alert')).toContainText('题目数量应为正整数');
	await page.getByLabel('题目数量').fill('２');
	await page.getByRole('button', { name: '开始练习' }).click();
	await expect(page.getByText('第 1 / 2 题')).toBeVisible();
});

test('an exam whose time ran out with its tab closed is shown as handed in, with its result', async ({ page }) => {
	await page.clock.install();
	await makeup(page, { 判断: 2 });
	await page.getByLabel(/时间限制/).fill('1');
	await page.getByRole('button', { name: '开始考试' }).click();
	await expect(page.getByRole('region', { name: '题目' })).toBeVisible();
	await page.keyboard.press('1');
	await expect(page.getByRole('navigation', { name: '答题卡' }).getByRole('button', { name: '第 1 题，已作答' })).toBeVisible();
	await page.goto('/');
	await page.clock.fastForward('02:00');
	await page.goto('/quiz');
	const history = page.getByRole('region', { name: '最近的考试成绩' });
	await expect(history).toContainText('已交卷（时间到）');
	await expect(page.getByRole('region', { name: '未完成的测验' })).toHaveCount(0);
	await history.getByRole('link').first().click();
	await expect(page.getByText('（时间到，自动交卷）')).toBeVisible();
	await expect(page.locator('.score')).toContainText('/ 2 分');
});

test('the chapter table of a result is in chapter order', async ({ page }) => {
	await makeup(page, { 单选: 12, 判断: 12 });
	await page.getByRole('button', { name: '开始考试' }).click();
	await page.getByRole('button', { name: '交卷' }).click();
	await page.getByRole('button', { name: '确定交卷' }).click();
	await expect(page.getByRole('table', { name: '按章节' }).locator('tbody th').first()).toBeVisible();
	const heads = await page.getByRole('table', { name: '按章节' }).locator('tbody th').allTextContents();
	const orders = heads.map((h) => Number(h.split('.')[0]));
	expect(orders.length).toBeGreaterThan(2);
	expect(orders).toEqual([...orders].sort((a, b) => a - b));
});
