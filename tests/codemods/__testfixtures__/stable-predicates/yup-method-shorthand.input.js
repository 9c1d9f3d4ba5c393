import * as yup from "yup";

export function rangeForm(values, limit) {
  const schema = yup.object({
    start: yup.number().required(),
    end: yup
      .number()
      .required()
      .test({
        name: "after-start",
        message: "end must be after start",
        test(value) {
          return value > this.parent.start;
        },
      })
      .test({
        name: "within-limit",
        message: "range too long",
        test(value) {
          return value - this.parent.start <= limit;
        },
      }),
  });
  return schema.isValidSync(values);
}
