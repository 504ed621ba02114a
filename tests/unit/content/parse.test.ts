import { describe, expect, it } from 'vitest';
import { ContentError, parseCourse } from '../../../src/lib/content/parse';
import type { ContentFile } from '../../../src/lib/content/types';

const FRONT = ['---', 'id: sat', 'title: 客户满意', '---', ''];

const TERM = ['::: 术语 customer-satisfaction', '名称: 客户满意', '英文: Customer Satisfaction', '定义: 客户需要得到满足以后的一种心理反应。', ':::', ''];

function file(lines: string[], path = 'content/06-sat.md'): ContentFile {
	return { path, text: lines.join('\n') };
}

/** Parses and returns the single error message, failing the test if parsing succeeds. */
function errorOf(files: ContentFile[]): string {
	try {
		parseCourse(files);
	} catch (e) {
		expect(e).toBeInstanceOf(ContentError);
		return (e as ContentError).message;
	}
	throw new Error('expected a ContentError');
}

describe('parseCourse: valid content', () => {
	it('parses every block type with its fields', () => {
		const course = parseCourse([
			file([
				...FRONT,
				...TERM,
				'::: 列表 rm-features',
				'名称: 关系营销的五个本质特征',
				'相关: customer-satisfaction',
				'条目:',
				'- 双向沟通',
				'- 合作',
				':::',
				'::: 公式 sat-ratio',
				'名称: 客户满意度',
				'公式: C = \\dfrac{B}{A}',
				':::',
				'::: 对比 a-vs-b',
				'名称: 顾客 vs 客户',
				'内容:',
				'| | 顾客 | 客户 |',
				'| --- | --- | --- |',
				'| 范围 | 小 | 大 |',
				':::',
				'::: 单选 q1',
				'题干: 选哪个？',
				'选项:',
				'A. 甲',
				'B. 乙',
				'答案: B',
				'解析: 因为乙。',
				'概念: customer-satisfaction',
				'来源: 课程资料',
				':::',
				'::: 多选 q2',
				'题干: 选哪些？',
				'选项:',
				'A. 甲',
				'B. 乙',
				'C. 丙',
				'答案: C、A',
				'解析: 甲和丙。',
				':::',
				'::: 判断 q3',
				'题干：满意一定忠诚。',
				'答案：错',
				'解析：不一定。',
				':::',
				'::: 填空 q4',
				'题干: 三个因素：{{需求的拉动}}、{{技术的推动|技术推动}}。',
				'顺序: 任意',
				'解析: 见教材。',
				':::',
				'::: 名词解释 q5',
				'题干: 客户满意',
				'答案: 一种心理反应。',
				'要点:',
				'- 需要得到满足',
				'- 心理反应',
				':::',
				'::: 简答 q6',
				'题干: 简述。',
				'要点:',
				'- 一',
				'- 二',
				':::'
			])
		]);
		expect(course.chapters).toEqual([{ id: 'sat', title: '客户满意', order: 6, summary: '', file: 'content/06-sat.md' }]);
		expect(course.concepts.map((c) => [c.id, c.kind])).toEqual([
			['customer-satisfaction', 'term'],
			['rm-features', 'list'],
			['sat-ratio', 'formula'],
			['a-vs-b', 'compare']
		]);
		expect(course.concepts[0]!.english).toBe('Customer Satisfaction');
		expect(course.concepts[1]!.items).toEqual(['双向沟通', '合作']);
		expect(course.concepts[2]!.formula).toBe('C = \\dfrac{B}{A}');
		expect(course.concepts[3]!.text).toContain('| 范围 | 小 | 大 |');
		const [single, multiple, judge, fill, define, short] = course.questions;
		expect(single).toMatchObject({ type: 'single', answer: 'B', source: 'course', concepts: ['customer-satisfaction'] });
		expect(multiple).toMatchObject({ type: 'multiple', answer: ['A', 'C'], source: 'authored' });
		expect(judge).toMatchObject({ type: 'judge', answer: false, stem: '满意一定忠诚。' });
		expect(fill).toMatchObject({
			type: 'fill',
			stem: '三个因素：＿＿＿、＿＿＿。',
			answer: { blanks: [['需求的拉动'], ['技术的推动', '技术推动']], anyOrder: true }
		});
		expect(define).toMatchObject({ type: 'define', answer: { model: '一种心理反应。', points: ['需要得到满足', '心理反应'] } });
		expect(short).toMatchObject({ type: 'short', answer: { model: '', points: ['一', '二'] } });
		expect(single!.pos).toEqual({ file: 'content/06-sat.md', line: 30 });
	});

	it('orders chapters by the file number, not by file name or id', () => {
		const a = file(['---', 'id: zeta', 'title: Z', '---'], 'content/02-zeta.md');
		const b = file(['---', 'id: alpha', 'title: A', '---'], 'content/10-alpha.md');
		expect(parseCourse([b, a]).chapters.map((c) => c.id)).toEqual(['zeta', 'alpha']);
	});

	it('chapter ids have their own namespace, but two chapters cannot share one', () => {
		const a = file(['---', 'id: customer', 'title: 客户', '---', '::: 术语 customer', '名称: 客户', '定义: 略', ':::'], 'content/02-customer.md');
		expect(parseCourse([a]).concepts.map((c) => c.id)).toEqual(['customer']);
		const b = file(['---', 'id: customer', 'title: 又一个', '---'], 'content/03-other.md');
		expect(() => parseCourse([a, b])).toThrow('content/03-other.md:1 [customer] id 重复');
	});

	it('ignores headings and comments between blocks', () => {
		const course = parseCourse([file([...FRONT, '# 概念', '<!-- 作者备注', '多行 -->', ...TERM])]);
		expect(course.concepts).toHaveLength(1);
	});
});

