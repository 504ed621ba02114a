import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { axeViolations } from './axe';

// Four questions whose answers the content fixes: three source 单选 (all C) and one 判断 (错).
const PICKS = ['src-single-02', 'src-single-07', 'src-single-12', 'q-loy-017'];

/** The filled-in teacher and student screens pass WCAG A/AA in light and dark too. */
async function expectAccessible(page: Page) {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		expect(await axeViolations(page)).toEqual([]);
	}
	await page.emulateMedia({ colorScheme: 'light' });
}

async function composeAssignment(teacher: Page): Promise<string> {
	await teacher.goto('/teach');
	await teacher.getByLabel('作业标题').fill('忠诚与流失 小测');
	await teacher.getByLabel('从题库中手选题目').check();
	for (const id of PICKS) {
		await teacher.getByLabel('搜索题目').fill(id);
		await teacher.getByRole('checkbox', { name: `选入试卷 ${id}` }).check();
	}
	await expect(teacher.getByRole('heading', { name: '已选题目（按试卷顺序）' })).toBeVisible();
	await expectAccessible(teacher);
	await teacher.getByLabel('限时（分钟，留空不限时）').fill('');
	await teacher.getByLabel('允许作答次数（0 表示不限）').fill('0');
	await teacher.getByLabel('全班同一份试卷').check();
	await teacher.getByLabel('试卷编号（种子）').fill('7');
	await teacher.getByRole('button', { name: '生成作业链接和二维码' }).click();
	await expect(teacher.getByRole('img', { name: /作业链接的二维码/ })).toBeVisible();
	const link = await teacher.getByLabel('学生打开这个链接作答').inputValue();
	await expectAccessible(teacher);
	expect(link).toMatch(/\/assignment\?a=1\./);
	return link;
}

/** A student in their own browser: opens the link, answers, submits, downloads the result file. */
async function takeAs(browser: Browser, link: string, name: string, number: string, answers: string[]): Promise<string> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(link);
	await expect(page.getByRole('heading', { name: '忠诚与流失 小测' })).toBeVisible();
	await expect(page.getByText('共 4 题，满分 7 分')).toBeVisible();
	await page.getByLabel('姓名').fill(name);
	await page.getByLabel('学号').fill(number);
	await page.getByRole('button', { name: '开始作答' }).click();
	for (let i = 0; i < PICKS.length; i++) {
		await page.locator(`input[name="q-${PICKS[i]}"][value="${answers[i]}"]`).check();
		if (i < PICKS.length - 1) await page.getByRole('button', { name: /^下一题/ }).click();
	}
	// Autosaved like any exam: a reload comes back to the same answers.
	await page.reload();
	await expect(page.locator(`input[name="q-${PICKS[3]}"][value="${answers[3]}"]`)).toBeChecked();
	await page.getByRole('button', { name: '交卷' }).click();
	await page.getByRole('button', { name: '确定交卷' }).click();
	await expect(page.getByRole('heading', { name: '交给老师' })).toBeVisible();
	await expect(page.getByText(`${name}（${number}）`)).toBeVisible();
	await expect(page.getByText(/无法阻止有意的伪造/)).toBeVisible();
	if (name === '张三') await expectAccessible(page);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果文件（JSON）' }).click()]);
	expect(download.suggestedFilename()).toBe(`忠诚与流失 小测-${number}-${name}.json`);
	const path = test.info().outputPath(download.suggestedFilename());
	await download.saveAs(path);
	await context.close();
	return path;
}

