// Normalising what Japanese keyboards and IMEs type; the rules live in the forms shared with the web app.
export {
  katakanaReadingPattern,
  normalizeKana,
  normalizeNumberInput,
} from '../../domain/forms/japanese-input.js';
