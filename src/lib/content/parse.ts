/**
 * Pure parser and validator for content/*.md (format documented in content/README.md).
 * It never touches the file system: callers pass file paths and texts, and get a typed
 * Course back or a ContentError listing every problem with its file, line and id.
 */
import {
	BLANK_MARK,
	type ChoiceOption,
	type Chapter,
	type Concept,
	type ConceptKind,
	type ContentFile,
	type Course,
	type Question,
	type AuthoredQuestionType,
	type SourcePos
} from './types';

export interface ContentIssue {
	file: string;
	line: number;
	id?: string;
	message: string;
}

export function formatIssue(issue: ContentIssue): string {
	const id = issue.id ? ` [${issue.id}]` : '';
	return `${issue.file}:${issue.line}${id} ${issue.message}`;
}

export class ContentError extends Error {
	constructor(readonly issues: ContentIssue[]) {
		super(`课程内容有 ${issues.length} 处错误：\n` + issues.map(formatIssue).join('\n'));
		this.name = 'ContentError';
	}
}

/** The one rule for every id in the course: lower-case ASCII words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FILE_PATTERN = /^(?:.*\/)?(\d+)-[a-z0-9-]+\.md$/;

const CONCEPT_KINDS: Record<string, ConceptKind> = {
	术语: 'term',
	列表: 'list',
	公式: 'formula',
	对比: 'compare'
};
const QUESTION_KINDS: Record<string, AuthoredQuestionType> = {
	单选: 'single',
	多选: 'multiple',
	判断: 'judge',
	填空: 'fill',
	名词解释: 'define',
	简答: 'short'
};

interface FieldSpec {
	required: string[];
	optional: string[];
}

/** Marks material from the wider textbooks, kept apart from the course's own documents. */
export const EXTENSION_SOURCE = '教材拓展';

const CONCEPT_COMMON = ['英文', '相关', '标签', '来源'];
const QUESTION_COMMON = ['概念', '来源', '标签'];

const FIELDS: Record<ConceptKind | AuthoredQuestionType, FieldSpec> = {
	term: { required: ['名称', '定义'], optional: [...CONCEPT_COMMON, '说明'] },
	list: { required: ['名称', '条目'], optional: [...CONCEPT_COMMON, '说明'] },
	formula: { required: ['名称', '公式'], optional: [...CONCEPT_COMMON, '说明'] },
	compare: { required: ['名称', '内容'], optional: CONCEPT_COMMON },
	single: { required: ['题干', '选项', '答案', '解析'], optional: QUESTION_COMMON },
	multiple: { required: ['题干', '选项', '答案', '解析'], optional: QUESTION_COMMON },
	judge: { required: ['题干', '答案', '解析'], optional: QUESTION_COMMON },
	fill: { required: ['题干', '解析'], optional: [...QUESTION_COMMON, '顺序'] },
	define: { required: ['题干', '答案', '要点'], optional: [...QUESTION_COMMON, '解析'] },
	short: { required: ['题干', '要点'], optional: [...QUESTION_COMMON, '答案', '解析'] }
};

const ALL_FIELD_NAMES = new Set(Object.values(FIELDS).flatMap((f) => [...f.required, ...f.optional]));
const FRONT_MATTER_KEYS = ['id', 'title', 'summary'];

interface Field {
	value: string;
	line: number;
}

interface RawBlock {
	label: string;
	id: string;
	line: number;
	fields: Map<string, Field>;
}

interface Reference {
	target: string;
	pos: SourcePos;
	from: string;
	field: string;
}

/** Collects problems instead of stopping at the first, so an author sees them all at once. */
class Reporter {
	readonly issues: ContentIssue[] = [];
	add(file: string, line: number, message: string, id?: string) {
		this.issues.push({ file, line, message, ...(id ? { id } : {}) });
	}
}

export function splitList(value: string): string[] {
	return value
		.split(/[,，、;；\s]+/)
		.map((s) => s.trim())
		.filter(Boolean);
}

function parseFrontMatter(file: ContentFile, lines: string[], report: Reporter): { meta: Record<string, string>; bodyStart: number } | null {
	if (lines[0]?.trim() !== '---') {
		report.add(file.path, 1, '文件头格式错误：文件第一行应为 ---，随后是 id、title 等字段，再以 --- 结束');
		return null;
	}
	const meta: Record<string, string> = {};
	for (let i = 1; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.trim() === '---') return { meta, bodyStart: i + 1 };
		if (line.trim() === '') continue;
		const m = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(line);
		if (!m) {
			report.add(file.path, i + 1, `文件头格式错误：“${line.trim()}” 不是 键: 值 的形式，例如 title: 客户满意`);
			continue;
		}
		const key = m[1]!;
		if (!FRONT_MATTER_KEYS.includes(key)) {
			report.add(file.path, i + 1, `文件头格式错误：未知的键 “${key}”，可用的键为 ${FRONT_MATTER_KEYS.join('、')}`);
			continue;
		}
		meta[key] = m[2]!.trim();
	}
	report.add(file.path, 1, '文件头格式错误：文件头没有以 --- 结束');
	return null;
}

