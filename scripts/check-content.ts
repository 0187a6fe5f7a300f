// The first step of `npm run build`: checks every content file (schemas, ids, sections, figures) and stops the build
// with one line per problem, naming the file and the field. See src/content-check/check.ts.
import { checkContent, formatProblem } from "../src/content-check/check.ts";

const root = process.argv[2] ?? process.cwd();
const problems = checkContent(root);
if (problems.length > 0) {
  console.error(`Content check: ${problems.length} problem${problems.length === 1 ? "" : "s"}:`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
console.log("Content check: no problems.");
