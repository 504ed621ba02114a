/**
 * Hostile and damaged input (issue 15): damaged records in IndexedDB, broken links, and a
 * poisoned file in a batch. Each page keeps working and says what it skipped.
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { encodeAssignment, type Assignment } from '../../src/lib/formats/assignment-link';
import { createResultFile } from '../../src/lib/formats/result-file';
import { assignmentPaper } from '../../src/lib/quiz/assignment';
import type { Question } from '../../src/lib/content/types';

// Pages here read the whole question bank before they can judge a link or a record.
const expect = baseExpect.configure({ timeout: 15_000 });

const SHOTS = process.env.SHOTS_DIR;

async function shoot(page: Page, name: string) {
	if (!SHOTS) return;
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		await page.screenshot({ path: `${SHOTS}/${name}-${page.viewportSize()!.width}-${scheme}.png`, fullPage: false });
	}
	await page.emulateMedia({ colorScheme: 'light' });
}

/** Writes records straight into the app's database, as an old bug or another program might have. */
async function seed(page: Page, records: Record<string, unknown[]>) {
	await page.evaluate(
		(records) =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('crm-study');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					const tx = db.transaction(Object.keys(records), 'readwrite');
					for (const [store, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(store).put(row);
					tx.oncomplete = () => (db.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		records
	);
}

const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

test('damaged stored records are skipped and reported, and every page still works', async ({ page }) => {
	test.setTimeout(240_000);
	await page.goto('/flashcards');
	await expect(page.getByRole('heading', { name: '卡组' })).toBeVisible();
	const cards: { id: string }[] = (await (await page.request.get('/data/cards.json')).json()).cards;
	const now = Date.now();
	await seed(page, {
		settings: [
			{ key: 'study', value: { retention: 5, examDate: 20261225, newPerDay: 3 } },
			{ key: 'decks', value: 'my decks' }
		],
		cards: [{ id: cards[0]!.id, state: { due: 'x' } }],
		reviews: [{ id: 'bad-review', cardId: cards[0]!.id, rating: 7, review: now }],
		attempts: [{ id: 'bad-attempt', status: 'finished', kind: 'mock', startedAt: now, updatedAt: now, data: {} }],
		mistakes: [{ questionId: 'src-single-02', data: null }]
	});

	// Flashcards: bad settings fields fall back (retention, examDate) while newPerDay = 3 is kept.
	await page.reload();
	await expect(notice(page, '学习设置中有 2 项已损坏（目标记忆保持率、考试日期），已恢复为默认值')).toBeVisible();
	await expect(notice(page, '有 1 条卡片记录已损坏，已跳过')).toBeVisible();
	await expect(notice(page, '有 1 条复习记录已损坏，已跳过')).toBeVisible();
	await expect(notice(page, '保存的自定义卡组已损坏')).toBeVisible();
	await shoot(page, 'flashcards-notices');
	const course = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '整门课程' }) });
	await course.getByRole('button', { name: /学习/ }).click();
	await page.getByRole('button', { name: /显示答案/ }).click();
	await page.getByRole('button', { name: /良好/ }).click();
	await expect(page.getByRole('button', { name: /显示答案/ })).toBeVisible();
	// A notice can be put away.
	await notice(page, '有 1 条复习记录已损坏').getByRole('button', { name: '知道了' }).click();
	await expect(notice(page, '有 1 条复习记录已损坏')).toHaveCount(0);

	await page.goto('/settings');
	await expect(page.getByLabel('每日新卡上限')).toHaveValue('3');
	await expect(page.getByLabel('目标记忆保持率')).toHaveValue('0.9');
	await expect(page.getByLabel('考试日期')).toHaveValue('');

	await page.goto('/quiz');
	await expect(notice(page, '有 1 条测验记录已损坏，已跳过')).toBeVisible();
	await page.getByRole('checkbox', { name: '单选' }).check();
	await page.getByRole('button', { name: '开始练习' }).click();
	await expect(page.getByRole('region', { name: '题目' })).toBeVisible();

	await page.goto('/progress');
	await expect(page.getByRole('heading', { name: '进度' })).toBeVisible();
	await expect(notice(page, '有 1 条测验记录已损坏，已跳过')).toBeVisible();
	await expect(page.getByRole('heading', { name: '各章掌握情况' })).toBeVisible();

	await page.goto('/mistakes');
	await expect(notice(page, '有 1 条错题记录已损坏，已跳过')).toBeVisible();
	await expect(page.getByText('错题本是空的')).toBeVisible();
	await page.setViewportSize({ width: 390, height: 844 });
	await shoot(page, 'mistakes-notice');
	expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test('assignment links with a broken % escape say so', async ({ page }) => {
	test.setTimeout(60_000);
	for (const a of ['%', '%E0%A4%A', '1.abc%']) {
		await page.goto(`/assignment?a=${a}`);
		await expect(page.getByRole('alert')).toContainText('残缺的“%”');
	}
	await shoot(page, 'assignment-percent');
});

test('quiz and result links without an attempt, or with one that does not exist, say what to do', async ({ page }) => {
	await page.goto('/quiz/run');
	await expect(page.getByRole('alert')).toContainText('没有测验编号');
	await page.goto('/quiz/result');
	await expect(page.getByRole('alert')).toContainText('没有考试编号');
	await page.goto('/quiz/run?attempt=nope');
	await expect(page.getByRole('alert')).toContainText('找不到这次测验');
	await page.goto('/quiz/result?attempt=nope');
	await expect(page.getByRole('alert')).toContainText('找不到这次考试的成绩');
});

test('a batch of 5 good result files and 1 poisoned one imports the 5', async ({ page }) => {
	test.setTimeout(180_000);
	const questions: Question[] = (await (await page.request.get('/data/questions.json')).json()).questions;
	const assignment: Assignment = {
		v: 1,
		id: 'e2ebatch',
		title: '批量导入测试',
		questionIds: ['src-single-02', 'src-single-07', 'q-loy-017'],
		marks: [2, 2, 1, 1, 5, 10],
		partialCredit: false,
		timeLimitMin: null,
		passMark: 60,
		attempts: 0,
		showAnswers: true,
		seed: 7
	};
	const code = encodeAssignment(assignment);
	const { paper } = assignmentPaper(assignment, questions, 7);
	const file = (name: string, number: string) =>
		createResultFile({
			format: 'crm-study-result',
			version: 1,
			assignment,
			assignmentCode: code,
			student: { name, number },
			startedAt: '2026-11-20T08:00:00.000Z',
			finishedAt: '2026-11-20T08:10:00.000Z',
			seed: 7,
			questionIds: paper.items.map((i) => i.questionId),
			answers: { 'src-single-02': { type: 'single', choice: 'C' } },
			score: { earned: 2, max: 5 }
		});
	const paths = ['赵一', '钱二', '孙三', '李四', '周五'].map((name, i) => {
		const path = test.info().outputPath(`${name}.json`);
		writeFileSync(path, JSON.stringify(file(name, `202400${i}`)));
		return path;
	});
	// The fuzzers' poison: an object whose toString is not a function, where a number belongs.
	const poisoned = test.info().outputPath('poisoned.json');
	writeFileSync(poisoned, JSON.stringify({ ...file('吴六', '2024009'), assignment: { ...assignment, passMark: { toString: 0 } } }));

	// The teacher's 按链接添加作业 box explains a broken link, then takes a good one.
	await page.goto('/teach');
	const box = page.getByLabel(/粘贴它的链接即可加入本机/);
	await box.fill('https://example.com/assignment?a=%E0%A4%A');
	await page.getByRole('button', { name: '按链接添加作业' }).click();
	await expect(page.getByRole('status').filter({ hasText: '无法添加' })).toContainText('残缺的“%”');
	await box.fill(`https://example.com/assignment?a=${code}`);
	await page.getByRole('button', { name: '按链接添加作业' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已添加作业' })).toBeVisible();

	await page.goto(`/teach/results?id=${assignment.id}`);
	await page.getByLabel('选择文件…').setInputFiles([...paths.slice(0, 2), poisoned, ...paths.slice(2)]);
	const status = page.getByRole('status').filter({ hasText: '本次导入' });
	await expect(status).toContainText('本次导入 5 份，另有 1 个文件未导入');
	await expect(status).toContainText('“poisoned.json”');
	await expect(status).toContainText('assignment.passMark');
	await expect(page.getByRole('table', { name: /成绩册/ }).getByRole('row')).toHaveCount(6);
	await shoot(page, 'batch-import');
});