test('an instructor assigns by link, two students take it, and the class is graded and analysed', async ({ browser }) => {
	test.setTimeout(300_000);
	const teacherContext = await browser.newContext();
	const teacher = await teacherContext.newPage();
	const link = await composeAssignment(teacher);

	const zhang = await takeAs(browser, link, '张三', '2024001', ['C', 'C', 'C', 'false']);
	const li = await takeAs(browser, link, '李四', '2024002', ['A', 'C', 'B', 'true']);

	await teacher.goto('/teach/results');
	await expect(teacher.getByLabel('作业')).toHaveValue(/.+/);
	const tampered = JSON.parse(readFileSync(li, 'utf8'));
	tampered.score.earned = 7;
	const tamperedPath = test.info().outputPath('李四-改分.json');
	writeFileSync(tamperedPath, JSON.stringify(tampered));
	const notesPath = test.info().outputPath('笔记.json');
	writeFileSync(notesPath, '{"hello": 1}');
	await teacher.getByLabel('选择文件…').setInputFiles([zhang, li, tamperedPath, notesPath]);
	const status = teacher.getByRole('status').filter({ hasText: '本次导入' });
	await expect(status).toContainText('本次导入 2 份，另有 2 个文件未导入');
	await expect(status).toContainText('“李四-改分.json”');
	await expect(status).toContainText('校验码');
	await expect(status).toContainText('这不是本站的作业结果文件');

	// Gradebook: re-graded from the answers, 7 points each paper.
	const grades = teacher.getByRole('table', { name: /成绩册/ });
	await expect(grades.getByRole('row')).toHaveCount(3);
	await expect(grades.getByRole('row', { name: /张三/ })).toContainText('7 / 7（100%）');
	await expect(grades.getByRole('row', { name: /李四/ })).toContainText('2 / 7（28.6%）');
	await expect(teacher.getByText('中位数', { exact: true })).toBeVisible();
	await expect(teacher.getByRole('figure', { name: '分数分布（人数）' })).toBeVisible();
	// The teacher reads one student's answers against the key.
	await grades.getByRole('button', { name: /查看\s*李四的作答/ }).click();
	const detail = teacher.getByRole('region', { name: /李四（2024002）的作答/ });
	await expect(detail.getByRole('listitem')).toHaveCount(4);
	await expect(detail.getByRole('listitem').first()).toContainText(/作答\s*A\s*答案\s*C/);
	await detail.getByRole('button', { name: '关闭' }).click();
	// Sorting by score, highest first.
	await grades.getByRole('button', { name: '得分' }).click();
	await expect(grades.getByRole('row').nth(1)).toContainText('张三');

	// Item analysis: one row per question; src-single-07 everyone got right, so it is flagged as too easy.
	const items = teacher.getByRole('table', { name: /选项分布/ });
	await expect(items.getByRole('row')).toHaveCount(5);
	// Two students are too few to judge a question: no facility, no flag (the reason is shown).
	const easy = items.getByRole('row', { name: /src-single-07/ });
	await expect(easy).toContainText('不足 5 份，暂不计算');
	await expect(easy).not.toContainText('几乎人人答对');
	await expect(items.getByRole('row', { name: /src-single-02/ })).toContainText('A：1');
	// With no question at 5 marked answers the chart would be empty: a sentence says why instead.
	await expect(teacher.getByRole('figure', { name: /难度与区分度/ })).toHaveCount(0);
	await expect(teacher.getByText(/暂时画不出难度与区分度图/)).toBeVisible();
	await expectAccessible(teacher);

	// The CSV opens in Excel: UTF-8 with a BOM, one row per student.
	const [csv] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('button', { name: '导出成绩册 CSV' }).click()]);
	const text = readFileSync(await csv.path(), 'utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const lines = text.slice(1).trim().split('\r\n');
	expect(lines).toHaveLength(3);
	expect(lines[0]).toContain('学号,姓名,得分');
	expect(lines[1]).toMatch(/^2024001,张三,7,7,100,及格/);

	// Kept until cleared: importing the same files again only reports duplicates.
	await teacher.reload();
	await expect(grades.getByRole('row')).toHaveCount(3);
	await teacher.getByLabel('选择文件…').setInputFiles([zhang]);
	await expect(teacher.getByRole('status').filter({ hasText: '本次导入' })).toContainText('已经导入过');
	await teacherContext.close();
});

test('broken assignment links say what is wrong', async ({ page }) => {
	test.setTimeout(90_000);
	await page.goto('/assignment?a=9.abc.12345678');
	await expect(page.getByRole('alert')).toContainText('更新版本');
	await page.goto('/assignment?a=1.WyJ4Iiwi');
	await expect(page.getByRole('alert')).toContainText('不完整');
	await page.goto('/assignment');
	await expect(page.getByRole('alert')).toContainText('没有作业内容');
});

