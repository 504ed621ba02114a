/**
 * Reports an element's clientWidth whenever it changes, read only when the browser's own layout
 * is done. Svelte's bind:clientWidth also reads it at mount, which forces a layout of the whole
 * page in the middle of hydration (150 ms on /progress with a large bank, unthrottled).
 */
export function clientWidth(node: HTMLElement, report: (width: number) => void) {
	const observer = new ResizeObserver(() => report(node.clientWidth));
	observer.observe(node);
	return { destroy: () => observer.disconnect() };
}
