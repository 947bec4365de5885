/* The framework's own words for what the pages name (framework.yml terms: and notes:, given by
 * data.py), with the plugin's neutral words for a framework that says nothing. No DOM.
 */

/** @typedef {{organisation: string, organisations: string, organisationLabel: string, people: string, participants: string}} Terms */
/** @typedef {{id: string, label: string, hint: string | null, prompt: string, column: string, name: string}} NoteField */

/** @type {Terms} */
const NEUTRAL = {
  organisation: "organisation",
  organisations: "organisations",
  organisationLabel: "Organisation",
  people: "anyone",
  participants: "head of service, head of performance, two team managers, a user representative",
};

/** The framework's words, each falling back to the neutral one.
 * @param {{title: string, terms?: Partial<Terms>}} framework the framework data (data.py) @returns {Terms} */
export function terms(framework) {
  return { ...NEUTRAL, ...(framework.terms || {}) };
}

/** The plugin's notes fields, for page data that lists none (model.py's DEFAULT_NOTES). @type {NoteField[]} */
const NEUTRAL_NOTES = [
  {
    id: "evidence",
    label: "Evidence for your judgement",
    hint: "What you looked at and what it showed, in general terms. Do not include personal information.",
    prompt: "Evidence: what shows this?",
    column: "Evidence notes",
    name: "your evidence",
  },
  {
    id: "views",
    label: "Whose views informed your judgement",
    hint: "Whose views you heard and how. Do not include personal information.",
    prompt: "Whose views informed this judgement, and how?",
    column: "Views",
    name: "your notes on whose views informed it",
  },
];

/** The notes fields each dimension has, in the order shown: the framework's own (data.py always
 * gives them; [] for none), else the plugin's.
 * @param {{title: string, notes?: NoteField[]}} framework the framework data (data.py) @returns {NoteField[]} */
export function noteFields(framework) {
  return framework.notes || NEUTRAL_NOTES;
}

/** A word as it starts a sentence or a label: "authority" -> "Authority".
 * @param {string} word */
export function capitalise(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** How pages name a dimension: "3. Culture", with its theme when another dimension has the same
 * title ("3. Culture (Skills)"; data.py gives the title so).
 * @param {{number: number, title: string}} dimension */
export function dimensionName(dimension) {
  return `${dimension.number}. ${dimension.title}`;
}
