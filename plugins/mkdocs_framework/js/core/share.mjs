/* Self-assessment: results in a link. No DOM here.
 *
 * A shared link carries the results in its fragment (the part after "#"), which browsers never send
 * to a server. The fragment is "r1." followed by base64url of UTF-8 JSON:
 *   {f: framework id, v: framework version, n: assessment name, u: authority, d: date (YYYY-MM-DD),
 *    l: [level ids, lowest first],
 *    a: {criterion id: [answer, fingerprint]}  answer: 1..N = l[answer - 1], 0 = not sure, -1 = not applicable
 *    t: {dimension id: 1..N}}
 * Answers are keyed by stable criterion ids and levels travel by id, so a link made with one version
 * of the framework can be mapped onto a later one. Fingerprints let the later version see whether a
 * criterion's wording has changed since. Notes (evidence, views) are never put in a link.
 *
 * A link is read by decode.mjs with the same checks as an imported file, so a link can hold nothing
 * that a file import would refuse.
 */

import * as model from "./model.mjs";
import { LINK_PREFIX, decodeLink } from "./decode.mjs";
import { linkCode } from "./fields.mjs";
import { migrateAssessment } from "./migrate.mjs";
import { fromBase64Url, toBase64Url } from "./util.mjs";

/**
 * @typedef {import("./model.mjs").Assessment} Assessment
 * @typedef {import("./model.mjs").Info} Info
 * @typedef {import("./decode.mjs").Counts} Counts
 * @typedef {object} Read  what a link holds (see read())
 * @property {boolean} ok
 * @property {"empty"|"corrupt"|"foreign"|"refused"} [kind]  why it cannot be shown
 * @property {string} [message]
 * @property {string} [frameworkId]
 * @property {string} [version]
 * @property {Assessment} [assessment]
 * @property {string} [otherVersion]
 * @property {boolean} [migrated]
 * @property {any} [report]
 * @property {Counts|null} [counts]
 * @property {string[]} [notShown]
 * @property {number} [answerCount]
 */

const PREFIX = LINK_PREFIX;

/* ---- Making a link ------------------------------------------------------------------------- */

/** What a link made from this assessment would hold, for telling the person before they copy it.
 * @param {Info} info @param {Assessment} assessment */
function contents(info, assessment) {
  const answers = [...info.criteria.keys()].filter(
    (id) => model.has(assessment.answers, id) && model.isAllowedAnswer(info, assessment.answers[id])
  ).length;
  const targets = [...info.dimensions.keys()].filter(
    (id) => model.has(assessment.targets, id) && info.levelIndex.has(assessment.targets[id])
  ).length;
  return {
    name: assessment.name || "",
    authority: assessment.authority || "",
    date: assessment.date || "",
    answers,
    targets,
    criteriaTotal: info.criteriaCount,
  };
}

/** The link's data (see the top of this file). @param {Info} info @param {Assessment} assessment */
function payload(info, assessment) {
  /** @type {Record<string, (number|string)[]>} */
  const answers = {};
  /** @type {Record<string, number>} */
  const targets = {};
  const fingerprints = assessment.fingerprints || {};
  for (const dimension of info.framework.dimensions) {
    for (const criterion of dimension.criteria) {
      if (!model.has(assessment.answers, criterion.id)) continue;
      const code = linkCode(info, assessment.answers[criterion.id]);
      if (code === undefined) continue;
      const fingerprint = model.has(fingerprints, criterion.id) ? fingerprints[criterion.id] : criterion.fingerprint;
      answers[criterion.id] = fingerprint ? [code, fingerprint] : [code];
    }
    const level = model.has(assessment.targets, dimension.id) ? info.levelIndex.get(assessment.targets[dimension.id]) : undefined;
    if (level) targets[dimension.id] = level;
  }
  /** @type {Record<string, any>} */
  const data = { f: info.framework.id, v: info.framework.version, n: assessment.name || "", u: assessment.authority || "" };
  if (assessment.date) data.d = assessment.date;
  data.l = info.framework.levels.map((level) => level.id);
  data.a = answers;
  data.t = targets;
  return data;
}

/** The fragment (without "#") for an assessment's results. @param {Info} info @param {Assessment} assessment */
function encode(info, assessment) {
  return PREFIX + toBase64Url(JSON.stringify(payload(info, assessment)));
}

/** A full address: the shared-results page's address with the results as its fragment.
 * @param {string} pageAddress @param {Info} info @param {Assessment} assessment */
function link(pageAddress, info, assessment) {
  return `${String(pageAddress).split("#")[0]}#${encode(info, assessment)}`;
}

/* ---- Reading a link ------------------------------------------------------------------------ */

/** What decode.mjs's outcomes mean to the shared page. */
/** @type {Record<string, Read["kind"]>} */
const KINDS = { empty: "empty", unreadable: "corrupt", invalid: "corrupt", foreign: "foreign", refused: "refused" };

/** Reads a fragment for this framework, carrying a link made with another version of it to this
 * one with migrate.mjs (a page that reads links always needs it). Returns
 *   {ok: false, kind: "empty"|"corrupt"|"foreign"|"refused", message}
 * or {ok: true, assessment, otherVersion (the link's version when it differs, else ""),
 *     migrated, report, counts, notShown (ids of answers this version has no question for), answerCount}.
 * @param {Info} info @param {string} fragment @returns {Read} */
function read(info, fragment) {
  const decoded = decodeLink(info, fragment, migrateAssessment);
  const otherVersion = decoded.version && decoded.version !== info.framework.version ? decoded.version : "";
  const { assessment, outcome, migration } = decoded;
  if (!assessment) {
    /** @type {Read} */
    const failure = { ok: false, kind: KINDS[outcome], message: decoded.problems.errors[0] };
    if (outcome === "foreign") return { ...failure, frameworkId: decoded.frameworkId };
    return outcome === "refused" ? { ...failure, version: otherVersion } : failure;
  }
  const migrated = Boolean(otherVersion) && migration.status === "migrated";
  return {
    ok: true,
    assessment,
    otherVersion,
    migrated,
    report: migrated ? migration.report : null,
    counts: migrated ? migration.counts : null,
    notShown: decoded.notCarried,
    answerCount: Object.keys(assessment.answers).length,
  };
}

export { PREFIX, contents, payload, encode, link, read, toBase64Url, fromBase64Url };
