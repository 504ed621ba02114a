import { expect, test, type Page } from '@playwright/test';

async function openDeckList(page: Page) {
	await page.goto('/flashcards');
	await expect(page.getByRole('heading', { name: '卡组' })).toBeVisible();
}

function courseDeck(page: Page) {
	return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '整门课程' }) });
}

async function count(page: Page, label: '新卡' | '到期' | '已学') {
	const text = await courseDeck(page).locator('div', { has: page.locator('dt', { hasText: label }) }).locator('dd').textContent();
	return Number(text);
}

test('review 3 cards by keyboard, reload, and find the counts and card states persisted', async ({ page }) => {
	await openDeckList(page);
	const newBefore = await count(page, '新卡');
	expect(await count(page, '已学')).toBe(0);

	await courseDeck(page).getByRole('button', { name: /学习/ }).click();
	const flip = page.getByRole('button', { name: /显示答案/ });
	await expect(flip).toBeFocused();

	const titles: string[] = [];
	for (let i = 0; i < 3; i++) {
		titles.push((await page.getByRole('article').getAttribute('aria-label'))!);
		await page.keyboard.press('Space');
		await expect(page.getByLabel('答案')).toBeVisible();
		await expect(page.getByRole('button', { name: /良好/ })).toBeFocused();
		// The interval labels are shown on the buttons.
		await expect(page.getByRole('button', { name: /重来/ })).toContainText(/分钟|小时|天/);
		await page.keyboard.press(i === 0 ? '1' : '3');
		await expect(page.getByRole('button', { name: /显示答案/ })).toBeFocused();
	}
	expect(new Set(titles).size).toBe(3);

	await page.reload();
	await expect(page.getByRole('heading', { name: '卡组' })).toBeVisible();
	expect(await count(page, '新卡')).toBe(newBefore - 3);
	// The card rated 重来 is due again within minutes; the two rated 良好 are learned but not due.
	expect(await count(page, '已学') + (await count(page, '到期'))).toBe(3);

	const stored = await page.evaluate(
		() =>
			new Promise<{ cards: number; reviews: number }>((resolve, reject) => {
				const req = indexedDB.open('crm-study');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					const tx = db.transaction(['cards', 'reviews']);
					const c = tx.objectStore('cards').count();
					const r = tx.objectStore('reviews').count();
					tx.oncomplete = () => resolve({ cards: c.result, reviews: r.result });
				};
			})
	);
	expect(stored).toEqual({ cards: 3, reviews: 3 });

	// The charts draw once, at their column's width: a redraw at a new width costs a layout of the page.
	await page.addInitScript(() => {
		const w = window as unknown as { chartRedraws: number };
		w.chartRedraws = 0;
		new MutationObserver((changes) => (w.chartRedraws += changes.length)).observe(document, { subtree: true, attributeFilter: ['viewBox'] });
	});
	await page.goto('/progress');
	await expect(page.getByText('今日复习')).toBeVisible();
	await expect(page.locator('.figures').getByText('3 次')).toBeVisible();
	await expect(page.getByRole('img', { name: /最近 91 天的复习次数（共 3 次/ })).toBeVisible();
	await expect(page.getByRole('img', { name: /^每周真实保持率/ })).toBeVisible();
	const drawn = await page.evaluate(() => ({
		redraws: (window as unknown as { chartRedraws: number }).chartRedraws,
		widths: [...document.querySelectorAll('#forecast-title, #chapters-title, #retention-title')].map((t) => {
			const svg = t.parentElement!.querySelector('svg')!;
			return [svg.viewBox.baseVal.width, svg.clientWidth];
		})
	}));
	expect(drawn.widths).toHaveLength(3);
	for (const [drawnAt, shown] of drawn.widths) expect(drawnAt).toBe(shown);
	expect(drawn.redraws).toBe(0);
	await page.getByText('以表格查看（仅列出有复习的日子）').click();
	await expect(page.getByRole('cell', { name: '3' })).toBeVisible();

	await page.goto('/');
	await expect(page.getByTestId('streak')).toHaveText('1 天');
	await page.getByRole('link', { name: '继续复习' }).click();
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeVisible();
});