function parseBlocks(file: ContentFile, lines: string[], start: number, report: Reporter): RawBlock[] {
	const blocks: RawBlock[] = [];
	let current: RawBlock | null = null;
	let field: { name: string; lines: string[]; line: number } | null = null;
	let inComment = false;

	const flushField = () => {
		if (current && field) {
			current.fields.set(field.name, { value: field.lines.join('\n').trim(), line: field.line });
		}
		field = null;
	};

	for (let i = start; i < lines.length; i++) {
		const line = lines[i]!;
		const lineNo = i + 1;
		if (!current) {
			if (inComment) {
				if (line.includes('-->')) inComment = false;
				continue;
			}
			const trimmed = line.trim();
			if (trimmed === '' || trimmed.startsWith('#')) continue;
			if (trimmed.startsWith('<!--')) {
				inComment = !trimmed.includes('-->');
				continue;
			}
			const open = /^:::\s*(\S+)\s+(\S+)\s*$/.exec(trimmed);
			if (open) {
				current = { label: open[1]!, id: open[2]!, line: lineNo, fields: new Map() };
				continue;
			}
			report.add(file.path, lineNo, `块外不能有正文：请把内容放进 ::: 类型 id … ::: 块中（读到 “${trimmed.slice(0, 20)}”）`);
			continue;
		}
		if (line.trim() === ':::') {
			flushField();
			blocks.push(current);
			current = null;
			continue;
		}
		const m = /^([^\s:：]+)\s*[:：]\s?(.*)$/.exec(line);
		if (m && ALL_FIELD_NAMES.has(m[1]!)) {
			flushField();
			const name = m[1]!;
			if (current.fields.has(name)) {
				report.add(file.path, lineNo, `字段 “${name}” 重复出现，每个字段只能写一次`, current.id);
			}
			field = { name, lines: [m[2]!], line: lineNo };
			continue;
		}
		if (field) {
			(field as { lines: string[] }).lines.push(line);
		} else if (line.trim() !== '') {
			report.add(file.path, lineNo, `块内第一行应为字段，例如 名称: … 或 题干: …（读到 “${line.trim().slice(0, 20)}”）`, current.id);
		}
	}
	if (current) {
		report.add(file.path, current.line, '块没有结束：缺少单独一行的 :::', current.id);
	}
	return blocks;
}

function parseListField(value: string, file: string, line: number, id: string, name: string, report: Reporter): string[] {
	const items: string[] = [];
	for (const raw of value.split('\n')) {
		const text = raw.trim();
		if (!text) continue;
		const m = /^(?:[-*]|\d+[.、])\s+(.*)$/.exec(text);
		if (!m) {
			report.add(file, line, `字段 “${name}” 的每一项应以 “- ” 开头（读到 “${text.slice(0, 20)}”）`, id);
			continue;
		}
		items.push(m[1]!.trim());
	}
	if (items.length === 0) report.add(file, line, `字段 “${name}” 至少需要一项，每项一行，以 “- ” 开头`, id);
	return items;
}

function parseOptions(value: string, file: string, line: number, id: string, report: Reporter): ChoiceOption[] {
	const options: ChoiceOption[] = [];
	for (const raw of value.split('\n')) {
		const text = raw.trim();
		if (!text) continue;
		const m = /^([A-Z])\s*[.．、]\s*(.+)$/.exec(text);
		if (!m) {
			report.add(file, line, `选项应写成 “A. 选项内容”，每项一行（读到 “${text.slice(0, 20)}”）`, id);
			continue;
		}
		const expected = String.fromCharCode(65 + options.length);
		if (m[1] !== expected) {
			report.add(file, line, `选项字母应按 A、B、C… 顺序排列：这里应为 ${expected}，读到 ${m[1]}`, id);
		}
		options.push({ key: m[1]!, text: m[2]!.trim() });
	}
	if (options.length < 2) report.add(file, line, '选择题至少需要两个选项', id);
	return options;
}

const JUDGE_VALUES: Record<string, boolean> = { 对: true, 正确: true, '√': true, 错: false, 错误: false, '×': false };