test('with answers hidden the student sees only the score and no 错题本 entry; the teacher marks the 名词解释', async ({ browser }) => {
	test.setTimeout(240_000);
	const teacher = await (await browser.newContext()).newPage();
	await teacher.goto('/teach');
	await teacher.getByLabel('作业标题').fill('不公布答案的小测');
	await teacher.getByLabel('从题库中手选题目').check();
	for (const id of ['src-single-02', 'src-define-customer-loyalty']) {
		await teacher.getByLabel('搜索题目').fill(id);
		await teacher.getByRole('checkbox', { name: `选入试卷 ${id}` }).check();
	}
	await teacher.getByLabel('交卷后向学生显示答案和解析').uncheck();
	await teacher.getByLabel('全班同一份试卷').check();
	await teacher.getByRole('button', { name: '生成作业链接和二维码' }).click();
	const link = await teacher.getByLabel('学生打开这个链接作答').inputValue();

	const studentContext = await browser.newContext();
	const student = await studentContext.newPage();
	await student.goto(link);
	await expect(student.getByText('只显示得分，不显示答案')).toBeVisible();
	await student.getByLabel('姓名').fill('孙八');
	await student.getByLabel('学号').fill('2024008');
	await student.getByRole('button', { name: '开始作答' }).click();
	await student.locator('input[name="q-src-single-02"][value="A"]').check();
	await student.getByRole('button', { name: /^下一题/ }).click();
	await student.getByLabel('你的答案').fill('客户对某一产品产生好感和偏好，并重复购买的趋势。');
	await student.getByRole('button', { name: '交卷' }).click();
	await student.getByRole('button', { name: '确定交卷' }).click();
	await expect(student.getByText('老师设置为交卷后不显示答案。其中 1 道名词解释 / 简答题由老师批阅。')).toBeVisible();
	await expect(student.getByRole('heading', { name: '逐题回顾' })).toHaveCount(0);
	await expect(student.getByText('（正确答案）')).toHaveCount(0);
	const [download] = await Promise.all([student.waitForEvent('download'), student.getByRole('button', { name: '下载结果文件（JSON）' }).click()]);
	const file = test.info().outputPath('sun.json');
	await download.saveAs(file);
	await student.goto('/mistakes');
	await expect(student.getByText('错题本是空的')).toBeVisible();
	await studentContext.close();

	// The teacher reads the 名词解释 answer and ticks the points it covers; the grade follows and is kept.
	await teacher.goto('/teach/results');
	await teacher.getByLabel('选择文件…').setInputFiles([file]);
	const row = teacher.getByRole('table', { name: /成绩册/ }).getByRole('row', { name: /孙八/ });
	await expect(row).toContainText('0 / 7（0%）');
	await row.getByRole('button', { name: /查看/ }).click();
	await expect(row).toContainText('另 5 分待批阅');
	const marking = teacher.getByRole('region', { name: /孙八（2024008）的作答/ }).getByRole('group', { name: /勾选学生答到的要点/ });
	for (const box of await marking.getByRole('checkbox').all()) await box.check();
	await teacher.getByRole('region', { name: /孙八（2024008）的作答/ }).getByRole('button', { name: '保存批阅' }).click();
	await expect(row).toContainText('5 / 7');
	await expect(row).toContainText('已批阅');
	await teacher.reload();
	await expect(teacher.getByRole('table', { name: /成绩册/ }).getByRole('row', { name: /孙八/ })).toContainText('5 / 7');
});

test('a shuffled paper reviews in the letters the student saw: their answer, the key and the explanation', async ({ browser }) => {
	test.setTimeout(120_000);
	const teacher = await (await browser.newContext()).newPage();
	await teacher.goto('/teach');
	await teacher.getByLabel('作业标题').fill('字母对得上');
	await teacher.getByLabel('从题库中手选题目').check();
	// Its explanation names three options by letter: "A 是伙伴型，C 是基本型，D 是被动型".
	await teacher.getByLabel('搜索题目').fill('q-cus-039');
	await teacher.getByRole('checkbox', { name: '选入试卷 q-cus-039' }).check();
	await teacher.getByLabel(/每位学生一份/).check();
	await teacher.getByRole('button', { name: '生成作业链接和二维码' }).click();
	const link = await teacher.getByLabel('学生打开这个链接作答').inputValue();

	const context = await browser.newContext();
	const student = await context.newPage();
	// The student's paper seed comes from crypto: fixed here so the options really are reordered.
	await student.addInitScript(() => {
		const real = crypto.getRandomValues.bind(crypto);
		crypto.getRandomValues = (<T extends ArrayBufferView | null>(a: T): T => (a instanceof Uint32Array && a.length === 1 ? ((a[0] = 12345), a) : real(a as never))) as typeof crypto.getRandomValues;
	});
	await student.goto(link);
	await student.getByLabel('姓名').fill('周九');
	await student.getByLabel('学号').fill('2024009');
	await student.getByRole('button', { name: '开始作答' }).click();
	// The letter each option is shown under on this student's paper.
	const shownAs = async (text: string) => (await student.locator('label.option', { hasText: text }).locator('.key').innerText()).replace(/[.．\s]/g, '');
	const right = await shownAs('客户很多、利润高');
	const partner = await shownAs('客户很少、利润高');
	const basic = await shownAs('客户很多、利润低');
	const passive = await shownAs('客户中等、利润低');
	expect(new Set([right, partner, basic, passive]).size).toBe(4);
	expect([partner, right, basic, passive].join('')).not.toBe('ABCD');
	await student.locator('label.option', { hasText: '客户很多、利润高' }).click();
	await student.getByRole('button', { name: '交卷' }).click();
	await student.getByRole('button', { name: '确定交卷' }).click();
	const review = student.getByRole('article', { name: '第 1 题' });
	await expect(review).toContainText(`你的答案：${right}`);
	await expect(review).toContainText(`正确答案：${right}`);
	await expect(review).toContainText(`${partner} 是伙伴型，${basic} 是基本型，${passive} 是被动型`);
	await context.close();
});
