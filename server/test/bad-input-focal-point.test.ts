import { badInputPass } from './support/bad-input.js';

// See support/bad-input.ts: the pass as focal point.
badInputPass('focal point');
