import { expect, test, type Page } from '@playwright/test';

// The reported bug and the exam plan only show when days pass: every test here moves the clock.
test.use({ timezoneId: 'Asia/Shanghai' });

const at = (iso: string) => new Date(iso);

function courseDeck(page: Page) {
	return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '整门课程' }) });
}

async function startCourse(page: Page) {
	await page.goto('/flashcards');
	await expect(page.getByRole('heading', { name: '卡组' })).toBeVisible();
	await courseDeck(page).getByRole('button', { name: /学习/ }).click();
	await expect(page.getByRole('article')).toBeVisible();
}

async function rate(page: Page, key: '1' | '3') {
	await page.getByRole('button', { name: /显示答案/ }).click();
	await expect(page.getByLabel('答案')).toBeVisible();
	await page.keyboard.press(key);
}

test('a card rated 良好 the next morning is not shown again and again', async ({ page }) => {
	test.setTimeout(120_000);
	await page.clock.install({ time: at('2026-12-01T19:00:00+08:00') });
	await startCourse(page);

	// Day 1, 19:00: 重来 the first time a card is shown, 良好 after, until the session ends.
	const seen = new Set<string>();
	for (let i = 0; i < 80; i++) {
		if (await page.getByRole('heading', { name: '本组复习完成' }).isVisible()) break;
		const title = (await page.getByRole('article').getAttribute('aria-label'))!;
		await rate(page, seen.has(title) ? '3' : '1');
		seen.add(title);
		await expect(page.getByRole('article').or(page.getByRole('heading', { name: '本组复习完成' }))).toBeVisible();
	}
	await expect(page.getByRole('heading', { name: '本组复习完成' })).toBeVisible();
	expect(seen.size).toBe(20);

	// Day 2, 10:00: the same deck, 良好 every time. No card comes back the same day.
	await page.clock.setSystemTime(at('2026-12-02T10:00:00+08:00'));
	await startCourse(page);
	const today: string[] = [];
	for (let i = 0; i < 12; i++) {
		const title = (await page.getByRole('article').getAttribute('aria-label'))!;
		expect(today, `第 ${i + 1} 张又是 ${title}`).not.toContain(title);
		today.push(title);
		await rate(page, '3');
		await expect(page.getByRole('article').or(page.getByRole('heading', { name: '本组复习完成' }))).toBeVisible();
	}
	expect(today[0]).toContain('客户关系管理');
});

async function setPlan(page: Page, examDate: string, minutes: string) {
	await page.goto('/settings');
	await page.getByLabel('考试日期').fill(examDate);
	await page.getByLabel('每天能学多久（分钟）').fill(minutes);
	await page.getByRole('button', { name: '保存设置' }).click();
	await expect(page.getByText('设置已保存。')).toBeVisible();
}

test('the exam plan: shown with a countdown on the home page, /progress and /flashcards, and it moves with the days', async ({ page }) => {
	await page.clock.install({ time: at('2026-12-01T19:00:00+08:00') });
	await setPlan(page, '2026-12-15', '60');

	await page.goto('/');
	const plan = page.getByTestId('exam-plan');
	await expect(plan.getByTestId('countdown')).toHaveText('距考试还有 14 天');
	await expect(plan).toContainText(/今天学 \d+ 张新卡/);
	await expect(plan).toContainText('之后 2 天只复习');
	await expect(plan.getByTestId('plan-verdict')).toContainText('时间够用');
	const newToday = Number((await plan.textContent())!.match(/今天学 (\d+) 张新卡/)![1]);
	await expect(page.getByText(`${newToday} 张`, { exact: true })).toBeVisible();

	await page.goto('/progress');
	await expect(page.getByTestId('exam-plan').getByTestId('countdown')).toHaveText('距考试还有 14 天');

	// The whole-course deck offers at least the plan's quota (spare minutes go to more new cards).
	await page.goto('/flashcards');
	await expect(page.getByTestId('exam-plan')).toBeVisible();
	const offered = Number((await courseDeck(page).getByRole('button', { name: /学习 \d+ 张/ }).textContent())!.match(/\d+/)![0]);
	expect(offered).toBeGreaterThanOrEqual(newToday);

	await page.clock.setSystemTime(at('2026-12-02T19:00:00+08:00'));
	await page.goto('/');
	await expect(page.getByTestId('countdown')).toHaveText('距考试还有 13 天');
});

test('the plan says plainly when the time is not enough, and 只看课程资料 leaves 教材拓展 out', async ({ page }) => {
	await page.clock.install({ time: at('2026-12-01T19:00:00+08:00') });
	await setPlan(page, '2026-12-03', '5');
	await page.goto('/');
	const verdict = page.getByTestId('plan-verdict');
	await expect(verdict).toContainText('时间不够');
	await expect(verdict).toContainText(/每天约 \d+ 分钟才能覆盖全部/);
	await expect(verdict).toContainText('教材拓展');

	// Chapter 3 is all 教材拓展: its cards carry the badge, and 只看课程资料 hides them.
	await page.goto('/flashcards');
	const chapter3 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /第 3 章/ }) });
	await chapter3.getByRole('button', { name: /学习/ }).click();
	await expect(page.getByRole('article').getByText('拓展', { exact: false }).first()).toBeVisible();
	await page.getByRole('button', { name: '结束并返回卡组' }).click();

	await page.getByLabel('只看课程资料（隐藏教材拓展卡片）').check();
	await expect(chapter3.locator('dd').first()).toHaveText('0');
	await page.goto('/');
	await expect(page.getByTestId('plan-verdict')).not.toContainText('教材拓展');
});

test('今天多学 20 张 raises today’s new cards, and a chapter deck still has new cards after another chapter used its number', async ({ page }) => {
	await page.clock.install({ time: at('2026-12-01T19:00:00+08:00') });
	await page.goto('/flashcards');
	const chapter1 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /第 1 章/ }) });
	const chapter2 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /第 2 章/ }) });
	// With nothing due, the button offers exactly today's new cards.
	const newOf = async (deck: typeof chapter1) => Number((await deck.getByRole('button', { name: /学习 \d+ 张|今天已完成/ }).textContent())!.match(/\d+/)?.[0] ?? 0);
	expect(await newOf(courseDeck(page))).toBe(20);

	await page.getByRole('button', { name: '今天多学 20 张新卡' }).click();
	await expect(page.getByText('今天的新卡上限已增加 20 张。')).toBeVisible();
	expect(await newOf(courseDeck(page))).toBe(40);

	// Use up chapter 1's daily number; chapter 2 keeps its own.
	await chapter1.getByRole('button', { name: /学习/ }).click();
	for (let i = 0; i < 40; i++) {
		if (await page.getByRole('heading', { name: '本组复习完成' }).isVisible()) break;
		await rate(page, '3');
		await expect(page.getByRole('article').or(page.getByRole('heading', { name: '本组复习完成' }))).toBeVisible();
	}
	await page.getByRole('button', { name: '返回卡组' }).click();
	expect(await newOf(chapter2)).toBeGreaterThan(0);

	// The extra cards were for that day only.
	await page.clock.setSystemTime(at('2026-12-02T19:00:00+08:00'));
	await page.reload();
	await expect(page.getByRole('heading', { name: '卡组' })).toBeVisible();
	expect(await newOf(courseDeck(page))).toBe(20);
});
