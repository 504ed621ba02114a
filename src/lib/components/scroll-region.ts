/**
 * A Svelte action for a container that may scroll sideways (a wide table on a phone). While
 * its content overflows, keyboard users must be able to focus it to scroll it (WCAG 2.1.1),
 * and the focus stop needs a name: the table's caption, or `label`.
 */
export function scrollRegion(node: HTMLElement, label = '表格') {
	const name = () => node.querySelector('caption')?.textContent?.trim() || label;
	const update = () => {
		if (node.scrollWidth > node.clientWidth + 1) {
			node.tabIndex = 0;
			node.setAttribute('role', 'region');
			node.setAttribute('aria-label', `${name()}（可左右滚动）`);
		} else {
			node.removeAttribute('tabindex');
			node.removeAttribute('role');
			node.removeAttribute('aria-label');
		}
	};
	// The observer's first report comes after the browser's own layout. Measuring here instead,
	// while the page hydrates, forced a layout per table (1.5 s of blocking on the CLV page at 4× CPU).
	const observer = new ResizeObserver(update);
	observer.observe(node);
	const table = node.firstElementChild;
	if (table) observer.observe(table);
	return {
		update(next: string) {
			label = next;
			if (node.hasAttribute('role')) node.setAttribute('aria-label', `${name()}（可左右滚动）`);
		},
		destroy: () => observer.disconnect()
	};
}
