import { badInputPass } from './support/bad-input.js';

// See support/bad-input.ts: the pass as the public.
badInputPass('public');