function buildBlock(
	block: RawBlock,
	file: string,
	chapter: string,
	report: Reporter,
	refs: Reference[]
): { concept?: Concept; question?: Question } {
	const { id, fields } = block;
	const pos: SourcePos = { file, line: block.line };
	const kind: ConceptKind | AuthoredQuestionType | undefined = CONCEPT_KINDS[block.label] ?? QUESTION_KINDS[block.label];
	if (!kind) {
		const known = [...Object.keys(CONCEPT_KINDS), ...Object.keys(QUESTION_KINDS)].join('、');
		report.add(file, block.line, `未知的块类型 “${block.label}”，可用的类型为 ${known}`, id);
		return {};
	}
	const spec = FIELDS[kind];
	let ok = true;
	for (const name of spec.required) {
		if (!fields.get(name)?.value) {
			report.add(file, block.line, `缺少必填字段 “${name}”（${block.label}块需要 ${spec.required.join('、')}）`, id);
			ok = false;
		}
	}
	for (const [name, f] of fields) {
		if (!spec.required.includes(name) && !spec.optional.includes(name)) {
			report.add(file, f.line, `${block.label}块不使用字段 “${name}”，可用字段为 ${[...spec.required, ...spec.optional].join('、')}`, id);
		}
	}
	if (!ok) return {};

	const get = (name: string) => fields.get(name)?.value ?? '';
	const lineOf = (name: string) => fields.get(name)?.line ?? block.line;
	const addRefs = (name: string) => {
		const targets = splitList(get(name));
		for (const target of targets) refs.push({ target, pos: { file, line: lineOf(name) }, from: id, field: name });
		return targets;
	};
	const tags = splitList(get('标签'));
	const isConcept = kind === 'term' || kind === 'list' || kind === 'formula' || kind === 'compare';
	const sourceText = get('来源');
	const allowed = isConcept ? [EXTENSION_SOURCE] : ['课程资料', EXTENSION_SOURCE];
	if (sourceText && !allowed.includes(sourceText)) {
		const hint = isConcept
			? `概念块的 “来源” 只能写 ${EXTENSION_SOURCE}（表示课程资料以外的教材内容），出自课程资料的概念不写此字段`
			: `“来源” 只能写 课程资料（课程资料原题）或 ${EXTENSION_SOURCE}（课程资料以外的教材内容），自编题不写此字段`;
		report.add(file, lineOf('来源'), `${hint}；读到 “${sourceText}”`, id);
	}
	const conceptSource = sourceText === EXTENSION_SOURCE ? ('extension' as const) : ('course' as const);

	if (isConcept) {
		const concept: Concept = {
			id,
			kind,
			chapter,
			name: get('名称'),
			english: get('英文') || null,
			related: addRefs('相关'),
			tags,
			text: kind === 'term' ? get('定义') : kind === 'compare' ? get('内容') : get('说明'),
			note: kind === 'term' ? get('说明') : '',
			items: kind === 'list' ? parseListField(get('条目'), file, lineOf('条目'), id, '条目', report) : [],
			formula: kind === 'formula' ? get('公式') : '',
			source: conceptSource,
			pos
		};
		return { concept };
	}

	const base = {
		id,
		chapter,
		stem: get('题干'),
		explanation: get('解析'),
		concepts: addRefs('概念'),
		source: sourceText === '课程资料' ? ('course' as const) : sourceText === EXTENSION_SOURCE ? ('extension' as const) : ('authored' as const),
		tags,
		pos
	};

	switch (kind) {
		case 'single':
		case 'multiple': {
			const options = parseOptions(get('选项'), file, lineOf('选项'), id, report);
			const keys = new Set(options.map((o) => o.key));
			const letters = get('答案').toUpperCase().replace(/[\s,，、]/g, '').split('');
			const unique = [...new Set(letters)];
			const missing = unique.filter((l) => !keys.has(l));
			if (missing.length > 0 || unique.length === 0) {
				report.add(file, lineOf('答案'), `答案 “${get('答案')}” 不在选项 ${[...keys].join('、')} 中`, id);
				return {};
			}
			if (kind === 'single') {
				if (unique.length !== 1) {
					report.add(file, lineOf('答案'), `单选题只能有一个答案，读到 “${get('答案')}”；多个答案请用多选块`, id);
					return {};
				}
				return { question: { ...base, type: 'single', options, answer: unique[0]! } };
			}
			if (unique.length < 2) {
				report.add(file, lineOf('答案'), `多选题至少有两个正确选项，读到 “${get('答案')}”；只有一个答案请用单选块`, id);
				return {};
			}
			return { question: { ...base, type: 'multiple', options, answer: unique.sort() } };
		}
		case 'judge': {
			const answer = JUDGE_VALUES[get('答案')];
			if (answer === undefined) {
				report.add(file, lineOf('答案'), `判断题的答案应为 对 或 错，读到 “${get('答案')}”`, id);
				return {};
			}
			return { question: { ...base, type: 'judge', options: [], answer } };
		}
		case 'fill': {
			const blanks: string[][] = [];
			const stem = base.stem.replace(/\{\{([^{}]*)\}\}/g, (_, inner: string) => {
				const alternatives = inner
					.split('|')
					.map((s) => s.trim())
					.filter(Boolean);
				blanks.push(alternatives);
				return BLANK_MARK;
			});
			if (blanks.length === 0) {
				report.add(file, lineOf('题干'), '填空题的题干中没有空：请用 {{答案}} 标出每个空', id);
				return {};
			}
			if (blanks.some((b) => b.length === 0)) {
				report.add(file, lineOf('题干'), '填空题有空的 {{}}：每个空至少写一个答案，例如 {{客户满意}}', id);
				return {};
			}
			const order = get('顺序');
			if (order && order !== '任意') {
				report.add(file, lineOf('顺序'), `“顺序” 只能写 任意，读到 “${order}”`, id);
			}
			return { question: { ...base, stem, type: 'fill', options: [], answer: { blanks, anyOrder: order === '任意' } } };
		}
		case 'define':
		case 'short': {
			const points = parseListField(get('要点'), file, lineOf('要点'), id, '要点', report);
			return { question: { ...base, type: kind, options: [], answer: { model: get('答案'), points } } };
		}
		default:
			return {};
	}
}

