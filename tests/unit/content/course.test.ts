import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseCourse } from '../../../src/lib/content/parse';
import type { QuestionType } from '../../../src/lib/content/types';
import { loadContentFiles } from './load';

// Issue 3: the whole course from the seeds. These counts and facts are the acceptance bar.
const course = parseCourse(loadContentFiles());
const TYPES: QuestionType[] = ['single', 'multiple', 'judge', 'fill', 'define', 'short'];

/** The 12 source 单选题 and the answer letters exactly as the course material gives them. */
const SOURCE_SINGLE_ANSWERS = ['A', 'C', 'A', 'C', 'D', 'B', 'C', 'B', 'D', 'A', 'B', 'C'];

describe('the course content', () => {
	it('has every chapter of the course', () => {
		expect(course.chapters.map((c) => c.id)).toEqual([
			'overview',
			'customer',
			'development',
			'marketing',
			'segmentation',
			'interaction',
			'satisfaction',
			'loyalty',
			'churn',
			'value',
			'data-mining',
			'crm-system',
			'implementation',
			'partner'
		]);
	});

	it('has at least 300 questions, and at least 15 in every chapter', () => {
		expect(course.questions.length).toBeGreaterThanOrEqual(300);
		for (const ch of course.chapters) {
			expect(course.questions.filter((q) => q.chapter === ch.id).length, ch.id).toBeGreaterThanOrEqual(15);
		}
	});

	it('every chapter can be quizzed in every question type', () => {
		for (const ch of course.chapters) {
			const types = new Set(course.questions.filter((q) => q.chapter === ch.id).map((q) => q.type));
			for (const t of TYPES) expect(types.has(t), `${ch.id} lacks ${t}`).toBe(true);
		}
	});

	it('contains the 12 source single-choice questions with their source answers', () => {
		SOURCE_SINGLE_ANSWERS.forEach((answer, i) => {
			const id = `src-single-${String(i + 1).padStart(2, '0')}`;
			const q = course.questions.find((x) => x.id === id);
			expect(q, id).toBeDefined();
			expect(q!.type, id).toBe('single');
			expect(q!.answer, id).toBe(answer);
			expect(q!.source, id).toBe('course');
		});
		// The 12th is cut off in the source: its options were completed, and the explanation says so.
		expect(course.questions.find((q) => q.id === 'src-single-12')!.explanation).toMatch(/补|完整|截断|缺/);
	});

	it('turns all 54 numbered statements into fill-in-the-blank questions from the course material', () => {
		for (let n = 1; n <= 54; n++) {
			const id = `src-stmt-${String(n).padStart(2, '0')}`;
			const q = course.questions.find((x) => x.id === id);
			expect(q, id).toBeDefined();
			expect(q!.type, id).toBe('fill');
			expect(q!.source, id).toBe('course');
		}
	});

	it('every self-written question explains its answer and links to a concept card', () => {
		for (const q of course.questions.filter((x) => x.source === 'authored')) {
			if (q.type !== 'define' && q.type !== 'short') expect(q.explanation.length, q.id).toBeGreaterThan(5);
			expect(q.concepts.length, q.id).toBeGreaterThan(0);
		}
	});

	it('is free of PDF garbling, site boilerplate and off-topic passages', () => {
		const dir = 'content';
		const text = readdirSync(dir)
			.filter((f) => f.endsWith('.md') && f !== 'README.md')
			.map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
			.join('\n');
		expect(text).not.toMatch(/[\u2F00-\u2FDF]/);
		for (const marker of ['原创力文档', '成为VIP', 'VIP会员', '下载', 'book118', '惊醒比较']) expect(text, marker).not.toContain(marker);
		for (const offTopic of ['理财经理', '公关部', '供应链的八', '营销的六个步骤', '营销六步', '分公司']) expect(text, offTopic).not.toContain(offTopic);
	});

	it('has concept cards of every kind, including the required lists, formulas and contrasts', () => {
		const ids = new Set(course.concepts.map((c) => c.id));
		for (const id of [
			'relationship-marketing-features',
			'marketing-4p-4c-4r',
			'idic-model',
			'diamond-model',
			'customer-lifecycle',
			'crm-system-types',
			'call-center-technologies',
			'loyalty-types',
			'complaint-handling-steps',
			'crm-failure-reasons',
			'cdv-formula',
			'satisfaction-ratio',
			'service-quality-conditions',
			'pareto-principle',
			'retention-economics',
			'loyalty-satisfaction-function',
			'churn-no-special-attention',
			'customer-vs-client',
			'satisfaction-vs-loyalty',
			'loyal-vs-habitual-buyer',
			'transaction-vs-relationship-marketing',
			'recovery-vs-complaint-management',
			'perceived-quality-vs-satisfaction'
		]) {
			expect(ids.has(id), id).toBe(true);
		}
	});
});

