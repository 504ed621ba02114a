#!/usr/bin/env node
// Takes desktop and phone screenshots, light and dark, of the given paths on a running site,
// for looking at what we built: `node scripts/screenshots.js / /concepts` (server on :4173).
// Writes PNGs to screenshots/ (git-ignored) or SCREENSHOT_DIR. Optional actions per path: "path#click=按钮文字".
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';

const baseURL = process.env.SCREENSHOT_BASE ?? 'http://localhost:4173';
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
const paths = process.argv.slice(2);
if (paths.length === 0) paths.push('/');
const outDir = process.env.SCREENSHOT_DIR ?? 'screenshots';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const variants = [
	{ name: 'desktop', viewport: { width: 1280, height: 900 }, isMobile: false },
	{ name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true }
];
// SCREENSHOT_VARIANTS=phone (or desktop) takes only one size.
const only = process.env.SCREENSHOT_VARIANTS?.split(',');
for (const v of variants.filter((x) => !only || only.includes(x.name))) {
	for (const scheme of /** @type {const} */ (['light', 'dark'])) {
		const context = await browser.newContext({ viewport: v.viewport, isMobile: v.isMobile, hasTouch: v.isMobile, colorScheme: scheme, deviceScaleFactor: 1 });
		const page = await context.newPage();
		for (const spec of paths) {
			const [path, ...actions] = spec.split('#');
			await page.goto(baseURL + path);
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(600);
			for (const action of actions) {
				const [verb, arg] = action.split('=');
				if (verb === 'click') {
					const button = page.getByRole('button', { name: arg });
					await ((await button.count()) ? button.first() : page.getByText(arg).first()).click();
				}
				if (verb === 'key') await page.keyboard.press(arg);
				if (verb === 'fill') {
					const [label, value] = arg.split(':');
					await page.getByLabel(label).first().fill(value);
				}
				await page.waitForTimeout(250);
			}
			// Scroll through once, as a reader would: worked steps are typeset when they come near.
			await page.evaluate(async () => {
				for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
					scrollTo(0, y);
					await new Promise((r) => setTimeout(r, 60));
				}
				scrollTo(0, 0);
			});
			await page.waitForTimeout(400);
			const file = `${outDir}/${(path + (actions.length ? '-' + actions.join('-') : '')).replace(/[^\w\u4e00-\u9fff-]+/g, '_') || 'home'}-${v.name}-${scheme}.png`;
			await page.screenshot({ path: file, fullPage: true });
			console.log(file);
		}
		await context.close();
	}
}
await browser.close();
