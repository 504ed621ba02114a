import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const PAGES = ['/', '/concepts', '/concepts/customer-lifetime-value', '/flashcards', '/quiz', '/mistakes', '/calculators', '/calculators/cdv', '/calculators/clv', '/calculators/satisfaction', '/calculators/rfm', '/calculators/abc', '/teach/print', '/progress', '/teach', '/teach/results', '/teach/export', '/assignment', '/settings'];

for (const scheme of ['light', 'dark'] as const) {
	test(`no WCAG A/AA violations (${scheme})`, async ({ page }) => {
		// axe over 19 pages: minutes on a busy 2-core machine.
		test.setTimeout(360_000);
		await page.emulateMedia({ colorScheme: scheme });
		for (const path of PAGES) {
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
			const summary = violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
			expect(summary, summary.join('\n')).toEqual([]);
		}
	});
}
