/**
 * The page the service worker answers with when a page was never cached and the network is
 * down. It stands alone (no stylesheet or script can be fetched offline), so its styles are
 * inline and follow the site's colours in light and dark.
 */
export function offlinePage(home: string): string {
	return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="color-scheme" content="light dark" />
<title>离线｜CRM 复习</title>
<style>
:root { color-scheme: light dark; --bg: #f7f8fb; --surface: #fff; --text: #162033; --muted: #4a5568; --border: #d5dbe6; --accent: #1d4ed8; --accent-text: #fff; }
@media (prefers-color-scheme: dark) { :root { --bg: #0e1420; --surface: #161e2e; --text: #e5eaf3; --muted: #a7b2c5; --border: #334155; --accent: #8fb4ff; --accent-text: #0b1220; } }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg); color: var(--text);
  font: 1rem/1.7 system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; }
main { max-width: 26rem; margin: 1rem; padding: 1.5rem; background: var(--surface); border: 1px solid var(--border); border-radius: 12px; }
h1 { font-size: 1.4rem; margin: 0 0 0.5rem; }
p { color: var(--muted); }
a { display: inline-block; margin-top: 0.5rem; padding: 0.6rem 1.1rem; border-radius: 10px; background: var(--accent); color: var(--accent-text); font-weight: 600; text-decoration: none; }
a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>现在离线，这一页还没有保存</h1>
<p>联网后再打开一次这一页，之后离线也能用。已经打开过的页面（概念、闪卡、测验、计算器）现在就能离线使用。</p>
<a href="${home}">回到首页</a>
</main>
</body>
</html>`;
}
