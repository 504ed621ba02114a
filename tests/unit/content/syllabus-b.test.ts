import { describe, expect, it } from 'vitest';
import { parseCourse } from '../../../src/lib/content/parse';
import type { Concept, QuestionType } from '../../../src/lib/content/types';
import { loadContentFiles } from './load';

// Issue 12, part B: the wider-textbook topics of chapters 05–14. Each topic must have its concept
// cards (marked 教材拓展) and questions of every type, so a student can both learn and be tested on it.
const course = parseCourse(loadContentFiles());
const TYPES: QuestionType[] = ['single', 'multiple', 'judge', 'fill', 'define', 'short'];

interface Topic {
	chapter: string;
	/** concept id → kind */
	concepts: Record<string, Concept['kind']>;
}

const TOPICS: Record<string, Topic> = {
	'lifecycle stages and the customer-state model': {
		chapter: 'churn',
		concepts: { 'lifecycle-stage-features': 'compare', 'customer-stage-model': 'list' }
	},
	'the customer pyramid': {
		chapter: 'segmentation',
		concepts: { 'customer-pyramid': 'term', 'customer-pyramid-tiers': 'list', 'customer-pyramid-management': 'compare' }
	},
	'historical, current and potential value; Woodruff; customer profitability': {
		chapter: 'value',
		concepts: {
			'customer-value-time-dimensions': 'list',
			'historical-current-potential-value': 'compare',
			'woodruff-customer-value': 'term',
			'woodruff-vs-zeithaml': 'compare',
			'customer-profitability': 'term',
			'customer-profitability-formula': 'formula'
		}
	},
	'switching costs': {
		chapter: 'loyalty',
		concepts: {
			'switching-cost': 'term',
			'switching-cost-types': 'list',
			'switching-vs-satisfaction-loyalty': 'compare',
			'loyalty-influencing-factors': 'list'
		}
	},
	'the Kano model and customer care': {
		chapter: 'satisfaction',
		concepts: {
			'kano-model': 'term',
			'kano-categories': 'list',
			'kano-basic-vs-expected-vs-excitement': 'compare',
			'customer-care': 'term',
			'customer-care-content': 'list',
			'customer-care-timing': 'list',
			'satisfaction-factors-textbook': 'list'
		}
	},
	'customer communication and customer input in service recovery': {
		chapter: 'interaction',
		concepts: {
			'customer-communication': 'term',
			'customer-communication-aims': 'list',
			'customer-communication-content': 'list',
			'communication-directions': 'compare',
			'emotional-communication': 'term',
			'customer-input-recovery': 'term'
		}
	},
	'CRM types, the 360-degree view and call-centre types': {
		chapter: 'crm-system',
		concepts: {
			'operational-crm': 'term',
			'analytical-crm': 'term',
			'collaborative-crm': 'term',
			'operational-vs-analytical-crm': 'compare',
			'customer-360-view': 'term',
			'call-center-types': 'list',
			'call-center-build-models': 'compare'
		}
	},
	'kinds of data warehouse': {
		chapter: 'data-mining',
		concepts: {
			'data-warehouse-kinds': 'list',
			ods: 'term',
			'data-mart': 'term',
			'edw-vs-ods-vs-data-mart': 'compare'
		}
	}
};

const concept = (id: string) => course.concepts.find((c) => c.id === id);

describe('issue 12 part B: textbook topics beyond the seed documents', () => {
	for (const [name, topic] of Object.entries(TOPICS)) {
		describe(name, () => {
			it('has its concept cards, of the right kind, in the right chapter, marked 教材拓展', () => {
				for (const [id, kind] of Object.entries(topic.concepts)) {
					const c = concept(id);
					expect(c, id).toBeDefined();
					expect(c!.kind, id).toBe(kind);
					expect(c!.chapter, id).toBe(topic.chapter);
					expect(c!.source, id).toBe('extension');
				}
			});

			it('is tested by extension questions of every type', () => {
				const ids = new Set(Object.keys(topic.concepts));
				const qs = course.questions.filter((q) => q.concepts.some((c) => ids.has(c)) && q.source === 'extension');
				const types = new Set(qs.map((q) => q.type));
				for (const t of TYPES) expect(types.has(t), `${name} lacks ${t}`).toBe(true);
				for (const q of qs) expect(q.chapter, q.id).toBe(topic.chapter);
			});
		});
	}

	it('gives every objective extension question an explanation', () => {
		const objective: QuestionType[] = ['single', 'multiple', 'judge', 'fill'];
		const ext = course.questions.filter((q) => q.source === 'extension' && objective.includes(q.type));
		expect(ext.length).toBeGreaterThan(0);
		for (const q of ext) expect(q.explanation.trim().length, q.id).toBeGreaterThan(10);
	});

	it('keeps the facts exams test on these cards', () => {
		expect(concept('lifecycle-stage-features')!.text).toMatch(/考察期[\s\S]*形成期[\s\S]*稳定期[\s\S]*退化期/);
		expect(concept('customer-stage-model')!.items.map((i) => i.split('：')[0])).toEqual([
			'潜在客户',
			'新客户',
			'忠诚客户',
			'流失客户'
		]);
		expect(concept('customer-pyramid-tiers')!.items.map((i) => i.split('：')[0])).toEqual([
			'贵宾客户',
			'主要客户',
			'普通客户',
			'小客户'
		]);
		expect(concept('customer-value-time-dimensions')!.items.map((i) => i.split('：')[0])).toEqual([
			'历史价值',
			'当前价值',
			'潜在价值'
		]);
		expect(concept('switching-cost-types')!.items.map((i) => i.split('：')[0])).toEqual([
			'程序性转换成本',
			'财务性转换成本',
			'关系性转换成本'
		]);
		const kano = concept('kano-categories')!.items.map((i) => i.split('（')[0]);
		expect(kano).toEqual(['基本型需求', '期望型需求', '兴奋型需求', '无差异型需求', '反向型需求']);
		expect(concept('customer-care-timing')!.items.map((i) => i.split('：')[0])).toEqual(['售前关怀', '售中关怀', '售后关怀']);
		expect(concept('woodruff-customer-value')!.text).toMatch(/使用情境/);
		for (const kind of ['Internet', '多媒体呼叫中心', '虚拟呼叫中心', '基于交换机', '自建', '外包'])
			expect(concept('call-center-types')!.items.join('\n'), kind).toContain(kind);
		for (const kind of ['企业级数据仓库', '操作型数据存储', '数据集市'])
			expect(concept('data-warehouse-kinds')!.items.join('\n'), kind).toContain(kind);
		expect(concept('operational-crm')!.text).toMatch(/前台/);
	});

	it('says on the card where the seeds and the textbooks disagree', () => {
		// The seeds speak of five levels derived from Woodruff; his own hierarchy has three.
		expect(concept('woodruff-customer-value')!.note).toMatch(/五层[\s\S]*三层|三层[\s\S]*五层/);
		// The seeds call it 分布式呼叫中心; textbooks call it 虚拟呼叫中心.
		expect(concept('call-center-types')!.text).toMatch(/分布式/);
		// Two pyramid splits are taught (1/4/15/80 and 苏朝晖's 1/19/30/50).
		expect(concept('customer-pyramid')!.note).toMatch(/苏朝晖/);
	});
});
