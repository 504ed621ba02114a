import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Question } from '../../src/lib/content/types';
import { decodeAssignment, extractCode, type Assignment } from '../../src/lib/formats/assignment-link';
import { createResultFile } from '../../src/lib/formats/result-file';
import { assignmentPaper, regrade } from '../../src/lib/quiz/assignment';
import type { Response } from '../../src/lib/quiz/types';

// 单选 (answer C), 判断 (answer 错), 名词解释: 2 + 1 + 5 = 8 marks with the default marks.
const PICKS = ['src-single-02', 'q-loy-017', 'src-define-customer-loyalty'];
// Screenshots for a person to look at are written only when asked for (they are slow): E2E_SHOTS=/tmp/dir.
const SHOTS = process.env.E2E_SHOTS;

/** No page may scroll sideways. */
async function expectNoSideways(page: Page) {
	const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: innerWidth }));
	expect(sw, `page is ${sw}px wide in a ${iw}px window`).toBeLessThanOrEqual(iw);
}

/** Phone and desktop, light and dark: a screenshot of each, and no sideways scrolling in any. */
async function shoot(page: Page, name: string) {
	if (SHOTS) mkdirSync(SHOTS, { recursive: true });
	for (const [w, h, label] of [
		[390, 844, 'phone'],
		[1280, 800, 'desktop']
	] as const) {
		await page.setViewportSize({ width: w, height: h });
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			await expectNoSideways(page);
			if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${label}-${scheme}.png`, fullPage: true });
		}
	}
	await page.emulateMedia({ colorScheme: 'light' });
	await page.setViewportSize({ width: 1280, height: 800 });
}

async function compose(teacher: Page, title: string, picks: string[]): Promise<string> {
	await teacher.goto('/teach');
	await teacher.getByLabel('作业标题').fill(title);
	await teacher.getByLabel('从题库中手选题目').check();
	for (const id of picks) {
		await teacher.getByLabel('搜索题目').fill(id);
		await teacher.getByRole('checkbox', { name: `选入试卷 ${id}` }).check();
	}
	await teacher.getByLabel('全班同一份试卷').check();
	await teacher.getByLabel('试卷编号（种子）').fill('7');
	await teacher.getByRole('button', { name: '生成作业链接和二维码' }).click();
	return teacher.getByLabel('学生打开这个链接作答').inputValue();
}

/** Result files as the students' browsers write them (the student side is covered in assignment.e2e.ts). */
async function resultFiles(page: Page, link: string, students: { name: string; number: string; answers: Record<string, Response> }[]) {
	const { questions } = (await (await page.request.get('/data/questions.json')).json()) as { questions: Question[] };
	const code = extractCode(link);
	const decoded = decodeAssignment(code, { questionIds: new Set(questions.map((q) => q.id)), chapterIds: new Set(questions.map((q) => q.chapter)) });
	if (!decoded.ok) throw new Error(decoded.error.message);
	const a: Assignment = decoded.assignment;
	const { paper } = assignmentPaper(a, questions, 7);
	return students.map((s, i) => {
		const own = regrade(a, 7, paper.items.map((it) => it.questionId), s.answers, questions);
		const file = createResultFile({
			format: 'crm-study-result',
			version: 1,
			assignment: a,
			assignmentCode: code,
			student: { name: s.name, number: s.number },
			startedAt: `2026-11-20T08:0${i}:00.000Z`,
			finishedAt: `2026-11-20T08:1${i}:00.000Z`,
			seed: 7,
			questionIds: paper.items.map((it) => it.questionId),
			answers: s.answers,
			score: own.ok ? { earned: own.score.earned, max: own.score.max } : { earned: 0, max: 0 }
		});
		const path = test.info().outputPath(`${s.number}.json`);
		writeFileSync(path, JSON.stringify(file));
		return path;
	});
}

const S = (choice: string): Response => ({ type: 'single', choice });
const J = (value: boolean): Response => ({ type: 'judge', value });
const D = (text: string): Response => ({ type: 'define', text, ticked: [0] });

test('a class of five: roster, four submissions, grading by question, feedback to a student, responses CSV', async ({ browser }) => {
	test.setTimeout(480_000);
	const teacherContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const teacher = await teacherContext.newPage();
	const link = await compose(teacher, '报表小测', PICKS);
	await shoot(teacher, 'teach-compose');

	const files = await resultFiles(teacher, link, [
		{ name: '张三', number: '2024001', answers: { 'src-single-02': S('C'), 'q-loy-017': J(false), 'src-define-customer-loyalty': D('对产品有好感和偏好，重复购买') } },
		{ name: '李四', number: '2024002', answers: { 'src-single-02': S('A'), 'q-loy-017': J(false), 'src-define-customer-loyalty': D('重复购买') } },
		{ name: '王五', number: '2024003', answers: { 'src-single-02': S('C'), 'q-loy-017': J(true), 'src-define-customer-loyalty': D('好感') } },
		{ name: '钱七', number: '2024005', answers: { 'src-single-02': S('B'), 'q-loy-017': J(true) } }
	]);

	await teacher.goto('/teach/results');
	await expect(teacher.getByLabel('作业')).toHaveValue(/.+/);
	// The roster of five, pasted from a spreadsheet.
	await teacher.getByLabel(/贴入名单/).fill('学号\t姓名\n2024001\t张三\n2024002\t李四\n2024003\t王五\n2024004\t赵六\n2024005\t钱七');
	await teacher.getByRole('button', { name: '加入名单' }).click();
	await expect(teacher.getByRole('status').filter({ hasText: '已读入 5 位学生' })).toBeVisible();

	await teacher.getByLabel('选择文件…').setInputFiles(files);
	await expect(teacher.getByRole('status').filter({ hasText: '本次导入' })).toContainText('本次导入 4 份');
	const roster = teacher.getByRole('region', { name: '名单与交卷情况' });
	await expect(roster).toContainText('名单 5 人，已交 4 人，未交 1 人：赵六（2024004）');
	await expect(roster.getByRole('row', { name: /赵六/ })).toContainText('未交');

	// Unmarked 名词解释 are 待批阅: outside the total, and 及格 waits where they could change it.
	const grades = teacher.getByRole('table', { name: /成绩册/ });
	await expect(grades.getByRole('row', { name: /张三/ })).toContainText('3 / 8');
	await expect(grades.getByRole('row', { name: /张三/ })).toContainText('另 5 分待批阅');
	await expect(grades.getByRole('row', { name: /张三/ })).toContainText('待批阅后确定');
	await expect(grades.getByRole('row', { name: /钱七/ })).toContainText('不及格');
	await shoot(teacher, 'teach-results');

	// Grade by question: the 名词解释 across the class, a free mark and a comment for each.
	const byQ = teacher.getByRole('region', { name: '按题批阅' });
	await expect(byQ).toContainText('共 4 位学生作答，还有 4 份未由你批阅');
	const marks = [
		['张三', '5', '定义完整。'],
		['李四', '2.5', '只写了重复购买，缺少好感和偏好。'],
		['王五', '1', '太简略。'],
		['钱七', '0', '未作答。']
	];
	for (const [name, mark, comment] of marks) {
		await expect(byQ.getByRole('heading', { level: 3 })).toContainText(name!);
		await byQ.getByLabel(/自定分数/).fill(mark!);
		await byQ.getByLabel(/评语/).fill(comment!);
		await byQ.getByRole('button', { name: '保存并下一位' }).click();
		await expect(byQ.getByText(`已保存 ${name} 的批阅。`)).toBeVisible();
	}
	await expect(byQ).toContainText('还有 0 份未由你批阅');
	await expect(grades.getByRole('row', { name: /张三/ })).toContainText('8 / 8（100%）');
	await expect(grades.getByRole('row', { name: /张三/ })).toContainText('及格');
	await expect(grades.getByRole('row', { name: /李四/ })).toContainText('3.5 / 8');
	await expect(grades.getByRole('row', { name: /李四/ })).toContainText('不及格');
	// A bad free mark is refused with a message.
	await byQ.getByRole('button', { name: '上一位' }).click();
	await byQ.getByLabel(/自定分数/).fill('9');
	await byQ.getByRole('button', { name: '保存并下一位' }).click();
	await expect(byQ.getByRole('alert')).toContainText('分数应在 0–5 之间');
	// α from the three items everyone had, now all marked (worked in reliability.test.ts's way):
	// item variances 4/3, 1/3, 4.729; total variance 10.896 → α = 1.5 × (1 − 6.396 / 10.896) = 0.62.
	await expect(teacher.locator('dt', { hasText: '信度 α' }).locator('+ dd')).toHaveText('0.62');
	await shoot(teacher, 'teach-graded');

	// The responses CSV reads back: one row per student with each answer and its marks.
	const [csv] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('button', { name: '导出作答明细 CSV' }).click()]);
	const text = readFileSync(await csv.path(), 'utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const table = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
	expect(table).toHaveLength(5);
	const head = table[0]!;
	const col = (id: string, what: '作答' | '得分') => head.findIndex((h) => h.includes(id) && h.includes(what));
	const zhang = table.find((r) => r[1] === '张三')!;
	expect(zhang.slice(0, 5)).toEqual(['2024001', '张三', '8', '8', '100']);
	expect(zhang[col('src-single-02', '作答')]).toBe('C');
	expect(zhang[col('q-loy-017', '作答')]).toBe('错');
	expect(zhang[col('src-define-customer-loyalty', '作答')]).toBe('对产品有好感和偏好，重复购买');
	expect(zhang[col('src-define-customer-loyalty', '得分')]).toBe('5');
	expect(table.find((r) => r[1] === '钱七')![col('src-define-customer-loyalty', '作答')]).toBe('未作答');
	expect(table.some((r) => r[1] === '赵六')).toBe(false);

	// The marked result for 李四, opened by 李四 in their own browser.
	await grades.getByRole('button', { name: /查看\s*李四的作答/ }).click();
	const [fb] = await Promise.all([teacher.waitForEvent('download'), teacher.getByRole('button', { name: '下载批阅结果（发给学生）' }).click()]);
	expect(fb.suggestedFilename()).toBe('报表小测-2024002-李四-批阅结果.json');
	const fbPath = test.info().outputPath(fb.suggestedFilename());
	await fb.saveAs(fbPath);
	await shoot(teacher, 'teach-detail');

	const student = await (await browser.newContext()).newPage();
	await student.goto('/assignment/feedback');
	// The prerendered file input is there before the page is live; a file picked earlier is lost.
	await student.waitForLoadState('networkidle');
	await student.getByLabel('打开批阅结果文件…').setInputFiles(fbPath);
	const result = student.getByRole('region', { name: '报表小测' });
	await expect(result).toContainText('李四（2024002）');
	await expect(result).toContainText('得分 3.5 / 8');
	await expect(result).toContainText('只写了重复购买，缺少好感和偏好。');
	await expect(result.getByRole('listitem').nth(2)).toContainText('2.5 / 5');
	await shoot(student, 'student-feedback');
	// The student's own result file is not a marked result, and the page says so.
	await student.getByLabel('打开批阅结果文件…').setInputFiles(files[1]!);
	await expect(student.getByRole('alert')).toContainText('交给老师的作答结果文件');

	// Deleting one student's submission from the roster row: 未交 again, and the file can be imported again.
	await roster.getByRole('button', { name: /删除…\s*王五/ }).click();
	await roster.getByRole('button', { name: '删除提交' }).click();
	await expect(roster).toContainText('未交 2 人');
	await teacher.getByLabel('选择文件…').setInputFiles([files[2]!]);
	await expect(teacher.getByRole('status').filter({ hasText: '本次导入' })).toContainText('本次导入 1 份');
	await expect(roster).toContainText('未交 1 人');

	await teacher.goto('/teach/export');
	await expect(teacher.getByText(/导出为 \d+ 道 GIFT 题/)).toBeVisible();
	await shoot(teacher, 'teach-export');
	await teacherContext.close();
});

test('results stay within a phone screen, and a long name does not push the score off a desktop one', async ({ browser }) => {
	test.setTimeout(300_000);
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const link = await compose(page, '窄屏测验', PICKS.slice(0, 2));
	const files = await resultFiles(page, link, [
		{ name: '张三', number: '2024001', answers: { 'src-single-02': S('C'), 'q-loy-017': J(true) } },
		{ name: 'Maximilian Alexander Fitzgerald-Worthing', number: '2024002', answers: { 'src-single-02': S('B'), 'q-loy-017': J(true) } },
		{ name: '王五', number: '2024003', answers: { 'src-single-02': S('D'), 'q-loy-017': J(false) } },
		{ name: '赵六', number: '2024004', answers: { 'src-single-02': S('A'), 'q-loy-017': J(false) } },
		{ name: '钱七', number: '2024005', answers: { 'src-single-02': S('C'), 'q-loy-017': J(true) } }
	]);
	await page.goto('/teach/results');
	await page.getByLabel('选择文件…').setInputFiles(files);
	const grades = page.getByRole('table', { name: /成绩册/ });
	await expect(grades.getByRole('row')).toHaveCount(6);
	// Five answers per question: enough for the item chart, which must fit the phone screen too.
	await expect(page.getByRole('figure', { name: /难度与区分度/ })).toBeVisible();
	const score = grades.getByRole('row', { name: /Maximilian/ }).getByRole('cell').nth(1);
	const box = (await score.boundingBox())!;
	expect(box.x + box.width).toBeLessThanOrEqual(1280);
	await expect(grades.getByRole('rowheader', { name: /Maximilian/ })).toHaveAttribute('title', 'Maximilian Alexander Fitzgerald-Worthing');
	await page.setViewportSize({ width: 390, height: 844 });
	await expectNoSideways(page);
	await context.close();
});