export function parseCourse(files: ContentFile[]): Course {
	const report = new Reporter();
	const chapters: Chapter[] = [];
	const concepts: Concept[] = [];
	const questions: Question[] = [];
	const refs: Reference[] = [];
	// Chapters have their own id space (a chapter "customer" may hold a concept "customer");
	// concepts and questions share one, since both are linked to by id.
	const seenChapters = new Map<string, SourcePos>();
	const seenItems = new Map<string, SourcePos>();
	const claim = (id: string, pos: SourcePos, seen = seenItems) => {
		if (!ID_PATTERN.test(id)) {
			report.add(pos.file, pos.line, `id “${id}” 格式不对：只能用小写英文字母、数字和连字符，例如 customer-satisfaction`, id);
			return false;
		}
		const prior = seen.get(id);
		if (prior) {
			report.add(pos.file, pos.line, `id 重复：“${id}” 已在 ${prior.file}:${prior.line} 使用过`, id);
			return false;
		}
		seen.set(id, pos);
		return true;
	};

	const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
	for (const file of sorted) {
		const nameMatch = FILE_PATTERN.exec(file.path);
		if (!nameMatch) {
			report.add(file.path, 1, '文件名应形如 06-satisfaction.md（数字序号-英文名.md）');
			continue;
		}
		const lines = file.text.replace(/\r\n?/g, '\n').split('\n');
		const front = parseFrontMatter(file, lines, report);
		if (!front) continue;
		const { meta, bodyStart } = front;
		if (!meta.id || !meta.title) {
			const missing = ['id', 'title'].filter((k) => !meta[k]).join('、');
			report.add(file.path, 1, `文件头格式错误：缺少 ${missing}`);
			continue;
		}
		if (!claim(meta.id, { file: file.path, line: 1 }, seenChapters)) continue;
		chapters.push({ id: meta.id, title: meta.title, order: Number(nameMatch[1]), summary: meta.summary ?? '', file: file.path });

		for (const block of parseBlocks(file, lines, bodyStart, report)) {
			const built = buildBlock(block, file.path, meta.id, report, refs);
			const item = built.concept ?? built.question;
			if (!item || !claim(item.id, item.pos)) continue;
			if (built.concept) concepts.push(built.concept);
			if (built.question) questions.push(built.question);
		}
	}

	const conceptIds = new Set(concepts.map((c) => c.id));
	for (const ref of refs) {
		if (!conceptIds.has(ref.target)) {
			report.add(ref.pos.file, ref.pos.line, `“${ref.field}” 引用了不存在的概念 id “${ref.target}”`, ref.from);
		}
	}

	if (report.issues.length > 0) throw new ContentError(report.issues);
	chapters.sort((a, b) => a.order - b.order);
	return { chapters, concepts, questions };
}
