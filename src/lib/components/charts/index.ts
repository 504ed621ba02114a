// The progress page's charts, imported together and after the page (see routes/progress).
export { default as BarChart } from './BarChart.svelte';
export { default as ChapterBars } from './ChapterBars.svelte';
export { default as Heatmap } from './Heatmap.svelte';
