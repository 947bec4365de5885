/* assess-more.js: what the self-assessment form loads on first use (ui/loader.mjs). */
import * as more from "../form/more.mjs";
import { register } from "../ui/loader.mjs";

register("assess-more", more);
