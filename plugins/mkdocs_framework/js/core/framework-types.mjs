/* The framework data the browser receives, as types. Generated from
 * schema/browser-data.schema.json by tests/test_browser_contract.py (run it with
 * UPDATE_GOLDEN=1 after changing the schema); do not edit. */

/**
 * @typedef {object} Framework  The framework, keyed by stable ids.
 * @property {string} id  framework.yml id: the key under which answers are saved
 * @property {string} title
 * @property {string} shortTitle
 * @property {string} version
 * @property {"prototype" | "draft" | "published" | "withdrawn"} status
 * @property {Scoring} scoring
 * @property {Level[]} levels  in order, lowest first
 * @property {Theme[]} themes
 * @property {Terms} terms
 * @property {NoteField[]} notes  the notes fields of each dimension, in the order shown; may be none
 * @property {Dimension[]} dimensions
 * @property {Lineage} lineage
 * @property {string[]} ruleInWords  the scoring rule in words, one paragraph each (words.py)
 */

/**
 * @typedef {object} Scoring
 * @property {"mean" | "median" | "minimum"} method
 * @property {boolean} themeResults  also give each theme a result
 * @property {boolean} overallResult  also give one overall result
 */

/**
 * @typedef {object} Level
 * @property {string} id
 * @property {string} label
 * @property {string | null} meaning  what the level means, when the framework says
 */

/**
 * @typedef {object} Theme
 * @property {string} id
 * @property {string} title
 */

/**
 * @typedef {object} Terms  The framework's words for what the pages name (framework.yml terms:), the plugin's neutral words filled in (model.py): the browser keeps no copy of them.
 * @property {string} organisation  one body that assesses itself, as written inside a sentence
 * @property {string} organisations
 * @property {string} organisationLabel  the label of the field that names the organisation
 * @property {string} people  whose personal information stays out of the notes
 * @property {string} participants  an example of who takes part, for a hint
 */

/**
 * @typedef {object} NoteField  One notes field of each dimension (framework.yml notes:, or the plugin's two).
 * @property {"evidence" | "views"} id  the key answers keep it under
 * @property {string} label
 * @property {string | null} hint
 * @property {string} prompt  what the worksheet asks
 * @property {string} column  the CSV column's heading
 * @property {string} name  how a sentence names what people write there
 */

/**
 * @typedef {object} Dimension
 * @property {string} id
 * @property {number} number  position in the framework, counting from 1
 * @property {string} name  what pages call it: its title, with its theme's when another dimension has the same title (model.py Dimension.name)
 * @property {string | null} theme  the id of its theme
 * @property {Criterion[]} criteria
 */

/**
 * @typedef {object} Criterion
 * @property {string} id
 * @property {string} title
 * @property {string[]} descriptors  one per level, in level order
 * @property {string} fingerprint  a hash of the wording, to tell when it changes
 */

/**
 * @typedef {object} Lineage  The version history, resolved by lineage.py: the browser applies it and never reads the history itself.
 * @property {string} versionPattern  a regular expression every version matches
 * @property {string[]} versions  every version, oldest first, the current last
 * @property {Record<string, Route>} from  earlier version -> how its answers are carried to the current one
 */

/**
 * @typedef {object} Route
 * @property {Record<string, Fate>} ids  an id of then -> where it leads now (ids that stay the same are left out)
 * @property {Record<string, string>} levels  a level id of then -> the level id now
 */

/**
 * @typedef {object} Fate
 * @property {Destination[]} to  empty when it was removed
 * @property {string | null} removedAfter  the version after which it, or one part of it, was removed
 */

/**
 * @typedef {object} Destination
 * @property {string} id
 * @property {"same" | "renamed" | "merged" | "split"} how
 */

export {};
