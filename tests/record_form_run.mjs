// Runs functions of the NGO form's module (theme/scripts/record-data.js), with the vendored
// validator the page loads, on calls read as JSON from standard input, and prints each result as
// JSON; a Map becomes an object, and "validate" gives the validator's own errors.
//
//   echo '[{"call": "toYaml", "args": [{"name": "x"}, "# schema"]}]' | node tests/record_form_run.mjs
//   -> ["# schema\nname: \"x\"\n"]
//
// "check" takes {schemas, record, original, texts, context, answers}: the messages by field the
// page would show for those answers.
import { readFileSync } from "node:fs";
import * as data from "../theme/scripts/record-data.js";
import { Validator, format } from "../theme/static/js/vendor/json-schema.js";

data.addFormats(format);

const calls = {
  ...data,
  validate(schemas, address, record) {
    const validator = new Validator({ ...schemas[address], $id: address }, "7", false);
    for (const [url, schema] of Object.entries(schemas)) if (url !== address) validator.addSchema(schema, url);
    return validator.validate(record).errors.map(({ instanceLocation, keyword, keywordLocation }) =>
      ({ instanceLocation, keyword, keywordLocation }));
  },
  check({ schemas, record, original, texts, context, answers }) {
    return data.checker({ Validator, schemas, record, original, texts, context })(answers);
  },
};

const results = JSON.parse(readFileSync(0, "utf8")).map(({ call, args }) => {
  const result = calls[call](...args);
  return result instanceof Map ? Object.fromEntries(result) : result;
});
process.stdout.write(JSON.stringify(results));