// Issue 12, part A: the wider syllabus for chapters 1-4 (教材拓展). The lead adds part B's ids in a block of its own.
describe('wider syllabus: overview, customer, development, marketing', () => {
	const PART_A_CHAPTERS = ['overview', 'customer', 'development', 'marketing'];
	/** Concept ids the issue requires, by chapter; every one comes from the wider textbooks. */
	const PART_A_EXTENSION_CONCEPTS: Record<string, string[]> = {
		overview: ['crm-definition-schools', 'crm-essence', 'customer-role-evolution', 'market-share-vs-customer-share'],
		customer: ['relationship-types-described', 'relationship-type-grid', 'relationship-type-aliases', 'competitor-as-customer', 'customer-states-compare'],
		development: [
			'customer-selection',
			'why-select-customers',
			'good-customer-conditions',
			'good-vs-bad-customer',
			'big-customer-risks',
			'customer-selection-principles',
			'matching-principle',
			'matching-matrix',
			'customer-acquisition',
			'marketing-vs-selling-acquisition',
			'attractive-offer-factors',
			'psychological-pricing',
			'odd-vs-even-pricing',
			'discount-pricing',
			'convenient-channel',
			'promotion-mix-tools',
			'prospecting-methods',
			'prospecting-methods-compare',
			'organizational-buying-situations',
			'buying-situations-compare'
		],
		marketing: ['relationship-marketing-levels', 'relationship-marketing-levels-compare', 'frequent-flyer-program', 'relationship-marketing-features-alt']
	};

	it('has every required concept of part A in its chapter, marked 教材拓展', () => {
		for (const [chapter, ids] of Object.entries(PART_A_EXTENSION_CONCEPTS)) {
			for (const id of ids) {
				const c = course.concepts.find((x) => x.id === id);
				expect(c, id).toBeDefined();
				expect(c!.chapter, id).toBe(chapter);
				expect(c!.source, id).toBe('extension');
			}
		}
	});

	it('keeps the seed cards of these chapters unmarked, so 只看课程资料 still shows them', () => {
		for (const id of ['crm', 'crm-benefits', 'customer-relationship-types', 'customer-vs-client', 'relationship-marketing-features', 'man-criteria']) {
			expect(course.concepts.find((x) => x.id === id)!.source, id).toBe('course');
		}
	});

	it('puts 客户的选择与开发 third, entirely from the wider textbooks, with every question type', () => {
		expect(course.chapters[2]).toMatchObject({ id: 'development', title: '客户的选择与开发' });
		const qs = course.questions.filter((q) => q.chapter === 'development');
		expect(qs.length).toBeGreaterThanOrEqual(60);
		for (const q of qs) expect(q.source, q.id).toBe('extension');
		for (const c of course.concepts.filter((x) => x.chapter === 'development')) expect(c.source, c.id).toBe('extension');
		const types = new Set(qs.map((q) => q.type));
		for (const t of TYPES) expect(types.has(t), `development lacks ${t}`).toBe(true);
	});

	it('adds at least 130 extension questions to these chapters, each explained and linked to an extension card', () => {
		const ext = course.questions.filter((q) => q.source === 'extension' && PART_A_CHAPTERS.includes(q.chapter));
		expect(ext.length).toBeGreaterThanOrEqual(130);
		const extConcepts = new Set(course.concepts.filter((c) => c.source === 'extension').map((c) => c.id));
		for (const q of ext) {
			if (q.type !== 'define' && q.type !== 'short') expect(q.explanation.length, q.id).toBeGreaterThan(5);
			expect(q.concepts.some((id) => extConcepts.has(id)), q.id).toBe(true);
		}
	});

	it('states both sides where the seeds and the wider textbooks disagree', () => {
		for (const id of ['competitor-as-customer', 'market-share-vs-customer-share']) {
			const text = course.concepts.find((x) => x.id === id)!.text;
			expect(text, id).toContain('课程资料');
			expect(text, id).toContain('通行教材');
		}
		expect(course.concepts.find((x) => x.id === 'competitor-as-customer')!.text).toContain('竞争对手');
		expect(course.concepts.find((x) => x.id === 'market-share-vs-customer-share')!.text).toContain('市场份额');
	});

	it('still offers all six question types in every chapter after the additions', () => {
		for (const ch of course.chapters) {
			const types = new Set(course.questions.filter((q) => q.chapter === ch.id).map((q) => q.type));
			expect([...types].sort(), ch.id).toEqual([...TYPES].sort());
		}
	});
});
