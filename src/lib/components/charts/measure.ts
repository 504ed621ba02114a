// The width last reported by any observed element. The charts of one page share a column, so a
// chart that mounts after it is known draws once at the right width instead of twice (each redraw
// costs a layout of the page: about 200 ms of Lighthouse's TBT on /progress).
let lastWidth = 640;

/** The width a chart should first draw at, before its own is reported. */
export const initialWidth = () => lastWidth;

/**
 * Reports an element's clientWidth whenever it changes, read only when the browser's own layout
 * is done. Svelte's bind:clientWidth also reads it at mount, which forces a layout of the whole
 * page in the middle of hydration (150 ms on /progress with a large bank, unthrottled).
 * Without `report`, it only records the width for the charts that mount later.
 */
export function clientWidth(node: HTMLElement, report: (width: number) => void = () => {}) {
	const observer = new ResizeObserver(() => report((lastWidth = node.clientWidth)));
	observer.observe(node);
	return { destroy: () => observer.disconnect() };
}
