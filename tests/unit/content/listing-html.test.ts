import { describe, expect, it } from 'vitest';
import { conceptListingHtml, extensionBadgeHtml, type ListedChapter } from '$lib/content/listing-html';

const chapters: ListedChapter[] = [
	{
		id: 'ch1',
		title: '客户关系 & 价值',
		order: 1,
		summary: '概述 <b>不是标签</b>',
		concepts: [
			{ id: 'clv', name: '客户终生价值', kind: 'formula', source: 'course' },
			{ id: 'x', name: '<img src=x onerror=alert(1)>', kind: 'term', source: 'extension' }
		]
	},
	{ id: 'ch2', title: '只有拓展', order: 2, summary: '', concepts: [{ id: 'kano', name: '卡诺模型', kind: 'list', source: 'extension' }] }
];

describe('conceptListingHtml', () => {
	const html = conceptListingHtml(chapters, '/crm');

	it('escapes every text from the content', () => {
		expect(html).not.toContain('<img');
		expect(html).not.toContain('<b>');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('客户关系 &amp; 价值');
	});

	it('links each concept under the base path, with its kind chip unless it is a term', () => {
		expect(html).toContain('<a href="/crm/concepts/clv">客户终生价值</a><span class="chip">公式</span>');
		expect(html).toContain('<a href="/crm/concepts/kano">卡诺模型</a><span class="chip">列表</span>');
		expect(html.match(/href="\/crm\/concepts\//g)).toHaveLength(3);
	});

	it('marks 拓展 concepts and chapters made only of them, so that 只看课程资料 can hide them', () => {
		expect(html).toContain(`<li class="ext"><a href="/crm/concepts/x">`);
		expect(html).toContain(extensionBadgeHtml());
		expect(html).toContain('<li value="2" class="all-ext"><a href="#chapter-ch2">只有拓展</a></li>');
		expect(html).toContain('<section class="chapter card all-ext" id="chapter-ch2"');
		expect(html).toContain('<section class="chapter card" id="chapter-ch1"');
		// A chapter with its summary empty has no empty paragraph.
		expect(html.match(/<p class="muted">/g)).toHaveLength(1);
	});
});
