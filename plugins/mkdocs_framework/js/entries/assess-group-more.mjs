/* assess-group-more.js: what the group page loads on first use (ui/loader.mjs). */
import * as more from "../group/more.mjs";
import { register } from "../ui/loader.mjs";

register("assess-group-more", more);