describe('parseCourse: invalid content names the file, line and id', () => {
	it('duplicate id', () => {
		const msg = errorOf([file([...FRONT, ...TERM, ...TERM])]);
		expect(msg).toContain('content/06-sat.md:12 [customer-satisfaction]');
		expect(msg).toContain('id 重复');
		expect(msg).toContain('content/06-sat.md:6');
	});

	it('duplicate id across files', () => {
		const other = file(['---', 'id: other', 'title: 其他', '---', ...TERM], 'content/07-other.md');
		const msg = errorOf([file([...FRONT, ...TERM]), other]);
		expect(msg).toContain('content/07-other.md:5 [customer-satisfaction] id 重复');
	});

	it('missing required field', () => {
		const msg = errorOf([file([...FRONT, '::: 术语 crm', '名称: 客户关系管理', ':::'])]);
		expect(msg).toContain('content/06-sat.md:6 [crm] 缺少必填字段 “定义”');
	});

	it('choice answer not among the options', () => {
		const msg = errorOf([
			file([...FRONT, '::: 单选 q-x', '题干: ？', '选项:', 'A. 甲', 'B. 乙', '答案: E', '解析: 无', ':::'])
		]);
		expect(msg).toContain('content/06-sat.md:11 [q-x] 答案 “E” 不在选项 A、B 中');
	});

	it('single choice with two answers', () => {
		const msg = errorOf([
			file([...FRONT, '::: 单选 q-x', '题干: ？', '选项:', 'A. 甲', 'B. 乙', '答案: AB', '解析: 无', ':::'])
		]);
		expect(msg).toContain('[q-x] 单选题只能有一个答案');
	});

	it('reference to an unknown term', () => {
		const msg = errorOf([file([...FRONT, '::: 术语 crm', '名称: CRM', '相关: no-such-term', '定义: 略', ':::'])]);
		expect(msg).toContain('content/06-sat.md:8 [crm] “相关” 引用了不存在的概念 id “no-such-term”');
	});

	it('question pointing at an unknown concept', () => {
		const msg = errorOf([
			file([...FRONT, '::: 判断 q-j', '题干: 对吗', '答案: 对', '解析: 是', '概念: ghost', ':::'])
		]);
		expect(msg).toContain('content/06-sat.md:10 [q-j] “概念” 引用了不存在的概念 id “ghost”');
	});

	it('malformed front matter: not closed', () => {
		const msg = errorOf([file(['---', 'id: sat', 'title: 客户满意', ...TERM])]);
		expect(msg).toContain('content/06-sat.md:1 文件头格式错误：文件头没有以 --- 结束');
	});

	it('malformed front matter: bad line and unknown key', () => {
		const msg = errorOf([file(['---', 'id: sat', 'title 客户满意', 'author: 某人', '---'])]);
		expect(msg).toContain('content/06-sat.md:3 文件头格式错误：“title 客户满意” 不是 键: 值 的形式');
		expect(msg).toContain('content/06-sat.md:4 文件头格式错误：未知的键 “author”');
	});

	it('malformed front matter: missing', () => {
		expect(errorOf([file(TERM)])).toContain('content/06-sat.md:1 文件头格式错误：文件第一行应为 ---');
	});

	it('unknown block type, unterminated block, text outside blocks and bad ids', () => {
		const msg = errorOf([
			file([...FRONT, '随便写的一段话', '::: 论述 q-a', '题干: ？', ':::', '::: 术语 Bad_Id', '名称: x', '定义: y', ':::', '::: 判断 q-open', '题干: ？'])
		]);
		expect(msg).toContain('content/06-sat.md:6 块外不能有正文');
		expect(msg).toContain('content/06-sat.md:7 [q-a] 未知的块类型 “论述”');
		expect(msg).toContain('content/06-sat.md:10 [Bad_Id] id “Bad_Id” 格式不对');
		expect(msg).toContain('content/06-sat.md:14 [q-open] 块没有结束');
	});

	it('fill question without blanks, judge with a bad answer, field not used by the block', () => {
		const msg = errorOf([
			file([
				...FRONT,
				'::: 填空 q-f',
				'题干: 没有空',
				'解析: 无',
				':::',
				'::: 判断 q-j',
				'题干: ？',
				'答案: 可能',
				'解析: 无',
				':::',
				'::: 填空 q-g',
				'题干: 有{{空}}',
				'答案: 空',
				'解析: 无',
				':::'
			])
		]);
		expect(msg).toContain('content/06-sat.md:7 [q-f] 填空题的题干中没有空');
		expect(msg).toContain('content/06-sat.md:12 [q-j] 判断题的答案应为 对 或 错');
		expect(msg).toContain('content/06-sat.md:17 [q-g] 填空块不使用字段 “答案”');
	});

	it('reports every problem at once', () => {
		try {
			parseCourse([file([...FRONT, ...TERM, ...TERM, '::: 术语 x', ':::'])]);
			throw new Error('expected failure');
		} catch (e) {
			expect((e as ContentError).issues).toHaveLength(3);
		}
	});
});
