import { Ajv } from "ajv";
import Type from "typebox";
import { Compile } from "typebox/compile";

const ajv = new Ajv();

const validate = ajv.compile({ type: "object", properties: { name: { type: "string" } }, required: ["name"] });

export function isUser(data: unknown): boolean {
  return validate(data);
}

const isTagValidator = Compile(Type.String({ minLength: 1 }));

export const isTag = (data: unknown): boolean => isTagValidator.Check(data);
