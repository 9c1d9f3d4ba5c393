import * as yup from "yup";
import { withKey } from "stable-schema";

function isValidAfterStart(value) {
  return value > this.parent.start;
}

export function rangeForm(values, limit) {
  const schema = yup.object({
    start: yup.number().required(),
    end: yup
      .number()
      .required()
      .test({
        name: "after-start",
        message: "end must be after start",
        test: isValidAfterStart,
      })
      .test({
        name: "within-limit",
        message: "range too long",
        test: withKey(function (value) {
          return value - this.parent.start <= limit;
        }, ["eslint-plugin-stable-schema/tests/codemods/__testfixtures__/stable-predicates/yup-method-shorthand#isValidWithinLimit", limit]),
      }),
  });
  return schema.isValidSync(values);
}
