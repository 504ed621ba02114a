/** The site's sections, in nav order. Labels are what users see; paths are route ids. */
export const NAV = [
	{ path: '/', label: '首页' },
	{ path: '/concepts', label: '概念' },
	{ path: '/flashcards', label: '闪卡' },
	{ path: '/quiz', label: '测验' },
	{ path: '/mistakes', label: '错题本' },
	{ path: '/calculators', label: '计算器' },
	{ path: '/progress', label: '进度' },
	{ path: '/teach', label: '教师' },
	{ path: '/settings', label: '设置' }
] as const;

export type NavPath = (typeof NAV)[number]['path'];

/** The places a student goes to daily; on phones they are the bottom tabs, the rest sit under 更多. */
export const PHONE_TABS: readonly NavPath[] = ['/', '/concepts', '/flashcards', '/quiz', '/progress'];

/** True when `pathname` (without the base) is inside the section at `path`. */
export function isCurrentSection(path: string, pathname: string): boolean {
	if (path === '/') return pathname === '/';
	return pathname === path || pathname.startsWith(path + '/');
}
