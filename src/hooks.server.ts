import katex from 'katex';
import { provideTypesetter, typesetWith } from '$lib/components/calc/typeset';

// Prerendering typesets the calculators' worked steps for their default inputs, so the page
// shows its formulas before any script runs, and the browser loads KaTeX only when a step changes.
provideTypesetter(typesetWith(katex));
