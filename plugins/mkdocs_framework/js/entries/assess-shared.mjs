/* assess-shared.js: the read-only shared results page (assess/shared.html). */
import { startPage } from "../ui/start.mjs";
import { sharedPage } from "../shared/index.mjs";

startPage(sharedPage);
