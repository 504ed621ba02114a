/**
 * Building blocks for the file-format schemas, and the Chinese message that names the field.
 *
 * Why valibot rather than zod: both check untrusted JSON deep and infer the TypeScript types,
 * but valibot is a set of small functions that tree-shake, so a page ships only the checks it
 * uses. Measured with rolldown --minify (2026-11): all our schemas (backup, result file,
 * assignment link, stored records) cost 12.6 KB minified / 2.4 KB gzipped of valibot code,
 * while zod 4 needs 97 KB / 26 KB even for a four-field sample schema, because its
 * method-chained classes cannot be shaken. Installed: valibot 1.9 MB, zod 8.2 MB. Neither
 * has dependencies; valibot 1.5 declares no Node engines limit.
 *
 * Every leaf schema carries its expectation as its message ("应为 1–4 的整数"), so any issue
 * reads as "<field path> <expectation>", e.g. `reviews[3].rating 应为 1–4 的整数`.
 * Nothing here converts an unchecked value to a string.
 */
import * as v from 'valibot';

export { v };

/** Valibot's default messages are English; every schema below sets its own. */
type Schema = v.GenericSchema;

export const num = (message = '应为数字') => v.pipe(v.number(message), v.finite(message));

export const int = (min: number, max: number, message = `应为 ${min}–${max} 的整数`) =>
	v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

export const range = (min: number, max: number, message = `应为 ${min}–${max} 之间的数`) =>
	v.pipe(v.number(message), v.finite(message), v.minValue(min, message), v.maxValue(max, message));

/** Milliseconds since 1970, as stored times are. */
export const time = (message = '应为时间（自 1970 年起的毫秒数）') => v.pipe(v.number(message), v.integer(message), v.minValue(0, message), v.maxValue(8.64e15, message));

export const str = (message = '应为文字') => v.string(message);

export const text = (min: number, max: number, what = '文字') =>
	v.pipe(v.string(`应为${what}`), v.minLength(min, min > 0 ? `${what}不能为空` : `应为${what}`), v.maxLength(max, `${what}不能超过 ${max} 个字`));

export const bool = (message = '应为 true 或 false') => v.boolean(message);

export const obj = <const T extends v.ObjectEntries>(entries: T, message = '应为对象（{…}）') => v.object(entries, message);

export const arr = <const T extends Schema>(item: T, max = Infinity, message = '应为列表（[…]）') =>
	max === Infinity ? v.array(item, message) : v.pipe(v.array(item, message), v.maxLength(max, `不能超过 ${max} 项`));

export const isoTime = (message = '应为 ISO 8601 时间，例如 2026-06-01T08:00:00.000Z') =>
	v.pipe(v.string(message), v.regex(/^\d{4}-\d{2}-\d{2}T/, message), v.check((s) => !Number.isNaN(Date.parse(s)), message));

export const oneOf = <const T extends readonly (string | number)[]>(options: T, message: string) => v.picklist(options, message);

/** `reviews[3].rating` from valibot's path; keys come from the data, so they are shown quoted when odd. */
export function fieldPath(issue: v.BaseIssue<unknown>, root = ''): string {
	let out = root;
	for (const item of issue.path ?? []) {
		const key: unknown = item.key;
		if (typeof key === 'number') out += `[${key}]`;
		else if (typeof key === 'string') out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
	}
	return out;
}

/**
 * The first issue as "<field> <expectation>". A missing field is reported by its object, whose
 * message describes the object, so it is worded on its own: "缺少 <field>".
 */
export function describeIssue(issues: readonly v.BaseIssue<unknown>[], root = ''): string {
	const issue = issues[0];
	if (!issue) return `${root || '内容'}格式不对`;
	const path = fieldPath(issue, root) || '文件内容';
	const last = issue.path?.at(-1);
	const missing = issue.input === undefined && last !== undefined && last.type === 'object' && !Object.prototype.hasOwnProperty.call(last.input, last.key as PropertyKey);
	return missing ? `缺少 ${path}` : `${path} ${issue.message}`;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Runs a schema, stopping at the first problem; never throws on any JSON value. */
export function check<S extends Schema>(schema: S, input: unknown, root = ''): Checked<v.InferOutput<S>> {
	const r = v.safeParse(schema, input, { abortEarly: true });
	return r.success ? { ok: true, value: r.output } : { ok: false, message: describeIssue(r.issues, root) };
}

/** Compile-time proof that a schema's output is exactly a hand-written domain type. */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
