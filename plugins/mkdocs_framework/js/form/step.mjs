/* Self-assessment: a step of the form (assess/<dimension>.html: one dimension's questions, target
 * and notes, with the progress indicator) and Check your answers (assess/check.html). form/page.mjs
 * makes the page's state object for the assessment open in this tab and starts these components.
 * Loaded up front by assess-step.js, which holds nothing the hub alone needs (results, chart,
 * library, progress, action plan, export and import). */

import { startForm } from "./page.mjs";
import { Criterion, DimensionNotes } from "./answers.mjs";
import { Announcer } from "../ui/component.mjs";
import { Banner, SaveStatus, StorageWarning } from "./status.mjs";
import { CheckAnswers, ReturnToCheck, StepExport, StepProgress } from "./steps.mjs";
import { DimensionScore } from "./results.mjs";

startForm([
  StorageWarning,
  StepExport,
  Banner,
  Announcer,
  SaveStatus,
  StepProgress,
  Criterion,
  DimensionNotes,
  DimensionScore,
  CheckAnswers,
  ReturnToCheck,
]);