test('undo takes back the last rating, by button and by U', async ({ page }) => {
	await openDeckList(page);
	await courseDeck(page).getByRole('button', { name: /学习/ }).click();
	const first = await page.getByRole('article').getAttribute('aria-label');
	await page.getByRole('button', { name: /显示答案/ }).click();
	await page.getByRole('button', { name: /简单/ }).click();
	await expect(page.getByRole('article')).not.toHaveAttribute('aria-label', first!);

	await page.keyboard.press('u');
	await expect(page.getByRole('article')).toHaveAttribute('aria-label', first!);
	// Undo returns to the question side with 显示答案 focused, so Space flips instead of rating.
	await expect(page.getByLabel('答案')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeFocused();
	await expect(page.getByRole('button', { name: /撤销/ })).toBeDisabled();
	await page.keyboard.press('Space');
	await expect(page.getByLabel('答案')).toBeVisible();
	await expect(page.getByRole('article')).toHaveAttribute('aria-label', first!);

	await page.getByRole('button', { name: /良好/ }).click();
	await page.getByRole('button', { name: /撤销/ }).click();
	await page.getByRole('button', { name: /显示答案/ }).click();
	await expect(page.getByRole('article')).toHaveAttribute('aria-label', first!);

	await page.getByRole('button', { name: '结束并返回卡组' }).click();
	await page.reload();
	expect(await count(page, '已学')).toBe(0);
});

test('without IndexedDB the warning appears and reviewing still works', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	});
	await openDeckList(page);
	await expect(page.getByRole('alert').filter({ hasText: '进度不会被保存' })).toBeVisible();
	await courseDeck(page).getByRole('button', { name: /学习/ }).click();
	// The session loads the card faces first; keys pressed before the card shows have no card to act on.
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: /良好/ })).toBeFocused();
	await page.keyboard.press('3');
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeFocused();
	await page.getByRole('button', { name: '结束并返回卡组' }).click();
	// A first 良好 puts the card in a short learning step, so it counts as due again soon.
	expect((await count(page, '已学')) + (await count(page, '到期'))).toBe(1);
	await expect(page.getByRole('alert').filter({ hasText: '进度不会被保存' })).toBeVisible();
});

test('a formula card shows its fraction as a fraction and gives it to screen readers as MathML', async ({ page }) => {
	await openDeckList(page);
	// A custom deck of chapter 7's formula cards, one of which is 客户满意度 = 实际体验 / 期望值.
	await page.getByText('新建自定义卡组').click();
	await page.getByLabel('卡组名称').fill('满意度公式');
	await page.getByRole('checkbox', { name: /第 7 章/ }).check();
	await page.getByRole('checkbox', { name: '公式', exact: true }).check();
	await page.getByRole('button', { name: '保存卡组' }).click();
	await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '满意度公式' }) }).getByRole('button', { name: /学习/ }).click();

	const card = page.getByRole('article', { name: '闪卡：客户满意度的计算' });
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeVisible();
	for (let i = 0; i < 3 && !(await card.isVisible()); i++) {
		await page.getByRole('button', { name: /显示答案/ }).click();
		await page.getByRole('button', { name: /良好/ }).click();
		await expect(page.getByRole('button', { name: /显示答案/ })).toBeVisible();
	}
	await page.getByRole('button', { name: /显示答案/ }).click();
	const back = card.getByLabel('答案');
	await expect(back.getByRole('math').first()).toBeAttached();
	// KaTeX stacks the numerator over the denominator only with its stylesheet; without it they run on in one line.
	const top = async (text: string) => (await back.locator('.katex-html').getByText(text, { exact: true }).boundingBox())!.y;
	expect(await top('客户对产品或服务的实际体验')).toBeLessThan((await top('客户的期望值')) - 8);
});
